/// One element or text run of a `PageTree`.
struct PageNode: Equatable {
    /// The element, or `.text` for a text run.
    var tag: HTMLTag
    /// What the element's tag, role and class/id say about it.
    var hint: ContentHint
    /// The enclosing element's index; -1 for the root.
    var parent: Int32
    /// One past the last node of this node's subtree.
    var end: Int32
    /// For a text run: its bytes in `PageTree.text`.
    var textStart: Int32
    var textEnd: Int32
}

extension [PageNode] {
    /// Whether `index` is `root` or inside its subtree (nodes are in document order, a subtree ends at `end`).
    func isWithin(_ index: Int, subtreeOf root: Int) -> Bool {
        root <= index && index < Int(self[root].end)
    }
}
