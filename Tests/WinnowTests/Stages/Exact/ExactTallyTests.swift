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

    /// A keep policy's field that no document of a duplicate group has leaves every group to its ids:
    /// the merged tally says so, over the groups when it knows them and over every keeper read from files.
    @Test func aKeepFieldNoDuplicateHasIsWarnedOf() throws {
        let keep = KeepPolicy.newest(field: "timestamp")
        let stage = ExactStage(options: try ExactOptions.decode(settings: ["keep=newest:timestamp"], owner: "t"))
        var tally = ExactTally()
        for document in Self.documents() { stage.map(document, into: &tally) }
        let warning = try #require(tally.missingFieldWarning(keep: keep))
        #expect(warning.contains("no document in the duplicate groups (2) has a number or text in field 'timestamp'"), "\(warning)")
        #expect(stage.warnings(using: tally) == [warning])
        #expect(tally.missingFieldWarning(keep: .longest) == nil, "longest orders by no field")

        var fromFiles = tally
        fromFiles.repeated = nil
        #expect(fromFiles.missingFieldWarning(keep: keep)?.contains("no text the keepers record (4) has") == true)

        // One document of one group with the field is enough: the field is there, named right.
        var dated = Self.documents()
        dated[2].setField("timestamp", .string("2024-05-01"))
        var withField = ExactTally()
        for document in dated { stage.map(document, into: &withField) }
        #expect(withField.missingFieldWarning(keep: keep) == nil)
        // A field only on a text no other document shares decides nothing: still warned of.
        dated = Self.documents()
        dated[3].setField("timestamp", .int(7))
        var onlyUnique = ExactTally()
        for document in dated { stage.map(document, into: &onlyUnique) }
        #expect(onlyUnique.missingFieldWarning(keep: keep) != nil)
        fromFiles = onlyUnique
        fromFiles.repeated = nil
        #expect(fromFiles.missingFieldWarning(keep: keep) == nil, "from files the groups are unknown: any keeper with it counts")
        // No duplicates at all: nothing was decided, nothing to say.
        var single = ExactTally()
        stage.map(Self.documents()[0], into: &single)
        #expect(single.missingFieldWarning(keep: keep) == nil)
    }
}
