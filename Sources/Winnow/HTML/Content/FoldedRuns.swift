/// Each text run's folded text (`PageTree.foldedText`), made once and joined for every block asked
/// of: nested blocks read the same long run of white space once, not once each.
struct FoldedRuns {
    /// By text run: whether it opens with white space, its folded text (read as after a letter), and
    /// whether it ends with white space.
    private var runs: [Int: (opensSpace: Bool, words: [UInt8], endsSpace: Bool)] = [:]

    /// What `tree.foldedText(of: index, included: included)` returns.
    mutating func foldedText(of index: Int, tree: PageTree, included: (Int) -> Bool) -> [UInt8] {
        let nodes = tree.nodes
        var words: [UInt8] = []
        var space = true
        for inner in index..<Int(nodes[index].end) where nodes[inner].tag == .text && included(inner) {
            let node = nodes[inner]
            guard node.textEnd > node.textStart else { continue }
            let run = runs[inner] ?? Self.fold(tree.text[Int(node.textStart)..<Int(node.textEnd)])
            runs[inner] = run
            words += space && run.opensSpace ? run.words.dropFirst() : run.words[...]
            space = run.endsSpace
        }
        return words
    }

    private static func fold(_ text: ArraySlice<UInt8>) -> (opensSpace: Bool, words: [UInt8], endsSpace: Bool) {
        var words: [UInt8] = []
        var space = false
        for byte in text {
            if ASCIIByte.isSpace(byte) {
                if !space { words.append(0x20) }
                space = true
            } else {
                words.append(ASCIIByte.lowercased(byte))
                space = false
            }
        }
        return (text.first.map(ASCIIByte.isSpace) ?? false, words, space)
    }
}
