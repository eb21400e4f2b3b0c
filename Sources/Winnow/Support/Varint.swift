/// Unsigned LEB128: seven bits a byte, low bits first, the high bit set on every byte but the last.
/// The spool (`SpoolCodec`) and templates' carried lines (`CarriedLines`) write their numbers so.
enum Varint {
    static func append(_ value: UInt64, to output: inout [UInt8]) {
        var value = value
        while value >= 0x80 {
            output.append(UInt8(truncatingIfNeeded: value) | 0x80)
            value >>= 7
        }
        output.append(UInt8(value))
    }

    /// Appends `bytes` after their count: a string's UTF-8, a run of carried bytes.
    static func appendCounted(_ bytes: some Collection<UInt8>, to output: inout [UInt8]) {
        append(UInt64(bytes.count), to: &output)
        if bytes.withContiguousStorageIfAvailable({ output.append(contentsOf: $0) }) == nil {
            output.append(contentsOf: bytes)
        }
    }

    /// Where the bytes `appendCounted` wrote at `index` are, `index` moved past them; nil when the
    /// count is damaged or runs past the end.
    static func readCounted<Bytes: RandomAccessCollection<UInt8>>(_ bytes: Bytes, _ index: inout Int) -> Range<Int>?
    where Bytes.Index == Int {
        guard let count = read(bytes, &index), count <= UInt64(bytes.endIndex - index) else { return nil }
        index += Int(count)
        return (index - Int(count))..<index
    }

    /// The number at `index`, which moves past it; nil when the bytes end first or it overflows 64 bits.
    static func read<Bytes: RandomAccessCollection<UInt8>>(_ bytes: Bytes, _ index: inout Int) -> UInt64?
    where Bytes.Index == Int {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while index < bytes.endIndex && shift < 64 {
            let byte = bytes[index]
            index += 1
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return value }
            shift += 7
        }
        return nil
    }
}
