/// Reading and writing JSON string literals on UTF-8 bytes.
enum JSONString {
    static func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(byte - UInt8(ascii: "A") + 10)
        default: return nil
        }
    }

    /// Decodes the contents of a string literal (the bytes between the quotes, already validated by
    /// `JSONObjectScanner`). A lone UTF-16 surrogate, which no Swift string can hold, becomes U+FFFD.
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, hasEscapes: Bool) -> String {
        guard hasEscapes else { return String(decoding: bytes, as: UTF8.self) }
        return String(decoding: decodeUTF8(bytes), as: UTF8.self)
    }

    /// The UTF-8 of what `decode` makes of `bytes`: valid UTF-8 when `bytes` are. No escape decodes
    /// to more bytes than it takes (`\uXXXX` to at most 3, a pair of them to 4), so the output is
    /// written in place into an array of the input's length, with no capacity check per byte.
    static func decodeUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var repaired = false
        return decodeUTF8(bytes, repairedSurrogate: &repaired)
    }

    /// `decodeUTF8`, telling whether a lone surrogate escape was repaired to U+FFFD: then the literal
    /// does not write back as the text it gives.
    static func decodeUTF8(_ bytes: UnsafeBufferPointer<UInt8>, repairedSurrogate: inout Bool) -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: bytes.count) { output, written in
            guard let source = bytes.baseAddress, let target = output.baseAddress else { return }
            var i = 0
            var o = 0
            func put(_ byte: UInt8) {
                (target + o).initialize(to: byte)
                o += 1
            }
            while i < bytes.count {
                // Copy the run up to the next backslash at once.
                let end = ByteSearch.firstOffset(of: UInt8(ascii: "\\"), in: bytes, from: i) ?? bytes.count
                if end > i {
                    (target + o).initialize(from: source + i, count: end - i)
                    o += end - i
                    i = end
                    continue
                }
                let escaped = bytes[i + 1]
                i += 2
                switch escaped {
                case UInt8(ascii: "b"): put(0x08)
                case UInt8(ascii: "f"): put(0x0C)
                case UInt8(ascii: "n"): put(0x0A)
                case UInt8(ascii: "r"): put(0x0D)
                case UInt8(ascii: "t"): put(0x09)
                case UInt8(ascii: "u"):
                    let scalar: Unicode.Scalar
                    let digits = i
                    (scalar, i) = unicodeEscape(bytes, digitsAt: i)
                    if scalar == "\u{FFFD}" && (0xD800...0xDFFF).contains(hex4(bytes, at: digits)) { repairedSurrogate = true }
                    for unit in UTF8.encode(scalar)! { put(unit) }
                default: put(escaped)
                }
            }
            written = o
        }
    }

    /// Whether `append` writes what `decode` makes of `bytes` (a literal's contents, validated by
    /// `JSONObjectScanner`) as exactly `bytes`: then the string alone gives them back.
    static func isCanonical(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        while let at = ByteSearch.firstOffset(of: UInt8(ascii: "\\"), in: bytes, from: i) {
            guard at + 1 < bytes.count else { return false }
            switch bytes[at + 1] {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                i = at + 2
            case UInt8(ascii: "u"):
                // `append` writes the other control characters as `\u00` and two lowercase digits.
                guard at + 6 <= bytes.count, bytes[at + 2] == UInt8(ascii: "0"), bytes[at + 3] == UInt8(ascii: "0"),
                    bytes[at + 4] == UInt8(ascii: "0") || bytes[at + 4] == UInt8(ascii: "1"),
                    let low = lowercaseHexValue(bytes[at + 5])
                else { return false }
                let value = (bytes[at + 4] == UInt8(ascii: "1") ? 16 : 0) + low
                guard value != 0x0A && value != 0x0D && value != 0x09 else { return false }
                i = at + 6
            default:
                return false
            }
        }
        return true
    }

    /// The UTF-8 length of what `decode` makes of `bytes`, without making it.
    static func decodedCount(_ bytes: UnsafeBufferPointer<UInt8>, hasEscapes: Bool) -> Int {
        guard hasEscapes else { return bytes.count }
        // Every byte counts once, except escapes, which count as what they decode to.
        var count = bytes.count
        var i = 0
        while let at = ByteSearch.firstOffset(of: UInt8(ascii: "\\"), in: bytes, from: i) {
            i = at + 2
            guard bytes[at + 1] == UInt8(ascii: "u") else {
                count -= 1
                continue
            }
            let scalar: Unicode.Scalar
            (scalar, i) = unicodeEscape(bytes, digitsAt: i)
            count -= i - at - UTF8.width(scalar)
        }
        return count
    }

    /// Whether a literal's contents (validated by `JSONObjectScanner`) escape a lone UTF-16 surrogate,
    /// which `decode` turns into U+FFFD: `"\ud800"` and `"\udbff"` would decode alike.
    static func hasLoneSurrogate(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        while let at = ByteSearch.firstOffset(of: UInt8(ascii: "\\"), in: bytes, from: i) {
            i = at + 2
            guard bytes[at + 1] == UInt8(ascii: "u") else { continue }
            let unit = hex4(bytes, at: i)
            let end = unicodeEscape(bytes, digitsAt: i).1
            // A pair takes two escapes; a surrogate that took one has no partner.
            if (0xD800...0xDFFF).contains(unit) && end == i + 4 { return true }
            i = end
        }
        return false
    }

    /// The scalar of a `\uXXXX` escape whose digits start at `start` (with the low half of a
    /// surrogate pair when one follows; U+FFFD for a lone surrogate), and the offset after it.
    private static func unicodeEscape(_ bytes: UnsafeBufferPointer<UInt8>, digitsAt start: Int) -> (Unicode.Scalar, Int) {
        var unit = hex4(bytes, at: start)
        var end = start + 4
        if (0xD800...0xDBFF).contains(unit), end + 6 <= bytes.count,
            bytes[end] == UInt8(ascii: "\\"), bytes[end + 1] == UInt8(ascii: "u")
        {
            let low = hex4(bytes, at: end + 2)
            if (0xDC00...0xDFFF).contains(low) {
                unit = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
                end += 6
            }
        }
        return (Unicode.Scalar(unit) ?? "\u{FFFD}", end)
    }

    private static func hex4(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> UInt32 {
        var value: UInt32 = 0
        for k in 0..<4 { value = value << 4 | (hexValue(bytes[offset + k]) ?? 0) }
        return value
    }

    /// `string` as a quoted JSON string literal.
    static func quoted(_ string: String) -> String {
        var bytes: [UInt8] = []
        append(string, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `string` as a quoted JSON string literal. Non-ASCII text is written as raw UTF-8.
    static func append(_ string: String, to output: inout [UInt8], shortControlEscapes: Bool = false) {
        // A native string's bytes are read where they are; only a bridged one is copied first.
        let appended: Void? = string.utf8.withContiguousStorageIfAvailable {
            append(utf8: $0, to: &output, shortControlEscapes: shortControlEscapes)
        }
        guard appended == nil else { return }
        var string = string
        string.withUTF8 { append(utf8: $0, to: &output, shortControlEscapes: shortControlEscapes) }
    }

    /// Appends UTF-8 bytes as a quoted JSON string literal; runs that need no escape are copied at once.
    /// The quote, the backslash, line feed, carriage return and tab take their short escapes, other
    /// control characters `\u00xx` (lowercase hex), or `\b` and `\f` with `shortControlEscapes` (as
    /// Foundation's `JSONEncoder` writes them).
    static func append(utf8 bytes: UnsafeBufferPointer<UInt8>, to output: inout [UInt8], shortControlEscapes: Bool = false) {
        output.append(UInt8(ascii: "\""))
        var runStart = 0
        while runStart < bytes.count {
            let index = plainRunEnd(bytes, from: runStart)
            if runStart < index { output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index])) }
            guard index < bytes.count else { break }
            let byte = bytes[index]
            output.append(UInt8(ascii: "\\"))
            switch byte {
            case 0x22, 0x5C: output.append(byte)
            case 0x0A: output.append(UInt8(ascii: "n"))
            case 0x0D: output.append(UInt8(ascii: "r"))
            case 0x09: output.append(UInt8(ascii: "t"))
            case 0x08 where shortControlEscapes: output.append(UInt8(ascii: "b"))
            case 0x0C where shortControlEscapes: output.append(UInt8(ascii: "f"))
            default:
                for digit in [UInt8(ascii: "u"), 0x30, 0x30, hexDigit(byte >> 4), hexDigit(byte & 0xF)] { output.append(digit) }
            }
            runStart = index + 1
        }
        output.append(UInt8(ascii: "\""))
    }

    /// Whether the byte must be escaped inside a JSON string: a control character, the quote or the
    /// backslash. (A test, not a table: a static array is retained at every string.)
    @inline(__always)
    static func needsEscape(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == 0x22 || byte == 0x5C
    }

    /// The offset of the first byte at or after `start` that `needsEscape` (or the end), eight bytes
    /// at a time (`ByteSetScan`), since long texts are mostly bytes that need no attention.
    @inline(__always)
    static func plainRunEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        ByteSetScan.firstMember(
            of: bytes, from: start,
            flags: {
                ByteSetScan.equal($0, UInt8(ascii: "\"")) | ByteSetScan.equal($0, UInt8(ascii: "\\"))
                    | ByteSetScan.below($0, 0x20)
            },
            isMember: needsEscape)
    }

    private static func hexDigit(_ value: UInt8) -> UInt8 {
        value < 10 ? UInt8(ascii: "0") + value : UInt8(ascii: "a") + value - 10
    }

    /// The value of a digit `hexDigit` writes; nil for anything else (upper case included).
    private static func lowercaseHexValue(_ digit: UInt8) -> Int? {
        switch digit {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): Int(digit - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): Int(digit - UInt8(ascii: "a")) + 10
        default: nil
        }
    }
}
