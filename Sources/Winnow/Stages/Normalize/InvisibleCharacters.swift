/// The invisible format characters that text output never carries: they split a word for every
/// tokenizer ("Wäh\u{AD}rend") and mean nothing once the text is not laid out. Declared once: the
/// normalize stage drops them (`remove_invisible`) and the clean stage's renderer never writes them.
enum InvisibleCharacters {
    /// Soft hyphen, zero-width space, word joiner and the invisible operators, byte order mark,
    /// Mongolian vowel separator, the bidirectional marks, embeddings and isolates, the deprecated
    /// format characters (U+206A–206F), the interlinear annotation marks (U+FFF9–FFFB), the musical
    /// symbols' format characters (U+1D173–1D17A), the shorthand format controls (U+1BCA0–1BCA3) and
    /// the deprecated language tag (U+E0001). Kept,
    /// because they change what the text says: the zero-width joiner and non-joiner (emoji sequences,
    /// Persian and Indic spelling) between two characters (`isJoiner`), variation selectors and the
    /// other tag characters (emoji flags).
    @inline(__always)
    static func isRemoved(_ value: UInt32) -> Bool {
        switch value {
        case 0xAD, 0x061C, 0x180E, 0x200B, 0x200E, 0x200F, 0x202A...0x202E, 0x2060...0x2064, 0x2066...0x206F, 0xFEFF,
            0xFFF9...0xFFFB, 0x1BCA0...0x1BCA3, 0x1D173...0x1D17A, 0xE0001:
            true
        default:
            false
        }
    }

    /// The byte length of the removed character that starts at `index` of valid UTF-8, or 0 when the
    /// character there stays. Only the lead bytes of removed characters are decoded.
    @inline(__always)
    static func removedLength(_ bytes: ArraySlice<UInt8>, at index: Int) -> Int {
        let lead = bytes[index]
        switch lead {
        case 0xC2, 0xD8:
            guard index + 1 < bytes.endIndex else { return 0 }
            return isRemoved(UInt32(lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F)) ? 2 : 0
        case 0xE1, 0xE2, 0xEF:
            guard index + 2 < bytes.endIndex else { return 0 }
            let value = UInt32(lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F)
            return isRemoved(value) ? 3 : 0
        case 0xF0, 0xF3:
            guard index + 3 < bytes.endIndex else { return 0 }
            let value =
                UInt32(lead & 0x07) << 18 | UInt32(bytes[index + 1] & 0x3F) << 12 | UInt32(bytes[index + 2] & 0x3F) << 6
                | UInt32(bytes[index + 3] & 0x3F)
            return isRemoved(value) ? 4 : 0
        default:
            return 0
        }
    }

    /// The zero-width joiner and non-joiner (U+200D, U+200C) join the characters on either side; one
    /// next to white space, a line's end or another break joins nothing and is not written either
    /// (a CMS's empty paragraph of one joiner).
    @inline(__always)
    static func isJoiner(_ value: UInt32) -> Bool {
        value == 0x200C || value == 0x200D
    }

    /// The byte length of the joiner that starts at `index` of valid UTF-8 (3), or 0.
    @inline(__always)
    static func joinerLength(_ bytes: ArraySlice<UInt8>, at index: Int) -> Int {
        guard bytes[index] == 0xE2, index + 2 < bytes.endIndex, bytes[index + 1] == 0x80 else { return 0 }
        return bytes[index + 2] == 0x8C || bytes[index + 2] == 0x8D ? 3 : 0
    }

    /// `text` without its removed characters, nor joiners that join nothing (the same string when it
    /// has neither): for a page's title and description, which no renderer writes.
    static func removing(from text: String) -> String {
        droppingJoinersThatJoinNothing(removingCharacters(from: text))
    }

    /// `text` without the joiners whose nearest other characters (not joiners) on either side are not
    /// both content: white space, or the text's start or end, is on one side.
    private static func droppingJoinersThatJoinNothing(_ text: String) -> String {
        // A joiner's UTF-8 starts with 0xE2: most texts have none, and are not split into scalars.
        guard text.utf8.contains(0xE2) else { return text }
        let scalars = Array(text.unicodeScalars)
        guard scalars.contains(where: { isJoiner($0.value) }) else { return text }
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
            contentBefore = !scalar.properties.isWhitespace
            kept.append(scalar)
        }
        return String(kept)
    }

    /// `text` without its removed characters (the same string when it has none).
    private static func removingCharacters(from text: String) -> String {
        let bytes = ArraySlice(text.utf8)
        var kept: [UInt8] = []
        var copied = bytes.startIndex
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let length = bytes[index] < 0xC2 ? 0 : removedLength(bytes, at: index)
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
