import Foundation
import Testing
import WinnowTestSupport

/// `--input-name`: a cluster task reads one of the run's archives whole from a copy, and gets the lines
/// `winnow run` gives that archive, its documents framed with the origin the run gives it.
extension CommandLineTests {
    private static let archive = "Tests/WinnowTests/Fixtures/Archive/damaged.warc.gz"

    /// The lines of `path` with their frames (`INPUT LINE OFFSET `) taken off, and the frames' inputs.
    private func unframed(_ text: String?) -> (lines: [String], inputs: Set<String>) {
        let framed = (text ?? "").split(separator: "\n").map { $0.split(separator: " ", maxSplits: 3) }
        return (framed.map { String($0[3]) }, Set(framed.map { String($0[0]) }))
    }

    @Test func aCopyReadAsTheRunsSecondReadingOfAnArchiveGivesItsLines() throws {
        let folder = TemporaryFolder()
        let pipeline = folder.write("clean.yaml", Array(#"{"version": 1, "name": "p", "steps": ["clean"]}"#.utf8))
        let direct = try winnow([
            "run", pipeline, Self.archive, Self.archive, "-o", folder.file("direct.jsonl"), "--stats", folder.file("direct.json"), "-q",
        ])
        #expect(direct.status == 0, "\(direct.stderr)")
        let copy = folder.write("copy.warc.gz", Array(try #require(FileManager.default.contents(atPath: packageRoot + "/" + Self.archive))))
        let sources = folder.write("sources.txt", Array("\(Self.archive)\n\(Self.archive)#2\n".utf8))
        let whole = try winnow([
            "run", pipeline, copy, "--input-name", Self.archive, "--input-origin", Self.archive + "#2", "--framed-sources", sources,
            "-o", folder.file("whole.jsonl"), "--stats", folder.file("whole.json"), "-q",
        ])
        #expect(whole.status == 0, "\(whole.stderr)")
        // The second half of the direct run's outputs, their origins the second reading's.
        let kept = unframed(folder.read("whole.jsonl")), directKept = (folder.read("direct.jsonl") ?? "").split(separator: "\n")
        #expect(kept.inputs == ["1"] && !kept.lines.isEmpty)
        #expect(kept.lines == directKept.suffix(kept.lines.count).map(String.init))
        #expect(kept.lines.allSatisfy { $0.contains(#""warc_file":"\#(Self.archive)""#) })
        let rejects = jsonLines(folder.read("whole.rejects.jsonl") ?? "")
        let directRejects = jsonLines(folder.read("direct.rejects.jsonl") ?? "").filter { $0["source"] as? String == Self.archive + "#2" }
        #expect(!rejects.isEmpty && rejects.map { $0["source"] as? String } == directRejects.map { $0["source"] as? String })
        #expect(rejects.map { $0["offset"] as? Int } == directRejects.map { $0["offset"] as? Int })
        let stats = try JSONSerialization.jsonObject(with: Data((folder.read("whole.json") ?? "").utf8)) as? [String: Any]
        let directStats = try JSONSerialization.jsonObject(with: Data((folder.read("direct.json") ?? "").utf8)) as? [String: Any]
        #expect((stats?["input_bytes"] as? Int).map { $0 * 2 } == directStats?["input_bytes"] as? Int)
        #expect((stats?["records"] as? Int).map { $0 * 2 } == directStats?["records"] as? Int)
    }

    @Test func aWholeInputIsOneFileWhoseOriginIsFramed() throws {
        let folder = TemporaryFolder()
        let sources = folder.write("sources.txt", Array("other.warc.gz\n".utf8))
        for (arguments, message) in [
            (["clean", Self.archive, Self.archive, "--input-name", "a.warc.gz"], "is read from one file"),
            (["clean", Self.archive, "--input-name", "a.warc.gz", "--framed-sources", sources], "not among the --framed-sources"),
            (["clean", Self.archive, "--input-name", "page.html"], "HTML file"),
            (["clean", Self.archive, "--input-origin", "a.warc.gz#2"], "give both"),
        ] {
            let outcome = try winnow(arguments + ["-o", folder.file("out.jsonl")])
            #expect(outcome.status == 1 && outcome.stderr.contains(message), "\(arguments): \(outcome.stderr)")
        }
    }
}
