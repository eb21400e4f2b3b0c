/// For each node, the first node at or after it that passes a test, found in one backward pass: a
/// rule that asks again and again whether a range holds such a node reads the page once.
struct NextMatching {
    /// Per node, and one past the last: the first index at or after it that passes; the count when none does.
    private var next: [Int32]

    init(count: Int, where matches: (Int) -> Bool) {
        var next = [Int32](repeating: Int32(count), count: count + 1)
        var found = Int32(count)
        for index in stride(from: count - 1, through: 0, by: -1) {
            if matches(index) { found = Int32(index) }
            next[index] = found
        }
        self.next = next
    }

    /// The first index at or after `index` that passes; the count when none does.
    func first(from index: Int) -> Int { Int(next[index]) }

    /// Whether an index in `range` passes.
    func any(in range: Range<Int>) -> Bool { !range.isEmpty && first(from: range.lowerBound) < range.upperBound }
}

extension NextMatching {
    /// The text runs with characters that `include` keeps: whether a node's subtree holds included text
    /// is `any(in: node..<end)`, in constant time where reading each nested heading's subtree was quadratic.
    init(includedTextOf nodes: [PageNode], include: [Bool], stats: BlockStats) {
        self.init(count: nodes.count) { include[$0] && nodes[$0].tag == .text && stats.chars[$0] > 0 }
    }
}
