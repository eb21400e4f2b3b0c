import Testing
import WinnowTestSupport

@testable import Winnow

/// Which fingerprints repeat is known from a tally of the documents themselves, however sharded, and
/// unknown from a keepers file; apply keeps only the keepers of repeated texts and removes the same copies.
@Suite struct ExactTallyTests {
    private static func documents() -> [Document] {
        let texts = ["alpha beta", "gamma delta", "Alpha, beta!", "epsilon", "gamma delta", "zeta eta", "ALPHA BETA"]
        return texts.enumerated().map { index, text in
            Document(id: "d\(index)", text: text, origin: DocumentOrigin(source: "in", line: index + 1))
        }
    }

    private static func verdicts(_ remover: any DocumentStage, _ documents: [Document]) -> [Bool] {
        documents.map { document in
            var copy = document
            if case .remove = remover.process(&copy) { return true }
            return false
        }
    }

    @Test func repeatedTextsAreKnownHoweverShardedAndApplyRemovesTheSameCopies() throws {
        let stage = ExactStage(options: ExactOptions())
        let documents = Self.documents()
        var whole = ExactTally()
        for document in documents { stage.map(document, into: &whole) }
        #expect(whole.repeated?.count == 2)
        #expect(whole.keepersOfCopies.count == 2 && whole.keepers.count == 4)
        // Shards merged in either order know the same repeats, the copies split between them included.
        var first = ExactTally(), second = ExactTally()
        for (index, document) in documents.enumerated() {
            if index % 2 == 0 { stage.map(document, into: &first) } else { stage.map(document, into: &second) }
        }
        var merged = first, reversed = second
        merged.merge(second)
        reversed.merge(first)
        #expect(merged.repeated == whole.repeated && reversed.repeated == whole.repeated)
        let removed = Self.verdicts(stage.apply(using: whole), documents)
        #expect(removed == Self.verdicts(ExactRemover(keepers: whole.keepers), documents))
        #expect(removed.filter { $0 }.count == 3)

        let folder = TemporaryFolder()
        try ExactKeepersFile.write(whole, keep: .longest, to: folder.file("keepers"))
        var read = ExactTally()
        try ExactKeepersFile.read(folder.file("keepers"), keep: .longest, into: &read)
        #expect(read.repeated == nil && read.keepersOfCopies == whole.keepers)
        #expect(Self.verdicts(stage.apply(using: read), documents) == removed)
        var mixed = whole
        mixed.merge(read)
        #expect(mixed.repeated == nil, "a merge with a tally that does not know its repeats does not know them either")
    }

    /// `removes`, which the shared map pass asks of every document exact and templates both mapped,
    /// gives apply's verdicts; `removesNothing` holds only when no text is on two documents and that
    /// is known (not for keepers read from a file).
    @Test func removesAgreesWithApplyAndNothingIsRemovedOnlyWithoutRepeats() throws {
        let stage = ExactStage(options: ExactOptions())
        let documents = Self.documents()
        var whole = ExactTally()
        var keys: [UInt64] = []
        for document in documents { keys.append(try #require(stage.mapCarrying(document, into: &whole))) }
        let removed = Self.verdicts(stage.apply(using: whole), documents)
        #expect(zip(documents, keys).map { stage.removes(key: $1, id: $0.id, origin: $0.origin, using: whole) } == removed)
        #expect(!stage.removesNothing(using: whole))

        var unique = ExactTally()
        for document in documents.prefix(2) { stage.map(document, into: &unique) }
        #expect(stage.removesNothing(using: unique) && unique.repeated == [])
        #expect(stage.removesNothing(using: ExactTally()))
        let folder = TemporaryFolder()
        try ExactKeepersFile.write(unique, keep: .longest, to: folder.file("keepers"))
        var read = ExactTally()
        try ExactKeepersFile.read(folder.file("keepers"), keep: .longest, into: &read)
        #expect(!stage.removesNothing(using: read), "a keepers file does not say which texts repeat")
    }
}
