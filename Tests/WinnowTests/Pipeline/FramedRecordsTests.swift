import Foundation
import Testing
import WinnowTestSupport

@testable import Winnow

/// Framed records (`RunConfiguration.framedSources`), the form a cluster feeds partitions in: a run over
/// the framed lines of an input decides, names and rejects exactly as a run over the input itself.
@Suite struct FramedRecordsTests {
    /// Lines with a byte order mark, a blank line, a CRLF ending, damage and two copies sharing an id.
    private let input: [UInt8] =
        [0xEF, 0xBB, 0xBF]
        + Array(
            (#"{"id": "a", "text": "The  same words here"}"# + "\n"
                + "\n"
                + #"{"id": "b", "text": "the same words here"}"# + "\r\n"
                + #"{"id": "c", "text": "unterminated}"# + "\n"
                + #"{"id": "a", "text": "THE SAME WORDS HERE"}"# + "\n"
                + #"{"id": "d", "text": "Words of its own"}"#).utf8)

    /// Each line prefixed with `INPUT LINE OFFSET `, as winnow_spark frames it (byte order mark kept).
    private func framed(_ bytes: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        var offset = 0
        for (number, line) in bytes.split(separator: 0x0A, omittingEmptySubsequences: false).enumerated() {
            output += Array("0 \(number + 1) \(offset) ".utf8) + line + [0x0A]
            offset += line.count + 1
        }
        return output
    }

    private func run(
        _ inputs: [InputSpec], in folder: TemporaryFolder, prefix: String,
        framed: [String]? = nil
    ) async throws -> RunSummary {
        let steps: [PipelineStep] = [
            .document(NormalizeStage(options: NormalizeOptions())),
            .corpus(ExactStage(options: ExactOptions())),
        ]
        var configuration = RunConfiguration(inputs: inputs, output: folder.file(prefix + "out.jsonl"), threads: 2)
        configuration.removedOutput = folder.file(prefix + "removed.jsonl")
        configuration.rejectsOutput = folder.file(prefix + "rejects.jsonl")
        configuration.framedSources = framed
        return try await PipelineRunner(name: "test", steps: steps, configuration: configuration).run()
    }

    @Test func framedRunMatchesTheRunOverTheInput() async throws {
        let folder = TemporaryFolder()
        let plain = folder.write("shard.jsonl", input)
        let frames = folder.write("frames.jsonl", framed(input))
        let direct = try await run([.jsonl(path: plain, name: "shard.jsonl")], in: folder, prefix: "plain-")
        let viaFrames = try await run(
            [.jsonl(path: frames, name: "stdin")], in: folder, prefix: "framed-",
            framed: ["shard.jsonl"])
        #expect(direct.records == 5 && direct.rejected == 1 && direct.removed == 2 && direct.kept == 2)
        #expect(viaFrames.records == direct.records && viaFrames.kept == direct.kept)
        #expect(viaFrames.stages.map(\.removed) == direct.stages.map(\.removed))
        // Lines 1 and 5 share the id a that ranks first; the hash of their (normalised) texts decides.
        let hashes = ["The same words here", "THE SAME WORDS HERE"].map { text in
            Array(text.utf8).withUnsafeBufferPointer { BlockHash.of($0) }
        }
        let (keptLine, removedLine) = hashes[0] < hashes[1] ? (1, 5) : (5, 1)
        // The removed records come out framed too, in the same order as the direct run's.
        let removedLines = try #require(folder.read("framed-removed.jsonl")).split(separator: "\n")
        #expect(
            removedLines.map { $0.split(separator: " ", maxSplits: 3)[..<2].joined(separator: " ") }
                == ["0 \(min(3, removedLine))", "0 \(max(3, removedLine))"])
        #expect(
            removedLines.map { String($0.split(separator: " ", maxSplits: 3)[3]) }.joined(separator: "\n") + "\n"
                == folder.read("plain-removed.jsonl"))
        #expect(folder.read("framed-rejects.jsonl") == folder.read("plain-rejects.jsonl"))
        // The kept records come out framed with their origins, the same records as the direct run's.
        let keptLines = try #require(folder.read("framed-out.jsonl")).split(separator: "\n")
        #expect(keptLines.map { $0.split(separator: " ", maxSplits: 3)[..<2].joined(separator: " ") } == ["0 \(keptLine)", "0 6"])
        #expect(
            keptLines.map { String($0.split(separator: " ", maxSplits: 3)[3]) }.joined(separator: "\n") + "\n"
                == folder.read("plain-out.jsonl"))
        #expect(try #require(folder.read("plain-removed.jsonl")).contains(#""duplicate_of_origin":"shard.jsonl:\#(keptLine)""#))
    }

    @Test func crossSiteLinesGivenApartReplaceThoseOfThePartialCounts() throws {
        var counts = TemplateCounts()
        counts.addPage(site: "small.example", distinctKeys: [1, 2], fingerprint: 12)
        counts.addPage(site: "small.example", distinctKeys: [1, 3], fingerprint: 13)
        let own = TemplateModel(counts: counts, options: TemplateOptions())
        #expect(own.crossSite.isEmpty)
        let corpus = TemplateModel(counts: counts, options: TemplateOptions(), crossSite: [2, 9])
        #expect(corpus.crossSite == [2, 9])
        #expect(corpus.sites["small.example"]?.counts == [1: 2])
    }

    @Test func crossSiteLinesFileReadsHexKeysAndNamesABadLine() throws {
        let folder = TemporaryFolder()
        let good = folder.write("cross.txt", "00000000000000ff\n0123456789abcdef\n")
        #expect(try CrossSiteLinesFile.read(good) == [0xFF, 0x0123_4567_89AB_CDEF])
        let crlf = folder.write("crlf.txt", "00000000000000ff\r\n0123456789abcdef\r\n\r\n")
        #expect(try CrossSiteLinesFile.read(crlf) == [0xFF, 0x0123_4567_89AB_CDEF])
        let bad = folder.write("bad.txt", "00000000000000ff\nnot-hex\n")
        #expect(throws: WinnowError.self) { try CrossSiteLinesFile.read(bad) }
    }
}
