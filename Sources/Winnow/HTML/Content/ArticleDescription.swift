/// The description of the article that the content is (`itemprop="description"` in the item whose
/// `itemprop="articleBody"` the content holds): the article's lead, which CMSs write apart from the body.
enum ArticleDescription {
    /// The description elements, before the body of their own item, of every article body that a
    /// root holds or is inside; not one already in a root, left out as chrome, or without text.
    static func descriptions(roots: [Int], tree: PageTree, stats: BlockStats) -> [Int] {
        let items = tree.items
        guard !items.descriptions.isEmpty, !items.scopes.isEmpty else { return [] }
        let nodes = tree.nodes
        var scopeOf = items.scopeOfEach(nodes)
        // The items of the article bodies in the content, each with its last body.
        let spans = RootSpans(roots, nodes: nodes)
        var lastBody: [Int: Int] = [:]
        for index in nodes.indices where nodes[index].hint.marks.contains(.articleBody) && !stats.excluded[index] {
            guard spans.covers(index) || spans.holdsRoot(index, nodes: nodes), let scope = scopeOf.nearest(index) else { continue }
            lastBody[scope] = index
        }
        guard !lastBody.isEmpty else { return [] }
        var found: [Int] = []
        for description in items.descriptions.map(Int.init) {
            guard stats.chars[description] > 0, !stats.excluded[description],
                !spans.covers(description),
                let scope = scopeOf.nearest(description),
                let body = lastBody[scope], body >= Int(nodes[description].end)
            else { continue }
            found.append(description)
        }
        return found
    }
}
