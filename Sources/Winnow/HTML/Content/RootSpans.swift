/// Where a set of roots lies in a page's nodes, each question answered in constant time after one pass.
struct RootSpans {
    private var isRoot: [Bool]
    /// How many roots' subtrees hold each node.
    private var depth: [Int32]
    /// How many roots come before each node (one more entry than nodes).
    private var rootsBefore: [Int32]

    init(_ roots: [Int], nodes: [PageNode]) {
        isRoot = [Bool](repeating: false, count: nodes.count)
        var opened = [Int32](repeating: 0, count: nodes.count + 1)
        for root in roots {
            isRoot[root] = true
            opened[root] += 1
            opened[Int(nodes[root].end)] -= 1
        }
        depth = [Int32](repeating: 0, count: nodes.count)
        rootsBefore = [Int32](repeating: 0, count: nodes.count + 1)
        var open: Int32 = 0
        for index in nodes.indices {
            open += opened[index]
            depth[index] = open
            rootsBefore[index + 1] = rootsBefore[index] + (isRoot[index] ? 1 : 0)
        }
    }

    /// Whether `index` is one of the roots.
    func contains(_ index: Int) -> Bool { isRoot[index] }

    /// Whether `index` is a root or inside one's subtree.
    func covers(_ index: Int) -> Bool { depth[index] > 0 }

    /// Whether a root is `index` or inside its subtree.
    func holdsRoot(_ index: Int, nodes: [PageNode]) -> Bool { rootsBefore[Int(nodes[index].end)] > rootsBefore[index] }
}
