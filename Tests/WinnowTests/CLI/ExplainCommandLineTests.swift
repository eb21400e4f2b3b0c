import Foundation
import Testing
import Winnow
import WinnowTestSupport

/// `winnow clean --explain ID` and `--set disabled_rules=…` run as a user would run them.
@Suite struct ExplainCommandLineTests {
    static let page =
        "<html><body><nav><a href=\"/\">Home</a> <a href=\"/news\">News</a></nav><article><h1>Budget approved</h1>"
        + "<p>By Ann Reporter</p>\(MainContentTests.article)"
        + "<p>READ MORE: <a href=\"/other\">Council votes to close the old library for good after the floods</a></p></article>"
        + "<footer><p>Copyright 2024 Town News, all rights reserved.</p></footer></body></html>"

    static func records(_ ids: [String]) throws -> String {
        try ids.map { id in
            String(decoding: try JSONSerialization.data(withJSONObject: ["id": id, "html": page], options: [.sortedKeys]), as: UTF8.self)
        }.joined(separator: "\n") + "\n"
    }

    @Test func explainsEachBlockOfThePageWithThatIDOnStderr() throws {
        let input = try Self.records(["a", "b"])
        let plain = try CommandLineTests().winnow(["clean", "-q"], stdin: input)
        let explained = try CommandLineTests().winnow(["clean", "-q", "--explain", "b"], stdin: input)
        #expect(explained.status == 0, "\(explained.stderr)")
        #expect(explained.stdout == plain.stdout, "the output does not change")
        let lines = explained.stderr.split(separator: "\n").map(String.init)
        #expect(lines.first == "explain b:", "\(explained.stderr)")
        #expect(!explained.stderr.contains("explain a:"))
        #expect(lines.contains { $0.hasPrefix("kept ") && $0.contains("The council approved") }, "\(explained.stderr)")
        #expect(lines.contains { $0.hasPrefix("dropped read-more-paragraphs") && $0.contains("READ MORE") }, "\(explained.stderr)")
        #expect(lines.contains { $0.hasPrefix("dropped") && $0.contains("Copyright 2024") }, "\(explained.stderr)")
        #expect(lines.count == 9, "a heading and one line a block: \(explained.stderr)")
    }

    /// An id the input lacks, a record of only text and a page without text each say what happened; an
    /// id's line breaks are escaped, so that its report starts on a line of its own.
    @Test func whatCannotBeExplainedIsSaid() throws {
        let input = try Self.records(["a"])
        let missing = try CommandLineTests().winnow(["clean", "-q", "--explain", "nope"], stdin: input)
        #expect(missing.status == 0, "\(missing.stderr)")
        #expect(missing.stderr == "explain nope: no record with this id in the input\n", "\(missing.stderr)")
        let textOnly = try CommandLineTests().winnow(["clean", "-q", "--explain", "t"], stdin: #"{"id":"t","text":"words"}"# + "\n")
        #expect(textOnly.stderr == "explain t:\nno html: the record's text passes through\n", "\(textOnly.stderr)")
        let empty = try CommandLineTests().winnow(
            ["clean", "-q", "--explain", "e"], stdin: #"{"id":"e","html":"<script>x()</script>"}"# + "\n")
        #expect(empty.stderr == "explain e:\nno blocks: the page has no text: removed (no-text)\n", "\(empty.stderr)")
        let broken = try CommandLineTests().winnow(
            ["clean", "-q", "--explain", "two\nlines"], stdin: #"{"id":"two\nlines","html":"<p>Some text here.</p>"}"# + "\n")
        #expect(broken.stderr.hasPrefix("explain two\\u{A}lines:\n"), "\(broken.stderr)")
    }

    @Test func disabledRulesAreSwitchedOffAndUnknownOnesRefused() throws {
        let input = try Self.records(["a"])
        let plain = try CommandLineTests().winnow(["clean", "-q"], stdin: input)
        #expect(plain.status == 0 && !plain.stdout.contains("READ MORE"), "\(plain.stdout) \(plain.stderr)")
        let off = try CommandLineTests().winnow(["clean", "-q", "--set", "disabled_rules=read-more-paragraphs,chrome-tags"], stdin: input)
        #expect(off.status == 0 && off.stdout.contains("READ MORE"), "\(off.stdout) \(off.stderr)")
        let explained = try CommandLineTests().winnow(
            ["clean", "-q", "--set", "disabled_rules=read-more-paragraphs", "--explain", "a"], stdin: input)
        #expect(explained.stderr.contains("rules switched off: read-more-paragraphs"), "\(explained.stderr)")
        let unknown = try CommandLineTests().winnow(
            ["clean", "-q", "--set", "disabled_rules=read-more-paragraphs,no-such-rule"], stdin: input)
        #expect(unknown.status == 1 && unknown.stderr.contains("unknown rule 'no-such-rule'"), "\(unknown.stderr)")
        let listed = try CommandLineTests().winnow(["stages", "--rules"])
        #expect(listed.stdout.split(separator: "\n").count == ContentRule.allCases.count, "\(listed.stdout)")
    }
}
