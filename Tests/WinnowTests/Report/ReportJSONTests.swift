import Foundation
import Testing
import WinnowTestSupport

@testable import Winnow

/// report.json and the page's data are written by `SortedJSONWriter`; Foundation's `JSONEncoder`
/// with the same options is the reference, byte for byte.
@Suite struct ReportJSONTests {
    static func encoded(_ value: some Encodable) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Array(try encoder.encode(value))
    }

    static func written(_ strings: [String]) -> [UInt8] {
        var json = SortedJSONWriter()
        json.beginArray()
        for string in strings { json.string(string) }
        json.endArray()
        return json.bytes
    }

    static func written(_ numbers: [Double]) throws -> [UInt8] {
        var json = SortedJSONWriter()
        json.beginArray()
        for number in numbers { try json.double(number) }
        json.endArray()
        return json.bytes
    }

    @Test func everyASCIICharacterIsEscapedAsTheEncoderDoes() throws {
        let each = (0..<0x80).map { String(UnicodeScalar(UInt8($0))) }
        #expect(Self.written(each) == (try Self.encoded(each)))
        let all = each.joined()
        #expect(Self.written([all, all + all]) == (try Self.encoded([all, all + all])))
        #expect(String(decoding: Self.written(["\u{8}\u{C}\u{1}\u{1F}\u{7F}"]), as: UTF8.self) == #"["\b\f\u0001\u001f\#u{7F}"]"#)
    }

    @Test func quotesBackslashesSlashesAndNonASCII() throws {
        let strings = [
            "", "\"", "\\", "/", "</script>", #"a "quoted" \ back\slash"#, "http://example.com/a/b?c=d&e=f",
            "café", "日本語のテキスト", "😀 and 👩‍👩‍👧", "\u{2028}\u{2029}\u{FEFF}\u{FFFD}", "tab\tnew\nline\r\nend",
            "mixed é\u{0}😀\"\\\u{1B}[0m",
        ]
        #expect(Self.written(strings) == (try Self.encoded(strings)))
    }

    /// Astral characters are stored as UTF-16 surrogate pairs in JSON escapes; decoded and written
    /// again they are raw UTF-8, as the encoder writes them.
    @Test func surrogatePairsAreWrittenAsUTF8() throws {
        let decoded = try JSONDecoder().decode([String].self, from: Data(#"["\ud83d\ude00 \ud834\udd1e x"]"#.utf8))
        #expect(decoded == ["😀 𝄞 x"])
        #expect(Self.written(decoded) == (try Self.encoded(decoded)))
    }

    @Test func doublesAreFormattedAsTheEncoderDoes() throws {
        var numbers: [Double] = [
            0, -0.0, 1, -1, 0.5, 0.1, 0.2, 0.3, 1.0 / 3, 2.0 / 3, 0.75, 0.6, 0.9999999999999999, 1e-4, 1e-5, 1.5e-7,
            .leastNonzeroMagnitude, .leastNormalMagnitude, .greatestFiniteMagnitude, 100, 1e15, 1e16, 1e17, 9007199254740992,
            123456789.125, 0.30000000000000004, -2.5e-8, 12.0, 1234567890123456768,
        ]
        var generator = SeededRandom(seed: 21)
        numbers += (0..<2_000).map { _ in Double.random(in: 0...1, using: &generator) }
        numbers += (0..<500).map { _ in (Double.random(in: 0...1, using: &generator) * 1000).rounded() / 1000 }
        numbers += (0..<500).map { _ in Double(bitPattern: generator.next()) }.filter(\.isFinite)
        numbers += (-320...300).map { Double("1.5e\($0)")! }
        #expect(try Self.written(numbers) == (try Self.encoded(numbers)))
    }

    @Test func integersAreFormattedAsTheEncoderDoes() throws {
        var numbers: [Int] = [0, 1, -1, 9, 10, -10, 99, 100, Int.max, Int.min, Int.max - 1, Int.min + 1]
        var generator = SeededRandom(seed: 22)
        numbers += (0..<2_000).map { _ in Int(bitPattern: UInt(generator.next())) >> Int(generator.next() % 64) }
        var json = SortedJSONWriter()
        json.beginArray()
        for number in numbers { json.int(number) }
        json.endArray()
        #expect(json.bytes == (try Self.encoded(numbers)))
    }

    /// The report merges one cluster's facts at a time (each size put in its place); the sum must be
    /// the same as counting all clusters at once.
    @Test func clusterSizesMergedOneAtATimeAreTheSizesOfAll() {
        var generator = SeededRandom(seed: 23)
        let clusters = (0..<3_000).map { index in
            RunReport.Cluster(
                kind: generator.next() % 3 == 0 ? .exact : .nearDuplicate, cluster: "c\(index)",
                size: 2 + Int(generator.next() % 40) * Int(generator.next() % 3), kept: "c\(index)", minSimilarity: 1,
                members: [], moreMembers: 0)
        }
        var merged = ClusterSizes()
        var halves = (ClusterSizes(), ClusterSizes())
        for (index, cluster) in clusters.enumerated() {
            merged.merge(ClusterSizes(kind: cluster.kind, size: cluster.size))
            if index % 2 == 0 { halves.0.merge(ClusterSizes([cluster])) } else { halves.1.merge(ClusterSizes([cluster])) }
        }
        halves.0.merge(halves.1)
        #expect(merged == ClusterSizes(clusters))
        #expect(halves.0 == ClusterSizes(clusters))
        #expect(merged.counts.map(\.size) == merged.counts.map(\.size).sorted())
        #expect(merged.total == clusters.count)
    }

    @Test func numbersThatJSONCannotHoldAreRefused() {
        for number in [Double.nan, .infinity, -.infinity] {
            var json = SortedJSONWriter()
            #expect(throws: WinnowError.self) { try json.double(number) }
            #expect(throws: EncodingError.self) { try Self.encoded([number]) }
        }
    }

    static func member(_ id: String, url: String?, similarity: Double, removedBy: String?) -> RunReport.Member {
        RunReport.Member(id: id, url: url, similarity: similarity, textBytes: id.utf8.count * 7, removedBy: removedBy)
    }

    static let report: RunReport = {
        var summary = RunSummary(pipeline: "default")
        summary.outputs.cleaned = "out/pages.jsonl"
        var counts = RunReport.DocumentCounts()
        counts.kept = 3
        counts.removed = 4
        counts.removedByStage = ["neardup": ["near-duplicate": 3], "exact": ["exact-duplicate": 1], "Ünïcode": ["a/b": 2]]
        counts.removedTextBytesByStage = ["neardup": 12_345, "exact": 7]
        let members = [
            member("kept/1", url: "https://example.com/a?b=c&d=</script>", similarity: 1, removedBy: nil),
            member("copy \"2\"\n", url: nil, similarity: 0.8333333333333334, removedBy: "neardup"),
            member("копия-3 😀", url: "http://пример.рф/\u{2028}", similarity: 0.6, removedBy: "neardup"),
        ]
        let clusters = [
            RunReport.Cluster(
                kind: .nearDuplicate, cluster: "kept/1", size: 5, kept: "kept/1", minSimilarity: 0.6,
                members: members, moreMembers: 2),
            RunReport.Cluster(
                kind: .exact, cluster: "x\u{1}", size: 2, kept: "x\u{1}", minSimilarity: 1,
                members: [member("x\u{1}", url: nil, similarity: 1, removedBy: nil)], moreMembers: 0),
        ]
        let sites = [
            RunReport.Site(
                site: "example.com", pages: 10, pagesChanged: 9, pagesRemoved: 1, bytesIn: 3000,
                bytesRemoved: 1000, templateShare: 1.0 / 3,
                templateLines: [TemplateSummary.Line(text: "Home | News & <b>", pages: 9)])
        ]
        return RunReport(
            pipeline: "default", inputs: summary.outputs, run: summary, documents: counts,
            clusterSizes: ClusterSizes(clusters), largestClusters: clusters, sites: sites, warnings: ["one \"warning\"", "two\ttabs"])
    }()

    @Test func reportJSONIsWhatTheEncoderWrites() throws {
        #expect(try Self.report.json() == (try Self.encoded(Self.report)))
        var bare = Self.report
        bare.pipeline = nil
        bare.run = nil
        bare.clusterSizes = ClusterSizes()
        bare.largestClusters = []
        bare.sites = []
        bare.warnings = []
        #expect(try bare.json() == (try Self.encoded(bare)))
    }

    /// Sites are written field by field: names and template lines that need escapes, a site without
    /// template lines, shares the encoder writes in full.
    @Test func sitesAreWhatTheEncoderWrites() throws {
        let texts = ["", "a/b \"q\" \\ \t\u{1}\u{7F}", "\u{2028}😀 é", "</script>"]
        var report = Self.report
        report.sites = texts.enumerated().map { index, text in
            RunReport.Site(
                site: text, pages: index + 1, pagesChanged: index, pagesRemoved: 0, bytesIn: 7 * index, bytesRemoved: index,
                templateShare: index == 0 ? 0 : 1.0 / Double(7), templateLines: texts.map { TemplateSummary.Line(text: $0, pages: index) })
        }
        report.sites.append(
            RunReport.Site(
                site: "no-lines", pages: 2, pagesChanged: 0, pagesRemoved: 0, bytesIn: 10, bytesRemoved: 0, templateShare: 0,
                templateLines: []))
        #expect(try report.json() == (try Self.encoded(report)))
        let page = ReportPageData(report: report, texts: [], clustersOnPage: 5, sitesOnPage: 10)
        #expect(try page.json() == (try Self.encoded(page)))
    }

    @Test func pageDataIsWhatTheEncoderWrites() throws {
        let texts = ClusterTexts(
            cluster: 0, members: ["kept/1", "copy \"2\"\n", "копия-3 😀"],
            texts: [
                "kept/1": "The kept text, with <b>markup</b> & a line\nend.",
                "copy \"2\"\n": "The copied text, with <b>markup</b> & a line\nend.",
                "копия-3 😀": "Совсем другой текст 😀",
            ])
        let withTexts = ReportPageData(report: Self.report, texts: [try #require(texts)], clustersOnPage: 5, sitesOnPage: 5)
        #expect(try withTexts.json() == (try Self.encoded(withTexts)))
        let bounded = ReportPageData(report: Self.report, texts: [], clustersOnPage: 1, sitesOnPage: 5)
        #expect(bounded.moreClusters == 1)
        #expect(try bounded.json() == (try Self.encoded(bounded)))
    }

    /// Of the sites whose pages lost template lines, the page carries those that lost the most bytes
    /// (ties by name), in the report's order; report.json keeps every site.
    @Test func thePageListsTheSitesThatLostTheMostText() throws {
        var report = Self.report
        report.sites = [300, 900, 100, 900, 0].enumerated().map { index, removed in
            RunReport.Site(
                site: "s\(index).example", pages: 10, pagesChanged: removed > 0 ? 3 : 0, pagesRemoved: 0, bytesIn: 1000,
                bytesRemoved: removed, templateShare: Double(removed) / 1000, templateLines: [])
        }
        let bounded = ReportPageData(report: report, texts: [], clustersOnPage: 5, sitesOnPage: 2)
        #expect(bounded.sites.map(\.site) == ["s1.example", "s3.example"])
        #expect(bounded.moreSites == 2)
        #expect(try bounded.json() == (try Self.encoded(bounded)))
        let all = ReportPageData(report: report, texts: [], clustersOnPage: 5, sitesOnPage: 10)
        #expect(all.sites.map(\.site) == ["s0.example", "s1.example", "s2.example", "s3.example"] && all.moreSites == 0)
    }

    @Test func scriptJSONIsAppendedEscaped() throws {
        var bytes: [UInt8] = Array("<p>".utf8)
        HTMLEscape.appendScriptJSON(Array(#"["</script>&\#u{2028}\#u{2029}é"]"#.utf8), to: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == #"<p>["\u003c/script\u003e\u0026\u2028\u2029é"]"#)
    }
}
