/// Disjoint sets over 0..<count with path halving. The root of a set is always its smallest member,
/// so when members are numbered in keep-policy order the root is the document the cluster keeps, and
/// the sets do not depend on the order the unions were made in.
struct UnionFind: Sendable {
    private var parent: [UInt32]

    init(count: Int) {
        precondition(count <= Int(UInt32.max), "too many elements for 32-bit indices")
        parent = (0..<count).map { UInt32($0) }
    }

    var count: Int { parent.count }

    /// The smallest member of `element`'s set.
    mutating func find(_ element: Int) -> Int {
        var node = element
        while Int(parent[node]) != node {
            let grandparent = parent[Int(parent[node])]
            parent[node] = grandparent
            node = Int(grandparent)
        }
        return node
    }

    /// Joins the sets of `first` and `second`; returns false when they were one set already.
    @discardableResult
    mutating func union(_ first: Int, _ second: Int) -> Bool {
        let a = find(first), b = find(second)
        guard a != b else { return false }
        if a < b { parent[b] = UInt32(a) } else { parent[a] = UInt32(b) }
        return true
    }
}
