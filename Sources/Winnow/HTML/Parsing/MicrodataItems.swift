/// Where a page's microdata items are (`itemscope`) and which elements describe one
/// (`itemprop="description"`): an article's description is its lead, a teaser's is not.
struct MicrodataItems: Equatable {
    /// The `itemscope` elements, in document order.
    var scopes: [Int32] = []
    /// The elements whose `itemprop` is "description", in document order.
    var descriptions: [Int32] = []

    /// The item each node belongs to: the nearest `itemscope` element around it (not itself), found in
    /// one pass down the page, for a rule that asks of many elements.
    func scopeOfEach(_ nodes: [PageNode]) -> EnclosedNodes {
        var isScope = [Bool](repeating: false, count: nodes.count)
        for scope in scopes { isScope[Int(scope)] = true }
        return EnclosedNodes(nodes) { isScope[$0] }
    }
}
