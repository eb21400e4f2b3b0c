/// A sign-up box inside an article: a heading and a line or two ("Join our newsletter", "Get the
/// latest delivered to your inbox") around a form whose fields and button are all it holds (the
/// fields are not page text). The form is left out of the text; the words that ask for it stayed.
enum SignUpBox {
    /// Drops the box of each form of the content that holds no text of its own: the highest element
    /// around it, short of an element holding the core, with `signUpBoxChars` of kept text or fewer.
    /// Not on a page that names or sells a product (its purchase form holds the product's options),
    /// and only after as much of the content's text as the box holds (not the page's own form: a
    /// contact page, a search page).
    static func drop(_ include: inout [Bool], core: Int, tree: PageTree, stats: BlockStats) {
        let nodes = tree.nodes
        guard !tree.kind.namesProduct && !tree.kind.sellsProduct, nodes.contains(where: { $0.tag == .form }),
            nodes.indices.reduce(0, { include[$1] && nodes[$1].tag == .text ? $0 + stats.proseChars($1) : $0 })
                >= ContentThresholds.longArticleProse
        else { return }
        func kept(_ range: Range<Int>) -> Int32 {
            range.reduce(0) { include[$1] && nodes[$1].tag == .text ? $0 + stats.chars[$1] : $0 }
        }
        func kept(_ index: Int) -> Int32 { kept(index..<Int(nodes[index].end)) }
        // The kept text of `parent`'s subtree outside that of `child`.
        func kept(_ parent: Int, besides child: Int) -> Int32 {
            kept(parent..<child) + kept(Int(nodes[child].end)..<Int(nodes[parent].end))
        }
        // Whether each node is inside a list or a table: an item's own form (a rating, a vote).
        var inListOrTable = [Bool](repeating: false, count: nodes.count)
        for index in nodes.indices.dropFirst() {
            let parent = Int(nodes[index].parent)
            inListOrTable[index] = parent > 0 && (inListOrTable[parent] || Self.isListOrTable(nodes[parent].tag))
        }
        var before: Int32 = 0
        var index = 0
        while index < nodes.count {
            guard include[index], nodes[index].tag == .form, kept(index) == 0, !inListOrTable[index] else {
                if include[index] && nodes[index].tag == .text { before += stats.chars[index] }
                index += 1
                continue
            }
            var box = index
            var boxChars: Int32 = 0
            // The kept text of `box`'s subtree: each parent adds what it holds beside it.
            var keptInBox: Int32 = 0
            while true {
                let parent = Int(nodes[box].parent)
                guard parent > 0, !nodes.isWithin(core, subtreeOf: parent), !nodes[parent].hint.marks.contains(.main),
                    nodes[parent].tag != .body, Int(nodes[parent].end) - parent <= ContentThresholds.signUpBoxNodes
                else { break }
                let chars = keptInBox + kept(parent, besides: box)
                guard chars <= ContentThresholds.signUpBoxChars else { break }
                box = parent
                boxChars = chars
                keptInBox = chars
            }
            // The box's text before the form was counted as the content's: it is not.
            let boxBefore = kept(box..<index)
            if boxChars > 0 && before - boxBefore >= boxChars
                && Self.blocks(box, include: include, nodes: nodes, stats: stats) <= ContentThresholds.signUpBoxBlocks
            {
                before -= boxBefore
                for inner in box..<Int(nodes[box].end) { include[inner] = false }
                index = Int(nodes[box].end)
            } else {
                index += 1
            }
        }
    }

    /// A list, a table or an item of one.
    private static func isListOrTable(_ tag: HTMLTag) -> Bool {
        switch tag {
        case .li, .dd, .dt, .tr, .td, .th, .ul, .ol, .dl, .table: true
        default: false
        }
    }

    /// Blocks with kept text in the element.
    private static func blocks(_ index: Int, include: [Bool], nodes: [PageNode], stats: BlockStats) -> Int {
        var owners = Set<Int32>()
        for inner in index..<Int(nodes[index].end) where include[inner] && nodes[inner].tag == .text && stats.chars[inner] > 0 {
            owners.insert(stats.owner[inner])
        }
        return owners.count
    }
}
