/// What `colon-lists` keeps after a colon: a list (of items, rows, code, or two links or more), not a
/// single link, which is a button or a teaser ("Weiter »", "Zurück zur Startseite", a headline).
enum IntroducedList {
    /// Whether the block at `index` is a list, holds one, or sits in one (an item's box, a cell, code).
    static func isList(_ index: Int, nodes: [PageNode]) -> Bool {
        var links = 0
        for inner in index..<Int(nodes[index].end) {
            if listTags.contains(nodes[inner].tag) || codeTags.contains(nodes[inner].tag) { return true }
            if nodes[inner].tag == .a { links += 1 }
        }
        if links >= ContentThresholds.colonListLinks || itemTags.contains(nodes[Int(nodes[index].parent)].tag) { return true }
        var ancestor = Int(nodes[index].parent)
        while ancestor > 0 {
            if codeTags.contains(nodes[ancestor].tag) { return true }
            ancestor = Int(nodes[ancestor].parent)
        }
        return false
    }

    private static let listTags: Set<HTMLTag> = [.ul, .ol, .dl, .menu, .table, .li, .dt, .dd, .tr]
    private static let itemTags: Set<HTMLTag> = [.li, .dt, .dd, .tr, .td]
    private static let codeTags: Set<HTMLTag> = [.pre, .code]
}
