/// Complete-linkage clustering of verified pairs: two clusters are joined only when every pair across
/// them clears `min_jaccard`, not only the pair that brought them together.
///
/// Pairs are offered in (later, earlier) keep order and every decision reads only the two clusters
/// involved, so each connected component of the pairs is clustered alike whether alone or with the
/// rest of the corpus: an engine can cluster component by component and get the same clusters.
struct CompleteLinkage {
    typealias Comparison = ShingleSketch.Comparison

    /// Two clusters whose members would need more pairwise comparisons than this to prove every pair
    /// alike are not joined (the triangle inequality settles almost every join without any).
    static let maximumCrossChecks = 4096

    private let rule: PairRule
    private var sets: UnionFind
    /// Each cluster's members but its root, with their comparison to the root.
    private(set) var members: [Int: [(position: Int, toRoot: Comparison)]] = [:]
    /// Each cluster's radius: the largest Jaccard distance from its root to a member, kept as members
    /// join, so that a join with a cluster of thousands does not measure them all again.
    private var radii: [Int: Double] = [:]
    /// Pairs of roots found apart; they stay apart, as a root keeps its members until it is absorbed.
    private var unlinkable = UInt64Set()

    /// Clusters over positions `0..<count`, position 0 the first in keep order.
    init(count: Int, rule: PairRule) {
        self.rule = rule
        sets = UnionFind(count: count)
    }

    /// Offers the verified pair (`earlier`, `later`), `known` its comparison when the buckets made it.
    /// `compare` screens two documents by their signatures and compares their sketches (nil when
    /// screened out); `sketches` compares sketches only.
    mutating func offer(
        _ earlier: Int, _ later: Int, known: Comparison? = nil, statistics: inout ClusteringStatistics,
        compare: (Int, Int) -> Comparison?, sketches: (Int, Int) -> Comparison
    ) {
        let first = sets.find(earlier), second = sets.find(later)
        guard first != second else { return }
        func counted(_ x: Int, _ y: Int) -> Comparison? {
            let comparison = compare(x, y)
            if comparison != nil { statistics.verifiedPairs += 1 }
            return comparison
        }
        // Two documents still alone, or roots themselves, are the pair: its comparison is known.
        let rootsKnown = first == earlier && second == later ? known : nil
        guard let between = linkable(first, second, known: rootsKnown, compare: counted) else { return }
        sets.union(first, second)
        statistics.joinedPairs += 1
        let root = min(first, second), absorbed = max(first, second)
        // The absorbed root's comparison to the root is `between` (comparisons are symmetric).
        let moved = members.removeValue(forKey: absorbed)?.map { ($0.position, sketches(root, $0.position)) } ?? []
        radii[absorbed] = nil
        radii[root] = ([between] + moved.map(\.1)).reduce(radius(root)) { max($0, rule.distanceBound($1)) }
        members[root, default: []] += [(absorbed, between)] + moved
    }

    /// The largest Jaccard distance from a cluster's root to its members.
    private func radius(_ root: Int) -> Double {
        radii[root] ?? 0
    }

    /// The comparison of roots `first` and `second` (`known`, or made) when every pair across their
    /// clusters clears the floor (by the triangle inequality on Jaccard distance when the radii allow,
    /// else pair by pair); nil otherwise.
    private mutating func linkable(
        _ first: Int, _ second: Int, known: Comparison?, compare: (Int, Int) -> Comparison?
    ) -> Comparison? {
        guard let between = known ?? compare(first, second), rule.clearsFloor(between) else { return nil }
        if radius(first) + rule.distanceBound(between) + radius(second) <= 1 - rule.minJaccard { return between }
        let key = UInt64(min(first, second)) << 32 | UInt64(max(first, second))
        if unlinkable.contains(key) { return nil }
        let left = [first] + (members[first]?.map(\.position) ?? [])
        let right = [second] + (members[second]?.map(\.position) ?? [])
        var alike = left.count * right.count <= Self.maximumCrossChecks
        check: for x in left where alike {
            for y in right {
                guard let pair = compare(x, y), rule.clearsFloor(pair) else {
                    alike = false
                    break check
                }
            }
        }
        if !alike { unlinkable.insert(key) }
        return alike ? between : nil
    }
}
