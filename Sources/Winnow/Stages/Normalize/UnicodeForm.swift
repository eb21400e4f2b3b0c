import Foundation

extension NormalizeOptions.UnicodeForm {
    /// `text` in this form. NFC first asks the quick check, so that text already in NFC (nearly all
    /// of it) is only scanned; NFKC skips ASCII text. Shared by the normalize and clean stages.
    func applied(to text: String) -> String {
        switch self {
        case .none:
            return text
        case .nfc:
            var text = text
            if text.withUTF8({ NFCQuickCheck.isKnownNFC($0) }) { return text }
            return text.precomposedStringWithCanonicalMapping
        case .nfkc:
            if !text.utf8.contains(where: { $0 >= 0x80 }) { return text }
            return text.precomposedStringWithCompatibilityMapping
        }
    }
}
