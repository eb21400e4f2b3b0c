/// A 64-bit number in 8 bytes, little-endian: the keys and lengths of the spool's binary records;
/// or big-endian, where bytewise order must be the numbers' order (rank keys).
enum FixedWidth {
    static let byteCount = 8

    static func append(_ value: UInt64, to output: inout [UInt8]) {
        withUnsafeBytes(of: value.littleEndian) { output.append(contentsOf: $0) }
    }

    /// Appends `value` most significant byte first: two such keys compare bytewise as the numbers do.
    static func appendBigEndian(_ value: UInt64, to output: inout [UInt8]) {
        withUnsafeBytes(of: value.bigEndian) { output.append(contentsOf: $0) }
    }

    /// Writes `value` over the 8 bytes at `start` (a length known only once what follows is written).
    static func store(_ value: UInt64, into output: inout [UInt8], at start: Int) {
        for index in 0..<byteCount { output[start + index] = UInt8(truncatingIfNeeded: value >> UInt64(8 * index)) }
    }

    /// The number in the 8 bytes at `start`, which the caller has checked are there.
    static func read<Bytes: RandomAccessCollection<UInt8>>(_ bytes: Bytes, at start: Int) -> UInt64
    where Bytes.Index == Int {
        var value: UInt64 = 0
        for index in 0..<byteCount { value |= UInt64(bytes[start + index]) << UInt64(8 * index) }
        return value
    }
}
