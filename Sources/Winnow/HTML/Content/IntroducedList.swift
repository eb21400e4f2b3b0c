/// What `colon-lists` keeps after a colon: a list (of items, rows, code, or two links or more), not a
/// single link, which is a button or a teaser ("Weiter »", "Zurück zur Startseite", a headline).
/// Every element's answer is found in two passes over the page, so that blocks nested in each other
/// after one colon do not read the same subtree again each.
struct IntroducedList {
    /// Per node: whether the block is a list, holds one, or sits in one (an item's box, a cell, code).
    private var lists: [Bool]

    init(_ nodes: [PageNode]) {
        let count = nodes.count
        // Per subtree: whether it holds a list's or code's element, and how many links.
        var holdsList = [Bool](repeating: false, count: count)
        var links = [Int32](repeating: 0, count: count)
        for index in stride(from: count - 1, through: 0, by: -1) {
            let tag = nodes[index].tag
            if Self.isListTag(tag) || Self.isCodeTag(tag) { holdsList[index] = true }
            if tag == .a { links[index] += 1 }
            let parent = Int(nodes[index].parent)
            guard parent >= 0 else { continue }
            holdsList[parent] = holdsList[parent] || holdsList[index]
            links[parent] += links[index]
        }
        var lists = [Bool](repeating: false, count: count)
        var code = EnclosedNodes(nodes) { Self.isCodeTag(nodes[$0].tag) }
        for index in 1..<max(count, 1) {
            lists[index] =
                holdsList[index] || links[index] >= ContentThresholds.colonListLinks
                || Self.isItemTag(nodes[Int(nodes[index].parent)].tag) || code.contains(index)
        }
        self.lists = lists
    }

    /// Whether the block at `index` (not the root) is a list, holds one, or sits in one.
    func isList(_ index: Int) -> Bool { lists[index] }

    private static func isListTag(_ tag: HTMLTag) -> Bool {
        switch tag {
        case .ul, .ol, .dl, .menu, .table, .li, .dt, .dd, .tr: true
        default: false
        }
    }

    private static func isItemTag(_ tag: HTMLTag) -> Bool {
        switch tag {
        case .li, .dt, .dd, .tr, .td: true
        default: false
        }
    }

    private static func isCodeTag(_ tag: HTMLTag) -> Bool { tag == .pre || tag == .code }
}
