/// The description of the article that the content is (`itemprop="description"` in the item whose
/// `itemprop="articleBody"` the content holds): the article's lead, which CMSs write apart from the body.
enum ArticleDescription {
    /// The description elements, before the body of their own item, of every article body that a
    /// root holds or is inside; not one already in a root, left out as chrome, or without text.
    static func descriptions(roots: [Int], tree: PageTree, stats: BlockStats) -> [Int] {
        let items = tree.items
        guard !items.descriptions.isEmpty, !items.scopes.isEmpty else { return [] }
        let nodes = tree.nodes
        // The article bodies in the content, with their items.
        let spans = RootSpans(roots, nodes: nodes)
        var bodies: [(node: Int, scope: Int)] = []
        for index in nodes.indices where nodes[index].hint.marks.contains(.articleBody) && !stats.excluded[index] {
            guard spans.covers(index) || spans.holdsRoot(index, nodes: nodes),
                let scope = items.scope(of: index, nodes: nodes)
            else { continue }
            bodies.append((index, scope))
        }
        guard !bodies.isEmpty else { return [] }
        var found: [Int] = []
        for description in items.descriptions.map(Int.init) {
            guard stats.chars[description] > 0, !stats.excluded[description],
                !spans.covers(description),
                let scope = items.scope(of: description, nodes: nodes),
                bodies.contains(where: { $0.scope == scope && $0.node >= Int(nodes[description].end) })
            else { continue }
            found.append(description)
        }
        return found
    }
}
