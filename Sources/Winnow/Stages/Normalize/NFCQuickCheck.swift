/// A fast, conservative test that text is already in Unicode NFC, so the (slow) full normalisation
/// runs only on text that may change. "Yes" is certain; "no" only means "normalise to find out".
enum NFCQuickCheck {
    /// Whether every scalar of `bytes` (valid UTF-8) lies in a range whose characters are stable under
    /// NFC: they neither decompose (no NFC_QC=No singletons) nor combine with what precedes them (no
    /// combining marks, no NFC_QC=Maybe characters such as Hangul jamo or kana voicing marks).
    static func isKnownNFC(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = bytes.count
        var i = 0
        while i < count {
            if i &+ 8 <= count, !hasLeadAtOrAboveCC(UnsafeRawPointer(bytes.baseAddress! + i).loadUnaligned(as: UInt64.self)) {
                i &+= 8
                continue
            }
            let lead = bytes[i]
            if lead < 0xCC {
                // ASCII, continuation bytes, and two-byte sequences below U+0300.
                i += 1
                continue
            }
            let (value, length) = UTF8Scalar.decode(bytes, at: i)
            guard isStable(value) else { return false }
            i += length
        }
        return true
    }

    /// Whether one of eight bytes is 0xCC or above (SWAR; no carry crosses bytes): a block without
    /// one holds only scalars below U+0300 and continuation bytes, and is skipped whole.
    @inline(__always)
    static func hasLeadAtOrAboveCC(_ word: UInt64) -> Bool {
        word & ((word & 0x7F7F_7F7F_7F7F_7F7F) &+ 0x3434_3434_3434_3434) & 0x8080_8080_8080_8080 != 0
    }

    /// Ranges checked against the Unicode Character Database: Greek and Cyrillic letters, general
    /// punctuation, currency and letterlike symbols, arrows and technical symbols, box drawing and
    /// dingbats, CJK punctuation and kana, CJK ideographs, Hangul syllables, emoji; each less the
    /// NFC_QC=No singletons inside it.
    @inline(__always)
    static func isStable(_ value: UInt32) -> Bool {
        switch value {
        case 0x0370...0x0482: return value != 0x0374 && value != 0x037E && value != 0x0387
        case 0x048A...0x052F: return true
        case 0x2002...0x206F: return true
        case 0x20A0...0x20CF: return true
        case 0x2100...0x214F: return value != 0x2126 && value != 0x212A && value != 0x212B
        case 0x2150...0x2328, 0x232B...0x23FF: return true
        case 0x2400...0x27BF: return true
        case 0x3000...0x3098, 0x309B...0x30FF: return true
        case 0x4E00...0x9FFF: return true
        case 0xAC00...0xD7A3: return true
        case 0x1F000...0x1FAFF: return true
        default: return false
        }
    }
}
