/// Near-duplicate clusters of a corpus, computed from its MinHash signatures: documents sharing an
/// LSH band key are candidates, a candidate pair is joined only when the comparison of its shingle
/// sketches passes `NearDupOptions.joins`, and joined pairs are closed into clusters by union-find.
///
/// Documents are numbered in keep order (policy rank, then id bytewise) before anything else, and
/// every step visits them in that order, so the clusters and their kept documents are the same
/// whatever order the signatures arrived in.
public struct DuplicateClusters: Sendable {
    public struct Member: Sendable, Equatable {
        public let id: String
        /// Where the document was read: with its id, its identity (records may share an id).
        public let origin: DocumentOrigin
        /// Jaccard similarity to the cluster's kept document from their sketches (1 for the kept document).
        public let similarity: Double

        public init(id: String, origin: DocumentOrigin, similarity: Double) {
            self.id = id
            self.origin = origin
            self.similarity = similarity
        }
    }

    /// A group of two or more near-duplicates; the first member is the one kept.
    public struct Cluster: Sendable, Equatable {
        public let members: [Member]

        public init(members: [Member]) {
            self.members = members
        }

        public var kept: String { members[0].id }
        public var size: Int { members.count }
    }

    /// What the clustering did, for the run summary and for tuning.
    public struct Statistics: Sendable, Equatable {
        public var documents = 0
        /// Pairs that shared a band key and were compared.
        public var candidatePairs = 0
        /// Comparisons whose signatures passed the screen and whose sketches were compared (candidate
        /// pairs, and the pairs across two clusters that complete linkage checks before joining them).
        public var verifiedPairs = 0
        /// Candidates at or above the threshold, joined.
        public var joinedPairs = 0
        /// Candidates below the threshold: bucket collisions that did not merge anything.
        public var rejectedPairs = 0


        public init() {}
    }

    /// Clusters of two or more documents, largest first, then by kept id bytewise.
    public private(set) var clusters: [Cluster]
    public private(set) var statistics: Statistics

    public init(clusters: [Cluster], statistics: Statistics = Statistics()) {
        self.clusters = clusters
        self.statistics = statistics
    }

    /// A bucket with more distinct documents than this is treated as degenerate: further documents
    /// are compared with its first `maximumLeaders` dissimilar members only.
    static let maximumLeaders = 64
    /// Two clusters whose members would need more pairwise comparisons than this to prove every pair
    /// alike are not joined (the triangle inequality settles almost every join without any).
    static let maximumCrossChecks = 4096

    public init(tally: SignatureTally, options: NearDupOptions) {
        let permutations = options.permutations
        let bands = options.bands
        let count = tally.count
        var statistics = Statistics()
        statistics.documents = tally.documents

        // Keep order: position 0 is the best document of the corpus.
        let order = Self.keepOrder(tally)
        func signature(_ position: Int) -> ArraySlice<UInt32> {
            tally.signature(order[position], permutations: permutations)
        }
        // Candidates are screened by their signatures (one vector compare), then judged on their
        // sketches: exactly for short documents, and with a much tighter estimate for long ones.
        let sketcher = options.sketcher
        let screen = options.screen
        func compare(_ first: Int, _ second: Int) -> ShingleSketch.Comparison? {
            guard MinHasher.similarity(signature(first), signature(second)) >= screen else { return nil }
            statistics.verifiedPairs += 1
            return sketcher.compare(tally.sketch(order[first]), tally.sketch(order[second]))
        }

        // Complete linkage: every pair within a cluster clears the floor, not only the pairs that
        // joined it. Jaccard distance (1 − J) is a metric, so each cluster keeps its members with their
        // comparison to its kept document; its radius (the largest distance from the kept document)
        // proves most joins by the triangle inequality, and only the others compare the two
        // clusters' members pair by pair.
        let limit = 1 - options.minJaccard
        var members: [Int: [(position: Int, toRoot: ShingleSketch.Comparison)]] = [:]
        var unlinkable: Set<UInt64> = []
        func radius(_ root: Int) -> Double {
            members[root]?.map { options.distanceBound($0.toRoot) }.max() ?? 0
        }
        func linkable(_ first: Int, _ second: Int, roots known: ShingleSketch.Comparison?) -> Bool {
            guard let between = known ?? compare(first, second), options.clearsFloor(between) else { return false }
            if radius(first) + options.distanceBound(between) + radius(second) <= limit { return true }
            // A pair of clusters found apart stays apart: a root keeps its members until it is
            // absorbed, so the pair that failed is still there.
            let key = UInt64(min(first, second)) << 32 | UInt64(max(first, second))
            if unlinkable.contains(key) { return false }
            let left = [first] + (members[first]?.map(\.position) ?? [])
            let right = [second] + (members[second]?.map(\.position) ?? [])
            var alike = left.count * right.count <= Self.maximumCrossChecks
            check: for x in left where alike {
                for y in right {
                    guard let pair = compare(x, y), options.clearsFloor(pair) else {
                        alike = false
                        break check
                    }
                }
            }
            if !alike { unlinkable.insert(key) }
            return alike
        }
        func link(_ first: Int, _ second: Int) {
            let root = min(first, second), absorbed = max(first, second)
            let moved = [absorbed] + (members.removeValue(forKey: absorbed)?.map(\.position) ?? [])
            members[root, default: []] += moved.map { member in
                (member, sketcher.compare(tally.sketch(order[root]), tally.sketch(order[member])))
            }
        }

        // Bucket keys band by band in keep order, read once from the tally's per-document rows.
        var keysByBand = [UInt32](repeating: 0, count: bands * count)
        tally.bucketKeys.withUnsafeBufferPointer { rows in
            keysByBand.withUnsafeMutableBufferPointer { columns in
                for position in 0..<count {
                    let row = order[position] * bands
                    for band in 0..<bands { columns[band * count + position] = rows[row + band] }
                }
            }
        }

        var sets = UnionFind(count: count)
        // Per band, entries sort as (bucket key, position) packed in one word, so that a bucket's
        // members are adjacent and in keep order.
        var sorter = BucketSorter()
        var bucket: [UInt64] = []
        var leaders: [Int] = []
        for band in 0..<bands {
            sorter.sort(keysByBand[(band * count)..<((band + 1) * count)], into: &bucket)
            var start = 0
            while start < count {
                var end = start + 1
                while end < count && bucket[end] >> 32 == bucket[start] >> 32 { end += 1 }
                if end - start > 1 {
                    // Each member joins the first earlier member it is similar to (its leader);
                    // a member similar to none becomes a leader itself.
                    leaders.removeAll(keepingCapacity: true)
                    for entry in bucket[start..<end] {
                        let position = Int(entry & 0xFFFF_FFFF)
                        var placed = false
                        for leader in leaders {
                            let leaderRoot = sets.find(leader), root = sets.find(position)
                            if leaderRoot == root { placed = true; break }
                            statistics.candidatePairs += 1
                            if let pair = compare(leader, position), options.joins(pair),
                               linkable(leaderRoot, root, roots: leaderRoot == leader && root == position ? pair : nil) {
                                sets.union(leaderRoot, root)
                                link(leaderRoot, root)
                                statistics.joinedPairs += 1
                                placed = true
                                break
                            }
                            statistics.rejectedPairs += 1
                        }
                        if !placed && leaders.count < Self.maximumLeaders { leaders.append(position) }
                    }
                }
                start = end
            }
        }

        // The root of a set is its smallest position: the kept document.
        var clusters = members.map { root, others in
            Cluster(members: [Member(id: tally.ids[order[root]], origin: tally.origins[order[root]], similarity: 1)]
                + others.sorted { $0.position < $1.position }.map { member in
                    Member(id: tally.ids[order[member.position]], origin: tally.origins[order[member.position]],
                           similarity: member.toRoot.jaccard)
                })
        }
        clusters.sort { first, second in
            if first.size != second.size { return first.size > second.size }
            if first.kept != second.kept { return first.kept.utf8.lexicographicallyPrecedes(second.kept.utf8) }
            return DocumentOrigin.precedes(first.members[0].origin, second.members[0].origin)
        }
        self.clusters = clusters
        self.statistics = statistics
    }

    /// Tally indices in keep order (policy rank, then id bytewise, then origin). Sorted by the rank's first eight
    /// bytes as one integer first; only documents tied on those are compared in full.
    static func keepOrder(_ tally: SignatureTally) -> [Int] {
        let count = tally.count
        var keyed = (0..<count).map { index in
            var prefix: UInt64 = 0
            for (offset, byte) in tally.ranks[index].prefix(8).enumerated() { prefix |= UInt64(byte) << (56 - 8 * offset) }
            return (prefix: prefix, index: index)
        }
        keyed.sort { $0.prefix < $1.prefix }
        var start = 0
        while start < count {
            var end = start + 1
            while end < count && keyed[end].prefix == keyed[start].prefix { end += 1 }
            if end - start > 1 {
                func rank(_ index: Int) -> DocumentRank {
                    DocumentRank(rank: tally.ranks[index], id: tally.ids[index], origin: tally.origins[index])
                }
                keyed[start..<end].sort { rank($0.index) < rank($1.index) }
            }
            start = end
        }
        return keyed.map(\.index)
    }

    /// Documents that are removed as duplicates of a kept one.
    public var duplicateCount: Int { clusters.reduce(0) { $0 + $1.size - 1 } }
}
