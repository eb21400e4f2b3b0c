import Testing
import WinnowTestSupport

@testable import Winnow

@Suite struct JSONObjectScannerTests {
    private func scan(_ text: String) throws -> [JSONMember] {
        let bytes = Array(text.utf8)
        return try bytes.withUnsafeBufferPointer { buffer in
            do throws(JSONSyntaxError) { return try JSONObjectScanner.members(of: buffer) } catch { throw error }
        }
    }

    private func keysAndValues(_ text: String) throws -> [(String, String)] {
        let bytes = Array(text.utf8)
        return try scan(text).map { member in
            (String(decoding: bytes[member.key], as: UTF8.self), String(decoding: bytes[member.value], as: UTF8.self))
        }
    }

    @Test func membersKeepRawValues() throws {
        let pairs = try keysAndValues(#"  {"a": 1.5e3, "b" : [1, {"c": null}], "d":"x\"y", "e":true,"f":{}} "#)
        #expect(pairs.map(\.0) == ["a", "b", "d", "e", "f"])
        #expect(pairs.map(\.1) == ["1.5e3", #"[1, {"c": null}]"#, #""x\"y""#, "true", "{}"])
    }

    private func elements(_ text: String) throws(JSONSyntaxError) -> [String] {
        let bytes = Array(text.utf8)
        return try bytes.withUnsafeBufferPointer { buffer throws(JSONSyntaxError) in
            try JSONObjectScanner.elements(ofArray: buffer).map { String(decoding: buffer[$0.value], as: UTF8.self) }
        }
    }

    @Test func anArraysElementsKeepRawValues() throws {
        #expect(try elements(#" [ {"a": [1]} , "x\"]", -2e1,[] ] "#) == [#"{"a": [1]}"#, #""x\"]""#, "-2e1", "[]"])
        #expect(try elements("[]").isEmpty)
        let problems = ["", "{}", "[", "[1,", "[1 2]", "[1,]", "[1] x"].map { text in
            do throws(JSONSyntaxError) {
                _ = try elements(text)
                return "none"
            } catch {
                return error.description
            }
        }
        #expect(
            problems == [
                "expected a JSON array starting with '[' at column 1", "expected a JSON array starting with '[' at column 1",
                "expected a value at column 2", "expected a value at column 4", "expected ',' or ']' in an array at column 4",
                "expected a value (string, number, object, array, true, false or null) at column 4",
                "unexpected data after the JSON array at column 5",
            ])
    }

    /// Strings are skipped sixteen and eight bytes at a time: a quote, backslash or control character
    /// at any offset of a long string is still where the string's end or escape is found.
    @Test func specialBytesAreFoundAtEveryOffset() throws {
        for length in [0, 1, 7, 8, 9, 15, 16, 17, 31, 32, 33, 47, 64, 100] {
            for offset in 0...length {
                let before = String(repeating: "a", count: offset)
                let after = String(repeating: "é", count: (length - offset) / 2)
                let escaped = try keysAndValues("{\"k\":\"\(before)\\n\(after)\",\"z\":1}")
                #expect(escaped.map(\.1) == ["\"\(before)\\n\(after)\"", "1"], "\(length) \(offset)")
                let ended = try keysAndValues("{\"k\":\"\(before)\",\"z\":\"\(after)\"}")
                #expect(ended.map(\.1) == ["\"\(before)\"", "\"\(after)\""], "\(length) \(offset)")
                #expect(throws: JSONSyntaxError.self) { try scan("{\"k\":\"\(before)\u{1F}\(after)\"}") }
            }
        }
    }

    @Test func emptyObject() throws {
        #expect(try scan("{}").isEmpty)
    }

    @Test(arguments: [
        (#"[1,2]"#, "must be a JSON object"),
        (#"{"a":1"#, "not closed"),
        (#"{"a" 1}"#, "expected ':'"),
        (#"{"a":1,}"#, "expected a quoted object key"),
        (#"{"a":01}"#, "expected ',' or '}'"),
        (#"{"a":-}"#, "invalid number"),
        (#"{"a":1.}"#, "digits expected after '.'"),
        (#"{"a":tru}"#, "invalid literal"),
        (#"{"a":"\x"}"#, "invalid escape"),
        (#"{"a":"\u12G4"}"#, "invalid hex digit"),
        ("{\"a\":\"tab\there\"}", "unescaped control character"),
        (#"{"a":"open}"#, "unterminated string"),
        (#"{"a":1} x"#, "unexpected data after"),
        (#"{"a":[1,2}"#, "expected ',' or ']'"),
        ("", "empty line"),
    ])
    func rejectsMalformed(input: String, expected: String) {
        do {
            _ = try scan(input)
            Issue.record("accepted malformed input \(input)")
        } catch let error as JSONSyntaxError {
            #expect(error.description.contains(expected), "\(input): \(error.description)")
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test func boundsNestingDepth() throws {
        let deep = "{\"a\":" + String(repeating: "[", count: 600) + String(repeating: "]", count: 600) + "}"
        #expect(throws: JSONSyntaxError.self) { try scan(deep) }
        let fine = "{\"a\":" + String(repeating: "[", count: 100) + String(repeating: "]", count: 100) + "}"
        #expect(try scan(fine).count == 1)
    }

    @Test func reportsColumn() {
        do {
            _ = try scan(#"{"a":1 "b":2}"#)
            Issue.record("a missing comma was accepted")
        } catch let error as JSONSyntaxError {
            #expect(error.offset == 7)
            #expect(error.description.hasSuffix("at column 8"))
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    /// `forEachMember` visits the members `members(of:)` returns, in order, and fails where it fails.
    @Test func visitingMatchesCollecting() throws {
        let text = #"{"a":1,"b":"x\"y","a":[2,{"c":null}],"d":{}}"#
        let bytes = Array(text.utf8)
        var visited: [String] = []
        try bytes.withUnsafeBufferPointer { buffer in
            do throws(JSONSyntaxError) {
                try JSONObjectScanner.forEachMember(of: buffer) { visited.append(String(decoding: bytes[$0.value], as: UTF8.self)) }
            } catch { throw error }
        }
        #expect(visited == (try scan(text)).map { String(decoding: bytes[$0.value], as: UTF8.self) })
        let broken = Array(#"{"a":1,"b":}"#.utf8)
        broken.withUnsafeBufferPointer { buffer in
            do throws(JSONSyntaxError) {
                try JSONObjectScanner.forEachMember(of: buffer) { _ in }
                Issue.record("a missing value was accepted")
            } catch {
                #expect(error.offset == 11)
            }
        }
    }
}
