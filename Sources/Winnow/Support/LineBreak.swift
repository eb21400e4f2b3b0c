/// The characters that end a line: LF, VT, FF, CR (CR LF is one break), NEL, LS and PS, Unicode's
/// mandatory breaks. `normalize` writes each as LF (a test checks they agree), and the templates stage
/// splits a page's lines at them, so that text not normalized first has the lines it has after.
enum LineBreak {
    /// Whether the scalar `value` ends a line.
    static func isBreak(_ value: UInt32) -> Bool {
        switch value {
        case 0x0A...0x0D, 0x85, 0x2028, 0x2029: true
        default: false
        }
    }

    /// The first line break at or after `start` in valid UTF-8 (`start` at a character's first byte):
    /// where it starts, and where the line after it starts; nil when there is none.
    static func next(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> (start: Int, end: Int)? {
        var position = start
        while true {
            // Bytes below 0x0E (tab and other controls too), and the last bytes of NEL, LS and PS.
            position = ByteSetScan.firstMember(
                of: bytes, from: position,
                flags: { word in
                    ByteSetScan.below(word, 0x0E) | ByteSetScan.equal(word, 0x85) | ByteSetScan.equal(word, 0xA8)
                        | ByteSetScan.equal(word, 0xA9)
                },
                isMember: { $0 < 0x0E || $0 == 0x85 || $0 == 0xA8 || $0 == 0xA9 })
            guard position < bytes.count else { return nil }
            switch bytes[position] {
            case 0x0A, 0x0B, 0x0C:
                return (position, position + 1)
            case 0x0D:
                return (position, position + 1 < bytes.count && bytes[position + 1] == 0x0A ? position + 2 : position + 1)
            case 0x85 where position - 1 >= start && bytes[position - 1] == 0xC2:
                return (position - 1, position + 1)
            case 0xA8, 0xA9:
                if position - 2 >= start && bytes[position - 2] == 0xE2 && bytes[position - 1] == 0x80 {
                    return (position - 2, position + 1)
                }
            default:
                break
            }
            position += 1
        }
    }
}
