import Foundation
import Testing
import WinnowTestSupport

@testable import Winnow

@Suite struct DocumentCodecTests {
    private let origin = DocumentOrigin(source: "shard-3.jsonl", line: 42)

    private func decode(_ line: String, fields: FieldNames = .standard, requireText: Bool = true) -> Result<Document, Reject> {
        let bytes = Array(line.utf8)
        return DocumentDecoder(fields: fields, requireText: requireText).decode(bytes, 0..<bytes.count, origin: origin, offset: 0)
    }

    private func encode(_ document: Document, fields: FieldNames = .standard) -> String {
        var output: [UInt8] = []
        DocumentEncoder(fields: fields).encode(document, into: &output)
        return String(decoding: output, as: UTF8.self)
    }

    @Test func unknownFieldsRoundTripByteForByte() throws {
        let line =
            #"{"meta": {"lang" : "en", "scores": [0.5, 1e-3]}, "id": "a1", "text": "caf\u00e9  bar", "n": 12345678901234567890, "url": null, "tags": ["x", "y"]}"#
        let document = try decode(line).get()
        #expect(document.id == "a1")
        #expect(document.text == "café  bar")
        #expect(document.url == nil)
        #expect(document.otherFieldKeys == ["meta", "n", "tags"])
        // Nothing changed: the record comes back with every value exactly as written, in order.
        #expect(
            encode(document)
                == #"{"meta":{"lang" : "en", "scores": [0.5, 1e-3]},"id":"a1","text":"caf\u00e9  bar","n":12345678901234567890,"url":null,"tags":["x", "y"]}"#
                + "\n")
    }

    @Test func changedTextIsReencodedInPlace() throws {
        var document = try decode(#"{"text": "old", "extra": 1, "id": 7}"#).get()
        document.text = "new \"quoted\"\nline"
        #expect(document.id == "7")
        #expect(encode(document) == #"{"text":"new \"quoted\"\nline","extra":1,"id":7}"# + "\n")
    }

    /// The text is kept as UTF-8: a slice of the record when it has no escapes, its decoded bytes
    /// otherwise, and a lone surrogate escape (which no valid UTF-8 holds) is U+FFFD.
    @Test func textIsValidUTF8AsRead() throws {
        let plain = try decode(#"{"text": "plain café text"}"#).get()
        #expect(plain.textUTF8.map(Array.init) == Array("plain café text".utf8))
        let escaped = try decode(#"{"text": "a\nb \ud800 c \ud83d\ude00 \"q\""}"#).get()
        #expect(escaped.text == "a\nb \u{FFFD} c 😀 \"q\"")
        #expect(escaped.textUTF8.map { UTF8Validation.isValid(Array($0)) } == true)
        #expect(escaped.textByteCount == escaped.text?.utf8.count)
        #expect(escaped.withTextUTF8 { Array($0) } == Array("a\nb \u{FFFD} c 😀 \"q\"".utf8))
        // Written as it was read, it would pass the lone surrogate on to readers that refuse it: the
        // text is written from its value, U+FFFD and all. A pair is read and written back as it came.
        let lone = try decode(#"{"id": "l", "text": "a\nb \ud800 c"}"#).get()
        #expect(encode(lone) == #"{"id":"l","text":"a\nb \#u{FFFD} c"}"# + "\n")
        let pair = try decode(#"{"id": "p", "text": "ok \ud83d\ude00"}"#).get()
        #expect(encode(pair) == #"{"id":"p","text":"ok \ud83d\ude00"}"# + "\n")
    }

    /// Ids must be exact for joins: a lone surrogate escape would decode to U+FFFD, so `"\ud800"` and
    /// `"\udbff"` would be one id; such a record is rejected instead. A pair is a character and is kept.
    @Test(arguments: [#""\ud800""#, #""\udbff""#, #""x\udc00""#, #""\ud800\u0041""#, #""\ud83d\ud83d\ude00""#])
    func anIDWithALoneSurrogateIsRejected(id: String) throws {
        let result = decode(#"{"id": "# + id + #", "text": "t"}"#)
        guard case .failure(let reject) = result else { Issue.record("\(id) was decoded"); return }
        #expect(reject.reason == .invalidField)
        #expect(reject.message.contains("field 'id' holds a lone UTF-16 surrogate"), "\(reject.message)")
        #expect(reject.origin == origin)
    }

    /// Field names too: `"\ud800"` and `"\udc00"` would both be written `"\u{FFFD}"`, one name for two
    /// values; such a record is rejected. A pair, and other escapes, are kept.
    @Test func aFieldNameWithALoneSurrogateIsRejected() throws {
        for record in [#"{"id": "a", "text": "t", "\ud800": 1, "\udc00": 2}"#, #"{"\udbffx": 1, "text": "t"}"#] {
            guard case .failure(let reject) = decode(record) else { Issue.record("\(record) was decoded"); continue }
            #expect(reject.reason == .invalidField)
            #expect(reject.message.contains("field name holds a lone UTF-16 surrogate"), "\(reject.message)")
        }
        let kept = try decode(#"{"id": "a", "text": "t", "\ud83d\ude00": 1, "\u00e9": 2}"#).get()
        #expect(kept.otherFieldKeys == ["😀", "é"])
    }

    @Test func anIDWithASurrogatePairIsKept() throws {
        #expect(try decode(#"{"id": "a\ud83d\ude00\u00e9", "text": "t"}"#).get().id == "a😀é")
        #expect(try decode(#"{"id": "a", "text": "t", "url": "\ud800"}"#).get().id == "a")
    }

    @Test func missingIDIsDerivedFromFileAndLine() throws {
        let document = try decode(#"{"text": "hello"}"#).get()
        #expect(document.id == "shard-3.jsonl:42")
        #expect(encode(document) == #"{"id":"shard-3.jsonl:42","text":"hello"}"# + "\n")
    }

    @Test func configurableFieldNames() throws {
        let fields = FieldNames(id: "doc_id", text: "content")
        let document = try decode(#"{"doc_id": "d", "content": "body", "text": "not mine"}"#, fields: fields).get()
        #expect(document.id == "d")
        #expect(document.text == "body")
        #expect(document.rawField("text") == #""not mine""#)
    }

    @Test func addedFieldsGoLastAndReplaceInPlace() throws {
        var document = try decode(#"{"id": "a", "text": "t", "cluster": 1}"#).get()
        document.setField("cluster", .int(9))
        document.setField("similarity", .double(0.5))
        #expect(encode(document) == #"{"id":"a","text":"t","cluster":9,"similarity":0.5}"# + "\n")
    }

    /// A key is read as it decodes: an escaped spelling of the text field is the text field.
    @Test func escapedKeyIsTheFieldItSpells() throws {
        let document = try decode(#"{"\u0069d": "x", "te\u0078t": "words"}"#).get()
        #expect(document.id == "x")
        #expect(document.text == "words")
        #expect(document.otherFieldKeys.isEmpty)
    }

    /// Setting a field replaces every copy of its key, so no later duplicate shadows the new value.
    @Test func settingAFieldDropsItsRepeats() throws {
        var document = try decode(#"{"id": "a", "text": "t", "cluster": 1, "clu\u0073ter": 2}"#).get()
        document.setField("cluster", .int(9))
        #expect(encode(document) == #"{"id":"a","text":"t","cluster":9}"# + "\n")
    }

    @Test(arguments: [
        (#"{"id": "a"}"#, Reject.Reason.missingText, "missing text field 'text'"),
        (#"{"id": "a", "text": null}"#, .missingText, "is null"),
        (#"{"id": "a", "text": 5}"#, .invalidField, "field 'text' must be a string"),
        (#"{"id": ["a"], "text": "x"}"#, .invalidField, "field 'id' must be a string or a number"),
        (#"{"id": "a", "text": "x", "text": "y"}"#, .invalidField, "appears twice"),
        (#"{"id": "x", "text": "clean me", "te\u0078t": "SMUGGLED"}"#, .invalidField, "field 'text' appears twice"),
        ("{\"id\": \"a\", \"text\": \"x\"}\r{\"id\": \"b\", \"text\": \"y\"}", .malformedJSON, "bare CR"),
        (#"{"\u0069d": "x", "id": "y", "text": "t"}"#, .invalidField, "field 'id' appears twice"),
        (#"{"id": "a", "text": "x""#, .malformedJSON, "invalid JSON"),
        (#"{"id": "a", "html": "<p>x</p>"}"#, .missingText, "start the pipeline with the clean stage"),
    ])
    func rejectsWithReason(line: String, reason: Reject.Reason, message: String) {
        switch decode(line) {
        case .success: Issue.record("accepted \(line)")
        case .failure(let reject):
            #expect(reject.reason == reason)
            #expect(reject.message.contains(message), "\(reject.message)")
            #expect(reject.description.hasPrefix("shard-3.jsonl:42: "))
        }
    }

    /// Found by the `jsonl` fuzz target: an escaped key was never taken for a known field, so a
    /// second, uncleaned `text` passed through (issue 17, M1) and the document's own output did not decode.
    @Test func escapedKeysAreTheFieldsTheySpell() throws {
        guard case .failure(let reject) = decode(#"{"id":"x","text":"clean me","te\u0078t":"SMUGGLED"}"#) else {
            Issue.record("a second text field with an escaped key was accepted")
            return
        }
        #expect(reject.reason == .invalidField)
        #expect(reject.message.contains("'text' appears twice"))
        let document = try decode(#"{"\u0069d":"y","te\u0078t":"hello","m\u0065ta":1}"#).get()
        #expect(document.id == "y")
        #expect(document.text == "hello")
        #expect(document.otherFieldKeys == ["meta"])
        #expect(encode(document) == #"{"id":"y","text":"hello","meta":1}"# + "\n")
    }

    @Test func invalidUTF8IsRejectedWithPosition() {
        let bytes: [UInt8] = Array(#"{"text": "caf"#.utf8) + [0xE9] + Array(#""}"#.utf8)
        let result = DocumentDecoder().decode(bytes, 0..<bytes.count, origin: origin, offset: 0)
        guard case .failure(let reject) = result else { Issue.record("accepted invalid UTF-8"); return }
        #expect(reject.reason == .invalidUTF8)
        #expect(reject.message.contains("byte 14"))
        var line: [UInt8] = []
        reject.encode(into: &line)
        let object = jsonLines(String(decoding: line, as: UTF8.self))[0]
        #expect(object["raw_base64"] as? String == Data(bytes).base64EncodedString())
        #expect(object["line"] as? Int == 42)
    }

    @Test func htmlOnlyRecordWhenTextIsNotRequired() throws {
        let document = try decode(#"{"id": "p", "html": "<p>x</p>"}"#, requireText: false).get()
        #expect(document.html == .text("<p>x</p>"))
        #expect(document.text == nil)
    }
}
