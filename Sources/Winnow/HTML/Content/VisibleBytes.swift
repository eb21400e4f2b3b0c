/// Bytes of a page's text runs that are not white space, and their ASCII digits, each run counted the
/// first time a rule asks for it: a rule that asks of the same runs again and again reads each once.
struct VisibleBytes {
    /// Per node: a text run's count, or -1 until it is asked for.
    private var bytes: [Int32]
    private var digits: [Int32]

    init(_ tree: PageTree) {
        bytes = [Int32](repeating: -1, count: tree.nodes.count)
        digits = [Int32](repeating: 0, count: tree.nodes.count)
    }

    /// The text run's bytes that are not white space, and its digits.
    mutating func ofRun(_ index: Int, in tree: PageTree) -> (bytes: Int, digits: Int) {
        if bytes[index] < 0 {
            var visible: Int32 = 0
            var digitCount: Int32 = 0
            let node = tree.nodes[index]
            for byte in tree.text[Int(node.textStart)..<Int(node.textEnd)] where !ASCIIByte.isSpace(byte) {
                visible += 1
                if ASCIIByte.isDigit(byte) { digitCount += 1 }
            }
            bytes[index] = visible
            digits[index] = digitCount
        }
        return (Int(bytes[index]), Int(digits[index]))
    }

    /// Whether the element holds a byte of text that is not white space.
    mutating func hasAny(in element: Int, of tree: PageTree) -> Bool {
        for index in element..<Int(tree.nodes[element].end) where tree.nodes[index].tag == .text {
            if ofRun(index, in: tree).bytes > 0 { return true }
        }
        return false
    }
}
