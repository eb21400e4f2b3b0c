import Foundation

extension NormalizeOptions.UnicodeForm {
    /// `text` in this form. NFC first asks the quick check, so that text already in NFC (nearly all
    /// of it) is only scanned; NFKC skips ASCII text. Runs of over 30 combining marks are broken first
    /// (`StreamSafeText`). Shared by the normalize and clean stages.
    func applied(to text: String) -> String {
        var text = text
        if text.withUTF8(leavesUnchanged) { return text }
        switch self {
        case .none: return text
        case .nfc:
            return Self.inPieces(
                StreamSafeText.limited(text), splittingBefore: Self.isNFCBoundary,
                decomposing: { $0.decomposedStringWithCanonicalMapping }
            ) {
                // Foundation on Linux leaves a Hangul syllable and a final consonant jamo after it apart
                // (가 + ᆨ is 각): decomposed first, they compose.
                Self.hasConjoiningJamo($0)
                    ? $0.decomposedStringWithCanonicalMapping.precomposedStringWithCanonicalMapping
                    : $0.precomposedStringWithCanonicalMapping
            }
        case .nfkc:
            return Self.inPieces(
                StreamSafeText.limited(text), splittingBefore: { $0 < 0x80 },
                decomposing: { $0.decomposedStringWithCompatibilityMapping }
            ) {
                // As for NFC: compatibility jamo (ㄱ) become conjoining ones that compose only when decomposed first.
                $0.decomposedStringWithCompatibilityMapping.precomposedStringWithCompatibilityMapping
            }
        }
    }

    /// Text is normalised this many bytes at a time, at least: Foundation's normalisation moves the rest
    /// of its buffer at each change, so a page of 10 MB of decomposed text took minutes in one piece.
    static let pieceBytes = 16 << 10

    /// A piece that has met no scalar `splittingBefore` names in this many bytes ends before the first
    /// that starts a composition (`startsComposition`): text with none (a page of Kannada vowel pairs
    /// for NFC, of ligatures for NFKC) was one piece, and its normalisation took quadratic time.
    static let longPieceBytes = 4 * pieceBytes

    /// `normalize` applied to `text` a piece at a time, each piece ending before a scalar
    /// `splittingBefore` names: one that nothing before it combines with or is reordered across, so
    /// that the pieces normalised apart give what the whole would.
    static func inPieces(
        _ text: String, splittingBefore isBoundary: (UInt32) -> Bool, decomposing decompose: (String) -> String,
        _ normalize: (String) -> String
    ) -> String {
        var text = text
        guard text.utf8.count > pieceBytes else { return normalize(text) }
        return text.withUTF8 { bytes in
            var result = ""
            result.reserveCapacity(bytes.count)
            var start = 0
            while start < bytes.count {
                var end = min(start + pieceBytes, bytes.count)
                while end < bytes.count {
                    if bytes[end] & 0xC0 != 0x80 {
                        let value = UTF8Scalar.decode(bytes, at: end).value
                        if isBoundary(value) || (end - start >= longPieceBytes && startsComposition(value, decompose)) { break }
                    }
                    end += 1
                }
                result += normalize(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self))
                start = end
            }
            return result
        }
    }

    /// Whether nothing before `value` combines with it or with what it decomposes into (`decompose`, the
    /// form's decomposition), nor is reordered across it: a character of the Basic Multilingual Plane
    /// whose decomposition starts with a starter (combining class 0) that no composition takes as its
    /// second part, as ICU's "composition boundary before" reads the same tables. Asks Foundation, so
    /// only for pieces that found no cheaper boundary.
    static func startsComposition(_ value: UInt32, _ decompose: (String) -> String) -> Bool {
        guard value < 0x1_0000, let scalar = Unicode.Scalar(value), !isSecondOfComposition(value),
            scalar.properties.canonicalCombiningClass == .notReordered
        else { return false }
        guard let first = decompose(String(scalar)).unicodeScalars.first else { return false }
        return first.properties.canonicalCombiningClass == .notReordered && !isSecondOfComposition(first.value)
    }

    /// Starters (combining class 0) that a canonical composition of the Basic Multilingual Plane takes
    /// as its second part (NFC_QC=Maybe; the Unicode Character Database 14, and no composition of the
    /// plane has been added since): vowel signs of Indic scripts and Myanmar, Hangul vowels and final
    /// consonants, the Balinese tedung.
    static func isSecondOfComposition(_ value: UInt32) -> Bool {
        switch value {
        case 0x09BE, 0x09D7, 0x0B3E, 0x0B56...0x0B57, 0x0BBE, 0x0BD7, 0x0CC2, 0x0CD5...0x0CD6, 0x0D3E, 0x0D57, 0x0DCF,
            0x0DDF, 0x102E, 0x1161...0x1175, 0x11A8...0x11C2, 0x1B35:
            true
        default: false
        }
    }

    /// Whether `text` holds a conjoining Hangul jamo (U+1100–U+11FF: bytes E1 84 to E1 87).
    static func hasConjoiningJamo(_ text: String) -> Bool {
        var previous: UInt8 = 0
        for byte in text.utf8 {
            if previous == 0xE1 && (0x84...0x87).contains(byte) { return true }
            previous = byte
        }
        return false
    }

    /// A scalar NFC neither decomposes nor combines with what precedes it, nor reorders across (a
    /// starter that is no second of a composition): ASCII and the rest below the combining marks, the
    /// ranges `NFCQuickCheck` knows stable, the grapheme joiner `StreamSafeText` puts into long runs
    /// of marks, and the Hangul leading consonants of decomposed syllables.
    static func isNFCBoundary(_ value: UInt32) -> Bool {
        value < 0x300 || value == 0x034F || (0x1100...0x1112).contains(value) || NFCQuickCheck.isStable(value)
    }

    /// Whether text of these UTF-8 bytes is surely in this form already (a "no" only means: apply it to find out).
    func leavesUnchanged(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        switch self {
        case .none: true
        case .nfc: NFCQuickCheck.isKnownNFC(bytes)
        case .nfkc: !bytes.contains(where: { $0 >= 0x80 })
        }
    }
}
