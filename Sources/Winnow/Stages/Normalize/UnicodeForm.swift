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
            return Self.inPieces(StreamSafeText.limited(text), splittingBefore: Self.isNFCBoundary) {
                $0.precomposedStringWithCanonicalMapping
            }
        case .nfkc:
            return Self.inPieces(StreamSafeText.limited(text), splittingBefore: { $0 < 0x80 }) {
                $0.precomposedStringWithCompatibilityMapping
            }
        }
    }

    /// Text is normalised this many bytes at a time, at least: Foundation's normalisation moves the rest
    /// of its buffer at each change, so a page of 10 MB of decomposed text took minutes in one piece.
    static let pieceBytes = 16 << 10

    /// `normalize` applied to `text` a piece at a time, each piece ending before a scalar
    /// `splittingBefore` names: one that nothing before it combines with or is reordered across, so
    /// that the pieces normalised apart give what the whole would.
    static func inPieces(
        _ text: String, splittingBefore isBoundary: (UInt32) -> Bool, _ normalize: (String) -> String
    ) -> String {
        var text = text
        guard text.utf8.count > pieceBytes else { return normalize(text) }
        return text.withUTF8 { bytes in
            var result = ""
            result.reserveCapacity(bytes.count)
            var start = 0
            while start < bytes.count {
                var end = min(start + pieceBytes, bytes.count)
                while end < bytes.count && (bytes[end] & 0xC0 == 0x80 || !isBoundary(UTF8Scalar.decode(bytes, at: end).value)) {
                    end += 1
                }
                result += normalize(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self))
                start = end
            }
            return result
        }
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
