/// Which rule decided each block of one page: the page is read again with each rule switched off in
/// turn, and a rule decided a block when switching it off alone flips whether the block is written.
/// Built only when asked for (`winnow clean --explain ID`), never on the extraction path.
public struct ContentExplanation: Sendable, Equatable {
    /// One block of the page (an element holding text directly or through inline elements).
    public struct Block: Sendable, Equatable {
        /// The block's text, folded and cut to `excerptLength` characters.
        public var excerpt: String
        /// Written in the page's text.
        public var kept: Bool
        /// The rules whose switch alone flips `kept`; empty when the scoring's choice stands alone.
        public var decidedBy: [ContentRule]
    }

    /// The blocks in document order.
    public var blocks: [Block]
    /// The rules switched off by the settings.
    public var disabled: [ContentRule]

    /// Characters of a block's text shown in an excerpt.
    public static let excerptLength = 72

    /// Explains `html` as `extractor` reads it; nil for a page the extractor refuses (too large, also once
    /// decoded; binary).
    public init?(_ html: HTMLContent, declaredCharset: String? = nil, extractor: HTMLExtractor) {
        guard case .read(let bytes, let isText) = extractor.admit(html, declaredCharset: declaredCharset) else { return nil }
        let rules = ContentRules.all.subtracting(extractor.settings.disabledRules)
        let page = extractor.read(bytes, isText: isText, declaredCharset: declaredCharset, rules: rules)
        if page.decoded.tooLarge { return nil }
        let owners = Self.owners(page.tree)
        let (kept, firstText) = Self.keptBlocks(page.tree, include: page.include, owners: owners)
        var decided = [Int: [ContentRule]]()
        for rule in rules.rules {
            var without = rules
            without.remove(ContentRules(rule))
            let other = extractor.read(bytes, isText: isText, declaredCharset: declaredCharset, rules: without)
            guard other.tree.nodes.count == page.tree.nodes.count else { continue }
            let otherKept = Self.keptBlocks(other.tree, include: other.include, owners: owners).kept
            for (block, isKept) in kept where otherKept[block] != isKept { decided[block, default: []].append(rule) }
        }
        // In the order of their first text, as the text is written: a block's element can start before
        // a block nested in it whose text comes before its own ("<div><div>Edited by</div> • </div>").
        blocks = kept.keys.sorted { firstText[$0, default: $0] < firstText[$1, default: $1] }.map { block in
            Block(
                excerpt: Self.excerpt(page.tree, block: block, owners: owners), kept: kept[block] ?? false, decidedBy: decided[block] ?? [])
        }
        disabled = extractor.settings.disabledRules.rules
    }

    /// One line per block: kept or dropped, the deciding rules, the excerpt.
    public var report: String {
        let width = blocks.map { decision($0).count }.max() ?? 0
        var lines = blocks.map { block in
            let decision = decision(block)
            let padding = String(repeating: " ", count: width - decision.count)
            return "\(block.kept ? "kept   " : "dropped") \(decision)\(padding)  \(block.excerpt)"
        }
        if !disabled.isEmpty { lines.insert("rules switched off: \(disabled.map(\.name).joined(separator: ", "))", at: 0) }
        return lines.joined(separator: "\n")
    }

    /// The deciding rules by name, or what decided the block when no single rule did.
    private func decision(_ block: Block) -> String {
        guard block.decidedBy.isEmpty else { return block.decidedBy.map(\.name).joined(separator: ",") }
        return block.kept ? "(in the scored content)" : "(outside the scored content)"
    }

    /// The block element each node's text belongs to.
    private static func owners(_ tree: PageTree) -> [Int32] {
        var owners = [Int32](repeating: 0, count: tree.nodes.count)
        for index in tree.nodes.indices.dropFirst() {
            let node = tree.nodes[index]
            owners[index] = node.tag.layout == .inline || node.tag == .text ? owners[Int(node.parent)] : Int32(index)
        }
        return owners
    }

    /// Per block with text: whether any of its text is written (the node and all its ancestors
    /// included), and the node of its first text.
    private static func keptBlocks(
        _ tree: PageTree, include: [Bool], owners: [Int32]
    ) -> (kept: [Int: Bool], firstText: [Int: Int]) {
        var shown = include
        var kept: [Int: Bool] = [:]
        var firstText: [Int: Int] = [:]
        for index in tree.nodes.indices {
            let node = tree.nodes[index]
            if index > 0 { shown[index] = shown[index] && shown[Int(node.parent)] }
            guard node.tag == .text, tree.text[Int(node.textStart)..<Int(node.textEnd)].contains(where: { !ASCIIByte.isSpace($0) })
            else { continue }
            let block = Int(owners[index])
            kept[block, default: false] = kept[block] == true || shown[index]
            if firstText[block] == nil { firstText[block] = index }
        }
        return (kept, firstText)
    }

    /// The block's own text (its text runs), whitespace folded, cut to `excerptLength` characters.
    private static func excerpt(_ tree: PageTree, block: Int, owners: [Int32]) -> String {
        var bytes: [UInt8] = []
        for index in block..<Int(tree.nodes[block].end) where tree.nodes[index].tag == .text && owners[index] == block {
            bytes += tree.text[Int(tree.nodes[index].textStart)..<Int(tree.nodes[index].textEnd)]
            bytes.append(0x20)
        }
        let words = String(decoding: bytes, as: UTF8.self).split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return words.count > excerptLength ? String(words.prefix(excerptLength - 1)) + "…" : words
    }
}
