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
                space = PageTree.appendFolded(text, after: space, to: &words)
                continue
            }
            let run = runs[inner] ?? Self.fold(text)
            runs[inner] = run
            words += space && run.opensSpace ? run.words.dropFirst() : run.words[...]
            space = run.endsSpace
        }
        return words
    }

    private static func fold(_ text: ArraySlice<UInt8>) -> (opensSpace: Bool, words: [UInt8], endsSpace: Bool) {
        var words: [UInt8] = []
        let endsSpace = PageTree.appendFolded(text, after: false, to: &words)
        return (text.first.map(ASCIIByte.isSpace) ?? false, words, endsSpace)
    }
}
