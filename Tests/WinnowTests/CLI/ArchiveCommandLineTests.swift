import Foundation
import Testing
import WinnowTestSupport

/// Web archives through the command line, as a user runs them: a file, a folder, standard input.
extension CommandLineTests {
    /// Runs `command` in a shell (for pipes), with the winnow binary as `$WINNOW`.
    private func shell(_ command: String) throws -> Outcome {
        try Self.run("/bin/sh", ["-c", command], environment: ["WINNOW": Self.binary, "PATH": "/usr/bin:/bin"])
    }

    private static let fixtures = "Tests/WinnowTests/Fixtures/Archive/"

    @Test func cleanAWARCFileWithNoFlag() throws {
        let folder = TemporaryFolder()
        let outcome = try winnow([
            "clean", Self.fixtures + "good.warc.gz", "-o", folder.file("pages.jsonl"),
            "--stats", folder.file("stats.json"),
        ])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stderr.contains("records 28 = kept 8 + removed 0 + rejected 1 + skipped 19"))
        #expect(
            outcome.stderr.contains(
                "skipped: http_3xx 1, http_4xx 1, metadata 1, not_html 1, request 12, resource 1, revisit 1, warcinfo 1"))
        #expect(outcome.stderr.contains("good.warc.gz:23: the record at offset 10829: its payload is in Content-Encoding 'br'"))
        let pages = jsonLines(folder.read("pages.jsonl") ?? "")
        #expect(pages.count == 8 && pages.allSatisfy { $0["text"] is String && $0["warc_offset"] is Int })
        let stats = try JSONSerialization.jsonObject(with: Data((folder.read("stats.json") ?? "").utf8)) as? [String: Any]
        #expect(stats?["skipped"] as? Int == 19 && stats?["records"] as? Int == 28)
        #expect((stats?["skipped_by_reason"] as? [String: Int])?["request"] == 12)
        let rejects = jsonLines(folder.read("pages.rejects.jsonl") ?? "")
        #expect(rejects.map { $0["reason"] as? String } == ["unsupported_encoding"])
    }

    @Test func archivesOnStandardInput() throws {
        let raw = try shell("cat \(Self.fixtures)good.warc.gz | \"$WINNOW\" clean -q")
        #expect(raw.status == 0, "\(raw.stderr)")
        let zcat = try shell("gzip -dc \(Self.fixtures)good.warc.gz | \"$WINNOW\" clean -q --warc-id url")
        #expect(zcat.status == 0, "\(zcat.stderr)")
        let rawPages = jsonLines(raw.stdout), plainPages = jsonLines(zcat.stdout)
        #expect(rawPages.count == 8 && plainPages.count == 8)
        #expect(rawPages.map { $0["text"] as? String } == plainPages.map { $0["text"] as? String })
        #expect(plainPages.allSatisfy { $0["id"] as? String == $0["url"] as? String && $0["warc_file"] as? String == "stdin" })
        #expect(raw.stderr.contains("stdin:23: the record at offset 10829"))
    }

    /// The same archive given twice: every document names the file itself (not `NAME#2`), and the two
    /// readings stay apart in the accounting (their rejects carry origins of their own).
    @Test func anArchiveGivenTwiceNamesItsFile() throws {
        let folder = TemporaryFolder()
        let archive = Self.fixtures + "good.warc.gz"
        let outcome = try winnow(["clean", archive, archive, "-o", folder.file("pages.jsonl")])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let pages = jsonLines(folder.read("pages.jsonl") ?? "")
        #expect(pages.count == 16 && pages.allSatisfy { $0["warc_file"] as? String == archive })
        #expect(Set(pages.compactMap { $0["warc_offset"] as? Int }).count == 8)
        let rejects = jsonLines(folder.read("pages.rejects.jsonl") ?? "")
        #expect(rejects.compactMap { $0["source"] as? String } == [archive, archive + "#2"])
    }

    @Test func defaultPipelineOverAFolderOfArchives() throws {
        let folder = TemporaryFolder()
        for name in ["good.warc.gz", "damaged.warc.gz", "good.warc.wet.gz"] {
            let bytes = try #require(FileManager.default.contents(atPath: packageRoot + "/" + Self.fixtures + name))
            folder.write("crawl/" + name, Array(bytes))
        }
        let outcome = try winnow([
            "run", "Pipelines/default.yaml", folder.file("crawl"), "-o", folder.file("pages.jsonl"),
            "--stats", folder.file("stats.json"), "--temp-dir", folder.path,
        ])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        // 28 + 10 + 4 records: 8 + 5 + 3 documents, 1 + 4 rejects, 19 + 1 + 1 skipped.
        let stats = try JSONSerialization.jsonObject(with: Data((folder.read("stats.json") ?? "").utf8)) as? [String: Any]
        let kept = stats?["kept"] as? Int ?? -1, removed = stats?["removed"] as? Int ?? -1
        #expect(stats?["records"] as? Int == 42 && stats?["rejected"] as? Int == 5 && stats?["skipped"] as? Int == 21)
        #expect(kept + removed == 16 && kept > 0)
        #expect(FileManager.default.fileExists(atPath: folder.file("pages.report/report.html")))
        let report = try String(contentsOfFile: folder.file("pages.report/report.html"), encoding: .utf8)
        #expect(report.contains("skipped (not documents)"))
    }
}
