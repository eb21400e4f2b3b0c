/// Escaping for everything the report puts into HTML: text and attribute values, and JSON inside a
/// `<script>` element. Document text reaches the page only through these, so a page that contains
/// `<script>` or `</textarea>` is shown as text and never runs or closes anything.
enum HTMLEscape {
    /// Text or a quoted attribute value.
    static func text(_ value: String) -> String {
        var out = ""
        out.reserveCapacity(value.utf8.count)
        for scalar in value.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// JSON made safe inside `<script type="application/json">`: `<`, `>` and `&` become `\u003c`
    /// and friends (so `</script>` and `<!--` cannot appear), as do U+2028 and U+2029. These
    /// characters can occur only inside JSON strings, where the escapes mean the same.
    static func scriptJSON(_ json: [UInt8]) -> String {
        var out: [UInt8] = []
        appendScriptJSON(json, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// `scriptJSON`'s bytes, appended to `out`; runs with nothing to escape are copied at once.
    static func appendScriptJSON(_ json: [UInt8], to out: inout [UInt8]) {
        out.reserveCapacity(out.count + json.count + json.count / 16)
        json.withUnsafeBufferPointer { json in
            var runStart = 0
            var index = 0
            while true {
                index = nextCandidate(json, from: index)
                guard index < json.count else { break }
                let byte = json[index]
                let escape: StaticString
                var length = 1
                switch byte {
                case UInt8(ascii: "<"): escape = "\\u003c"
                case UInt8(ascii: ">"): escape = "\\u003e"
                case UInt8(ascii: "&"): escape = "\\u0026"
                case 0xE2 where index + 2 < json.count && json[index + 1] == 0x80 && (json[index + 2] == 0xA8 || json[index + 2] == 0xA9):
                    escape = json[index + 2] == 0xA8 ? "\\u2028" : "\\u2029"
                    length = 3
                default:
                    index += 1
                    continue
                }
                out += UnsafeBufferPointer(rebasing: json[runStart..<index])
                escape.withUTF8Buffer { out += $0 }
                index += length
                runStart = index
            }
            out += UnsafeBufferPointer(rebasing: json[runStart...])
        }
    }

    /// The offset of the first byte at or after `start` that may need escaping (`<`, `>`, `&`, or 0xE2,
    /// which starts U+2028 and U+2029), or the end.
    private static func nextCandidate(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        ByteSetScan.firstMember(
            of: bytes, from: start,
            flags: {
                ByteSetScan.equal($0, UInt8(ascii: "<")) | ByteSetScan.equal($0, UInt8(ascii: ">"))
                    | ByteSetScan.equal($0, UInt8(ascii: "&")) | ByteSetScan.equal($0, 0xE2)
            },
            isMember: { $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">") || $0 == UInt8(ascii: "&") || $0 == 0xE2 })
    }
}
