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
}
