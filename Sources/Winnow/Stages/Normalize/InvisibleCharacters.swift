/// The invisible format characters that text output never carries: they split a word for every
/// tokenizer ("Wäh\u{AD}rend") and mean nothing once the text is not laid out. Declared once: the
/// normalize stage drops them (`remove_invisible`) and the clean stage's renderer never writes them.
enum InvisibleCharacters {
    /// Soft hyphen, zero-width space, word joiner and the invisible operators, byte order mark,
    /// Mongolian vowel separator, the bidirectional marks, embeddings and isolates, the deprecated
    /// format characters (U+206A–206F), the interlinear annotation marks (U+FFF9–FFFB), the musical
    /// symbols' format characters (U+1D173–1D17A), the shorthand format controls (U+1BCA0–1BCA3),
    /// the deprecated language tag (U+E0001) and the noncharacters (U+FDD0–FDEF and the last two of
    /// every plane), a program's own codes that stand for nothing in text (libxml2 drops U+FFFE and
    /// U+FFFF already). Kept, because they change what the text says: the zero-width joiner and
    /// non-joiner (emoji sequences, Persian and Indic spelling) between two characters (`isJoiner`),
    /// variation selectors after a character (`isVariationSelector`) and the other tag characters
    /// (emoji flags).
    @inline(__always)
    static func isRemoved(_ value: UInt32) -> Bool {
        switch value {
        case 0xAD, 0x061C, 0x180E, 0x200B, 0x200E, 0x200F, 0x202A...0x202E, 0x2060...0x2064, 0x2066...0x206F, 0xFDD0...0xFDEF,
            0xFEFF, 0xFFF9...0xFFFB, 0x1BCA0...0x1BCA3, 0x1D173...0x1D17A, 0xE0001:
            true
        default:
            value & 0xFFFE == 0xFFFE
        }
    }

    /// The byte length of the removed character that starts at `index` of valid UTF-8, or 0 when the
    /// character there stays. Only the lead bytes of removed characters are decoded.
    @inline(__always)
    static func removedLength(_ bytes: ArraySlice<UInt8>, at index: Int) -> Int {
        let length: Int
        switch bytes[index] {
        case 0xC2, 0xD8: length = 2
        case 0xE1, 0xE2, 0xEF: length = 3
        case 0xF0...0xF4: length = 4
        default: return 0
        }
        return scalarValue(bytes, at: index, length: length).map(isRemoved) == true ? length : 0
    }

    /// The value of the scalar of `length` bytes (2 to 4) that starts at `index` of valid UTF-8; nil when
    /// the bytes end before it does.
    @inline(__always)
    private static func scalarValue(_ bytes: ArraySlice<UInt8>, at index: Int, length: Int) -> UInt32? {
        guard index + length <= bytes.endIndex else { return nil }
        var value = UInt32(bytes[index] & (0x7F >> length))
        for offset in 1..<length { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
        return value
    }

    /// The zero-width joiner and non-joiner (U+200D, U+200C) join the characters on either side; one
    /// next to white space, a line's end or another break joins nothing and is not written either
    /// (a CMS's empty paragraph of one joiner).
    @inline(__always)
    static func isJoiner(_ value: UInt32) -> Bool {
        value == 0x200C || value == 0x200D
    }

    /// A variation selector (U+180B–180D, U+180F, U+FE00–FE0F, U+E0100–E01EF) picks a glyph for the
    /// character before it; one after white space, a break or nothing selects for nothing and is not
    /// written either (as a joiner that joins nothing).
    @inline(__always)
    static func isVariationSelector(_ value: UInt32) -> Bool {
        switch value {
        case 0x180B...0x180D, 0x180F, 0xFE00...0xFE0F, 0xE0100...0xE01EF: true
        default: false
        }
    }

    /// The byte length of the variation selector that starts at `index` of valid UTF-8, or 0.
    @inline(__always)
    static func variationSelectorLength(_ bytes: ArraySlice<UInt8>, at index: Int) -> Int {
        let length: Int
        switch bytes[index] {
        case 0xE1, 0xEF: length = 3
        case 0xF3: length = 4
        default: return 0
        }
        return scalarValue(bytes, at: index, length: length).map(isVariationSelector) == true ? length : 0
    }

    /// The byte length of the joiner that starts at `index` of valid UTF-8 (3), or 0.
    @inline(__always)
    static func joinerLength(_ bytes: ArraySlice<UInt8>, at index: Int) -> Int {
        guard bytes[index] == 0xE2, index + 2 < bytes.endIndex, bytes[index + 1] == 0x80 else { return 0 }
        return bytes[index + 2] == 0x8C || bytes[index + 2] == 0x8D ? 3 : 0
    }

    /// `text` without its removed characters and control characters (`ControlCharacters`), its
    /// interlinear annotations (`InterlinearAnnotation`), joiners that join nothing and variation
    /// selectors that select for nothing (the same string when it has none): for a page's title and
    /// description, which no renderer writes.
    static func removing(from text: String) -> String {
        droppingUnattached(removingCharacters(from: InterlinearAnnotation.removing(from: text)))
    }

    /// `text` without the joiners whose nearest other characters (not joiners) on either side are not
    /// both content (white space, or the text's start or end, is on one side), nor the variation
    /// selectors after white space or at the start.
    private static func droppingUnattached(_ text: String) -> String {
        // Their UTF-8 starts with 0xE1, 0xE2, 0xEF or 0xF3: most texts have none, and are not split into scalars.
        guard text.utf8.contains(where: { $0 == 0xE2 || $0 == 0xEF || $0 == 0xE1 || $0 == 0xF3 }) else { return text }
        let scalars = Array(text.unicodeScalars)
        guard scalars.contains(where: { isJoiner($0.value) || isVariationSelector($0.value) }) else { return text }
        // Whether content comes after each place, from the end, joiners passed over.
        var contentAfter = [Bool](repeating: false, count: scalars.count)
        var next = false
        for index in scalars.indices.reversed() {
            contentAfter[index] = next
            if !isJoiner(scalars[index].value) { next = !scalars[index].properties.isWhitespace }
        }
        var kept = String.UnicodeScalarView()
        var contentBefore = false
        for (index, scalar) in scalars.enumerated() {
            if isJoiner(scalar.value) {
                if contentBefore && contentAfter[index] { kept.append(scalar) }
                continue
            }
            if isVariationSelector(scalar.value) {
                if contentBefore { kept.append(scalar) }
                continue
            }
            contentBefore = !scalar.properties.isWhitespace
            kept.append(scalar)
        }
        return String(kept)
    }

    /// `text` without its removed characters and control characters (the same string when it has none).
    private static func removingCharacters(from text: String) -> String {
        let bytes = ArraySlice(text.utf8)
        var kept: [UInt8] = []
        var copied = bytes.startIndex
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let length =
                bytes[index] < 0xC2
                ? ControlCharacters.removedLength(bytes, at: index)
                : max(ControlCharacters.removedLength(bytes, at: index), removedLength(bytes, at: index))
            if length > 0 {
                kept.append(contentsOf: bytes[copied..<index])
                copied = index + length
                index += length
            } else {
                index += 1
            }
        }
        guard copied > bytes.startIndex else { return text }
        kept.append(contentsOf: bytes[copied...])
        return String(decoding: kept, as: UTF8.self)
    }
}
