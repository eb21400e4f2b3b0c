import Foundation
import Glibc
import Testing
import WinnowTestSupport

@testable import Winnow

/// The report of whole runs of the default pipeline (which ends with the `report` step): on the
/// bundled samples, on a generated news corpus, and on hostile documents.
@Suite(.serialized) struct ReportBuilderTests {
    struct Run {
        let summary: RunSummary
        let folder: String

        func read(_ name: String) throws -> String { try String(contentsOfFile: folder + "/" + name, encoding: .utf8) }

        /// The run's report.json as a report of the same files written into `other` has it: `inputs.report`
        /// names the folder written (the first "report" key: "inputs" sorts before the summary in "run").
        func reportJSON(writtenTo other: String) throws -> String {
            let json = try read("report.json")
            let named = try #require(json.range(of: #""report":"\#(folder)""#))
            return json.replacingCharacters(in: named, with: #""report":"\#(other)""#)
        }

        func json() throws -> [String: Any] {
            try JSONSerialization.jsonObject(with: Data(read("report.json").utf8)) as! [String: Any]
        }

        /// The data the page's script draws, as embedded in report.html.
        func pageData() throws -> [String: Any] {
            let html = try read("report.html")
            let start = try #require(html.range(of: #"<script type="application/json" id="report-data">"#))
            let end = try #require(html.range(of: "</script>", range: start.upperBound..<html.endIndex))
            return try JSONSerialization.jsonObject(with: Data(html[start.upperBound..<end.lowerBound].utf8)) as! [String: Any]
        }
    }

    /// Runs Pipelines/default.yaml, report step included, over `inputs` into `folder`.
    func runDefaultPipeline(_ inputs: [InputSpec], in folder: TemporaryFolder) async throws -> Run {
        try await runPipeline(try PipelineDefinition.load(path: packageRoot + "/Pipelines/default.yaml"), inputs, in: folder)
    }

    /// Runs `definition`, which ends with a report step, over `inputs` into `folder`.
    func runPipeline(_ definition: PipelineDefinition, _ inputs: [InputSpec], in folder: TemporaryFolder) async throws -> Run {
        let report = try #require(definition.report)
        let output = folder.file("out.jsonl")
        var configuration = RunConfiguration(inputs: inputs, output: output)
        configuration.removedOutput = folder.file("out.removed.jsonl")
        configuration.statsOutput = folder.file("stats.json")
        configuration.spoolDirectory = folder.path
        configuration.report = report
        let reportFolder = try #require(configuration.reportFolder)
        let summary = try await PipelineRunner(
            name: definition.name, steps: try definition.makeStages(reportFolder: reportFolder),
            configuration: configuration
        ).run()
        return Run(summary: summary, folder: reportFolder)
    }

    /// Lines of the clusters file the neardup stage wrote, between its header and end line, as (kept
    /// id, member ids).
    func clustersFile(_ run: Run) throws -> [(kept: String, members: [String])] {
        jsonLines(try run.read("clusters.jsonl")).dropFirst().dropLast().map { line in
            (line["kept"] as! String, (line["members"] as! [[String: Any]]).map { $0["id"] as! String })
        }
    }

    /// `samples`, each republished by another site without its first line, written to copies.jsonl.
    func syndicatedCopies(of samples: String, in folder: TemporaryFolder) throws -> String {
        let copies = try String(contentsOfFile: samples, encoding: .utf8).split(separator: "\n").map { line in
            var record = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
            record["id"] = (record["id"] as! String) + "-copy"
            record["url"] = "https://www.syndicate.example/\(record["id"] as! String)"
            record["text"] = (record["text"] as! String).split(separator: "\n").dropFirst().joined(separator: "\n")
            return String(decoding: try JSONSerialization.data(withJSONObject: record, options: .sortedKeys), as: UTF8.self)
        }
        return folder.write("copies.jsonl", copies.joined(separator: "\n") + "\n")
    }

    /// The samples, each also republished by another site without its first line: every near-duplicate
    /// cluster pairs a sample with its copy, and the report lists the clusters of the clusters file.
    @Test func samplesReport() async throws {
        let folder = TemporaryFolder()
        let samples = packageRoot + "/samples/pages.jsonl"
        let copiesFile = try syndicatedCopies(of: samples, in: folder)
        let run = try await runDefaultPipeline(
            [.jsonl(path: samples, name: "samples"), .jsonl(path: copiesFile, name: "copies")],
            in: folder)
        #expect(FileManager.default.fileExists(atPath: run.folder + "/report.html"))
        let report = try run.json()
        let documents = report["documents"] as! [String: Any]
        #expect(documents["kept"] as? Int == run.summary.kept)
        #expect(documents["removed"] as? Int == run.summary.removed)
        let clusters = report["largest_clusters"] as! [[String: Any]]
        let file = try clustersFile(run)
        #expect(file.count >= 4)
        for line in file {
            let sample = line.members.min()!
            #expect(Set(line.members) == [sample, sample + "-copy"], "\(line.members)")
        }
        #expect(clusters.filter { $0["kind"] as? String == "near-duplicate" }.count == file.count)
        // Two of the samples come from one site: their shared lines are listed, with page counts.
        let sites = report["sites"] as! [[String: Any]]
        let shared = sites.filter { ($0["template_lines"] as! [Any]).count > 0 }
        #expect(!shared.isEmpty)
        for site in shared {
            #expect((site["template_share"] as! Double) > 0 && (site["template_share"] as! Double) < 1)
            #expect((site["template_lines"] as! [[String: Any]]).allSatisfy { ($0["pages"] as! Int) >= 2 })
        }
        // The page carries the sites whose pages lost template lines; report.json every site.
        let changed = sites.filter { ($0["pages_changed"] as! Int) > 0 }
        #expect(changed.count < sites.count)
        #expect((try run.pageData()["sites"] as! [[String: Any]]).map { $0["site"] as! String } == changed.map { $0["site"] as! String })
        let html = try run.read("report.html")
        #expect(html.contains("<svg") && html.contains("Content-Security-Policy"))
        #expect(!html.contains(" src=") && !html.contains("<link"), "the page loads nothing")
    }

    @Test func generatedNewsReportMatchesTheClustersFile() async throws {
        let folder = TemporaryFolder()
        let run = try await runDefaultPipeline([.jsonl(path: GeneratedNews.corpus, name: "corpus")], in: folder)
        let file = try clustersFile(run)
        #expect(file.count >= 50)
        let report = try run.json()
        #expect((report["warnings"] as! [String]).isEmpty)
        let near = (report["largest_clusters"] as! [[String: Any]]).filter { $0["kind"] as? String == "near-duplicate" }
        #expect(near.count == file.count)
        // Same clusters, same members, kept document first.
        let reported = Dictionary(
            uniqueKeysWithValues: near.map { cluster in
                (cluster["kept"] as! String, (cluster["members"] as! [[String: Any]]).map { $0["id"] as! String })
            })
        for line in file {
            let members = try #require(reported[line.kept])
            #expect(members.first == line.kept)
            #expect(Set(members) == Set(line.members))
        }
        // Largest first.
        let sizes = (report["largest_clusters"] as! [[String: Any]]).map { $0["size"] as! Int }
        #expect(sizes == sizes.sorted(by: >))
        // The CSV has a row per member; the page lists every cluster and compares the largest.
        let csvRows = try run.read("clusters.csv").split(separator: "\r\n")
        #expect(csvRows.count == 1 + sizes.reduce(0, +))
        // Each cluster's rows together, kept document first; the same when few rows fit in memory and
        // the outputs are read once per group of clusters, or once per cluster larger than a group.
        let rowCells = csvRows.dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let labels = rowCells.map { $0[0] + "/" + $0[1] }
        #expect(labels.indices.filter { $0 == 0 || labels[$0] != labels[$0 - 1] }.count == sizes.count)
        #expect(rowCells.indices.allSatisfy { $0 > 0 && labels[$0] == labels[$0 - 1] || rowCells[$0][3] == rowCells[$0][4] })
        // Groups of one cluster (3 rows: every cluster is larger alone) and of several (50 rows).
        for rows in [3, 50] {
            var builder = ReportBuilder(options: ReportOptions(), inputs: run.summary.outputs, run: run.summary)
            builder.csvRowsInMemory = rows
            _ = try builder.write(to: folder.file("again-\(rows)"))
            #expect(try String(contentsOfFile: folder.file("again-\(rows)/clusters.csv"), encoding: .utf8) == run.read("clusters.csv"))
            #expect(
                try String(contentsOfFile: folder.file("again-\(rows)/report.json"), encoding: .utf8)
                    == run.reportJSON(writtenTo: folder.file("again-\(rows)")))
            #expect(
                try FileManager.default.contentsOfDirectory(atPath: folder.file("again-\(rows)")).sorted()
                    == ["cluster-list.jsonl", "clusters.csv", "report.html", "report.json"])
        }
        let page = try run.pageData()
        #expect((page["clusters"] as! [Any]).count == sizes.count)
        let comparisons = page["comparisons"] as! [[[String: Any]]]
        #expect(comparisons.count == min(ReportOptions().clustersWithText, near.count))
        #expect(comparisons.allSatisfy { !$0.isEmpty })
        // Syndicated copies differ a little: most comparisons align word by word and share most words.
        let aligned = comparisons.joined().filter { $0["aligned"] as? Bool == true }
        #expect(Double(aligned.count) >= 0.9 * Double(comparisons.joined().count))
        let sites = report["sites"] as! [[String: Any]]
        #expect(sites.filter { ($0["template_share"] as! Double) > 0.05 }.count >= 10)
    }

    /// The outputs as an engine writes them, folders of part files (each clusters part a whole clusters
    /// file, the template summary one site a line, `_SUCCESS` and checksum files beside them), give the
    /// report of the single files.
    @Test func foldersOfPartFilesGiveTheReportOfTheFiles() async throws {
        let folder = TemporaryFolder()
        let run = try await runDefaultPipeline([.jsonl(path: GeneratedNews.corpus, name: "corpus")], in: folder)
        let outputs = run.summary.outputs
        /// Writes `lines` as three part files of `name` and returns the folder.
        func parts(_ name: String, _ lines: [Substring], wrap: ([Substring]) -> [Substring] = { $0 }) -> String {
            let size = (lines.count + 2) / 3
            for part in 0..<3 {
                let chunk = Array(lines.dropFirst(part * size).prefix(size))
                folder.write("parts/\(name)/part-0000\(part)", wrap(chunk).joined(separator: "\n") + "\n")
                folder.write("parts/\(name)/.part-0000\(part).crc", "checksum")
            }
            folder.write("parts/\(name)/_SUCCESS", "")
            return folder.file("parts/\(name)")
        }
        func lines(_ path: String?) throws -> [Substring] {
            try String(contentsOfFile: try #require(path), encoding: .utf8).split(separator: "\n")
        }
        let clusterLines = try lines(outputs.clusters)
        var inParts = outputs
        inParts.cleaned = parts("cleaned", try lines(outputs.cleaned))
        inParts.removed = parts("removed", try lines(outputs.removed))
        inParts.clusters = parts("clusters", Array(clusterLines.dropFirst().dropLast())) { body in
            [clusterLines[0]] + body + [Substring("{\"end_of_file\":\(body.count)}")]
        }
        let summaryPath = try #require(outputs.templateSummary)
        let summary = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: summaryPath))) as? [String: Any])
        let siteLines = try (summary["sites"] as! [[String: Any]]).reversed().map { site in
            Substring(
                String(
                    decoding: try JSONSerialization.data(withJSONObject: site, options: [.sortedKeys, .withoutEscapingSlashes]),
                    as: UTF8.self))
        }
        #expect(siteLines.count > 10)
        inParts.templateSummary = parts("templates", siteLines) { body in
            [Substring(#"{"format":"winnow.template-summary","version":2}"#)] + body + [Substring("{\"end_of_file\":\(body.count)}")]
        }
        _ = try ReportBuilder(options: ReportOptions(), inputs: inParts, run: run.summary).write(to: folder.file("from-parts"))
        var fromParts =
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: folder.file("from-parts/report.json"))))
            as! [String: Any]
        var fromFiles = try run.json()
        #expect((fromParts["warnings"] as! [String]).isEmpty)
        #expect((fromParts["inputs"] as! [String: Any])["cleaned"] as? String == inParts.cleaned)
        fromParts["inputs"] = nil
        fromFiles["inputs"] = nil
        #expect(NSDictionary(dictionary: fromParts).isEqual(to: fromFiles))
        #expect(try String(contentsOfFile: folder.file("from-parts/clusters.csv"), encoding: .utf8) == run.read("clusters.csv"))
        #expect(
            try InputSpec.jsonlFiles(folder.file("parts/cleaned")).map(\.path)
                == (0..<3).map { folder.file("parts/cleaned/part-0000\($0)") })
    }

    /// With two neardup steps the clusters file is the last step's, while the outputs hold both steps'
    /// clusters: the report does not doubt them (it said the file and the outputs were not of one run).
    @Test func twoNeardupStepsAreNotAMismatchedClustersFile() async throws {
        let folder = TemporaryFolder()
        let samples = packageRoot + "/samples/pages.jsonl"
        let copiesFile = try syndicatedCopies(of: samples, in: folder)
        let definition = try PipelineDefinition.parse(
            "version: 1\nsteps:\n  - neardup\n  - neardup\n  - report\n", origin: "two.yaml")
        let run = try await runPipeline(
            definition, [.jsonl(path: samples, name: "samples"), .jsonl(path: copiesFile, name: "copies")], in: folder)
        let removedByFirst = run.summary.stages.first { $0.stage == "neardup" }?.removed.values.reduce(0, +) ?? 0
        #expect(removedByFirst > 0)
        let warnings = try run.json()["warnings"] as! [String]
        #expect(!warnings.contains { $0.contains("were they made by the same run") }, "\(warnings)")
    }

    /// A second, looser neardup step that clusters the first step's kept document with other pages
    /// gives it that step's `cluster_size`, while the outputs hold both steps' members under its id:
    /// the report shows one cluster and does not say the outputs miss members.
    @Test func aSecondNeardupStepsClusterSizeIsNotAMismatch() async throws {
        let folder = TemporaryFolder()
        let words = (0..<300).map { "w\($0 * 7919 % 3001)" }
        func edited(_ places: [Int]) -> String {
            var copy = words
            for place in places { copy[place] = "x\(place)" }
            return copy.joined(separator: " ")
        }
        let pages =
            [("kept", words.joined(separator: " ") + " and a longer end")]
            + (0..<3).map { ("close-\($0)", edited([40 + 90 * $0])) }
            + (0..<3).map { copy in ("loose-\(copy)", edited((0..<8).map { 11 + 37 * $0 + copy })) }
        let lines = try pages.map { id, text in
            String(
                decoding: try JSONSerialization.data(
                    withJSONObject: ["id": id, "url": "https://\(id).example/", "text": text], options: .sortedKeys), as: UTF8.self)
        }
        let input = folder.write("pages.jsonl", lines.joined(separator: "\n") + "\n")
        let definition = try PipelineDefinition.parse(
            """
            version: 1
            steps:
              - neardup: {threshold: 0.9, min_jaccard: 0.85, containment: 0}
              - neardup: {threshold: 0.6, min_jaccard: 0.5, containment: 0}
              - report
            """, origin: "two.yaml")
        let run = try await runPipeline(definition, [.jsonl(path: input, name: "pages")], in: folder)
        let removed = run.summary.stages.filter { $0.stage == "neardup" }.map { $0.removed.values.reduce(0, +) }
        #expect(removed == [3, 3], "each step clusters its three pages with the kept one")
        let json = try run.json()
        #expect((json["warnings"] as! [String]).isEmpty, "\(json["warnings"]!)")
        let lastStep = jsonLines(try run.read("clusters-step2.jsonl")).dropFirst().dropLast()
        #expect(lastStep.map { $0["size"] as? Int } == [4], "the last step's clusters file")
        #expect(try run.read("cluster-list.jsonl").hasPrefix(#"{"cluster":"kept","kept":"kept","kind":"near-duplicate","#))
        #expect(try run.read("clusters.csv").split(whereSeparator: \.isNewline).count == 1 + 7)
    }

    /// Two clusters whose kept documents share an id read as one cluster in the outputs (they label a
    /// cluster by its kept id); the report says so, from the outputs alone, and does not doubt the
    /// outputs or the clusters file.
    @Test func clustersWhoseKeptCopiesShareAnIDAreNamedInAWarning() async throws {
        let folder = TemporaryFolder()
        let samples = try String(contentsOfFile: packageRoot + "/samples/pages.jsonl", encoding: .utf8).split(separator: "\n")
        let texts = try samples.prefix(2).map { line in
            try #require((try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any])["text"] as? String)
        }
        var lines: [String] = []
        for (index, text) in texts.enumerated() {
            let copy = text.split(separator: "\n").dropFirst().joined(separator: "\n")
            for (id, body) in [("same", text), ("copy-\(index)", copy)] {
                let record = ["id": id, "url": "https://\(id)-\(index).example/page", "text": body]
                lines.append(String(decoding: try JSONSerialization.data(withJSONObject: record, options: .sortedKeys), as: UTF8.self))
            }
        }
        let input = folder.write("pages.jsonl", lines.joined(separator: "\n") + "\n")
        let run = try await runDefaultPipeline([.jsonl(path: input, name: "pages")], in: folder)
        let file = try clustersFile(run)
        #expect(file.map(\.kept) == ["same", "same"], "\(file)")
        let warnings = try run.json()["warnings"] as! [String]
        #expect(
            warnings == [
                "2 near-duplicate clusters keep documents that share their id (same), which labels a cluster: the report shows each such id as one cluster"
            ])
        // The kept copy the merged cluster shows is chosen by content (the URL), not by the outputs' order.
        let reversedFolder = TemporaryFolder()
        let reversedInput = reversedFolder.write("pages.jsonl", lines.reversed().joined(separator: "\n") + "\n")
        let reversedRun = try await runDefaultPipeline([.jsonl(path: reversedInput, name: "pages")], in: reversedFolder)
        let listing = try run.read("cluster-list.jsonl")
        #expect(listing.contains(#"{"id":"same","similarity":1,"text_bytes":"#))
        #expect(try reversedRun.read("cluster-list.jsonl") == listing)
    }

    /// Exact copies form their own groups: the kept copy's details come from the cleaned output.
    @Test func exactCopiesAreGroupedUnderTheKeptCopy() async throws {
        let folder = TemporaryFolder()
        let story = "A short story about the harbour, told twice by two sites and once more by a third."
        var lines: [String] = []
        for (id, text) in [("b", story), ("a", story.uppercased()), ("c", "Another page entirely, about the hills.")] {
            let record = ["id": id, "url": "https://\(id).example/page", "text": text]
            lines.append(String(decoding: try JSONSerialization.data(withJSONObject: record, options: .sortedKeys), as: UTF8.self))
        }
        let input = folder.write("copies.jsonl", lines.joined(separator: "\n") + "\n")
        let run = try await runDefaultPipeline([.jsonl(path: input, name: "copies")], in: folder)
        let clusters = try run.json()["largest_clusters"] as! [[String: Any]]
        #expect(clusters.count == 1)
        let group = try #require(clusters.first)
        #expect(group["kind"] as? String == "exact" && group["size"] as? Int == 2)
        let members = group["members"] as! [[String: Any]]
        let kept = members[0], copy = members[1]
        #expect(kept["id"] as? String == group["kept"] as? String)
        #expect(kept["url"] as? String == "https://\(kept["id"] as! String).example/page")
        #expect(kept["text_bytes"] as? Int == story.utf8.count && kept["removed_by"] == nil)
        #expect(copy["removed_by"] as? String == "exact" && copy["similarity"] as? Double == 1)
        #expect(try run.read("clusters.csv").contains(",exact,2,"))
    }

    /// Kept ids that are one string to Swift's `==` but differ in bytes ("é" and "e" + U+0301) are
    /// two groups, as the exact stage found them.
    @Test func groupsWhoseKeptIDsDifferOnlyInBytesStayApart() async throws {
        let folder = TemporaryFolder()
        let first = "A short story about the harbour, told twice by two sites on the same morning."
        let second = "Another story entirely, about the hills and the long road over them at night."
        var lines: [String] = []
        for (id, text) in [("\u{E9}", first), ("\u{FF}1", first.uppercased()), ("e\u{301}", second), ("f2", second.uppercased())] {
            let record = ["id": id, "url": "https://site-\(lines.count).example/page", "text": text]
            lines.append(String(decoding: try JSONSerialization.data(withJSONObject: record, options: .sortedKeys), as: UTF8.self))
        }
        let input = folder.write("copies.jsonl", lines.joined(separator: "\n") + "\n")
        let run = try await runDefaultPipeline([.jsonl(path: input, name: "copies")], in: folder)
        let clusters = try run.json()["largest_clusters"] as! [[String: Any]]
        #expect(clusters.map { $0["size"] as? Int } == [2, 2])
        #expect(Set(clusters.map { Array(($0["kept"] as! String).utf8) }) == [Array("\u{E9}".utf8), Array("e\u{301}".utf8)])
    }

    /// Fields of the input that happen to be called `cluster` or `similarity` make no cluster, and a
    /// similarity JSON cannot hold (1e999) does not break the report.
    @Test func inputFieldsNamedLikeClusterFieldsAreNotClusters() async throws {
        let folder = TemporaryFolder()
        let input = folder.write(
            "topics.jsonl",
            """
            {"id":"x","text":"A page about rivers and their banks.","cluster":"topic-7","similarity":1e999}
            {"id":"y","text":"A page about mountains and their passes.","cluster":"topic-7"}

            """)
        let run = try await runDefaultPipeline([.jsonl(path: input, name: "topics")], in: folder)
        #expect((try run.json()["largest_clusters"] as! [Any]).isEmpty)
        #expect(FileManager.default.fileExists(atPath: folder.file("stats.json")))
    }

    /// A removed output that went to standard output cannot be read back: the report says so
    /// instead of reading the terminal.
    @Test func aRemovedOutputOnStandardOutputIsReportedMissing() throws {
        let folder = TemporaryFolder()
        let cleaned = folder.write("out.jsonl", #"{"id":"a","text":"One page."}"# + "\n")
        let inputs = RunSummary.Outputs(cleaned: cleaned, removed: "-")
        let written = try ReportBuilder(options: ReportOptions(), inputs: inputs).write(to: folder.file("report"))
        #expect(written.warnings.contains { $0.contains("removed output was not kept in a file") })
        let report = try JSONSerialization.jsonObject(with: Data(folder.read("report/report.json")!.utf8)) as! [String: Any]
        #expect((report["documents"] as! [String: Any])["kept"] as? Int == 1)
    }

    /// A removed output or clusters file sent to a device or a pipe holds nothing the report can read
    /// back, and opening a FIFO to read it would block: the report says it is missing instead.
    @Test func outputsOnADeviceOrAPipeAreReportedMissing() throws {
        let folder = TemporaryFolder()
        let cleaned = folder.write("out.jsonl", #"{"id":"a","text":"One page."}"# + "\n")
        let fifo = folder.file("removed.fifo")
        #expect(mkfifo(fifo, 0o600) == 0)
        // Were the FIFO opened, this writer would end the wait with an empty read, so the test fails, not hangs.
        Thread.detachNewThread {
            Thread.sleep(forTimeInterval: 5)
            let descriptor = open(fifo, O_WRONLY | O_NONBLOCK)
            if descriptor >= 0 { close(descriptor) }
        }
        for (removed, clusters) in [("/dev/null", "/dev/null"), (fifo, nil)] {
            let inputs = RunSummary.Outputs(cleaned: cleaned, removed: removed, clusters: clusters)
            let written = try ReportBuilder(options: ReportOptions(), inputs: inputs).write(to: folder.file("report"))
            #expect(written.warnings.contains { $0.contains("removed output was not kept in a file") }, "\(removed)")
            #expect(written.warnings.contains { $0.contains("clusters file was not kept in a file") } == (clusters != nil))
            #expect(!written.warnings.contains { $0.contains("cluster_size") || $0.contains("same run") }, "\(written.warnings)")
        }
    }

    @Test func hostileDocumentsAreShownAsText() async throws {
        let folder = TemporaryFolder()
        let body = (1...60).map { "Sentence \($0) of a story that two sites published with small edits." }.joined(separator: " ")
        let hostile = "</script><script>alert(1)</script> </textarea><textarea> <img src=x onerror=alert(2)> <!-- "
        var lines: [String] = []
        for (index, prefix) in ["", hostile].enumerated() {
            let record: [String: String] = [
                "id": "page-\(index)<b id=evil>", "url": index == 0 ? "javascript:alert(3)" : "https://x.example/<i id=evil>",
                "text": prefix + body + (index == 0 ? " Extra words here." : ""),
            ]
            lines.append(String(decoding: try JSONSerialization.data(withJSONObject: record), as: UTF8.self))
        }
        let input = folder.write("hostile.jsonl", lines.joined(separator: "\n") + "\n")
        let run = try await runDefaultPipeline([.jsonl(path: input, name: "hostile")], in: folder)
        let html = try run.read("report.html")
        #expect(!html.contains("alert(1)</script>") && !html.contains("<textarea") && !html.contains("</textarea"))
        #expect(!html.contains("<img") && !html.contains("<!--") && !html.contains("<b id=evil>") && !html.contains("<i id=evil>"))
        #expect(html.components(separatedBy: "<script").count == 3, "only the page's own two scripts")
        // The text is not dropped: the page's data gives it back exactly.
        let page = try run.pageData()
        let clusters = page["clusters"] as! [[String: Any]]
        #expect(clusters.count == 1)
        let ids = (clusters[0]["members"] as! [[String: Any]]).map { $0["id"] as! String }
        #expect(Set(ids) == ["page-0<b id=evil>", "page-1<b id=evil>"])
        let comparison = try #require((page["comparisons"] as! [[[String: Any]]]).first?.first)
        let sides = (comparison["left"] as! [String]).joined() + (comparison["right"] as! [String]).joined()
        #expect(sides.contains("</script><script>alert(1)</script>"))
    }

    /// A group of 250 exact copies: the page and report.json list the first 100 members and say how
    /// many more there are, while clusters.csv lists every one, kept copy first (the page grew with the
    /// group before).
    @Test func thePageListsABoundedNumberOfMembers() async throws {
        let folder = TemporaryFolder()
        let text = "The same short notice, copied onto every page of a large site, word for word, again and again."
        let lines = (0..<250).map { #"{"id":"copy-\#($0)","url":"https://example.org/\#($0)","text":"\#(text) \#($0 % 1)"}"# }
        let input = folder.write("copies.jsonl", lines.joined(separator: "\n") + "\n")
        let run = try await runDefaultPipeline([.jsonl(path: input, name: "copies.jsonl")], in: folder)
        let page = try run.pageData()
        let cluster = try #require((page["clusters"] as? [[String: Any]])?.first)
        #expect(cluster["size"] as? Int == 250)
        #expect((cluster["members"] as? [Any])?.count == RunReport.membersListed)
        #expect(cluster["more"] as? Int == 250 - RunReport.membersListed)
        let listed = try #require((try run.json()["largest_clusters"] as? [[String: Any]])?.first)
        #expect((listed["members"] as? [Any])?.count == RunReport.membersListed)
        #expect(listed["more_members"] as? Int == 250 - RunReport.membersListed)
        let rows = try run.read("clusters.csv").split(separator: "\r\n")
        #expect(rows.count == 251)
        let ids = rows.dropFirst().map { $0.split(separator: ",")[4] }
        #expect(Set(ids).count == 250 && ids.first == "copy-0", "\(ids.prefix(3))")
    }

    /// Two templates steps naming no summary feed the report a file each, named by step number as the
    /// cluster path names its folders; the run summary records the last step's, which the report reads.
    @Test func twoTemplatesStepsFeedTheReportAFileEach() async throws {
        let folder = TemporaryFolder()
        let definition = try PipelineDefinition.parse(
            """
            version: 1
            steps:
              - normalize
              - templates:
                  anchor_share: 0.9
              - templates
              - report
            """, origin: "two-templates.yaml")
        // Site a's header is on every page (the first step removes it), site b's teaser on 6 of 10 (the second).
        let places = ["harbour", "mountain", "river", "valley", "island", "forest", "meadow", "canyon", "desert", "glacier"]
        let plans = ["budget", "transport", "housing", "library", "market", "school", "bridge", "park", "museum", "clinic"]
        var pages: [String] = []
        for site in ["a", "b"] {
            for page in 0..<10 {
                let header =
                    site == "a" ? "Alpha Daily home news sport weather" : page < 6 ? "Bravo Times morning briefing and teasers" : nil
                let body = [
                    "The \(places[page]) council met the \(plans[(page + 3) % 10]) committee about the \(site) plan this season.",
                    "Residents of the \(places[(page + 5) % 10]) district said the \(plans[page]) proposal needs a public debate.",
                ]
                let text = ([header].compactMap { $0 } + body).joined(separator: "\n")
                let record = ["id": "\(site)\(page)", "url": "https://\(site).example/\(page)", "text": text]
                pages.append(String(decoding: try JSONSerialization.data(withJSONObject: record, options: .sortedKeys), as: UTF8.self))
            }
        }
        let input = folder.write("sites.jsonl", pages.joined(separator: "\n") + "\n")
        let run = try await runPipeline(definition, [.jsonl(path: input, name: "sites")], in: folder)
        let files = try FileManager.default.contentsOfDirectory(atPath: run.folder).filter { $0.hasPrefix("templates") }
        #expect(files.sorted() == ["templates-step2.json", "templates-step3.json"])
        #expect(run.summary.outputs.templateSummary == run.folder + "/templates-step3.json")
        /// Per site, the texts of its template lines.
        func lines(_ sites: Any?) -> [String: [String]] {
            Dictionary(
                uniqueKeysWithValues: (sites as! [[String: Any]]).map { site in
                    (site["site"] as! String, (site["template_lines"] as! [[String: Any]]).map { $0["text"] as! String })
                })
        }
        let summaries = try ["templates-step2.json", "templates-step3.json"].map { name in
            lines((try JSONSerialization.jsonObject(with: Data(run.read(name).utf8)) as! [String: Any])["sites"])
        }
        #expect(summaries[0]["a.example"] == ["Alpha Daily home news sport weather"] && summaries[0]["b.example"] ?? [] == [])
        #expect(summaries[1]["b.example"] == ["Bravo Times morning briefing and teasers"] && summaries[1]["a.example"] ?? [] == [])
        let reported = lines(try run.json()["sites"]).filter { !$0.value.isEmpty }
        #expect(reported == summaries[1].filter { !$0.value.isEmpty })
    }

    /// A run's report takes the template summary's sites from the stage that wrote it rather than
    /// reading the file back: the same report as one built from the files, escapes and all.
    @Test func aRunsOwnTemplateSitesGiveTheReportItsFilesGive() async throws {
        let folder = TemporaryFolder()
        let headers = [
            #"Say "hi" to C:\Users\news and / slashes"#, "Ünïcödé — “quotes” and 🎉 </script><b>&amp;",
            "Tab\there and a line \u{2028} separator",
        ]
        let plans = ["bridge", "park", "school"]
        var pages: [String] = []
        for site in 0..<12 {
            for page in 0..<3 {
                let text = [
                    headers[site % 3], "Menu home \(site) sport", "Story \(page): the council met about the \(plans[page]) plan today.",
                ].joined(separator: "\n")
                let record = ["id": "s\(site)p\(page)", "url": "https://site\(site).example/\(page)", "text": text]
                pages.append(String(decoding: try JSONSerialization.data(withJSONObject: record, options: .sortedKeys), as: UTF8.self))
            }
        }
        let input = folder.write("sites.jsonl", pages.joined(separator: "\n") + "\n")
        let run = try await runDefaultPipeline([.jsonl(path: input, name: "sites")], in: folder)
        let sites = try run.json()["sites"] as! [[String: Any]]
        #expect(sites.count == 12 && sites.allSatisfy { ($0["template_lines"] as! [Any]).count >= 2 })
        _ = try ReportBuilder(options: ReportOptions(), inputs: run.summary.outputs, run: run.summary).write(to: folder.file("again"))
        #expect(FileManager.default.contentsEqual(atPath: folder.file("again/report.html"), andPath: run.folder + "/report.html"))
        #expect(
            try String(contentsOfFile: folder.file("again/report.json"), encoding: .utf8) == run.reportJSON(writtenTo: folder.file("again"))
        )
    }

    /// A second run replaces the report folder whole (keeping a file the user put there), and a run
    /// that fails leaves it as it was: no mix of old and new files, no work folder left behind.
    @Test func theReportFolderIsReplacedWholeOrNotAtAll() async throws {
        let folder = TemporaryFolder()
        let samples = packageRoot + "/samples/pages.jsonl"
        let first = try await runDefaultPipeline([.jsonl(path: samples, name: "samples")], in: folder)
        #expect(first.summary.outputs.clusters == first.folder + "/clusters.jsonl")
        folder.write("out.report/notes.txt", "mine")
        let before = try first.read("report.json")
        let half = try String(contentsOfFile: samples, encoding: .utf8).split(separator: "\n").prefix(3).joined(separator: "\n") + "\n"
        let second = try await runDefaultPipeline([.jsonl(path: folder.write("half.jsonl", half), name: "half")], in: folder)
        let files = try FileManager.default.contentsOfDirectory(atPath: second.folder).sorted()
        #expect(
            files == ["cluster-list.jsonl", "clusters.csv", "clusters.jsonl", "notes.txt", "report.html", "report.json", "templates.json"])
        let after = try second.read("report.json")
        #expect(after != before)
        #expect(folder.listing().filter { $0.contains(".winnow-") }.isEmpty, "\(folder.listing())")

        var damaged = try gzipped(Array(half.utf8))
        damaged[damaged.count - 6] ^= 0xFF
        let input = folder.write("damaged.jsonl.gz", damaged)
        await #expect(throws: WinnowError.self) {
            _ = try await runDefaultPipeline([.jsonl(path: input, name: "damaged")], in: folder)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: second.folder).sorted() == files)
        #expect(try second.read("report.json") == after)
        #expect(folder.listing().filter { $0.contains(".winnow-") }.isEmpty, "\(folder.listing())")
    }
}
