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
        case .nfc: return StreamSafeText.limited(text).precomposedStringWithCanonicalMapping
        case .nfkc: return StreamSafeText.limited(text).precomposedStringWithCompatibilityMapping
        }
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
