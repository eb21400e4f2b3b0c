/// The base-64 digits (RFC 4648 alphabet, no padding) that carried bytes take in a spool line:
/// no space, quote or line break, 4 characters for 3 bytes.
enum SpoolBase64 {
    private static let digits = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
    private static let values: [UInt8] = {
        var table = [UInt8](repeating: 0xFF, count: 256)
        for (value, digit) in digits.enumerated() { table[Int(digit)] = UInt8(value) }
        return table
    }()

    static func append(_ bytes: [UInt8], to output: inout [UInt8]) {
        var index = 0
        while index + 3 <= bytes.count {
            let word = UInt32(bytes[index]) << 16 | UInt32(bytes[index + 1]) << 8 | UInt32(bytes[index + 2])
            output.append(digits[Int(word >> 18)])
            output.append(digits[Int(word >> 12 & 63)])
            output.append(digits[Int(word >> 6 & 63)])
            output.append(digits[Int(word & 63)])
            index += 3
        }
        let rest = bytes.count - index
        guard rest > 0 else { return }
        let word = UInt32(bytes[index]) << 16 | (rest == 2 ? UInt32(bytes[index + 1]) << 8 : 0)
        output.append(digits[Int(word >> 18)])
        output.append(digits[Int(word >> 12 & 63)])
        if rest == 2 { output.append(digits[Int(word >> 6 & 63)]) }
    }

    /// The bytes of `text`; nil when it holds a character outside the alphabet, has an impossible
    /// length, or its last digit has bits set that no byte fills.
    static func decode(_ text: ArraySlice<UInt8>) -> [UInt8]? {
        guard text.count % 4 != 1 else { return nil }
        var output: [UInt8] = []
        output.reserveCapacity(text.count * 3 / 4)
        var word: UInt32 = 0
        var count = 0
        for digit in text {
            let value = values[Int(digit)]
            guard value != 0xFF else { return nil }
            word = word << 6 | UInt32(value)
            count += 1
            if count == 4 {
                output.append(UInt8(word >> 16))
                output.append(UInt8(word >> 8 & 0xFF))
                output.append(UInt8(word & 0xFF))
                word = 0
                count = 0
            }
        }
        switch count {
        case 2:
            guard word & 0xF == 0 else { return nil }
            output.append(UInt8(word >> 4))
        case 3:
            guard word & 0x3 == 0 else { return nil }
            output.append(UInt8(word >> 10))
            output.append(UInt8(word >> 2 & 0xFF))
        default: break
        }
        return output
    }
}
