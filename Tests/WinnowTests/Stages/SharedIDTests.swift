import Foundation
import Testing
import WinnowTestSupport

@testable import Winnow

/// Records that share an id (a page crawled twice, a file given twice) are different documents: the
/// duplicate stages tell them apart by where they were read, keep one, and say so in the summary.
@Suite struct SharedIDTests {
    static let text = DedupStageTests.article

    func line(_ id: String, _ text: String) -> String {
        var bytes: [UInt8] = Array("{\"id\":".utf8)
        JSONString.append(id, to: &bytes)
        bytes += Array(",\"text\":".utf8)
        JSONString.append(text, to: &bytes)
        return String(decoding: bytes + [UInt8(ascii: "}")], as: UTF8.self)
    }

    struct Outcome {
        let summary: RunSummary
        let kept: [[String: Any]]
        let removed: [[String: Any]]
    }

    func run(_ steps: [PipelineStep], files: [String], twice: Bool = false, threads: Int = 2) async throws -> Outcome {
        let folder = TemporaryFolder()
        var inputs: [InputSpec] = []
        for (index, content) in files.enumerated() {
            let path = folder.write("in-\(index).jsonl", content)
            inputs.append(.jsonl(path: path, name: "in-\(index).jsonl"))
        }
        if twice { inputs += inputs }
        let summary = try await runSteps(steps, inputs: inputs, output: folder.file("out.jsonl")) {
            $0.threads = threads
            $0.removedOutput = folder.file("removed.jsonl")
            $0.spoolDirectory = folder.path
        }
        return Outcome(
            summary: summary, kept: jsonLines(folder.read("out.jsonl") ?? ""),
            removed: jsonLines(folder.read("removed.jsonl") ?? ""))
    }

    @Test func exactRemovesACopyWithTheSameID() async throws {
        let outcome = try await run(
            [.corpus(ExactStage(options: ExactOptions()))],
            files: [line("a", Self.text) + "\n" + line("a", Self.text) + "\n"])
        #expect(outcome.kept.count == 1)
        #expect(outcome.removed.count == 1)
        // The kept copy is the first record (same rank and id: the origin decides), and the removed
        // one says where it was read, since its id names itself.
        #expect(outcome.removed.first?["duplicate_of"] as? String == "a")
        #expect(outcome.removed.first?["duplicate_of_origin"] as? String == "in-0.jsonl:1")
        #expect(outcome.summary.stages.first { $0.stage == "exact" }?.removedSharingID == 1)
    }

    @Test func nearDupRemovesACopyWithTheSameID() async throws {
        let edited = "BERLIN (Agency) - " + Self.text
        let outcome = try await run(
            [.corpus(NearDupStage(options: NearDupOptions()))],
            files: [line("a", Self.text) + "\n" + line("a", edited) + "\n"])
        #expect(outcome.kept.count == 1)
        #expect(outcome.removed.count == 1)
        #expect(outcome.kept.first?["text"] as? String == edited, "the longer copy is kept")
        #expect(outcome.removed.first?["duplicate_of_origin"] as? String == "in-0.jsonl:2")
        #expect(outcome.summary.stages.first { $0.stage == "neardup" }?.removedSharingID == 1)
    }

    /// Two copies that share an id and tie on the keep policy (as many words and bytes) but differ in
    /// their text: the text decides, not which came first (the first record was kept before).
    @Test(arguments: [0, 1])
    func copiesSharingAnIDAreChosenByTheirTextInEitherOrder(order: Int) async throws {
        let texts = ["Hello World, " + Self.text, "hello world! " + Self.text]
        let file = (order == 0 ? texts : texts.reversed()).map { line("a", $0) + "\n" }.joined()
        var kept: [String] = []
        for stage in [PipelineStep.corpus(ExactStage(options: ExactOptions())), .corpus(NearDupStage(options: NearDupOptions()))] {
            let outcome = try await run([stage], files: [file])
            #expect(outcome.kept.count == 1 && outcome.removed.count == 1)
            kept += outcome.kept.compactMap { $0["text"] as? String }
        }
        let hashes = texts.map { text in Array(text.utf8).withUnsafeBufferPointer { BlockHash.of($0) } }
        let expected = hashes[0] < hashes[1] ? texts[0] : texts[1]
        #expect(kept == [expected, expected])
    }

    /// One file given twice: every record of the second reading is a copy, whatever the thread count,
    /// and the run names the second reading `NAME#2`.
    @Test(arguments: [1, 4])
    func aFileGivenTwiceKeepsOneCopyOfEachRecord(threads: Int) async throws {
        var random = SeededRandom(seed: 11)
        let words = Self.text.split(separator: " ")
        let records = (0..<40).map { line("doc-\($0)", "story \($0) " + words.shuffled(using: &random).joined(separator: " ")) }
        let steps: [PipelineStep] = [
            .document(NormalizeStage(options: NormalizeOptions())),
            .corpus(ExactStage(options: ExactOptions())),
            .corpus(NearDupStage(options: NearDupOptions())),
        ]
        let outcome = try await run(steps, files: [records.joined(separator: "\n") + "\n"], twice: true, threads: threads)
        #expect(outcome.summary.records == 80)
        #expect(outcome.kept.count == 40)
        #expect(Set(outcome.kept.map { $0["id"] as! String }).count == 40)
        #expect(outcome.removed.count == 40)
        #expect(outcome.removed.allSatisfy { ($0["duplicate_of_origin"] as? String)?.hasPrefix("in-0.jsonl:") == true })
        #expect(SummaryTable.render(outcome.summary).contains("warning: 40 documents removed by exact share their id"))
    }

    /// The exact keepers file carries each keeper's origin, so a sharded apply tells records that
    /// share an id apart as the one-machine run does.
    @Test func keepersFileRoundTripsOrigins() throws {
        let folder = TemporaryFolder()
        var tally = ExactTally()
        let origin = DocumentOrigin(source: "shard \"7\".jsonl", line: 12)
        tally.add(fingerprint: 0x9C01_AB77_E4F0_0A12, DocumentRank(rank: [0xFF, 0x00], id: "a", origin: origin))
        try ExactKeepersFile.write(tally, keep: .longest, to: folder.file("k"))
        var read = ExactTally()
        try ExactKeepersFile.read(folder.file("k"), keep: .longest, into: &read)
        #expect(read.keepers == tally.keepers)
    }

    /// "é" and "e\u{301}" are one string to Swift's `==` (canonical equivalence) but two ids: ties go
    /// to the id whose bytes come first ("e\u{301}", 65 cc 81, before "y" and "é", c3 a9), whatever
    /// order the records come in, and no removed copy is said to share the kept one's id.
    @Test(arguments: [0, 1])
    func idsAreComparedByTheirBytes(order: Int) async throws {
        let ids = order == 0 ? ["\u{E9}", "y", "e\u{301}"] : ["e\u{301}", "y", "\u{E9}"]
        let file = ids.map { line($0, Self.text) + "\n" }.joined()
        for stage in [PipelineStep.corpus(ExactStage(options: ExactOptions())), .corpus(NearDupStage(options: NearDupOptions()))] {
            let outcome = try await run([stage], files: [file])
            #expect(outcome.kept.map { ($0["id"] as? String).map { Array($0.utf8) } } == [Array("e\u{301}".utf8)])
            #expect(outcome.removed.count == 2)
            #expect(outcome.removed.allSatisfy { $0["duplicate_of_origin"] == nil })
        }
    }
}
