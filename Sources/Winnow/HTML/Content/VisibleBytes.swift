/// Bytes of a page's text that are not white space, in each node's subtree, and the digits of each
/// text run: counted in one pass, for rules that ask of the same text runs again and again.
struct VisibleBytes {
    /// The subtree's bytes that are not white space.
    let subtree: [Int32]
    /// A text run's ASCII digits.
    let digits: [Int32]

    init(_ tree: PageTree) {
        let nodes = tree.nodes
        var subtree = [Int32](repeating: 0, count: nodes.count)
        var digits = [Int32](repeating: 0, count: nodes.count)
        for index in nodes.indices.reversed() {
            let node = nodes[index]
            if node.tag == .text {
                for byte in tree.text[Int(node.textStart)..<Int(node.textEnd)] where !ASCIIByte.isSpace(byte) {
                    subtree[index] += 1
                    if ASCIIByte.isDigit(byte) { digits[index] += 1 }
                }
            }
            if node.parent >= 0 { subtree[Int(node.parent)] += subtree[index] }
        }
        self.subtree = subtree
        self.digits = digits
    }
}
