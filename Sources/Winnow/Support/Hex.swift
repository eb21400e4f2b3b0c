/// Lower-case hexadecimal text for the intermediate files, which carry hashes as hex strings (a JSON
/// number above 2⁵³ loses precision in most readers). Table-driven: the signatures file holds a few
/// hundred values per document, so these run in the map and merge steps' inner loops.
enum Hex {
    private static let digits: [UInt8] = Array("0123456789abcdef".utf8)
    /// Each byte value's two digits, most significant first.
    private static let pairs: [(UInt8, UInt8)] = (0..<256).map { (digits[$0 >> 4], digits[$0 & 0xF]) }
    /// Each byte's digit value, or 0xFF for a byte that is not a hex digit (either case accepted).
    private static let values: [UInt8] = (0..<256).map { byte in
        switch UInt8(byte) {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt8(byte) - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt8(byte) - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt8(byte) - UInt8(ascii: "A") + 10
        default: 0xFF
        }
    }

    /// Appends the lowest `count` hex digits of `value` (at most 16), most significant first.
    static func append(_ value: UInt64, digits count: Int, to buffer: inout [UInt8]) {
        precondition(count >= 0 && count <= 16, "at most 16 hex digits")
        digits.withUnsafeBufferPointer { digits in
            for position in stride(from: count - 1, through: 0, by: -1) {
                buffer.append(digits[Int((value >> UInt64(4 * position)) & 0xF)])
            }
        }
    }

    /// Appends 32-bit values as 8 hex digits each, in one growth of `buffer`: the signatures file
    /// writes a few hundred per document, so each value's digits are made in one register and stored
    /// at once.
    static func append(words: ArraySlice<UInt32>, to buffer: inout [UInt8]) {
        let start = buffer.count
        buffer.append(contentsOf: repeatElement(0, count: 8 * words.count))
        buffer.withUnsafeMutableBytes { buffer in
            var offset = start
            for word in words {
                buffer.storeBytes(of: eightDigits(word).littleEndian, toByteOffset: offset, as: UInt64.self)
                offset += 8
            }
        }
    }

    /// Appends the 16 hex digits of `value` (a band key) in one growth of `buffer`.
    static func append(sixteenDigitsOf value: UInt64, to buffer: inout [UInt8]) {
        let start = buffer.count
        buffer.append(contentsOf: repeatElement(0, count: 16))
        buffer.withUnsafeMutableBytes { buffer in
            buffer.storeBytes(
                of: eightDigits(UInt32(truncatingIfNeeded: value >> 32)).littleEndian, toByteOffset: start,
                as: UInt64.self)
            buffer.storeBytes(
                of: eightDigits(UInt32(truncatingIfNeeded: value)).littleEndian, toByteOffset: start + 8,
                as: UInt64.self)
        }
    }

    /// The 8 hex digits of `word` as the bytes of a UInt64, the most significant digit in the lowest
    /// byte: each nibble spread to a byte, then '0' added, and 39 more for the letters a–f.
    @inline(__always)
    static func eightDigits(_ word: UInt32) -> UInt64 {
        var value = UInt64(word.byteSwapped)
        value = (value | value << 16) & 0x0000_FFFF_0000_FFFF
        value = (value | value << 8) & 0x00FF_00FF_00FF_00FF
        value = (value & 0x000F_000F_000F_000F) << 8 | (value >> 4) & 0x000F_000F_000F_000F
        let letters = ((value &+ 0x0606_0606_0606_0606) >> 4) & 0x0101_0101_0101_0101
        return value &+ 0x3030_3030_3030_3030 &+ letters &* 39
    }

    /// The values of hex text cut into fields of `count` digits (at most 16), or nil when the text is
    /// not a whole number of fields of hex digits.
    static func parse(_ text: ArraySlice<UInt8>, digits count: Int) -> [UInt64]? {
        precondition(count > 0 && count <= 16, "at most 16 hex digits")
        var values: [UInt64] = []
        values.reserveCapacity(text.count / count)
        return append(fieldsOf: text, digits: count, to: &values) ? values : nil
    }

    /// Appends the 32-bit values of hex text, 8 digits each, to `words`; false (and nothing appended)
    /// when the text is not a whole number of 8-digit fields of hex digits.
    static func appendWords(of text: ArraySlice<UInt8>, to words: inout [UInt32]) -> Bool {
        guard text.count % 8 == 0 else { return false }
        let start = words.count
        let valid = text.withUnsafeBytes { text in
            var offset = 0
            while offset < text.count {
                guard let word = word(ofEightDigits: UInt64(littleEndian: text.loadUnaligned(fromByteOffset: offset, as: UInt64.self)))
                else {
                    return false
                }
                words.append(word)
                offset += 8
            }
            return true
        }
        if !valid { words.removeLast(words.count - start) }
        return valid
    }

    /// The value of 8 hex digits (either case) given as the bytes of a UInt64, the most significant
    /// digit in the lowest byte, or nil when one is not a hex digit: `eightDigits` backwards.
    @inline(__always)
    static func word(ofEightDigits bytes: UInt64) -> UInt32? {
        let highs: UInt64 = 0x8080_8080_8080_8080
        // Per byte, the top bit: in a range (no carry crosses bytes once the top bits are cleared).
        let ascii = bytes & ~highs
        let isDigit = (ascii &+ 0x5050_5050_5050_5050) & ~(ascii &+ 0x4646_4646_4646_4646)
        let lowered = ascii | 0x2020_2020_2020_2020
        let isLetter = (lowered &+ 0x1F1F_1F1F_1F1F_1F1F) & ~(lowered &+ 0x1919_1919_1919_1919)
        guard (isDigit | isLetter) & ~bytes & highs == highs else { return nil }
        let digits = (ascii & 0x0F0F_0F0F_0F0F_0F0F) &+ ((isLetter & highs) >> 7) &* 9
        // Digit pairs into bytes, bytes into one word, the first digit's byte the most significant.
        let pairs = (digits & 0x000F_000F_000F_000F) << 4 | (digits >> 8) & 0x000F_000F_000F_000F
        let quads = (pairs | pairs >> 8) & 0x0000_FFFF_0000_FFFF
        return UInt32(truncatingIfNeeded: quads | quads >> 16).byteSwapped
    }

    private static func append<Value: FixedWidthInteger>(
        fieldsOf text: ArraySlice<UInt8>, digits count: Int,
        to output: inout [Value]
    ) -> Bool {
        guard text.count % count == 0 else { return false }
        let start = output.count
        let valid = values.withUnsafeBufferPointer { values in
            text.withUnsafeBufferPointer { text in
                var invalid: UInt8 = 0
                var offset = 0
                while offset < text.count {
                    var value: Value = 0
                    for position in offset..<(offset + count) {
                        let digit = values[Int(text[position])]
                        invalid |= digit
                        value = value << 4 | Value(digit & 0xF)
                    }
                    output.append(value)
                    offset += count
                }
                return invalid & 0xF0 == 0
            }
        }
        if !valid { output.removeLast(output.count - start) }
        return valid
    }
}
