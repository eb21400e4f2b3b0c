/// Whether a subtree holds included text (a text run with characters), answered in constant time
/// after one pass: rules that read each nested heading's whole subtree were quadratic. The answers are
/// those of `include` as it was passed; a rule may drop nodes after, as long as it asks only of nodes
/// whose subtrees it has not touched since.
struct SubtreeText {
    /// How many included text runs with characters come before each node (one more entry than nodes).
    private var runsBefore: [Int32]

    init(include: [Bool], nodes: [PageNode], stats: BlockStats) {
        runsBefore = [Int32](repeating: 0, count: nodes.count + 1)
        for index in nodes.indices {
            let counts = include[index] && nodes[index].tag == .text && stats.chars[index] > 0
            runsBefore[index + 1] = runsBefore[index] + (counts ? 1 : 0)
        }
    }

    /// Whether the node at `index` or its subtree holds included text.
    func holdsText(_ index: Int, nodes: [PageNode]) -> Bool { runsBefore[Int(nodes[index].end)] > runsBefore[index] }
}
