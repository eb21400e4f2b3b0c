/// Short blocks of the content whose whole text is a label (an ad slot's, a control's), written as a
/// block of their own: what `AdLabel` and `ControlLabel` share.
struct LabelBlocks {
    /// The labels, lower case (a capital beyond ASCII written as it appears).
    let labels: [[UInt8]]
    /// The longest block, in characters of text, that can be a label.
    let maxChars: Int32
    /// Marks taken off around a label besides spaces, dashes, colons and brackets.
    var alsoTrimmed: Set<UInt8> = []
    /// Whether a block inside a list or a table is left alone too, not only a list or an item itself.
    var sparesListContents = false
    /// A block of more elements than this is no label: a label is a few words in an element or two, and
    /// reading each short block's whole subtree made a page of deeply nested elements quadratic.
    static let maxNodes = 64

    /// Drops each block of the content, not a list or an item of one, whose whole text is a label
    /// (case, spacing and the marks around it ignored).
    func drop(_ include: inout [Bool], tree: PageTree, stats: BlockStats) {
        let nodes = tree.nodes
        var runs = FoldedRuns()
        // The nodes inside a list, a table or an item of one.
        var listContents = EnclosedNodes(nodes) { Self.isListOrItem(nodes[$0].tag) }
        var index = 1
        while index < nodes.count {
            let node = nodes[index]
            // An item of a list or a table ("Branding, Advertising, Illustration") is an entry, not a label.
            guard include[index], node.tag != .text, node.tag.layout != .inline, !Self.isListOrItem(node.tag),
                stats.chars[index] > 0, stats.chars[index] <= maxChars, Int(node.end) - index <= Self.maxNodes,
                isLabel(index, tree: tree, include: include, runs: &runs),
                !sparesListContents || !listContents.contains(index)
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
    /// (and `alsoTrimmed`) and the dashes around it are taken off.
    private func isLabel(_ index: Int, tree: PageTree, include: [Bool], runs: inout FoldedRuns) -> Bool {
        let words = runs.foldedText(of: index, tree: tree) { include[$0] }
        func trim(_ text: inout ArraySlice<UInt8>) {
            while let first = text.first, Self.trimmed.contains(first) || alsoTrimmed.contains(first) { text = text.dropFirst() }
            while let last = text.last, Self.trimmed.contains(last) || alsoTrimmed.contains(last) { text = text.dropLast() }
        }
        var text = words[...]
        trim(&text)
        for dash in Self.dashes {
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
}
