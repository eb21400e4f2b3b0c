extension PageTree {
    /// The text of the element at `index`, ASCII lower-cased and runs of whitespace folded into one
    /// space (none leading), from the text nodes `included` keeps; reading stops once `limit` bytes are
    /// written, inside a text node too. The form in which the rules compare a block's text with their phrases.
    /// With a limit, reading also stops after `limit * nodesPerByte` nodes: an element asked for its opening
    /// words costs a bounded read, not its whole subtree (a heading inside a heading, 400,000 deep, read
    /// every deeper one for each: quadratic).
    func foldedText(of index: Int, limit: Int = .max, included: (Int) -> Bool = { _ in true }) -> [UInt8] {
        var words: [UInt8] = []
        // Room for a heading's or a label's text at once, instead of six doublings from empty.
        words.reserveCapacity(min(limit, 64))
        var space = true
        let end = Int(nodes[index].end)
        let last = limit < end / Self.nodesPerByte ? min(end, index + 1 + limit * Self.nodesPerByte) : end
        for inner in index..<last where nodes[inner].tag == .text && included(inner) {
            let node = nodes[inner]
            space = Self.appendFolded(text[Int(node.textStart)..<Int(node.textEnd)], after: space, to: &words, limit: limit)
            if words.count >= limit { return words }
        }
        return words
    }

    /// Nodes read for each byte of a limited `foldedText`: far more than any real heading or caption holds.
    static let nodesPerByte = 4

    /// Appends `run` folded (lower-cased, each run of whitespace one space, none after a space) to
    /// `words`, stopping once they hold `limit` bytes; returns whether what was read ends with whitespace.
    static func appendFolded(_ run: ArraySlice<UInt8>, after space: Bool, to words: inout [UInt8], limit: Int = .max) -> Bool {
        var space = space
        for byte in run {
            if ASCIIByte.isSpace(byte) {
                if !space { words.append(0x20) }
                space = true
            } else {
                words.append(ASCIIByte.lowercased(byte))
                space = false
            }
            if words.count >= limit { break }
        }
        return space
    }
}
