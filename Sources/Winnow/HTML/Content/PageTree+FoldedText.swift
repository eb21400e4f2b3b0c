extension PageTree {
    /// The text of the element at `index`, ASCII lower-cased and runs of whitespace folded into one
    /// space (none leading), from the text nodes `included` keeps; reading stops once `limit` bytes are
    /// written, inside a text node too. The form in which the rules compare a block's text with their phrases.
    func foldedText(of index: Int, limit: Int = .max, included: (Int) -> Bool = { _ in true }) -> [UInt8] {
        var words: [UInt8] = []
        // Room for a heading's or a label's text at once, instead of six doublings from empty.
        words.reserveCapacity(min(limit, 64))
        var space = true
        for inner in index..<Int(nodes[index].end) where nodes[inner].tag == .text && included(inner) {
            let node = nodes[inner]
            for byte in text[Int(node.textStart)..<Int(node.textEnd)] {
                if ASCIIByte.isSpace(byte) {
                    if !space { words.append(0x20) }
                    space = true
                } else {
                    words.append(ASCIIByte.lowercased(byte))
                    space = false
                }
                if words.count >= limit { return words }
            }
        }
        return words
    }
}
