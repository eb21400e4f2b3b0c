/// A heading that introduces a shop's other products ("Customers also viewed", "You may also
/// like", "Recently viewed"): the block it opens lists them, beside the product of the page.
enum RecommendationHeading {
    /// Whether the heading at `index` reads as such, in its first 60 letters (case and spacing ignored).
    static func matches(_ index: Int, tree: PageTree) -> Bool {
        opens(index, tree: tree, with: phrases)
    }

    /// Whether the text of the element at `index` opens with one of `phrases` (lower case, single
    /// spaces) as whole words ("more:", not "moreover"), in its first 60 letters.
    static func opens(_ index: Int, tree: PageTree, with phrases: [[UInt8]]) -> Bool {
        openingPhrase(index, tree: tree, among: phrases) != nil
    }

    /// The first of `phrases` (in their order) that the element's text opens with, as `opens` reads it.
    static func openingPhrase(_ index: Int, tree: PageTree, among phrases: [[UInt8]]) -> [UInt8]? {
        let words = tree.foldedText(of: index, limit: 60)
        // The first byte first: most headings open with none of the phrases' first letters.
        return phrases.first { phrase in
            (phrase.isEmpty || words.first == phrase[0]) && words.starts(with: phrase)
                && (words.count == phrase.count || !Self.continuesWord(words[phrase.count]))
        }
    }

    /// A letter or digit, or a byte of a non-ASCII character (which may be a letter).
    private static func continuesWord(_ byte: UInt8) -> Bool {
        byte >= 0x80 || ASCIIByte.isLowercaseAlphanumeric(byte)
    }

    private static let phrases: [[UInt8]] = [
        "customers also", "customers who", "people also", "people who viewed", "people who bought",
        "frequently bought", "you may also like", "you might also like", "you may also be interested",
        "recently viewed", "similar items", "similar products", "related products", "complete the look",
        "shop the look",
    ].map { Array($0.utf8) }
}
