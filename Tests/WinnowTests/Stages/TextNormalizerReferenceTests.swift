import Testing
import WinnowTestSupport

@testable import Winnow

/// The normalizer's one-pass fold (with its eight-byte runs of plain ASCII) against a reference
/// written line by line from the options' definitions, on random texts under every combination of
/// the whitespace options.
@Suite struct TextNormalizerReferenceTests {
    /// Pieces that reach every rule: plain ASCII runs longer and shorter than eight bytes, single and
    /// double spaces, tabs and Unicode spaces, every line break, CR before LF, controls and invisible
    /// characters (dropped or kept), non-ASCII letters.
    static let pieces = [
        "a", "Zq", "word", "longer words here", "0123456789.,;:!?", "x y z w v u t s", " ", "  ", "\t", "\u{A0}",
        "\u{3000}", "\n", "\r\n", "\r", "\u{0B}", "\u{85}", "\u{2028}", "\u{07}", "\u{7F}", "\u{9F}", "\u{AD}",
        "\u{200B}", "é", "漢字", "😀", "a b", "ab cd ef gh", "~", "\u{7F}x", "\u{200D}", "\u{200C}",
    ]

    /// Variation selectors, for the fold only: the NFC quick check leaves them open.
    static let selectors = ["\u{FE0F}", "\u{E0100}"]

    static func randomText(_ random: inout SeededRandom, from pieces: [String] = pieces) -> String {
        (0..<Int(random.next() % 40)).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined()
    }

    /// The definition: lines split at breaks (CR LF is one, even with a dropped character after the
    /// CR it is two), dropped characters removed, space runs folded or kept, lines trimmed, lines
    /// without content blank, at most `maxBlankLines` blank lines between two with content, none
    /// before the first or after the last. With `removeInvisible`, a joiner stays only where the
    /// nearest other characters of its line on both sides (not counting joiners) are content, and a
    /// variation selector only where the last character of its line kept before it is content.
    static func reference(_ text: String, _ options: NormalizeOptions) -> String {
        enum Unit { case content(Unicode.Scalar), space(Unicode.Scalar) }
        var lines: [[Unit]] = [[]]
        var previous: UInt32?
        for scalar in text.unicodeScalars {
            let value = scalar.value
            defer { previous = value }
            if value == 0x0A && previous == 0x0D { continue }
            switch value {
            case 0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029: lines.append([])
            case 0x09, 0x20, 0xA0, 0x1680, 0x2000...0x200A, 0x202F, 0x205F, 0x3000:
                lines[lines.count - 1].append(.space(scalar))
            case 0x00...0x1F where options.removeControl, 0x7F...0x9F where options.removeControl: break
            case _ where options.removeInvisible && InvisibleCharacters.isRemoved(value): break
            default: lines[lines.count - 1].append(.content(scalar))
            }
        }
        func isJoiner(_ unit: Unit) -> Bool {
            if case .content(let scalar) = unit { InvisibleCharacters.isJoiner(scalar.value) } else { false }
        }
        func isContent(_ unit: Unit?) -> Bool {
            if case .content = unit { true } else { false }
        }
        func isVariationSelector(_ unit: Unit) -> Bool {
            if case .content(let scalar) = unit { InvisibleCharacters.isVariationSelector(scalar.value) } else { false }
        }
        if options.removeInvisible {
            lines = lines.map { units in
                var kept: [Unit] = []
                for (index, unit) in units.enumerated() {
                    if isVariationSelector(unit) {
                        if isContent(kept.last) { kept.append(unit) }
                    } else if isJoiner(unit) {
                        let before = kept.last { !isJoiner($0) }, after = units[(index + 1)...].first { !isJoiner($0) }
                        if isContent(before) && isContent(after) { kept.append(unit) }
                    } else {
                        kept.append(unit)
                    }
                }
                return kept
            }
        }
        let rendered: [String?] = lines.map { units in
            guard units.contains(where: { if case .content = $0 { true } else { false } }) else { return nil }
            var line = ""
            var run = ""
            var seenContent = false
            for unit in units {
                switch unit {
                case .space(let scalar): run.unicodeScalars.append(scalar)
                case .content(let scalar):
                    if !run.isEmpty && (seenContent || !options.trimLines) { line += options.foldSpaces ? " " : run }
                    run = ""
                    line.unicodeScalars.append(scalar)
                    seenContent = true
                }
            }
            if !run.isEmpty && !options.trimLines { line += options.foldSpaces ? " " : run }
            return line
        }
        var output = ""
        var lastContent: Int?
        for (index, line) in rendered.enumerated() {
            guard let line else { continue }
            if let lastContent { output += String(repeating: "\n", count: min(index - lastContent, options.maxBlankLines + 1)) }
            output += line
            lastContent = index
        }
        return output
    }

    @Test func foldEqualsTheReference() {
        var random = SeededRandom.forTest(31)
        for round in 0..<4_000 {
            var options = NormalizeOptions()
            options.unicode = .none
            options.foldSpaces = round & 1 == 0
            options.trimLines = round & 2 == 0
            options.removeControl = round & 4 == 0
            options.removeInvisible = round & 8 == 0
            options.maxBlankLines = (round >> 4) % 3
            let text = Self.randomText(&random, from: Self.pieces + Self.selectors)
            let expected = Self.reference(text, options)
            let actual = TextNormalizer(options: options).normalize(text)
            #expect(
                actual == expected,
                "\(options.foldSpaces) \(options.trimLines) \(options.removeControl) \(options.removeInvisible) \(options.maxBlankLines) \(text.unicodeScalars.map { String($0.value, radix: 16) }) got \(actual.unicodeScalars.map { String($0.value, radix: 16) }) want \(expected.unicodeScalars.map { String($0.value, radix: 16) })"
            )
        }
    }

    /// The read-only check says "normal" exactly when normalising leaves the text as it is (the pieces
    /// hold no scalar whose NFC the quick check leaves open), with NFC and without a Unicode form.
    @Test func normalCheckAgreesWithNormalising() {
        var random = SeededRandom.forTest(33)
        var normal = 0
        for round in 0..<20_000 {
            var options = NormalizeOptions()
            options.unicode = round & 1 == 0 ? .nfc : .none
            let normalizer = TextNormalizer(options: options)
            // Half the texts are built from pieces that are often normal already, so both answers occur.
            let text =
                round & 2 == 0
                ? Self.randomText(&random)
                : (0..<Int(random.next() % 12)).map { _ in
                    ["word", "longer words here", " ", "\n", "\n\n", "é", "漢字", "a b", "~", "x y z w v u t s"][
                        Int(random.next() % 10)]
                }.joined()
            let isNormal = Array(text.utf8).withUnsafeBufferPointer { normalizer.isNormal($0) }
            #expect(isNormal == (normalizer.normalize(text) == text), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
            if isNormal { normal += 1 }
        }
        #expect(normal > 2_000)
        // Other options, and text whose NFC is left open, are never claimed.
        var nfkc = NormalizeOptions()
        nfkc.unicode = .nfkc
        #expect(!Array("plain".utf8).withUnsafeBufferPointer { TextNormalizer(options: nfkc).isNormal($0) })
        #expect(!Array("e\u{0301}".utf8).withUnsafeBufferPointer { TextNormalizer().isNormal($0) })
    }

    @Test func plainRunsAreExactlyTheSafeWords() {
        var random = SeededRandom.forTest(32)
        let bytes: [UInt8] = [0x00, 0x09, 0x0A, 0x1F, 0x20, 0x21, 0x41, 0x61, 0x7E, 0x7F, 0x80, 0xC3, 0xFF]
        for _ in 0..<50_000 {
            let word = (0..<8).map { _ in bytes[Int(random.next() % UInt64(bytes.count))] }
            let value = word.enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << UInt64(8 * $1.offset) }
            let printable = word.allSatisfy { $0 >= 0x20 && $0 <= 0x7E }
            let doubleSpace = (0..<7).contains { word[$0] == 0x20 && word[$0 + 1] == 0x20 }
            #expect(TextNormalizer.isPlainRun(value) == (printable && !doubleSpace && word[7] != 0x20), "\(word)")
        }
    }
}
