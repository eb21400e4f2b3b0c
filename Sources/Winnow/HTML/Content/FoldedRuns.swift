/// Each text run's folded text (`PageTree.foldedText`), joined for every block asked of; a long run is
/// folded once and kept, so that nested blocks read a long run of white space once, not once each.
struct FoldedRuns {
    /// Runs at least this long are kept once folded; shorter ones cost less to fold again than to keep.
    static let keptRunBytes = 1024

    /// By long text run: whether it opens with white space, its folded text (read as after a letter),
    /// and whether it ends with white space.
    private var runs: [Int: (opensSpace: Bool, words: [UInt8], endsSpace: Bool)] = [:]

    /// What `tree.foldedText(of: index, included: included)` returns.
    mutating func foldedText(of index: Int, tree: PageTree, included: (Int) -> Bool) -> [UInt8] {
        let nodes = tree.nodes
        var words: [UInt8] = []
        var space = true
        for inner in index..<Int(nodes[index].end) where nodes[inner].tag == .text && included(inner) {
            let node = nodes[inner]
            let text = tree.text[Int(node.textStart)..<Int(node.textEnd)]
            guard !text.isEmpty else { continue }
            guard text.count >= Self.keptRunBytes else {
                space = Self.fold(text, after: space, into: &words)
                continue
            }
            let run = runs[inner] ?? Self.fold(text)
            runs[inner] = run
            words += space && run.opensSpace ? run.words.dropFirst() : run.words[...]
            space = run.endsSpace
        }
        return words
    }

    /// Appends the folded `text` to `words` (no space first after a space); whether it ends with one.
    private static func fold(_ text: ArraySlice<UInt8>, after space: Bool, into words: inout [UInt8]) -> Bool {
        var space = space
        for byte in text {
            if ASCIIByte.isSpace(byte) {
                if !space { words.append(0x20) }
                space = true
            } else {
                words.append(ASCIIByte.lowercased(byte))
                space = false
            }
        }
        return space
    }

    private static func fold(_ text: ArraySlice<UInt8>) -> (opensSpace: Bool, words: [UInt8], endsSpace: Bool) {
        var words: [UInt8] = []
        let endsSpace = fold(text, after: false, into: &words)
        return (text.first.map(ASCIIByte.isSpace) ?? false, words, endsSpace)
    }
}
