/// Finding the first byte of a small set eight bytes at a time, for scans of long texts that are
/// mostly bytes needing no attention (JSON escaping, `JSONString.plainRunEnd`; HTML-safe JSON,
/// `HTMLEscape`). A word's flags set the high bit of the bytes in the set (the borrow trick): the
/// lowest flagged byte is exact, false flags only come above a true one.
enum ByteSetScan {
    private static let ones: UInt64 = 0x0101_0101_0101_0101

    /// The offset of the first byte at or after `start` that `flags` flags in its word, or that
    /// `isMember` takes among the last bytes that fill no word; the end when there is none.
    @inline(__always)
    static func firstMember(
        of bytes: UnsafeBufferPointer<UInt8>, from start: Int, flags: (UInt64) -> UInt64, isMember: (UInt8) -> Bool
    ) -> Int {
        var position = start
        guard let base = bytes.baseAddress else { return position }
        while position &+ 8 <= bytes.count {
            let found = flags(UnsafeRawPointer(base + position).loadUnaligned(as: UInt64.self)) & (ones &* 0x80)
            if found != 0 { return position &+ found.trailingZeroBitCount / 8 }
            position &+= 8
        }
        while position < bytes.count && !isMember(base[position]) { position &+= 1 }
        return position
    }

    /// Flags the bytes of `word` equal to `byte`.
    @inline(__always)
    static func equal(_ word: UInt64, _ byte: UInt8) -> UInt64 {
        let difference = word ^ (ones &* UInt64(byte))
        return (difference &- ones) & ~difference
    }

    /// Flags the bytes of `word` below `bound` (at most 0x80).
    @inline(__always)
    static func below(_ word: UInt64, _ bound: UInt8) -> UInt64 {
        (word &- ones &* UInt64(bound)) & ~word
    }

    /// Flags exactly the bytes of `word` below `bound` (at most 0x80), with no false flags above a true
    /// one: no carry crosses a byte, so such flags can be masked by others.
    @inline(__always)
    static func exactlyBelow(_ word: UInt64, _ bound: UInt8) -> UInt64 {
        let low = word & (ones &* 0x7F)
        return ~((low &+ ones &* UInt64(0x80 - bound)) | word) & (ones &* 0x80)
    }

    /// Flags exactly the bytes of `word` equal to `byte` (see `exactlyBelow`).
    @inline(__always)
    static func exactlyEqual(_ word: UInt64, _ byte: UInt8) -> UInt64 {
        let difference = word ^ (ones &* UInt64(byte))
        let low = difference & (ones &* 0x7F)
        return ~((low &+ ones &* 0x7F) | difference) & (ones &* 0x80)
    }
}
