import Testing

@testable import Winnow

@Suite struct JSONDocumentLineTests {
    private func opening(_ line: String) -> Character? {
        JSONDocumentLine.opening(Array(line.utf8)[...]).map { Character(UnicodeScalar($0)) }
    }

    /// A bare bracket, whatever JSON white space surrounds it, opens a document written over many lines.
    @Test func aBareBracketOpensADocument() {
        #expect(opening("{") == "{")
        #expect(opening("[") == "[")
        #expect(opening(" \t{\r\r ") == "{")
        #expect(opening("\t[ ") == "[")
    }

    /// Anything a JSONL line can be, or a damaged one, is not: the check never costs a record.
    @Test func anythingElseIsNoDocument() {
        for line in ["", "   ", "\r", "{}", "[]", "{\"a\":1}", "{ \"a\": 1,", "{{", "{ [", "[{", "x", "}", "{ ,", "\u{FEFF}{", "{\u{A0}"] {
            #expect(opening(line) == nil, "\(line.debugDescription)")
        }
    }
}
