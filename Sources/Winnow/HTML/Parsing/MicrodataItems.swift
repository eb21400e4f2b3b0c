/// Where a page's microdata items are (`itemscope`) and which elements describe one
/// (`itemprop="description"`): an article's description is its lead, a teaser's is not.
struct MicrodataItems: Equatable {
    /// The `itemscope` elements, in document order.
    var scopes: [Int32] = []
    /// The elements whose `itemprop` is "description", in document order.
    var descriptions: [Int32] = []

    /// The item an element belongs to: the nearest `itemscope` element around it (not itself).
    func scope(of index: Int, nodes: [PageNode]) -> Int? {
        for scope in scopes.reversed() where Int(scope) != index && nodes.isWithin(index, subtreeOf: Int(scope)) {
            return Int(scope)
        }
        return nil
    }
}
