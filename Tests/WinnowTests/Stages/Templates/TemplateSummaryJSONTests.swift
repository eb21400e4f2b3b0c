import Foundation
import Testing
import WinnowTestSupport

@testable import Winnow

/// The template summary file is written by `TemplateSummaryJSON` and read by `TemplateSummaryReader`;
/// Foundation's `JSONEncoder`, with the options the file was written with before, is the reference
/// for its bytes.
@Suite struct TemplateSummaryJSONTests {
    static func encoded(_ file: TemplateSummary.File) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return Array(try encoder.encode(file)) + [0x0A]
    }

    static func written(_ sites: [TemplateSummary.Site]) -> [UInt8] {
        var bytes: [UInt8] = []
        TemplateSummaryJSON.appendStart(to: &bytes)
        for (index, site) in sites.enumerated() { TemplateSummaryJSON.append(site, first: index == 0, to: &bytes) }
        TemplateSummaryJSON.appendEnd(sites: sites.count, to: &bytes)
        return bytes
    }

    /// Every ASCII character, and the characters an encoder might treat apart: `/`, U+2028, U+2029,
    /// a byte order mark, NEL, a no-break space, emoji and a scalar beyond the BMP.
    static let tricky: [String] = {
        let ascii = (0..<0x80).map { String(UnicodeScalar(UInt8($0))) }.joined()
        return [
            ascii, "", "Home / News </script>", "\u{2028}line\u{2029}paragraph", "\u{FEFF}\u{85}\u{A0}", "😀 👨‍👩‍👧 𝄞 é é",
            "quote \" backslash \\ tab \t cr \r", "\u{7F}\u{1}\u{8}\u{C}\u{1F}", "\\u0041 \\\"",
        ]
    }()

    static func sites() -> [TemplateSummary.Site] {
        var sites = tricky.enumerated().map { index, text in
            TemplateSummary.Site(
                site: text, pages: index + 2, bytesIn: 1000 * index, pagesChanged: index, pagesRemoved: index / 2,
                bytesRemoved: 10 * index, templateLines: tricky.map { TemplateSummary.Line(text: $0, pages: index + 1) })
        }
        sites.append(TemplateSummary.Site(site: "no-lines.example", pages: 3, bytesIn: 120))
        sites.append(
            TemplateSummary.Site(
                site: "extremes", pages: Int.max, bytesIn: Int.min, pagesChanged: -1, pagesRemoved: 0, bytesRemoved: 0,
                templateLines: [TemplateSummary.Line(text: "one", pages: 0)]))
        return sites
    }

    @Test func theFileIsTheEncodersBytes() throws {
        let sites = Self.sites()
        #expect(Self.written(sites) == (try Self.encoded(TemplateSummary.File(sites: sites))))
        for site in sites {
            #expect(Self.written([site]) == (try Self.encoded(TemplateSummary.File(sites: [site]))), "\(site.site)")
        }
    }

    @Test func emptyArraysAreWrittenAsTheEncoderWritesThem() throws {
        #expect(Self.written([]) == (try Self.encoded(TemplateSummary.File(sites: []))))
        let text = String(decoding: Self.written([TemplateSummary.Site(site: "a", pages: 1)]), as: UTF8.self)
        #expect(text.contains("\"template_lines\" : [\n\n      ]\n    }\n  ],"))
    }

    @Test func theStageWritesTheFileSiteBySiteAsTheEncoderDid() throws {
        let folder = TemporaryFolder()
        let summary = TemplateSummary(linesPerSite: 25)
        summary.count(site: "b.example/\"x\"", sitePages: 2, textBytes: 40)
        summary.count(site: "a.example\u{2028}", sitePages: 3, textBytes: 7)
        try summary.writing(to: folder.file("templates.json")).commit()
        let written = try WholeFile.read(folder.file("templates.json"), limit: .max)
        #expect(written == (try Self.encoded(TemplateSummary.File(sites: summary.snapshot()))))
    }

    @Test func whatIsWrittenReadsBackTheSame() throws {
        let sites = Self.sites()
        let read = try TemplateSummaryReader.sites(ofFile: Self.written(sites), path: "t.json")
        #expect(read.count == sites.count)
        for (one, other) in zip(read, sites) {
            #expect(one.site == other.site && one.pages == other.pages && one.bytesIn == other.bytesIn)
            #expect(one.pagesChanged == other.pagesChanged && one.pagesRemoved == other.pagesRemoved)
            #expect(one.bytesRemoved == other.bytesRemoved && one.templateLines == other.templateLines)
        }
        // Escapes the encoder does not write, keys in any order, and members the reader does not know.
        let other =
            #"{"sites":[{"site":"\u00e9\/x","template_lines":[{"text":"\ud83d\ude00","pages":1,"more":[1]}],"#
            + #""pages":2,"bytes_in":3,"pages_changed":1,"pages_removed":0,"bytes_removed":-4}],"format":"winnow.template-summary","version":2}"#
        let site = try #require(try TemplateSummaryReader.sites(ofFile: Array(other.utf8), path: "t.json").first)
        #expect(site.site == "é/x" && site.templateLines == [TemplateSummary.Line(text: "😀", pages: 1)] && site.bytesRemoved == -4)
    }

    static func problem(_ bytes: [UInt8]) -> String? {
        do {
            _ = try TemplateSummaryReader.sites(ofFile: bytes, path: "t.json")
            return nil
        } catch {
            #expect(error.kind == .configuration && error.path == "t.json")
            return error.message
        }
    }

    @Test func aFileCutAnywhereIsRefusedAsNotASummary() throws {
        let whole = Self.written(Array(Self.sites().prefix(3)))
        let end = try #require(whole.lastIndex(of: UInt8(ascii: "}")))
        for length in 0...end {
            let message = try #require(Self.problem(Array(whole[..<length])), "cut at \(length)")
            #expect(message.hasPrefix("not a template summary (version 2, written by the templates stage's 'summary' option): "))
        }
        #expect(Self.problem(Array(whole[...end])) == nil)
    }

    @Test func malformedFilesSayWhatIsWrong() throws {
        func problem(_ text: String) -> String? { Self.problem(Array(text.utf8)) }
        let start = #"{"format":"winnow.template-summary","version":2,"sites":"#
        let site = #"{"site":"a","pages":2,"bytes_in":3,"pages_changed":1,"pages_removed":0,"bytes_removed":1,"template_lines":[]}"#
        #expect(problem(start + "[" + site + "]}") == nil)
        let cases: [(String, String)] = [
            ("", "empty line where a JSON object was expected at line 1, column 1"),
            ("[]", "a record must be a JSON object starting with '{' at line 1, column 1"),
            (
                "{\n  \"format\" : \"winnow.template-summary\",\n  \"version\" : 2,\n  \"sites\" : [\n    {,\n",
                "expected a quoted object key at line 5, column 6"
            ),
            (#"{"version":2,"sites":[]}"#, "'format' is missing"),
            (#"{"format":"winnow.template-summary","version":"2","sites":[]}"#, "'version' is not an integer"),
            (#"{"format":"winnow.template-summary","version":2}"#, "'sites' is missing"),
            (start + "{}}", "'sites' is not an array"),
            (start + "[1]}", "'sites' holds a value that is not an object"),
            (
                start + "[" + site + "," + site.replacingOccurrences(of: #""pages":2"#, with: #""pages":2.5"#) + "]}",
                "site 2 of 'sites': 'pages' is not an integer"
            ),
            (
                start + "[" + site.replacingOccurrences(of: #""pages":2"#, with: #""pages":92233720368547758070"#) + "]}",
                "site 1 of 'sites': 'pages' is not an integer"
            ),
            (start + "[" + site.replacingOccurrences(of: #""site":"a","#, with: "") + "]}", "site 1 of 'sites': 'site' is missing"),
            (
                start + "[" + site.replacingOccurrences(of: "[]", with: #"[{"text":"x","pages":1},{"text":7,"pages":1}]"#) + "]}",
                "site 1 of 'sites': template line 2: 'text' is not a string"
            ),
        ]
        for (text, detail) in cases {
            #expect(problem(text) == "not a template summary (version 2, written by the templates stage's 'summary' option): \(detail)")
        }
        #expect(
            Self.problem(Array(#"{"format":"winnow.template-summary","version":2,"sites":["#.utf8) + [0xFF] + Array("]}".utf8))
                == "not a template summary (version 2, written by the templates stage's 'summary' option): not UTF-8 at line 1, column 58")
    }

    @Test func anotherFormatOrVersionSaysSoWhateverItsSites() throws {
        let expected =
            "template summary format winnow.template-summary version 1; this Winnow reads winnow.template-summary version 2: run the templates stage again"
        #expect(Self.problem(Array(#"{"format":"winnow.template-summary","version":1,"sites":[{"domain":"a"}]}"#.utf8)) == expected)
        #expect(
            Self.problem(Array(#"{"format":"other","version":2,"sites":[]}"#.utf8))?.hasPrefix("template summary format other version 2;")
                == true)
    }

    @Test func aPartLineWithoutAFigureIsNamedWithItsPlace() throws {
        let folder = TemporaryFolder()
        let header = #"{"format":"winnow.template-summary","version":2}"#
        let site = #"{"bytes_in":10,"bytes_removed":4,"pages":3,"pages_changed":2,"site":"a","template_lines":[]}"#
        folder.write("summary/part-00000", [header, site, #"{"end_of_file":1}"#].joined(separator: "\n") + "\n")
        #expect {
            _ = try TemplateSummaryFolder.read(folder.file("summary"))
        } throws: { error in
            "\(error)".hasSuffix("part-00000:2: not a template summary line: 'pages_removed' is missing")
        }
    }
}
