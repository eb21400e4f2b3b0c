/// The light edits a site makes when it republishes another's article: a near-duplicate copy whose
/// article body differs a little from the original.
public enum SyndicationEdit: CaseIterable, Sendable {
    /// A dateline before the first paragraph ("OSLO (Agency) — ").
    case dateline
    /// The closing paragraph dropped (articles of five paragraphs or more).
    case dropLastParagraph
    /// Straight quotes and apostrophes turned typographic.
    case typographicQuotes
    /// Two neighbouring letters of one word swapped.
    case typo

    public func apply(to paragraphs: [String], random: inout SeededRandom) -> [String] {
        var paragraphs = paragraphs
        switch self {
        case .dateline:
            let city = NewsSite.cities.randomElement(using: &random)!.uppercased()
            let agency = ["Agency", "Wire", "Press Service"].randomElement(using: &random)!
            paragraphs[0] = "\(city) (\(agency)) — " + paragraphs[0]
        case .dropLastParagraph:
            if paragraphs.count >= 5 { paragraphs.removeLast() }
        case .typographicQuotes:
            paragraphs = paragraphs.map { paragraph in
                var open = true
                return String(
                    paragraph.map { character -> Character in
                        switch character {
                        case "\"":
                            defer { open.toggle() }
                            return open ? "“" : "”"
                        case "'": return "’"
                        default: return character
                        }
                    })
            }
        case .typo:
            let index = Int.random(in: 0..<paragraphs.count, using: &random)
            var words = paragraphs[index].split(separator: " ", omittingEmptySubsequences: false).map(String.init)
            let long = words.indices.filter { words[$0].count >= 6 && words[$0].allSatisfy(\.isLetter) }
            if let word = long.randomElement(using: &random) {
                var letters = Array(words[word])
                let at = Int.random(in: 1..<(letters.count - 2), using: &random)
                letters.swapAt(at, at + 1)
                words[word] = String(letters)
                paragraphs[index] = words.joined(separator: " ")
            }
        }
        return paragraphs
    }
}
