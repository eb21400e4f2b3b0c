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
        out.reserveCapacity(json.count + json.count / 16)
        var index = 0
        while index < json.count {
            let byte = json[index]
            switch byte {
            case UInt8(ascii: "<"): out += Array("\\u003c".utf8)
            case UInt8(ascii: ">"): out += Array("\\u003e".utf8)
            case UInt8(ascii: "&"): out += Array("\\u0026".utf8)
            case 0xE2 where index + 2 < json.count && json[index + 1] == 0x80 && (json[index + 2] == 0xA8 || json[index + 2] == 0xA9):
                out += Array((json[index + 2] == 0xA8 ? "\\u2028" : "\\u2029").utf8)
                index += 2
            default: out.append(byte)
            }
            index += 1
        }
        return String(decoding: out, as: UTF8.self)
    }
}
