/// Near-duplicate clusters of a corpus, computed from its MinHash signatures: documents sharing an
/// LSH band key are candidates, a candidate pair is verified only when the comparison of its shingle
/// sketches passes the `PairRule`, and verified pairs are clustered by complete linkage.
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
        /// The hash of its folded words at map (`WordSequenceHash`), which apply checks against its text.
        public let fingerprint: UInt64

        public init(id: String, origin: DocumentOrigin, similarity: Double, fingerprint: UInt64) {
            self.id = id
            self.origin = origin
            self.similarity = similarity
            self.fingerprint = fingerprint
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

    /// Clusters of two or more documents, largest first, then by kept id bytewise.
    public private(set) var clusters: [Cluster]
    public private(set) var statistics: ClusteringStatistics
    /// The inputs the map steps read (`MapInputs`), which the clusters file records for apply.
    public var inputs = MapInputs.unknown

    public init(clusters: [Cluster], statistics: ClusteringStatistics = ClusteringStatistics()) {
        self.clusters = clusters
        self.statistics = statistics
    }

    /// Clusters the tally's documents in two steps that an engine can also run apart: every LSH
    /// bucket gives its verified pairs (`BucketLeaders`), then the pairs are clustered by complete
    /// linkage (`CompleteLinkage`), which decides each connected component of them on its own.
    public init(tally: SignatureTally, options: NearDupOptions) {
        var statistics = ClusteringStatistics()
        statistics.documents = tally.documents
        let order = Self.keepOrder(tally)
        let verified = Self.verifiedPairs(tally, order: order, options: options, statistics: &statistics)
        self.init(
            tally: tally, order: order, pairs: verified.pairs, comparisons: verified.comparisons, options: options,
            statistics: statistics)
    }

    /// Clusters the tally's documents, `order` their keep order, from their verified pairs: each pair
    /// is `later << 32 | earlier` in positions of `order`, ascending and without repeats; `comparisons`,
    /// when known, the comparison of each pair's sketches.
    init(
        tally: SignatureTally, order: [Int], pairs: [UInt64], comparisons: [ShingleSketch.Comparison]? = nil,
        options: NearDupOptions, statistics: ClusteringStatistics
    ) {
        precondition(comparisons.map { $0.count == pairs.count } ?? true, "a comparison for every pair")
        var statistics = statistics
        let judge = PairJudge(tally: tally, order: order, options: options)
        // Made once: a method reference made at each call copied the judge, retaining every array of the tally.
        let compare = judge.compare, sketches = judge.sketches
        var linkage = CompleteLinkage(count: order.count, rule: options.rule)
        for index in pairs.indices {
            let pair = pairs[index]
            linkage.offer(
                Int(pair & 0xFFFF_FFFF), Int(pair >> 32), known: comparisons?[index], statistics: &statistics,
                compare: compare, sketches: sketches)
        }
        func member(_ position: Int, similarity: Double) -> Member {
            let index = order[position]
            return Member(
                id: tally.ids[index], origin: tally.origins[index], similarity: similarity,
                fingerprint: tally.fingerprints[index])
        }
        // The root of a set is its smallest position: the kept document.
        var clusters = linkage.members.map { root, others in
            var members = [member(root, similarity: 1)]
            members.reserveCapacity(others.count + 1)
            for other in others.sorted(by: { $0.position < $1.position }) {
                members.append(member(other.position, similarity: other.toRoot.jaccard))
            }
            return Cluster(members: members)
        }
        clusters.sort { first, second in
            if first.size != second.size { return first.size > second.size }
            let kept = BytewiseOrder.compare(first.kept, second.kept)
            if kept != 0 { return kept < 0 }
            return DocumentOrigin.precedes(first.members[0].origin, second.members[0].origin)
        }
        self.clusters = clusters
        self.statistics = statistics
        inputs = tally.inputs
    }

    /// A pair of positions of the keep order as one word, `later << 32 | earlier`: the form of `verifiedPairs`.
    static func pair(_ earlier: Int, _ later: Int) -> UInt64 {
        UInt64(later) << 32 | UInt64(earlier)
    }

    /// At most this many rejected pairs are remembered (16 MiB of table); then the cache starts again.
    static let rememberedRejections = 1 << 20

    /// Verified pairs, ascending, each with the comparison of its sketches that joined it.
    struct VerifiedPairs {
        var pairs: [UInt64]
        var comparisons: [ShingleSketch.Comparison]
    }

    /// The verified pairs of every LSH bucket of the tally (`BucketLeaders`), as `later << 32 | earlier`
    /// positions of `order`, ascending and without repeats.
    /// `judged(index, band)` says whether the tally's entry `index` takes part in its bucket of `band`
    /// (an engine judges each bucket on one machine); nil judges every bucket.
    static func verifiedPairs(
        _ tally: SignatureTally, order: [Int], options: NearDupOptions,
        statistics: inout ClusteringStatistics, judged: ((Int, Int) -> Bool)? = nil
    ) -> VerifiedPairs {
        let bands = options.bands
        let count = order.count
        let judge = PairJudge(tally: tally, order: order, options: options)
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
        // A pair's verdict is the same in every band, so one judged in a band is not compared again:
        // the joined pairs are the result; the rejected ones a cache, emptied when it grows large.
        var pairs = UInt64Set()
        var joined: [(pair: UInt64, comparison: ShingleSketch.Comparison)] = []
        var rejected = UInt64Set()
        var leaders = BucketLeaders()
        // Per band, entries sort as (bucket key, position) packed in one word, so that a bucket's
        // members are adjacent and in keep order.
        var sorter = BucketSorter()
        var bucket: [UInt64] = [], members: [Int] = []
        for band in 0..<bands {
            sorter.sort(keysByBand[(band * count)..<((band + 1) * count)], into: &bucket)
            var start = 0
            while start < count {
                var end = start + 1
                while end < count && bucket[end] >> 32 == bucket[start] >> 32 { end += 1 }
                if end - start > 1 {
                    members.removeAll(keepingCapacity: true)
                    for entry in bucket[start..<end] {
                        let position = Int(entry & 0xFFFF_FFFF)
                        if judged?(order[position], band) ?? true { members.append(position) }
                    }
                    if members.count > 1 {
                        leaders.judge(members, statistics: &statistics) { leader, member in
                            let packed = Self.pair(leader, member)
                            if pairs.contains(packed) { return .known(joined: true) }
                            if rejected.contains(packed) { return .known(joined: false) }
                            let (verdict, joining) = judge.verdict(leader, member)
                            if let joining { joined.append((packed, joining)) }
                            if case .rejected = verdict {
                                if rejected.count >= Self.rememberedRejections { rejected = UInt64Set() }
                                rejected.insert(packed)
                            }
                            return verdict
                        } pair: { leader, member in
                            pairs.insert(Self.pair(leader, member))
                        }
                    }
                }
                start = end
            }
        }
        joined.sort { $0.pair < $1.pair }
        return VerifiedPairs(pairs: joined.map(\.pair), comparisons: joined.map(\.comparison))
    }

    /// Tally indices in keep order (policy rank, then id bytewise, then origin): sorted on the rank's first
    /// sixteen bytes (all of `longest`'s) as two integers, then ties compared in full.
    static func keepOrder(_ tally: SignatureTally) -> [Int] {
        let count = tally.count
        var keyed = (0..<count).map { index in
            var high: UInt64 = 0, low: UInt64 = 0
            tally.ranks[index].withUnsafeBufferPointer { rank in
                for offset in 0..<min(rank.count, 16) {
                    let byte = UInt64(rank[offset])
                    if offset < 8 { high |= byte << (56 - 8 * offset) } else { low |= byte << (120 - 8 * offset) }
                }
            }
            return (prefix: (high, low), index: index)
        }
        keyed.sort { $0.prefix < $1.prefix }
        var start = 0
        while start < count {
            var end = start + 1
            while end < count && keyed[end].prefix == keyed[start].prefix { end += 1 }
            if end - start > 1 {
                // The tally's columns taken once: the tally itself in the closure was copied at each comparison.
                let (ranks, ids, origins) = (tally.ranks, tally.ids, tally.origins)
                keyed[start..<end].sort { first, second in
                    let (a, b) = (first.index, second.index)
                    return DocumentRank.precedes(ranks[a], ids[a], origins[a], ranks[b], ids[b], origins[b])
                }
            }
            start = end
        }
        return keyed.map(\.index)
    }

    /// Documents that are removed as duplicates of a kept one.
    public var duplicateCount: Int { clusters.reduce(0) { $0 + $1.size - 1 } }
}
