import Foundation
import Testing
import WinnowTestSupport

@testable import Winnow

/// The same output whatever the thread count, the sharding and the order of the input: what lets a
/// run on one machine and a run split across many agree.
@Suite(.serialized) struct InvarianceTests {
    /// Runs the default pipeline (without its report) over `files` and returns the cleaned and
    /// removed lines, sorted: records may come out in another order, never with other content.
    func defaultPipeline(
        _ files: [(name: String, lines: [String])], threads: Int
    ) async throws
        -> (kept: [String], removed: [String])
    {
        let folder = TemporaryFolder()
        var inputs: [InputSpec] = []
        for file in files {
            // Written with the library's own writer, which compresses a `.gz` name.
            let output = try OutputFile(path: folder.file(file.name))
            try output.write(Array((file.lines.joined(separator: "\n") + "\n").utf8))
            try output.commit()
            inputs.append(.jsonl(path: folder.file(file.name), name: file.name))
        }
        let definition = try PipelineDefinition.load(path: packageRoot + "/Pipelines/default.yaml")
        _ = try await runSteps(try definition.makeStages(), inputs: inputs, output: folder.file("out.jsonl")) {
            $0.threads = threads
            $0.removedOutput = folder.file("removed.jsonl")
            $0.spoolDirectory = folder.path
        }
        func sortedLines(_ name: String) -> [String] {
            (folder.read(name) ?? "").split(separator: "\n").map(String.init).sorted()
        }
        return (sortedLines("out.jsonl"), sortedLines("removed.jsonl"))
    }

    @Test func theDefaultPipelineIgnoresThreadsShardsOrderAndCompression() async throws {
        let lines = try String(contentsOfFile: GeneratedNews.corpus, encoding: .utf8).split(separator: "\n").map(String.init)
        let reference = try await defaultPipeline([("corpus.jsonl", lines)], threads: 1)
        #expect(reference.kept.count > 100 && reference.removed.count > 100, "the corpus has duplicates and templates")
        #expect(reference.kept.count + reference.removed.count == lines.count)

        let fourThreads = try await defaultPipeline([("corpus.jsonl", lines)], threads: 4)
        #expect(fourThreads == reference)

        let shardSize = (lines.count + 6) / 7
        let shards = stride(from: 0, to: lines.count, by: shardSize).enumerated().map { index, start in
            (name: "shard-\(index).jsonl", lines: Array(lines[start..<min(start + shardSize, lines.count)]))
        }
        #expect(try await defaultPipeline(shards, threads: 2) == reference)

        var random = SeededRandom.forTest(0x5348_5546)
        let shuffled = try await defaultPipeline([("shuffled.jsonl.gz", lines.shuffled(using: &random))], threads: 3)
        #expect(shuffled == reference, "\(SeededRandom.replay)")
    }

    /// HTML pages cleaned on one worker or four give the same output, byte for byte and in order.
    @Test func cleanIgnoresThreads() async throws {
        let ids = try Fixtures.pageIDs("articles").prefix(20)
        var outputs: [String] = []
        for threads in [1, 4] {
            let folder = TemporaryFolder()
            _ = try await runPipeline(
                [CleanStage(options: CleanOptions())],
                inputs: ids.map { .html(path: Fixtures.htmlPath("articles", $0), id: $0) },
                output: folder.file("out.jsonl")
            ) { $0.threads = threads }
            outputs.append(folder.read("out.jsonl") ?? "")
        }
        #expect(outputs[0].split(separator: "\n").count == 20)
        #expect(outputs[0] == outputs[1])
    }
}
