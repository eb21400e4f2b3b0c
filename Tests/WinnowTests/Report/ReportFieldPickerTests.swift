import Testing
import WinnowTestSupport

@testable import Winnow

/// The report reads most lines with `ReportFieldPicker`; every line must read as the decoder reads it:
/// the same fields when it decodes, no fields (and the decoder's reject) when it does not.
@Suite struct ReportFieldPickerTests {
    static let origin = DocumentOrigin(source: "out.jsonl", line: 7)

    /// Every field the report reads, for comparing two readings.
    static func values(_ fields: ReportFields) -> [String] {
        [
            fields.id, fields.url ?? "<nil>", String(fields.textBytes), fields.origin.description,
            fields.removedBy ?? "<nil>", fields.removedReason ?? "<nil>", fields.cluster ?? "<nil>",
            fields.duplicateOf ?? "<nil>", fields.clusterSize ?? "<nil>", fields.similarity ?? "<nil>",
        ]
    }

    static func picked(_ line: [UInt8], fields: FieldNames = .standard) -> [String]? {
        ReportFieldPicker(fields: fields).pick(line, line.indices, origin: origin).map(values)
    }

    static func decoded(_ line: [UInt8], fields: FieldNames = .standard) -> [String]? {
        let decoder = DocumentDecoder(fields: fields, requireText: false, decodesText: false)
        guard case .success(let document) = decoder.decode(line, line.indices, origin: origin, offset: 0) else { return nil }
        return values(ReportFields(document))
    }

    /// The picker reads a line as the decoder does, or leaves it to the decoder.
    static func check(_ line: [UInt8], fields: FieldNames = .standard, _ note: String = "") {
        let fromDecoder = decoded(line, fields: fields)
        guard let fromPicker = picked(line, fields: fields) else { return }
        #expect(fromDecoder == fromPicker, "\(String(decoding: line, as: UTF8.self)) \(note)")
    }

    static let member =
        #"{"id":"s/1-2","url":"https://s/1","text":"ab\ncd","cluster":"s/1-0","cluster_size":3,"similarity":0.875,"#
        + #""duplicate_of":"s/1-0","removed_by":"neardup","removed_reason":"near-duplicate"}"#

    @Test func aPlainLineIsPickedAsDecoded() throws {
        let line = Array(Self.member.utf8)
        let fields = try #require(Self.picked(line))
        #expect(fields == Self.decoded(line))
        #expect(fields == ["s/1-2", "https://s/1", "5", "out.jsonl:7", "neardup", "near-duplicate", "s/1-0", "s/1-0", "3", "0.875"])
    }

    /// Lines the picker reads itself: escapes, any order, missing and null fields, repeated other
    /// fields (the first is read, as `Document.stringField` reads it), numbers as ids.
    static let pickedLines = [
        #"{"text":"x","removed_by":"neardup","cluster_size":2,"cluster":"a\"b","id":"a\"b"}"#,
        #"{"id":"\u00e9\u0041\ud83d\ude00","url":"h\/t\\p","text":"\u00e9\t\ud800x"}"#,
        #"{"id":17,"text":"x"}"#,
        #"{"id":-1.5e3,"text":"x","similarity":"0.5","cluster_size":"3"}"#,
        #"{"text":"x"}"#,
        #"{"html":"<p>x</p>","id":"h"}"#,
        #"{"text":null,"html":"<p>x</p>","url":null}"#,
        #"{"id":"a","text":"x","cluster":"first","cluster":"second","cluster_size":4,"cluster_size":5}"#,
        #"{"id":"a","text":"x","removed_by":7,"removed_by":"exact","duplicate_of":"k"}"#,
        #"{"id":"a","text":"x","cluster":null,"cluster_size":[2],"similarity":{"v":1}}"#,
        #"  { "id" : "a" , "text" : "x" , "similarity" : 1e-1 , "cluster" : "c" , "cluster_size" : 2 }  "#,
        #"{"id":"a","text":"x","other":{"cluster":"nested","id":"nested"},"list":[1,"id",null]}"#,
        #"{"id":"a","text":"x","cluster_size":99999999999999999999,"similarity":-0.0}"#,
    ]

    @Test(arguments: pickedLines) func exoticLinesArePickedAsDecoded(_ line: String) throws {
        let bytes = Array(line.utf8)
        let fields = try #require(Self.picked(bytes), "\(line)")
        #expect(fields == Self.decoded(bytes), "\(line)")
    }

    /// Lines left to the decoder: rejects (repeated or mistyped known fields, no text, bad JSON or
    /// UTF-8) and keys the decoder reads unescaped or as strings.
    static let decodedLines: [[UInt8]] =
        [
            #"{"id":"a","text":"x","id":"b"}"#, #"{"id":"a","text":"x","t\u0065xt":"y"}"#,
            #"{"i\u0064":"a","text":"x"}"#, #"{"id":null,"text":"x"}"#, #"{"id":true,"text":"x"}"#,
            #"{"id":"a","text":5}"#, #"{"id":"a","url":3,"text":"x"}"#, #"{"id":"a"}"#,
            #"{"id":"a","text":null}"#, #"{"id":"a","text":"x","clu\u0073ter":"c","cluster_size":2}"#,
            #"{"id":"a","text":"x","cluﬆer":"c"}"#, #"{"id":"a","text":"x""#, #"{"id":"a","text":"x"} x"#,
            #"["id"]"#, "", #"{"id":"a","text":"x\q"}"#, "{\"id\":\"a\",\"text\":\"x\ty\"}",
            #"{"id":"a","text":"x","url":null,"url":"u"}"#, #"{"id":"a","html":null,"text":null}"#,
        ].map { Array($0.utf8) } + [
            Array(#"{"id":"a","text":""#.utf8) + [0xC3, 0x28] + Array(#""}"#.utf8),
            Array(#"{"id":"a","text":"x"}"#.utf8) + [0xFF],
        ]

    @Test func linesThePickerCannotDecideAreLeftToTheDecoder() {
        for line in Self.decodedLines {
            #expect(Self.picked(line) == nil, "\(String(decoding: line, as: UTF8.self))")
        }
    }

    /// Configured field names are read as the decoder reads them, a role before another field.
    @Test func configuredFieldNames() {
        let fields = FieldNames(id: "cluster", text: "body", html: "page", url: "link")
        for line in [
            #"{"cluster":"a","body":"x","link":"u","cluster_size":2}"#, #"{"cluster":"a","text":"x","body":"yy"}"#,
            #"{"id":"a","body":"x","cluster":"b","cluster":"c"}"#, #"{"page":"<p>","id":"q"}"#,
        ] {
            Self.check(Array(line.utf8), fields: fields)
        }
        #expect(Self.picked(Array(#"{"cluster":"a","body":"x","cluster_size":2}"#.utf8), fields: fields)?[6] == "<nil>")
    }

    /// Many generated lines: fields in any order, repeated, null, mistyped, with escapes in keys and
    /// values, cut short or with bad bytes; the picker must read each as the decoder does.
    @Test func generatedLinesReadAsDecoded() {
        var random = SeededRandom.forTest(0x5052_4943_4B45_52)
        var pickedCount = 0
        for index in 0..<20_000 {
            let line = Self.generatedLine(&random)
            if Self.picked(line) != nil { pickedCount += 1 }
            Self.check(line, "line \(index), \(SeededRandom.replay)")
        }
        // Most generated lines are ordinary enough for the picker to read.
        #expect(pickedCount > 6_000, "\(pickedCount) picked, \(SeededRandom.replay)")
    }

    static let keys = [
        "id", "url", "text", "html", "cluster", "cluster_size", "similarity", "duplicate_of", "removed_by",
        "removed_reason", "other",
    ]
    /// Keys the decoder reads unescaped or compares as strings, which the picker leaves to it.
    static let exoticKeys = ["i\\u0064", "clu\\u0073ter", "Cluster", "é"]

    static func generatedLine(_ random: inout SeededRandom) -> [UInt8] {
        var members: [String] = []
        for position in 0..<Int.random(in: 0...9, using: &random) {
            // Mostly distinct keys, sometimes a repeat or an exotic one.
            var key = keys.randomElement(using: &random)!
            if Int.random(in: 0..<12, using: &random) == 0 { key = exoticKeys.randomElement(using: &random)! }
            if members.contains(where: { $0.hasPrefix("\"\(key)\"") }), Int.random(in: 0..<4, using: &random) != 0 {
                key = keys[4 + position % 7]
            }
            let isKnown = ["id", "url", "text", "html"].contains(key)
            let value = isKnown && Int.random(in: 0..<8, using: &random) != 0 ? generatedString(&random) : generatedValue(&random)
            members.append("\"\(key)\":" + value)
        }
        if Int.random(in: 0..<8, using: &random) != 0, !members.contains(where: { $0.hasPrefix(#""text""#) }) {
            members.insert(#""text":"# + generatedString(&random), at: Int.random(in: 0...members.count, using: &random))
        }
        var bytes = Array(("{" + members.joined(separator: Bool.random(using: &random) ? "," : " , ") + "}").utf8)
        switch Int.random(in: 0..<40, using: &random) {
        case 0: bytes.removeLast(Int.random(in: 1...min(3, bytes.count), using: &random))
        case 1: bytes.insert(0xFF, at: Int.random(in: 0..<bytes.count, using: &random))
        case 2: bytes.append(contentsOf: Array(" x".utf8))
        default: break
        }
        return bytes
    }

    static func generatedValue(_ random: inout SeededRandom) -> String {
        switch Int.random(in: 0..<10, using: &random) {
        case 0: "null"
        case 1: ["0", "2", "3", "-1", "0.5", "1.0", "1e2", "17"].randomElement(using: &random)!
        case 2: ["true", "false", "[]", "[1,\"x\"]", "{\"id\":\"n\"}"].randomElement(using: &random)!
        default: generatedString(&random)
        }
    }

    static func generatedString(_ random: inout SeededRandom) -> String {
        let pieces = [
            "a", "site/1-0", "\\\"", "\\\\", "\\/", "\\n", "\\t", "\\u0041", "\\u00e9", "\\ud83d\\ude00", "\\ud800", "é", "😀",
            ",", ":", "{", "}", " ",
        ]
        return "\"" + (0..<Int.random(in: 0...6, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined() + "\""
    }

    /// A file read for the report gives the same fields and the same unreadable lines through the
    /// picker as through the decoder alone.
    @Test func anOutputReadsAsDecoded() throws {
        var random = SeededRandom.forTest(0x4F55_5450_5554)
        var lines = Self.pickedLines.map { Array($0.utf8) } + Self.decodedLines.filter { !$0.isEmpty }
        lines += (0..<2_000).map { _ in Self.generatedLine(&random) }.filter { !$0.contains(0x0A) && !$0.isEmpty }
        let folder = TemporaryFolder()
        let path = folder.write("out.jsonl", Array(lines.joined(separator: [0x0A])) + [0x0A])
        var viaPicker: [[String]] = []
        let pickerUnreadable = try OutputDocuments.forEachFields(path, fields: .standard) { fields, _ in
            viaPicker.append(Self.values(fields))
        }
        var viaDecoder: [[String]] = []
        let decoderUnreadable = try OutputDocuments.forEach(path, fields: .standard) { document, _ in
            viaDecoder.append(Self.values(ReportFields(document)))
        }
        #expect(viaPicker == viaDecoder, "\(SeededRandom.replay)")
        #expect(pickerUnreadable.count == decoderUnreadable.count)
        #expect(pickerUnreadable.first == decoderUnreadable.first)
        #expect(pickerUnreadable.count > 10)
    }
}
