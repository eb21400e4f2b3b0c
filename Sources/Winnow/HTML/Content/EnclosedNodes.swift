/// Per node, the nearest element around it (not itself, not the root) of a kind (a list, a note, a
/// quote, a link, a microdata item), found in one pass down the page on the first question: a rule that
/// asked each of many blocks by walking to the root was quadratic on a page of deeply nested elements.
struct EnclosedNodes {
    private let nodes: [PageNode]
    /// Whether the element at an index is of the kind.
    private let encloses: (Int) -> Bool
    /// Per node: the nearest element of the kind around it, -1 for none; empty until the first question.
    private var nearest: [Int32] = []

    init(_ nodes: [PageNode], by encloses: @escaping (Int) -> Bool) {
        self.nodes = nodes
        self.encloses = encloses
    }

    /// The nearest element of the kind around the node at `index`, other than the root.
    mutating func nearest(_ index: Int) -> Int? {
        if nearest.isEmpty {
            // A parent comes before its children: its answer is known when theirs is asked.
            nearest = [Int32](repeating: -1, count: nodes.count)
            for node in nodes.indices.dropFirst() {
                let parent = Int(nodes[node].parent)
                guard parent > 0 else { continue }
                nearest[node] = encloses(parent) ? Int32(parent) : nearest[parent]
            }
        }
        return nearest[index] < 0 ? nil : Int(nearest[index])
    }

    /// Whether an element of the kind, other than the root, is around the node at `index`.
    mutating func contains(_ index: Int) -> Bool { nearest(index) != nil }
}
