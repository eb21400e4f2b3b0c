/// Interlinear annotation marks a base text and its annotation, as ruby does: U+FFF9 (anchor) base
/// U+FFFA (separator) annotation U+FFFB (terminator), furigana's "漢字" and "かんじ". The annotation,
/// from a separator to the next terminator with no break between, is dropped with the marks, as clean
/// drops `<rt>`: dropping only the marks glued base and reading into one word ("漢字かんじ"). Marks
/// without their pair drop alone, so a stray separator never takes the rest of the text with it.
enum InterlinearAnnotation {
    static let separator: UInt32 = 0xFFFA
    static let terminator: UInt32 = 0xFFFB

    /// The separator or terminator whose UTF-8 (EF BF BA, EF BF BB) starts at `index`, or nil.
    @inline(__always)
    static func mark(_ bytes: ArraySlice<UInt8>, at index: Int) -> UInt32? {
        guard bytes[index] == 0xEF, index + 2 < bytes.endIndex, bytes[index + 1] == 0xBF else { return nil }
        let last = bytes[index + 2]
        return last == 0xBA ? separator : last == 0xBB ? terminator : nil
    }

    /// `text` without its annotations, the marks kept for `InvisibleCharacters` to drop (the same
    /// string when it has no separator).
    static func removing(from text: String) -> String {
        guard text.utf8.contains(0xEF), text.unicodeScalars.contains(where: { $0.value == separator }) else { return text }
        var kept: [Unicode.Scalar] = []
        var start: Int?
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case separator where start == nil:
                start = kept.count
            case terminator:
                if let start { kept.removeSubrange(start...) }
                start = nil
            case _ where LineBreak.isBreak(scalar.value):
                start = nil
            default:
                break
            }
            kept.append(scalar)
        }
        var result = String.UnicodeScalarView()
        result.append(contentsOf: kept)
        return String(result)
    }
}
