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
}
