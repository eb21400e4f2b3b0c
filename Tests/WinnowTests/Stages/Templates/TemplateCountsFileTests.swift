import Testing
import WinnowTestSupport

@testable import Winnow

/// Reading template counts files back: damaged files are refused, never trusted or crashed on.
@Suite struct TemplateCountsFileTests {
    private static let header = #"{"format":"winnow.template-counts","version":5,"site_mode":"host","site_field":"site"}"#

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
        _ = try read([#"{"site":"a","pages":9000000000,"lines":[["00000000000000a1",8000000]],"copies":[]}"#])
        #expect(throws: WinnowError.self) {
            try read([#"{"site":"a","pages":9000000000,"lines":[["00000000000000a1",8000000000]],"copies":[]}"#])
        }
    }

    /// Pages past 2^53 - 1, which no JSON reader holds exactly, are no count (two near Int.max added
    /// up stopped a merge).
    @Test func pagesPastJSONsExactIntegersAreRefused() throws {
        _ = try read([#"{"site":"a","pages":9007199254740991,"lines":[],"copies":[]}"#])
        #expect(throws: WinnowError.self) {
            try read([#"{"site":"a","pages":9223372036854775807,"lines":[],"copies":[]}"#])
        }
    }

    /// A site twice was counted twice (issue 17, Low), and pages near Int.max twice stopped the process.
    @Test func aSiteTwiceIsRefused() throws {
        #expect(throws: WinnowError.self) {
            try read([#"{"site":"a","pages":2,"lines":[],"copies":[]}"#, #"{"site":"a","pages":2,"lines":[],"copies":[]}"#])
        }
        #expect(throws: WinnowError.self) {
            try read([
                #"{"site":"a","pages":9223372036854775807,"lines":[],"copies":[]}"#,
                #"{"site":"a","pages":9223372036854775807,"lines":[],"copies":[]}"#,
            ])
        }
        #expect(
            try read([
                #"{"site":"a","pages":2,"lines":[["00000000000000a1",2]],"copies":[]}"#, #"{"site":"b","pages":1,"lines":[],"copies":[]}"#,
            ]).pageCount == 3)
    }

    /// "café" and "cafe\u{301}" are one string to Swift's `==` but two sites: counted apart, written
    /// in byte order (65 cc 81 before c3 a9) whichever was merged first.
    @Test func sitesAreTheirBytes() throws {
        let composed = "caf\u{E9}", decomposed = "cafe\u{301}"
        var first = TemplateCounts(), second = TemplateCounts()
        first.addPage(site: composed, distinctKeys: [1], fingerprint: 1)
        second.addPage(site: decomposed, distinctKeys: [1], fingerprint: 1)
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

    /// The input lines a file covers are read back as written; lines out of order, overlapping or
    /// given twice are refused.
    @Test func inputLinesReadBack() throws {
        let site = #"{"site":"a","pages":1,"lines":[],"copies":[]}"#
        let counts = try read([#"{"input":"s.jsonl","lines":[[1,4],[6,6]]}"#, #"{"input":"t.jsonl","lines":[[2,2]]}"#, site])
        #expect(counts.covered.inputs == ["s.jsonl": [1...4, 6...6], "t.jsonl": [2...2]])
        #expect(counts.pageCount == 1)
        for bad in [
            #"{"input":"s.jsonl","lines":[[4,1]]}"#, #"{"input":"s.jsonl","lines":[[1,4],[5,6]]}"#,
            #"{"input":"s.jsonl","lines":[[3,4],[1,2]]}"#, #"{"input":"s.jsonl","lines":[]}"#,
            #"{"input":"s.jsonl","lines":[[-1,2]]}"#, #"{"input":"s.jsonl"}"#,
        ] {
            #expect(throws: WinnowError.self, "\(bad)") { try read([bad, site]) }
        }
        #expect { try read([#"{"input":"s.jsonl","lines":[[1,1]]}"#, #"{"input":"s.jsonl","lines":[[3,3]]}"#]) } throws: {
            "\($0)".contains("appears twice")
        }
    }

    /// A version 3 file records no input lines, so a merge could not refuse it given twice: refused,
    /// saying to map again.
    @Test func anOlderVersionIsRefusedSayingToMapAgain() throws {
        let folder = TemporaryFolder()
        let old = #"{"format":"winnow.template-counts","version":3,"site_mode":"host","site_field":"site"}"#
        let path = folder.write("old.jsonl", old + "\n" + #"{"site":"a","pages":1,"lines":[]}"# + "\n{\"end_of_file\":1}\n")
        #expect { try TemplateCountsFile.read(path, options: TemplateOptions()) } throws: {
            "\($0)".contains("old.jsonl:1: a winnow.template-counts file of version 3") && "\($0)".contains("run 'templates map' again")
        }
    }

    /// Merge refuses a file whose pages cover no input lines (an engine's file made for apply): it
    /// cannot tell whether they are counted twice.
    @Test func pagesWithoutInputLinesAreNotMerged() throws {
        let folder = TemporaryFolder()
        let header = Self.header + "\n"
        let bare = folder.write("bare.jsonl", header + #"{"site":"a","pages":1,"lines":[],"copies":[]}"# + "\n{\"end_of_file\":1}\n")
        let empty = folder.write("empty.jsonl", header + "{\"end_of_file\":0}\n")
        #expect { try TemplateCountsFile.merge([bare], options: TemplateOptions()) } throws: {
            "\($0)".contains("records no input lines")
        }
        #expect(try TemplateCountsFile.merge([empty, empty], options: TemplateOptions()).pageCount == 0)
    }
}
