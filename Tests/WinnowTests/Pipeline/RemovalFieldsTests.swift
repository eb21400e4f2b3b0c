import Testing

@testable import Winnow

/// The removal fields' JSON, encoded once and kept for the last reason only while it stays the same.
@Suite struct RemovalFieldsTests {
    @Test func eachReasonGetsItsOwnJSONWhateverCameBefore() {
        var fields = RemovalFields(stage: "neardup")
        func text(_ json: ArraySlice<UInt8>) -> String { String(decoding: json, as: UTF8.self) }
        #expect(text(fields.stageJSON) == "\"neardup\"")
        #expect(
            ["a", "b", "b", "a", "say \"hi\""].map { text(fields.reasonJSON($0)) } == [
                "\"a\"", "\"b\"", "\"b\"", "\"a\"", "\"say \\\"hi\\\"\"",
            ])
    }
}
