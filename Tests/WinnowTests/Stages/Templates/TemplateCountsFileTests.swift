import Testing
import WinnowTestSupport

@testable import Winnow

/// Reading template counts files back: damaged files are refused, never trusted or crashed on.
@Suite struct TemplateCountsFileTests {
    private static let header = #"{"format":"winnow.template-counts","version":3,"site_mode":"host","site_field":"site"}"#

    private func read(_ lines: [String]) throws(WinnowError) -> TemplateCounts {
        let folder = TemporaryFolder()
        let text = ([Self.header] + lines + ["{\"end_of_file\":\(lines.count)}"]).joined(separator: "\n") + "\n"
        return try TemplateCountsFile.read(
            folder.write("counts.jsonl", text),
            options: TemplateOptions())
    }

    /// Noticed while writing the `templates` fuzz target (which had not reached it): a count above
    /// 2^32 − 1 stopped the process (`UInt32(count)` traps) instead of refusing the file.
    @Test func aCountTooLargeToHoldIsRefused() throws {
        _ = try read([#"{"site":"a","pages":9000000000,"lines":[["00000000000000a1",8000000]]}"#])
        #expect(throws: WinnowError.self) {
            try read([#"{"site":"a","pages":9000000000,"lines":[["00000000000000a1",8000000000]]}"#])
        }
    }

    /// A site twice was counted twice (issue 17, Low), and pages near Int.max twice stopped the process.
    @Test func aSiteTwiceIsRefused() throws {
        #expect(throws: WinnowError.self) {
            try read([#"{"site":"a","pages":2,"lines":[]}"#, #"{"site":"a","pages":2,"lines":[]}"#])
        }
        #expect(throws: WinnowError.self) {
            try read([#"{"site":"a","pages":9223372036854775807,"lines":[]}"#, #"{"site":"a","pages":9223372036854775807,"lines":[]}"#])
        }
        #expect(
            try read([#"{"site":"a","pages":2,"lines":[["00000000000000a1",2]]}"#, #"{"site":"b","pages":1,"lines":[]}"#]).pageCount == 3)
    }

    /// "café" and "cafe\u{301}" are one string to Swift's `==` but two sites: counted apart, written
    /// in byte order (65 cc 81 before c3 a9) whichever was merged first.
    @Test func sitesAreTheirBytes() throws {
        let composed = "caf\u{E9}", decomposed = "cafe\u{301}"
        var first = TemplateCounts(), second = TemplateCounts()
        first.addPage(site: composed, distinctKeys: [1])
        second.addPage(site: decomposed, distinctKeys: [1])
        var written: [String] = []
        for (a, b) in [(first, second), (second, first)] {
            var merged = a
            merged.merge(b)
            #expect(merged.sites.count == 2)
            let folder = TemporaryFolder()
            try TemplateCountsFile.write(merged, options: TemplateOptions(), to: folder.file("counts.jsonl"))
            written.append(try #require(folder.read("counts.jsonl")))
        }
        #expect(written[0] == written[1])
        let order = try #require(written.first).components(separatedBy: "\n")
        #expect(order[1].contains("cafe\\u0301") || order[1].contains(decomposed), "\(order)")
    }
}
