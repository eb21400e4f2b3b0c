/// A JSON number as bytes whose bytewise order is the numbers' order, exact at any number of digits
/// (a `Double` ties 1700000000000000000 and 1700000000000000001: nanosecond times, snowflake ids);
/// decimal exponents beyond ±2^40, far past any double, saturate and may tie.
///
/// The number is read as ±0.d₁d₂…dₙ × 10^E (no leading or trailing zero digits): zero is one byte;
/// a positive number is its class, E (8 bytes, order-preserving), its digits and a 0 end byte; a
/// negative one the same with E and digits inverted and an end byte of 0xFF, so larger magnitudes
/// come first. No key is a prefix of another, so inverting every byte reverses the order.
enum DecimalKey {
    /// The key of `json` when it is a JSON number (`-?digits(.digits)?([eE][+-]?digits)?`), else nil.
    static func of(_ json: some Collection<UInt8>) -> [UInt8]? {
        var bytes = json.makeIterator()
        var next = bytes.next()
        let negative = next == UInt8(ascii: "-")
        if negative { next = bytes.next() }
        var digits: [UInt8] = []
        var integerDigits = 0
        var sawDigit = false
        while let byte = next, ASCIIByte.isDigit(byte) {
            sawDigit = true
            if !digits.isEmpty || byte != UInt8(ascii: "0") {
                digits.append(byte)
                integerDigits += 1
            }
            next = bytes.next()
        }
        guard sawDigit else { return nil }
        // Zeros after the point and before the first significant digit lower the exponent.
        var leadingFractionZeros = 0
        if next == UInt8(ascii: ".") {
            next = bytes.next()
            var sawFraction = false
            while let byte = next, ASCIIByte.isDigit(byte) {
                sawFraction = true
                if digits.isEmpty && byte == UInt8(ascii: "0") {
                    leadingFractionZeros += 1
                } else {
                    digits.append(byte)
                }
                next = bytes.next()
            }
            guard sawFraction else { return nil }
        }
        var exponent = 0
        if next == UInt8(ascii: "e") || next == UInt8(ascii: "E") {
            next = bytes.next()
            let negativeExponent = next == UInt8(ascii: "-")
            if negativeExponent || next == UInt8(ascii: "+") { next = bytes.next() }
            var sawExponent = false
            while let byte = next, ASCIIByte.isDigit(byte) {
                sawExponent = true
                // Beyond any double's range already: saturate rather than overflow.
                exponent = min(exponent * 10 + Int(byte - UInt8(ascii: "0")), 1 << 40)
                next = bytes.next()
            }
            guard sawExponent else { return nil }
            if negativeExponent { exponent = -exponent }
        }
        guard next == nil else { return nil }
        while digits.last == UInt8(ascii: "0") { digits.removeLast() }
        guard !digits.isEmpty else { return [0x02] }
        let scale = Int64(integerDigits > 0 ? integerDigits : -leadingFractionZeros) + Int64(exponent)
        var key: [UInt8] = [negative ? 0x01 : 0x03]
        let biased = UInt64(bitPattern: scale) ^ (1 << 63)
        FixedWidth.appendBigEndian(negative ? ~biased : biased, to: &key)
        key += negative ? digits.map { ~$0 } : digits
        key.append(negative ? 0xFF : 0x00)
        return key
    }
}
