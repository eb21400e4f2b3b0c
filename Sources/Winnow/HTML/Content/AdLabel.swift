/// The label of an advertising slot ("Advertisement", "Anzeige", "Werbung", "Publicidad", "Reklama",
/// "Sponsored"), written as a block of its own above or below the ad: the label stays in the text when
/// the ad itself (a script, an iframe, an element named as an ad) is left out.
enum AdLabel {
    /// Drops each block of the content, not a list or an item of one, whose whole text is such a label
    /// (case, spacing and the dashes, colons and brackets around it ignored).
    static func drop(_ include: inout [Bool], tree: PageTree, stats: BlockStats) {
        let nodes = tree.nodes
        var index = 1
        while index < nodes.count {
            let node = nodes[index]
            // An item of a list or a table ("Branding, Advertising, Illustration") is an entry, not a label.
            guard include[index], node.tag != .text, node.tag.layout != .inline, !Self.isListOrItem(node.tag), stats.chars[index] > 0,
                stats.chars[index] <= ContentThresholds.adLabelChars, isLabel(index, among: labels, tree: tree, include: include)
            else {
                index += 1
                continue
            }
            for inner in index..<Int(node.end) { include[inner] = false }
            index = Int(node.end)
        }
    }

    /// A list, a table, or an item of one: its short entries are entries, not labels.
    static func isListOrItem(_ tag: HTMLTag) -> Bool {
        switch tag {
        case .ul, .ol, .dl, .menu, .li, .dt, .dd, .table, .thead, .tbody, .tfoot, .tr, .td, .th: true
        default: false
        }
    }

    /// Whether the text written of the element at `index` is one of `labels`, once the `trimmed` marks
    /// (and any more given) and the dashes around it are taken off.
    static func isLabel(
        _ index: Int, among labels: [[UInt8]], tree: PageTree, include: [Bool], alsoTrimmed: Set<UInt8> = []
    ) -> Bool {
        let words = tree.foldedText(of: index) { include[$0] }
        func trim(_ text: inout ArraySlice<UInt8>) {
            while let first = text.first, trimmed.contains(first) || alsoTrimmed.contains(first) { text = text.dropFirst() }
            while let last = text.last, trimmed.contains(last) || alsoTrimmed.contains(last) { text = text.dropLast() }
        }
        var text = words[...]
        trim(&text)
        for dash in dashes {
            if text.starts(with: dash) { text = text.dropFirst(dash.count) }
            if text.reversed().starts(with: dash.reversed()) { text = text.dropLast(dash.count) }
        }
        trim(&text)
        return labels.contains { $0.elementsEqual(text) }
    }

    /// Spaces and the ASCII marks set around a label: "- Anzeige -", "[Advertisement]", "Werbung:".
    private static let trimmed: Set<UInt8> = Set(" -:|*()[]".utf8)
    /// The dashes and bullets beyond ASCII set around a label: "— Advertisement —", "• Anzeige".
    private static let dashes: [[UInt8]] = ["–", "—", "•", "·"].map { Array($0.utf8) }

    /// Labels in English, German, French, Spanish, Italian, Portuguese, Dutch, Polish and Czech,
    /// Scandinavian languages, Indonesian, Japanese and Chinese (lower case; a capital beyond ASCII is
    /// written as it appears).
    private static let labels: [[UInt8]] = [
        // English
        "advertisement", "advertisements", "advertising", "advert", "sponsored", "sponsored content",
        "continue reading below", "advertisement - continue reading below", "story continues below advertisement",
        "article continues below advertisement", "scroll to continue with content",
        // German
        "anzeige", "werbung",
        // French, Spanish, Italian, Portuguese
        "publicité", "publicitÉ", "publicidad", "pubblicità", "publicidade",
        // Dutch, Polish and Czech, Danish, Swedish and Norwegian, Indonesian
        "advertentie", "reklama", "annonce", "annons", "annonse", "iklan",
        // Japanese, Chinese
        "広告", "广告",
    ].map { Array($0.utf8) }
}
