/// The control characters text output never carries: C0 but tab and the line breaks, DEL, and C1 but
/// NEL (a line break). Declared once: the normalize stage drops them (`remove_control`) and the clean
/// stage's renderer never writes them (libxml2 drops C0 itself; C1 is read as Windows-1252 first).
enum ControlCharacters {
    /// Whether `value` is one of them.
    @inline(__always)
    static func isRemoved(_ value: UInt32) -> Bool {
        switch value {
        case 0x09...0x0D, 0x85: false
        case 0x00...0x1F, 0x7F...0x9F: true
        default: false
        }
    }

    /// The byte length of the control character that starts at `index` of valid UTF-8, or 0 when the
    /// character there stays.
    @inline(__always)
    static func removedLength(_ bytes: ArraySlice<UInt8>, at index: Int) -> Int {
        let lead = bytes[index]
        if lead < 0x80 { return isRemoved(UInt32(lead)) ? 1 : 0 }
        guard lead == 0xC2, index + 1 < bytes.endIndex else { return 0 }
        return isRemoved(UInt32(bytes[index + 1] & 0x3F) | 0x80) ? 2 : 0
    }
}
