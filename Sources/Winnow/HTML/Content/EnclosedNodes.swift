/// Which nodes sit inside an element of a kind (a list, a note, a quote), found in one pass down the
/// page on the first question: a rule that asked each of many blocks by walking to the root was
/// quadratic on a page of deeply nested elements.
struct EnclosedNodes {
    private let nodes: [PageNode]
    /// Whether an element is of the kind.
    private let encloses: (PageNode) -> Bool
    /// Per node: an ancestor below the root is of the kind; empty until the first question.
    private var enclosed: [Bool] = []

    init(_ nodes: [PageNode], by encloses: @escaping (PageNode) -> Bool) {
        self.nodes = nodes
        self.encloses = encloses
    }

    /// Whether an ancestor of the node at `index`, other than the root, is of the kind.
    mutating func contains(_ index: Int) -> Bool {
        if enclosed.isEmpty {
            // A parent comes before its children: its answer is known when theirs is asked.
            enclosed = [Bool](repeating: false, count: nodes.count)
            for node in nodes.indices.dropFirst() {
                let parent = Int(nodes[node].parent)
                enclosed[node] = parent > 0 && (encloses(nodes[parent]) || enclosed[parent])
            }
        }
        return enclosed[index]
    }
}
