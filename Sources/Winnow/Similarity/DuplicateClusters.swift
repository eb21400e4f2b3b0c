/// Near-duplicate clusters of a corpus, computed from its MinHash signatures: documents sharing an
/// LSH band key are candidates, a candidate pair is joined only when its estimated similarity passes
/// `NearDupOptions.joins`, and joined pairs are closed into clusters by union-find.
///
/// Documents are numbered in keep order (policy rank, then id bytewise) before anything else, and
/// every step visits them in that order, so the clusters and their kept documents are the same
/// whatever order the signatures arrived in.
public struct DuplicateClusters: Sendable {
    public struct Member: Sendable, Equatable {
        public let id: String
        /// Estimated Jaccard similarity to the cluster's kept document (1 for the kept document).
        public let similarity: Double

        public init(id: String, similarity: Double) {
            self.id = id
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
        func alike(_ first: Int, _ second: Int) -> Bool {
            MinHasher.similarity(signature(first), signature(second)) >= options.minJaccard
        }
        func joins(_ first: Int, _ second: Int) -> Bool {
            options.joins(similarity: MinHasher.similarity(signature(first), signature(second)),
                          shingles: Int(tally.shingleCounts[order[first]]), Int(tally.shingleCounts[order[second]]))
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
                            // Both the pair and the two clusters' kept documents must be alike, so
                            // clusters do not grow by chains of ever less similar documents.
                            if joins(leader, position)
                                && ((leaderRoot == leader && root == position) || alike(leaderRoot, root)) {
                                sets.union(leader, position)
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

        // Gather the sets of two or more; the root of a set is its smallest position: the kept one.
        var membersOf: [Int: [Int]] = [:]
        for position in 0..<count {
            let root = sets.find(position)
            if root != position { membersOf[root, default: [root]].append(position) }
        }
        var clusters = membersOf.values.map { positions in
            Cluster(members: positions.map { position in
                Member(id: tally.ids[order[position]],
                       similarity: position == positions[0] ? 1 : MinHasher.similarity(signature(positions[0]), signature(position)))
            })
        }
        clusters.sort { $0.size != $1.size ? $0.size > $1.size : $0.kept.utf8.lexicographicallyPrecedes($1.kept.utf8) }
        self.clusters = clusters
        self.statistics = statistics
    }

    /// Tally indices in keep order (policy rank, then id bytewise). Sorted by the rank's first eight
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
                keyed[start..<end].sort {
                    DocumentRank(rank: tally.ranks[$0.index], id: tally.ids[$0.index])
                        < DocumentRank(rank: tally.ranks[$1.index], id: tally.ids[$1.index])
                }
            }
            start = end
        }
        return keyed.map(\.index)
    }

    /// Documents that are removed as duplicates of a kept one.
    public var duplicateCount: Int { clusters.reduce(0) { $0 + $1.size - 1 } }
}
