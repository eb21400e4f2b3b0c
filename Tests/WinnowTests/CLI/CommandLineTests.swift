import Foundation
import Testing
import Winnow
import WinnowTestSupport

/// Runs the built `winnow` binary as a user would.
@Suite struct CommandLineTests {
    struct Outcome {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    /// The `winnow` executable beside the test bundle in the build folder.
    static let binary: String = {
        var url = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        while url.path != "/" {
            url.deleteLastPathComponent()
            let candidate = url.appendingPathComponent("winnow").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return packageRoot + "/.build/debug/winnow"
    }()

    func winnow(_ arguments: [String], stdin: String = "", in folder: String = packageRoot) throws -> Outcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.binary)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        let input = Pipe(), output = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        input.fileHandleForWriting.write(Data(stdin.utf8))
        try input.fileHandleForWriting.close()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Outcome(
            status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self),
            stderr: String(decoding: err, as: UTF8.self))
    }

    /// Runs a program to its end and collects its status and output.
    static func run(
        _ executable: String, _ arguments: [String], environment: [String: String]? = nil,
        in folder: String = packageRoot
    ) throws -> Outcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let environment { process.environment = environment }
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Outcome(
            status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self),
            stderr: String(decoding: err, as: UTF8.self))
    }

    @Test func normalizeFromStdinToStdout() throws {
        let input =
            #"{"id": "a", "text": "  Hello \u00a0 world \n\n\n\n bye ", "lang": "en"}"# + "\n"
            + #"{"id": "b", "text": "\u200b"}"# + "\nnot json\n"
        let outcome = try winnow(["normalize", "--quiet"], stdin: input)
        #expect(outcome.status == 0)
        #expect(outcome.stdout == #"{"id":"a","text":"Hello world\n\nbye","lang":"en"}"# + "\n")
        // Without a rejects file every bad line is reported on stderr with its place.
        #expect(outcome.stderr.contains("stdin:3: invalid JSON"))
    }

    /// Messages quote names and ids from the input: their control characters are written as escapes,
    /// so that an escape sequence in a file name or an id cannot retitle or clear the terminal.
    @Test func controlCharactersInMessagesAreEscaped() throws {
        let folder = TemporaryFolder()
        let name = "evil\u{1B}]0;PWNED\u{07}\u{1B}[2J.jsonl"
        _ = folder.write(name, "not json\n")
        let outcome = try winnow(["normalize", name, "-q"], in: folder.path)
        #expect(outcome.stderr.contains(#"evil\u{1B}]0;PWNED\u{7}\u{1B}[2J.jsonl:1: invalid JSON"#), "\(outcome.stderr)")
        #expect(!outcome.stderr.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 })
    }

    /// A folder of HTML files (plain and gzip) and a JSONL record with HTML, through `winnow clean`
    /// and through the default pipeline, which starts with the clean stage.
    @Test func cleanHTMLFilesAndRecords() throws {
        let folder = TemporaryFolder()
        let page =
            "<html lang=en><title>T</title><body><nav><a href=/>Home</a></nav>"
            + "<article><p>The first paragraph of the story, with a comma, ends here.</p></article></body></html>"
        folder.write("pages/a.html", page)
        folder.write("pages/sub/b.html.gz", try gzipped(Array(page.utf8)))
        folder.write("pages/empty.htm", "<html><script>only()</script></html>")
        let outcome = try winnow(["clean", folder.file("pages"), "-o", folder.file("out.jsonl")])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let lines = jsonLines(folder.read("out.jsonl") ?? "")
        #expect(lines.map { $0["id"] as? String } == ["a.html", "sub/b.html.gz"])
        #expect(lines.allSatisfy { $0["text"] as? String == "The first paragraph of the story, with a comma, ends here." })
        #expect(lines.allSatisfy { $0["language"] as? String == "en" && $0["html"] == nil })
        let removed = jsonLines(folder.read("out.removed.jsonl") ?? "")
        #expect(removed.map { $0["removed_reason"] as? String } == ["no-text"])

        let record =
            #"{"id":"r","html":"<p>Caf\u00e9 &amp; cr&egrave;me, on the menu today.</p>","lang":"fr"}"# + "\n"
            + #"{"id":"t","text":"Plain text record, already extracted by the crawler."}"# + "\n"
        let run = try winnow(["run", "Pipelines/default.yaml", "-q", "--temp-dir", folder.path], stdin: record)
        #expect(run.status == 0, "\(run.stderr)")
        let texts = jsonLines(run.stdout).map { $0["text"] as? String }
        #expect(texts == ["Café & crème, on the menu today.", "Plain text record, already extracted by the crawler."])
    }

    /// Mistakes of the command line that a user makes, each refused before any output with a message
    /// that says what to do: the input given where the pipeline goes, a temporary folder that is not
    /// there, a field with an empty name (each was accepted or misworded before).
    @Test func commandLineMistakesAreNamed() throws {
        let folder = TemporaryFolder()
        folder.write("in.jsonl", "{\"id\":\"a\",\"text\":\"one\"}\n{\"id\":\"b\",\"text\":\"two\"}\n")
        let swapped = try winnow(["run", "in.jsonl", "-o", "out.jsonl"], in: folder.path)
        #expect(swapped.status == 1 && swapped.stderr.contains("it looks like an input, not a pipeline"))
        let missing = try winnow(
            ["run", packageRoot + "/Pipelines/default.yaml", "in.jsonl", "-o", "out.jsonl", "--temp-dir", "no-such-folder"],
            in: folder.path)
        #expect(missing.status == 1 && missing.stderr.contains("no-such-folder: the folder for temporary files (--temp-dir"))
        let empty = try winnow(["exact", "in.jsonl", "-o", "out.jsonl", "--id-field", ""], in: folder.path)
        #expect(empty.status != 0 && empty.stderr.contains("--id-field is empty"))
        #expect(folder.listing() == ["in.jsonl"])
    }

    /// A side file read whole (pipeline, run summary, template summary) is read up to a limit: a wrong
    /// name (`/dev/zero`, a 300 MB file) read until memory ran out; now it is refused, naming file and limit.
    @Test func sideFilesReadWholeHaveALimit() throws {
        let folder = TemporaryFolder()
        folder.write("in.jsonl", "{\"id\":\"a\",\"text\":\"one\"}\n")
        for (name, size) in [("big.yaml", (64 << 20) + 1), ("big.json", (1 << 30) + 1)] {
            // Sparse: refused by its size, never read.
            #expect(truncate(folder.write(name, ""), off_t(size)) == 0)
        }
        let pipeline = try winnow(["run", "/dev/zero", "in.jsonl", "-o", "out.jsonl"], in: folder.path)
        #expect(pipeline.status == 1)
        #expect(pipeline.stderr.contains("/dev/zero: cannot read the pipeline file (larger than 64 MiB"), "\(pipeline.stderr)")
        let resolve = try winnow(["stages", "--resolve", "big.yaml"], in: folder.path)
        #expect(resolve.status == 1 && resolve.stderr.contains("big.yaml: cannot read the pipeline file (larger than 64 MiB"))
        let stats = try winnow(["report", "--stats", "/dev/zero", "-o", "r"], in: folder.path)
        #expect(stats.status == 1 && stats.stderr.contains("/dev/zero: cannot read the run summary (larger than 64 MiB"))
        let templates = try winnow(["report", "in.jsonl", "--templates", "big.json", "-o", "r"], in: folder.path)
        #expect(templates.status == 1 && templates.stderr.contains("big.json: cannot read the template summary: larger than 1 GiB"))
        #expect(folder.listing() == ["big.json", "big.yaml", "in.jsonl"])
    }

    @Test func runWritesOutputsAndSummary() throws {
        let folder = TemporaryFolder()
        let outcome = try winnow([
            "run", "Pipelines/default.yaml", "samples/pages.jsonl",
            "-o", folder.file("clean.jsonl.gz"), "--stats", folder.file("stats.json"),
        ])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stderr.contains("records 5 = kept 5 + removed 0 + rejected 0"))
        #expect(
            folder.listing()
                == [
                    "clean.removed.jsonl.gz", "clean.jsonl.gz", "clean.rejects.jsonl.gz", "clean.report",
                    "stats.json",
                ].sorted())
        let report = try FileManager.default.contentsOfDirectory(atPath: folder.file("clean.report")).sorted()
        #expect(report == ["cluster-list.jsonl", "clusters.csv", "clusters.jsonl", "report.html", "report.json", "templates.json"])
        let lines = jsonLines(try gunzipped(folder.file("clean.jsonl.gz")))
        #expect(lines.count == 5)
        #expect(lines.allSatisfy { $0["crawl"] is [String: Any] && $0["url"] is String })
    }

    /// `winnow report` on a finished run's files writes the same report as the pipeline's report step.
    @Test func reportCommandMatchesTheReportStep() throws {
        let folder = TemporaryFolder()
        let run = try winnow([
            "run", "Pipelines/default.yaml", "samples/pages.jsonl", "-q",
            "-o", folder.file("out.jsonl"), "--stats", folder.file("stats.json"),
        ])
        #expect(run.status == 0, "\(run.stderr)")
        // Quiet: not even the line that says where the report went.
        #expect(run.stderr.isEmpty, "\(run.stderr)")
        let loud = try winnow(["run", "Pipelines/default.yaml", "samples/pages.jsonl", "-o", folder.file("loud.jsonl")])
        #expect(loud.status == 0 && loud.stderr.contains("report: \(folder.file("loud.report"))/report.html"), "\(loud.stderr)")
        let again = try winnow(["report", "--stats", folder.file("stats.json"), "-o", folder.file("again")])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(folder.read("out.report/report.html") == folder.read("again/report.html"))
        #expect(folder.read("out.report/clusters.csv") == folder.read("again/clusters.csv"))
        var first = try JSONSerialization.jsonObject(with: Data(folder.read("out.report/report.json")!.utf8)) as! [String: Any]
        var second = try JSONSerialization.jsonObject(with: Data(folder.read("again/report.json")!.utf8)) as! [String: Any]
        #expect((first.removeValue(forKey: "inputs") as? [String: Any])?["report"] as? String == folder.file("out.report"))
        // Each names the folder it was written to.
        #expect((second.removeValue(forKey: "inputs") as? [String: Any])?["report"] as? String == folder.file("again"))
        #expect(NSDictionary(dictionary: first).isEqual(to: second))
        #expect(again.stderr.contains("again/report.html: "))
        let quiet = try winnow(["report", "--stats", folder.file("stats.json"), "-o", folder.file("quiet"), "-q"])
        #expect(quiet.status == 0 && quiet.stderr.isEmpty, "\(quiet.stderr)")
        #expect(folder.read("quiet/report.html") == folder.read("again/report.html"))

        let stdout = try winnow(["run", "Pipelines/default.yaml", "samples/pages.jsonl", "-q", "--temp-dir", folder.path])
        #expect(stdout.status == 0 && stdout.stderr.contains("report: not written"))
        let missing = try winnow(["report", folder.file("nothing.jsonl")])
        #expect(missing.status == 1 && missing.stderr.contains("nothing.jsonl: not found"))
    }

    /// `winnow report` on an unchanged run's files, into the folder the run wrote its report to, writes
    /// that folder's files again byte for byte; report.json's `inputs.report` names the folder written.
    @Test func reportCommandIntoTheRunsFolderWritesItsFilesAgain() throws {
        let folder = TemporaryFolder()
        let run = try winnow(
            [
                "run", packageRoot + "/Pipelines/default.yaml", packageRoot + "/samples/pages.jsonl", "-q",
                "-o", "out.jsonl", "--stats", "stats.json",
            ], in: folder.path)
        #expect(run.status == 0, "\(run.stderr)")
        func files() -> [String: Data] {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.file("out.report"))) ?? []
            return Dictionary(
                uniqueKeysWithValues: names.map { ($0, FileManager.default.contents(atPath: folder.file("out.report/" + $0)) ?? Data()) })
        }
        let written = files()
        #expect(
            written.keys.sorted() == [
                "cluster-list.jsonl", "clusters.csv", "clusters.jsonl", "report.html", "report.json", "templates.json",
            ])
        for arguments in [["--stats", "stats.json"], ["out.jsonl", "--stats", "stats.json", "-o", "out.report"]] {
            let again = try winnow(["report"] + arguments + ["-q"], in: folder.path)
            #expect(again.status == 0, "\(arguments): \(again.stderr)")
            for (name, bytes) in files() { #expect(bytes == written[name], "\(arguments): \(name) differs") }
            #expect(files().keys.sorted() == written.keys.sorted())
        }
        // Given the cleaned output alone (no summary, so no run in it), it still names the folder written.
        let alone = try winnow(["report", "out.jsonl", "-q"], in: folder.path)
        #expect(alone.status == 0, "\(alone.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(folder.read("out.report/report.json")!.utf8)) as? [String: Any]
        #expect((json?["inputs"] as? [String: Any])?["report"] as? String == "out.report")
        #expect(json?["run"] == nil)
    }

    /// `winnow report --stats` reads the outputs by the fields the run summary records: a run on
    /// `--id-field doc_id` was reported with every id read from an unrelated `id` field and no URLs.
    /// Fields given to the report win; a summary written before the fields were recorded has the standard ones.
    @Test func reportCommandReadsTheFieldsTheRunRecorded() throws {
        let folder = TemporaryFolder()
        let text = "The quick brown fox jumps over the lazy dog again and again, every single day of the week."
        folder.write(
            "in.jsonl",
            [
                ("a1", text, "https://a.example/1"), ("a2", text, "https://a.example/2"),
                ("b1", "Cats nap all afternoon.", "https://b.example/1"),
            ]
            .map { #"{"doc_id":"\#($0.0)","id":"same","body":"\#($0.1)","link":"\#($0.2)"}"# }.joined(separator: "\n") + "\n")
        let run = try winnow(
            [
                "run", packageRoot + "/Pipelines/default.yaml", "in.jsonl", "-o", "out.jsonl", "--stats", "stats.json", "-q",
                "--id-field", "doc_id", "--text-field", "body", "--url-field", "link",
            ], in: folder.path)
        #expect(run.status == 0, "\(run.stderr)")
        let recorded = try JSONSerialization.jsonObject(with: Data(folder.read("stats.json")!.utf8)) as? [String: Any]
        #expect(recorded?["fields"] as? [String: String] == ["id": "doc_id", "text": "body", "html": "html", "url": "link"])
        let again = try winnow(["report", "--stats", "stats.json", "-o", "again", "-q"], in: folder.path)
        #expect(again.status == 0 && again.stderr.isEmpty, "\(again.stderr)")
        let csv = folder.read("again/clusters.csv") ?? ""
        #expect(csv == folder.read("out.report/clusters.csv"))
        #expect(csv.contains(",a1,https://a.example/1,") && csv.contains(",a2,https://a.example/2,"), "\(csv)")
        let given = try winnow(["report", "--stats", "stats.json", "--id-field", "id", "-o", "given", "-q"], in: folder.path)
        #expect(given.status == 0, "\(given.stderr)")
        #expect(folder.read("given/clusters.csv")?.contains(",same,https://a.example/2,") == true)

        var old = recorded ?? [:]
        old.removeValue(forKey: "fields")
        folder.write("old.json", String(decoding: try JSONSerialization.data(withJSONObject: old), as: UTF8.self))
        let standard = try winnow(["report", "--stats", "old.json", "-o", "standard", "-q"], in: folder.path)
        #expect(standard.status == 0 && standard.stderr.contains("out.jsonl:1: missing both 'text' and 'html'"), "\(standard.stderr)")
    }

    /// Exact copies in three steps: the shards' keepers merge to the file of the whole corpus, and
    /// applying it to each shard gives what one run gives.
    @Test func exactInStepsMatchesOneRun() throws {
        let folder = TemporaryFolder()
        let lines = try String(contentsOfFile: GeneratedNews.corpus, encoding: .utf8).split(separator: "\n").prefix(400)
        var records = lines.map(String.init)
        for line in lines.prefix(60) {
            var object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
            object["id"] = (object["id"] as! String) + "-copy"
            object["text"] = (object["text"] as! String).uppercased() + "  "
            records.append(String(decoding: try JSONSerialization.data(withJSONObject: object, options: .sortedKeys), as: UTF8.self))
        }
        let first = folder.write(
            "a.jsonl", records.enumerated().filter { $0.offset % 2 == 0 }.map(\.element).joined(separator: "\n") + "\n")
        let second = folder.write(
            "b.jsonl", records.enumerated().filter { $0.offset % 2 == 1 }.map(\.element).joined(separator: "\n") + "\n")
        let oneRun = try winnow(["exact", "-q", "--temp-dir", folder.path, first, second])
        #expect(oneRun.status == 0, "\(oneRun.stderr)")
        let whole = try winnow(["exact", "map", first, second, "-o", folder.file("whole.keepers"), "-q"])
        #expect(whole.status == 0, "\(whole.stderr)")
        for name in ["a", "b"] {
            let map = try winnow(["exact", "map", folder.file("\(name).jsonl"), "-o", folder.file("\(name).keepers"), "-q"])
            #expect(map.status == 0, "\(map.stderr)")
        }
        let merge = try winnow(["exact", "merge", folder.file("b.keepers"), folder.file("a.keepers"), "-o", folder.file("all.keepers")])
        #expect(merge.status == 0, "\(merge.stderr)")
        #expect(folder.read("all.keepers") == folder.read("whole.keepers"))
        var applied = ""
        for input in [first, second] {
            let outcome = try winnow(["exact", "apply", "--keepers", folder.file("all.keepers"), input, "-q"])
            #expect(outcome.status == 0, "\(outcome.stderr)")
            applied += outcome.stdout
        }
        #expect(applied == oneRun.stdout)
        #expect(jsonLines(applied).count <= records.count - 60)
        let mismatch = try winnow(["exact", "merge", "--keep", "first", folder.file("a.keepers"), "-o", folder.file("x.keepers")])
        #expect(
            mismatch.status == 1
                && mismatch.stderr.contains("chosen with keep policy 'longest', and this step was given 'first': give --keep longest"),
            "\(mismatch.stderr)")
    }

    /// A keep policy's field that no duplicate has (misspelt: `timestamp` for `ts`) leaves every group to
    /// its ids: the run says so once, on stderr, also under -q; the field named right, it says nothing.
    @Test func exactWarnsOfAKeepFieldNoDuplicateHas() throws {
        let folder = TemporaryFolder()
        let input = folder.write(
            "in.jsonl",
            """
            {"id":"a","text":"The same words","ts":1}
            {"id":"b","text":"the same words!","ts":2}
            {"id":"c","text":"Other words","ts":3}
            {"id":"d","text":"other words","ts":0}

            """)
        let misspelt = try winnow(["exact", "-q", "--keep", "newest:timestamp", input])
        #expect(misspelt.status == 0, "\(misspelt.stderr)")
        #expect(
            misspelt.stderr == "warning: exact: no document in the duplicate groups (2) has a number or text in field "
                + "'timestamp' (keep newest:timestamp): each group's kept copy was chosen by id; check the field's name\n")
        #expect(jsonLines(misspelt.stdout).compactMap { $0["id"] as? String } == ["a", "c"])
        let named = try winnow(["exact", "-q", "--keep", "newest:ts", input])
        #expect(named.status == 0 && named.stderr.isEmpty, "\(named.stderr)")
        #expect(jsonLines(named.stdout).compactMap { $0["id"] as? String } == ["b", "c"])
        let map = try winnow(["exact", "map", "--keep", "newest:timestamp", input, "-o", folder.file("k.jsonl"), "-q"])
        #expect(map.stderr.contains("warning: exact map: no document in the duplicate groups (2)"), "\(map.stderr)")
        let merge = try winnow(["exact", "merge", "--keep", "newest:timestamp", folder.file("k.jsonl"), "-o", folder.file("m.jsonl")])
        #expect(merge.stderr.contains("warning: exact merge: no text the keepers record (2) has"), "\(merge.stderr)")
    }

    /// neardup says so too when no document has its keep policy's field.
    @Test func neardupWarnsOfAKeepFieldNoDocumentHas() throws {
        let folder = TemporaryFolder()
        let words = "the council met on tuesday and agreed a budget for the coming year after a long debate"
        let input = folder.write(
            "in.jsonl", #"{"id":"a","text":"\#(words)","ts":1}"# + "\n" + #"{"id":"b","text":"\#(words) today","ts":2}"# + "\n")
        let misspelt = try winnow(["neardup", "-q", "--keep", "newest:timestamp", input])
        #expect(misspelt.status == 0, "\(misspelt.stderr)")
        #expect(
            misspelt.stderr == "warning: neardup: no document (2) has a number or text in field 'timestamp' (keep "
                + "newest:timestamp): each cluster's kept document is chosen by id; check the field's name\n")
        let named = try winnow(["neardup", "-q", "--keep", "newest:ts", input])
        #expect(named.status == 0 && named.stderr.isEmpty, "\(named.stderr)")
        #expect(jsonLines(named.stdout).compactMap { $0["id"] as? String } == ["b"])
    }

    /// The three cluster steps give what one run gives, and a corpus stage reads stdin through its spool.
    @Test func templatesInStepsMatchOneRun() throws {
        let folder = TemporaryFolder()
        let pages = try String(contentsOfFile: packageRoot + "/samples/pages.jsonl", encoding: .utf8)
        let lines = pages.split(separator: "\n")
        let first = folder.write("a.jsonl", lines.prefix(2).joined(separator: "\n") + "\n")
        let second = folder.write("b.jsonl", lines.dropFirst(2).joined(separator: "\n") + "\n")
        let oneRun = try winnow(
            ["templates", "-q", "--temp-dir", folder.path, "--summary", folder.file("one.summary.json")], stdin: pages)
        #expect(oneRun.status == 0, "\(oneRun.stderr)")
        for (name, input) in [("a", first), ("b", second)] {
            #expect(try winnow(["templates", "map", input, "-o", folder.file("\(name).counts"), "-q"]).status == 0)
        }
        #expect(
            try winnow([
                "templates", "merge", folder.file("a.counts"), folder.file("b.counts"),
                "-o", folder.file("all.counts"),
            ]).status == 0)
        var applied = ""
        var changedInParts = 0
        for (name, input) in [("a", first), ("b", second)] {
            let part = folder.file("\(name).summary-part.jsonl")
            let outcome = try winnow([
                "templates", "apply", "--counts", folder.file("all.counts"), input, "--summary-part", part, "-q",
            ])
            #expect(outcome.status == 0, "\(outcome.stderr)")
            applied += outcome.stdout
            let partLines = try String(contentsOfFile: part, encoding: .utf8).split(separator: "\n")
            #expect(partLines.first == #"{"format":"winnow.template-summary-part","version":2}"#)
            for line in partLines.dropFirst().dropLast() {
                let site = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
                changedInParts += site["pages_changed"] as! Int
            }
        }
        #expect(applied == oneRun.stdout)
        #expect(oneRun.stdout != pages)
        let summary = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: folder.file("one.summary.json"))))
        let changed = ((summary as! [String: Any])["sites"] as! [[String: Any]]).reduce(0) { $0 + ($1["pages_changed"] as! Int) }
        #expect(changed > 0 && changedInParts == changed)
        let overwrite = try winnow(["templates", "apply", "--counts", folder.file("all.counts"), first, "--summary-part", first])
        #expect(overwrite.status != 0 && overwrite.stderr.contains("--summary-part"), "\(overwrite.stderr)")
        let mismatch = try winnow(["templates", "apply", "--site", "batch", "--counts", folder.file("all.counts"), first])
        #expect(mismatch.status == 1 && mismatch.stderr.contains("site grouping"))
    }

    /// Map and merge rewrite no page, so they have no summary: a summary file given to them is refused,
    /// not accepted and never written.
    @Test func templatesMapAndMergeRefuseASummary() throws {
        let folder = TemporaryFolder()
        let input = packageRoot + "/samples/pages.jsonl"
        #expect(try winnow(["templates", "map", input, "-o", folder.file("a.counts"), "-q"]).status == 0)
        let steps = [
            ["templates", "map", input, "-o", folder.file("b.counts"), "-q", "--summary", folder.file("map.json")],
            [
                "templates", "merge", folder.file("a.counts"), "-o", folder.file("all.counts"), "--set",
                "summary=" + folder.file("merge.json"),
            ],
        ]
        for arguments in steps {
            let outcome = try winnow(arguments)
            #expect(outcome.status == 1 && outcome.stderr.contains("writes no summary"), "\(arguments[1]): \(outcome.stderr)")
        }
        #expect(folder.listing() == ["a.counts"])
    }

    @Test func dedupInStepsMatchesOneRun() throws {
        let folder = TemporaryFolder()
        let corpus = try String(contentsOfFile: GeneratedNews.corpus, encoding: .utf8)
        let lines = corpus.split(separator: "\n")
        let first = folder.write("a.jsonl", lines.prefix(300).joined(separator: "\n") + "\n")
        let second = folder.write("b.jsonl", lines.dropFirst(300).joined(separator: "\n") + "\n")
        let oneRun = try winnow([
            "neardup", "-q", "--temp-dir", folder.path, "--clusters", folder.file("one.clusters"),
            "--assignments", folder.file("one.assignments"), first, second,
        ])
        #expect(oneRun.status == 0, "\(oneRun.stderr)")
        for name in ["a", "b"] {
            let map = try winnow(["neardup", "map", folder.file("\(name).jsonl"), "-o", folder.file("\(name).sig"), "-q"])
            #expect(map.status == 0, "\(map.stderr)")
        }
        let merge = try winnow([
            "neardup", "merge", folder.file("b.sig"), folder.file("a.sig"), "-o", folder.file("all.clusters"),
            "--assignments", folder.file("all.assignments"),
        ])
        #expect(merge.status == 0 && merge.stderr.contains("clusters"), "\(merge.stderr)")
        #expect(ShardedStepsTests.withoutInputLines(folder.read("all.clusters") ?? "") == folder.read("one.clusters"))
        #expect(folder.read("all.assignments") == folder.read("one.assignments"))
        var applied = ""
        for input in [first, second] {
            let outcome = try winnow(["neardup", "apply", "--clusters", folder.file("all.clusters"), input, "-q"])
            #expect(outcome.status == 0, "\(outcome.stderr)")
            applied += outcome.stdout
        }
        #expect(applied == oneRun.stdout)
        #expect(jsonLines(applied).count < lines.count)
        let mismatch = try winnow(["neardup", "merge", "--set", "seed=2", folder.file("a.sig"), "-o", folder.file("x.clusters")])
        #expect(mismatch.status == 1 && mismatch.stderr.contains("other parameters"), "\(mismatch.stderr)")
    }

    /// An input given twice beside a real file named `a.jsonl#2`: the second reading is named apart
    /// from that file, so a near-duplicate cluster of the three keeps one (it kept none: the two
    /// shared an origin, and the assignments keyed by id and origin removed every copy).
    @Test func anInputGivenAgainBesideAFileNamedLikeItsSecondReading() throws {
        let folder = TemporaryFolder()
        let sentence = "the quick brown fox jumps over the lazy dog near the river bank while the sun sets slowly behind the hills"
        folder.write("a.jsonl", "{\"id\":\"d\",\"text\":\"\(sentence)\"}\n")
        folder.write("a.jsonl#2", "{\"id\":\"d\",\"text\":\"\(sentence) and then some more words here\"}\n")
        let outcome = try winnow(
            ["neardup", "a.jsonl", "a.jsonl", "a.jsonl#2", "-o", "out.jsonl", "--set", "clusters=cl.jsonl", "-q"], in: folder.path)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(jsonLines(folder.read("out.jsonl") ?? "").count == 1)
        #expect(jsonLines(folder.read("out.removed.jsonl") ?? "").count == 2)
        let members = jsonLines(folder.read("cl.jsonl") ?? "").compactMap { $0["members"] as? [[String: Any]] }.joined()
        #expect(Set(members.compactMap { $0["source"] as? String }) == ["a.jsonl", "a.jsonl#2", "a.jsonl#3"])
    }

    @Test func everyStageOptionIsReachedWithSet() throws {
        let folded = try winnow(
            ["normalize", "--set", "unicode=nfkc", "--set", "max_blank_lines=0", "-q"],
            stdin: "{\"id\":\"a\",\"text\":\"\u{FB01}ne\\n\\n\\nday\"}\n")
        #expect(folded.status == 0, "\(folded.stderr)")
        #expect(folded.stdout.contains("\"text\":\"fine\\nday\""), "\(folded.stdout)")
        let misspelt = try winnow(["dedup", "--set", "band=3", "-q"], stdin: "")
        #expect(
            misspelt.status == 1 && misspelt.stderr.contains("unknown option 'band'")
                && misspelt.stderr.contains("bands"), "\(misspelt.stderr)")
        let listed = try winnow(["stages"])
        #expect(listed.status == 0 && listed.stdout == OptionListing.text)
    }

    /// `stages --resolve` and `--options` print what winnow_spark.py reads; a bad file fails with its path.
    @Test func stagesPrintsResolvedOptionsAsJSON() throws {
        let folder = TemporaryFolder()
        folder.write("p.yaml", "version: 1\nsteps:\n  - exact: {keep: first}\n  - report\n")
        let resolved = try winnow(["stages", "--resolve", "p.yaml"], in: folder.path)
        #expect(resolved.status == 0, "\(resolved.stderr)")
        #expect(resolved.stdout.hasPrefix("{\"version\":1,\"name\":\"p\",\"steps\":[{\"exact\":{\"keep\":\"first\"}},{\"report\":{"))
        let options = try winnow(["stages", "--options", "report", "--set", "members_with_text=4"])
        #expect(options.status == 0 && options.stdout.contains("\"members_with_text\":4"), "\(options.stderr)")
        folder.write("bad.yaml", "version: 1\nsteps: [exact: {keep: bigest}]\n")
        let bad = try winnow(["stages", "--resolve", "bad.yaml"], in: folder.path)
        #expect(bad.status == 1 && bad.stdout.isEmpty && bad.stderr.contains("bad.yaml: step 1: invalid options"), "\(bad.stderr)")
        let loose = try winnow(["stages", "--set", "keep=first"])
        #expect(loose.status != 0 && loose.stderr.contains("--set goes with --options STAGE"), "\(loose.stderr)")
    }

    @Test func exitCodes() throws {
        let folder = TemporaryFolder()
        let input = folder.write("in.jsonl", "{\"text\": \"ok\"}\n{bad\n{\"text\": 1}\n")
        let tooMany = try winnow(["normalize", input, "-o", folder.file("out.jsonl"), "--max-rejects", "1"])
        #expect(tooMany.status == 2)
        #expect(tooMany.stderr.contains("in.jsonl:2: invalid JSON"))
        #expect(tooMany.stderr.contains("more than --max-rejects 1"))
        #expect(folder.listing() == ["in.jsonl"])

        let allowed = try winnow(["normalize", input, "-o", folder.file("out.jsonl"), "--max-rejects", "2", "--quiet"])
        #expect(allowed.status == 0)
        #expect(folder.read("out.jsonl") == "{\"id\":\"\(input):1\",\"text\":\"ok\"}\n")

        #expect(try winnow(["run", "Pipelines/missing.yaml"]).status == 1)
        #expect(try winnow(["normalize", "--threads", "0"]).status == 1)
        // A negative number is a value, and gets the reason (it was "Missing value" before).
        let negative = try winnow(["normalize", "--threads", "-1"])
        #expect(negative.status == 1 && negative.stderr.contains("--threads must be positive"), "\(negative.stderr)")
        // Each thread holds a batch in memory: a huge count is refused with its bound, before anything is read.
        for huge in ["1025", "100000000"] {
            let refused = try winnow(["normalize", "--threads", huge], stdin: "{\"id\":\"a\",\"text\":\"t\"}\n")
            #expect(refused.status == 1 && refused.stderr.contains("--threads must be at most 1024"), "\(refused.stderr)")
            #expect(refused.stdout.isEmpty)
        }
        #expect(try winnow(["normalize", "--threads", "1024", "-q"], stdin: "{\"id\":\"a\",\"text\":\"t\"}\n").status == 0)
        #expect(try winnow(["normalize", "/no/such/input.jsonl"]).status == 1)
        #expect(try winnow(["frobnicate"]).status == 1)
        let help = try winnow(["--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("normalize"))
        // A stage's `--set` options and their defaults are listed however help is asked for.
        for arguments in [["clean", "--help"], ["clean", "-h"], ["help", "clean"]] {
            let stageHelp = try winnow(arguments)
            #expect(stageHelp.status == 0 && stageHelp.stdout.contains("max_bytes (33554432): "), "\(arguments)")
        }
    }

    @Test func customFieldNames() throws {
        let outcome = try winnow(
            ["normalize", "--quiet", "--id-field", "key", "--text-field", "body"],
            stdin: #"{"key": 1, "body": " x  y ", "text": "  untouched  "}"# + "\n")
        #expect(outcome.stdout == #"{"key":1,"body":"x y","text":"  untouched  "}"# + "\n")
    }
}

extension CommandLineTests {
    @Test func rejectMessagesAreCappedWhenARejectsFileHasThem() throws {
        let folder = TemporaryFolder()
        let input = folder.write("bad.jsonl", String(repeating: "{oops\n", count: 50) + "{\"text\": \"fine\"}\n")
        let outcome = try winnow(["normalize", input, "-o", folder.file("out.jsonl")])
        #expect(outcome.status == 0)
        #expect(outcome.stderr.components(separatedBy: ": invalid JSON").count - 1 == 20)
        #expect(outcome.stderr.contains("30 more rejects not shown; all are in \(folder.file("out.rejects.jsonl"))"))
        #expect(jsonLines(try #require(folder.read("out.rejects.jsonl"))).count == 50)
    }

    /// A wrong option value in a pipeline file lists the accepted ones; a parser error on a huge line
    /// is cut instead of echoing the line.
    @Test func pipelineFileMistakesGetShortUsefulMessages() throws {
        let folder = TemporaryFolder()
        folder.write("x.jsonl", "{\"text\":\"x\"}\n")
        folder.write("bad.yaml", "version: 1\nsteps:\n  - normalize:\n      unicode: nfd\n")
        let wrong = try winnow(["run", "bad.yaml", "x.jsonl"], in: folder.path)
        #expect(wrong.status == 1)
        #expect(wrong.stderr.contains("'nfd' is not accepted; use one of 'nfc', 'nfkc', 'none'"), "\(wrong.stderr)")
        folder.write(
            "nest.yaml",
            "version: 1\nsteps:\n  - normalize: " + String(repeating: "[", count: 300) + String(repeating: "x", count: 100_000) + "\n")
        let nested = try winnow(["run", "nest.yaml", "x.jsonl"], in: folder.path)
        #expect(nested.status == 1)
        #expect(nested.stderr.utf8.count < 2_000, "\(nested.stderr.utf8.count) bytes of message")
    }
}
