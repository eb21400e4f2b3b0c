import Foundation
import Testing
import WinnowTestSupport

@testable import Winnow

/// The report in steps (map per share of the outputs, clusters per share of the rows grouped by key,
/// page on the summed rows) gives the report `ReportBuilder` writes reading the whole run.
@Suite(.serialized) struct ReportStepsTests {
    /// A run of the default pipeline over the generated news, with clusters whose kept copies share an
    /// id and exact copies added, and the report its report step wrote.
    static func run(in folder: TemporaryFolder) async throws -> ReportBuilderTests.Run {
        var lines = try String(contentsOfFile: GeneratedNews.corpus, encoding: .utf8).split(separator: "\n").map(String.init)
        let samples = try String(contentsOfFile: packageRoot + "/samples/pages.jsonl", encoding: .utf8).split(separator: "\n")
        for (index, line) in samples.prefix(4).enumerated() {
            let text = try #require((try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any])["text"] as? String)
            let copy = text.split(separator: "\n").dropFirst().joined(separator: "\n")
            let records =
                index < 2 ? [("same", text), ("copy-\(index)", copy)] : [("exact-\(index)", text), ("copy-\(index)", text.uppercased())]
            for (id, body) in records {
                let record = ["id": id, "url": "https://\(id)-\(index).example/page", "text": body]
                lines.append(String(decoding: try JSONSerialization.data(withJSONObject: record, options: .sortedKeys), as: UTF8.self))
            }
        }
        let input = folder.write("pages.jsonl", lines.joined(separator: "\n") + "\n")
        return try await ReportBuilderTests().runDefaultPipeline([.jsonl(path: input, name: "pages")], in: folder)
    }

    /// Splits `path`'s lines into `count` consecutive shares, as an engine's part files; the removed
    /// output's lines first reversed (an engine's removed parts need not follow `winnow run`'s order).
    static func shares(_ path: String, _ count: Int, named name: String, in folder: TemporaryFolder) throws -> [String] {
        var lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        if name == "removed" { lines.reverse() }
        let size = (lines.count + count - 1) / count
        return (0..<count).map { share in
            let part = lines.dropFirst(share * size).prefix(size)
            return folder.write("\(name)-\(share).jsonl", part.map { $0 + "\n" }.joined())
        }
    }

    @Test func stepsOverSharesGiveTheReportOfTheWholeRun() async throws {
        let folder = TemporaryFolder()
        let run = try await Self.run(in: folder)
        let outputs = run.summary.outputs
        let warnings = try run.json()["warnings"] as! [String]
        #expect(warnings.contains { $0.contains("share their id (same)") }, "\(warnings)")
        let largest = try run.json()["largest_clusters"] as! [[String: Any]]
        #expect(largest.contains { $0["kind"] as? String == "exact" } && largest.count > 50)

        // Map: three shares of the cleaned output, two of the removed one.
        var rows: [String] = []
        for (cleaned, path, count) in [(true, try #require(outputs.cleaned), 3), (false, try #require(outputs.removed), 2)] {
            for (part, share) in try Self.shares(path, count, named: cleaned ? "cleaned" : "removed", in: folder).enumerated() {
                let mapped = folder.file("map-\(cleaned)-\(part).rows")
                try ReportSteps.map(input: share, cleaned: cleaned, part: part, keepers: true, to: mapped)
                rows += try String(contentsOfFile: mapped, encoding: .utf8).split(separator: "\n").map(String.init)
            }
        }
        let counts = rows.filter { $0.hasPrefix("C\t") }
        #expect(counts.count == 5)
        // The shuffle: rows dealt to three partitions by key, in any order, then grouped by key.
        var generator = SeededRandom(seed: 5)
        var partitions = [[String]](repeating: [], count: 3)
        for row in rows.filter({ !$0.hasPrefix("C\t") }).shuffled(using: &generator) {
            let key = String(row.prefix { $0 != "\t" })
            partitions[Int(key.utf8.reduce(UInt32(7)) { $0 &* 31 &+ UInt32($1) } % 3)].append(row)
        }
        var clusterLines: [String] = []
        for (index, partition) in partitions.enumerated() {
            let grouped = partition.enumerated().sorted { a, b in
                let (left, right) = (a.element.prefix { $0 != "\t" }, b.element.prefix { $0 != "\t" })
                return left != right ? left.utf8.lexicographicallyPrecedes(right.utf8) : a.offset < b.offset
            }.map(\.element)
            let input = folder.write("rows-\(index)", grouped.map { $0 + "\n" }.joined())
            try ReportSteps.clusters(input: input, to: folder.file("clusters-\(index)"))
            clusterLines += try String(contentsOfFile: folder.file("clusters-\(index)"), encoding: .utf8).split(separator: "\n").map(
                String.init)
        }
        func fields(_ line: String) -> [String] {
            line.split(separator: "\t", maxSplits: 3, omittingEmptySubsequences: false).map(String.init)
        }
        let clusters = clusterLines.filter { $0.hasPrefix("c\t") }.sorted { fields($0)[1] < fields($1)[1] }
        let csvRows = clusterLines.filter { $0.hasPrefix("v\t") }.sorted { (fields($0)[1], fields($0)[2]) < (fields($1)[1], fields($1)[2]) }
        let facts = clusterLines.filter { $0.hasPrefix("f\t") }
        #expect(facts.count == 3)

        // Every cluster, and every member in clusters.csv, as the whole run's report has them.
        #expect(clusters.map { fields($0)[2] + "\n" }.joined() == (try run.read("cluster-list.jsonl")))
        // Each cluster's rows together, the kept document first; the others in the order of the outputs.
        let csv = try csvRows.map { try JSONDecoder().decode(String.self, from: Data(fields($0)[3].utf8)) }
        let local = try run.read("clusters.csv").split(separator: "\r\n").map { String($0) + "\r\n" }
        #expect(local.first == ClustersCSV.header.joined(separator: ",") + "\r\n")
        #expect(csv.sorted() == local.dropFirst().sorted())
        #expect(csv.count == local.count - 1)

        // The page's texts: the lines of the largest clusters' members, from every share, in output order.
        let ids = try clusters.prefix(300).flatMap { line in
            let cluster = try JSONSerialization.jsonObject(with: Data(fields(line)[2].utf8)) as! [String: Any]
            return (cluster["members"] as! [[String: Any]]).map { $0["id"] as! String }
        }
        let idsFile = folder.write(
            "ids", try ids.map { String(decoding: try JSONEncoder().encode($0), as: UTF8.self) + "\n" }.joined())
        var textLines: [String] = []
        for (cleaned, path, count) in [(true, try #require(outputs.cleaned), 3), (false, try #require(outputs.removed), 2)] {
            for (part, share) in try Self.shares(path, count, named: cleaned ? "cleaned" : "removed", in: folder).enumerated() {
                let mapped = folder.file("texts-\(cleaned)-\(part).rows")
                try ReportSteps.mapTexts(input: share, cleaned: cleaned, part: part, ids: idsFile, to: mapped)
                textLines += try String(contentsOfFile: mapped, encoding: .utf8).split(separator: "\n").map(String.init)
            }
        }
        #expect(textLines.count >= Set(ids).count)
        let texts = folder.write(
            "texts.jsonl",
            textLines.shuffled(using: &generator).sorted { fields($0)[1] < fields($1)[1] }.map { fields($0)[2] + "\n" }.joined())

        // The page: report.json and report.html byte for byte.
        let inputs = ReportSteps.PageInputs(
            counts: folder.write("counts", counts.map { $0 + "\n" }.joined()),
            facts: folder.write("facts", facts.map { $0 + "\n" }.joined()),
            largest: folder.write("largest", clusters.map { $0 + "\n" }.joined()), texts: texts)
        let written = try ReportSteps.page(
            inputs, outputs: outputs, run: run.summary, options: ReportOptions(), to: folder.file("paged"))
        #expect(written.warnings == warnings)
        for name in ["report.json", "report.html"] {
            #expect(try String(contentsOfFile: folder.file("paged/" + name), encoding: .utf8) == (try run.read(name)), "\(name)")
        }
    }

    /// The clusters step refuses rows whose keys are not together, instead of writing a cluster twice.
    @Test func rowsOfAKeyMustBeTogether() throws {
        let folder = TemporaryFolder()
        let member = #"{"member":{"id":"b","similarity":1,"text_bytes":3,"removed_by":"exact"},"order":"1000000000000000000000001"}"#
        let keeper = #"{"keeper":true,"member":{"id":"a","similarity":1,"text_bytes":3},"order":"0000000000000000000000001"}"#
        let other = #"{"member":{"id":"d","similarity":1,"text_bytes":3,"removed_by":"exact"},"order":"1000000000000000000000002"}"#
        let together = folder.write("together", "Me\"a\"\t\(member)\nMe\"a\"\t\(keeper)\nMe\"c\"\t\(other)\n")
        try ReportSteps.clusters(input: together, to: folder.file("out"))
        let lines = try String(contentsOfFile: folder.file("out"), encoding: .utf8).split(separator: "\n")
        #expect(lines.filter { $0.hasPrefix("c\t") }.count == 2)
        let facts = try #require(lines.last)
        #expect(facts.contains(#""missing_keepers":1"#), "\(facts)")
        let apart = folder.write("apart", "Me\"a\"\t\(member)\nMe\"c\"\t\(other)\nMe\"a\"\t\(keeper)\n")
        #expect(throws: WinnowError.self) { try ReportSteps.clusters(input: apart, to: folder.file("out2")) }
        #expect(!FileManager.default.fileExists(atPath: folder.file("out2")))
    }

    /// Keys that differ only in their bytes ("é" and "e" + U+0301) are two groups, as `winnow run`'s
    /// report has them: rows of another key between them are no error (String equality made them one
    /// key, whose rows were then not together).
    @Test func keysThatDifferOnlyInTheirBytesAreTwoGroups() throws {
        let folder = TemporaryFolder()
        func member(_ id: String) -> String {
            #"{"member":{"id":""# + id + #"","similarity":1,"text_bytes":3,"removed_by":"exact"},"order":"1000000000000000000000001"}"#
        }
        let rows = folder.write(
            "rows", "Me\"e\u{301}\"\t\(member("b"))\nMe\"ez\"\t\(member("c"))\nMe\"\u{E9}\"\t\(member("d"))\n")
        try ReportSteps.clusters(input: rows, to: folder.file("out"))
        let lines = try String(contentsOfFile: folder.file("out"), encoding: .utf8).split(separator: "\n")
        #expect(lines.filter { $0.hasPrefix("c\t") }.count == 3)
    }

    /// Of documents sharing an exact group's kept id, the group takes one by content (the cleaned
    /// output first, then URL), not the first in the outputs, which an engine's parts need not keep.
    @Test func theKeptCopyDoesNotDependOnTheOrderOfTheOutputs() throws {
        let folder = TemporaryFolder()
        let copy = #"{"member":{"id":"b","similarity":1,"text_bytes":3,"removed_by":"exact"},"order":"1000000000000000000000005"}"#
        func keeper(_ url: String, _ order: String) -> String {
            #"{"keeper":true,"member":{"id":"a","similarity":1,"text_bytes":3,"url":"\#(url)","removed_by":"neardup"},"order":"\#(order)"}"#
        }
        var clusterLines: [Substring] = []
        for (first, second) in [("https://y.example/", "https://x.example/"), ("https://x.example/", "https://y.example/")] {
            let rows = [copy, keeper(first, "1000000000000000000000001"), keeper(second, "1000000000000000000000002")]
            let input = folder.write("rows", rows.map { "Me\"a\"\t\($0)\n" }.joined())
            try ReportSteps.clusters(input: input, to: folder.file("out"))
            clusterLines += try String(contentsOfFile: folder.file("out"), encoding: .utf8).split(separator: "\n").filter {
                $0.hasPrefix("c\t")
            }
        }
        #expect(clusterLines.count == 2 && clusterLines[0] == clusterLines[1])
        #expect(clusterLines[0].contains("https://x.example/"))
    }
}
