/// The joined pairs of some LSH bands' buckets, judged on one thread (`DuplicateClusters.verifiedPairs`).
struct BandVerdicts: Sendable {
    /// Each pair joined, as `later << 32 | earlier` positions of the keep order, with the comparison
    /// that joined it; in the order found, each once.
    private(set) var joined: [(pair: UInt64, comparison: ShingleSketch.Comparison)] = []
    private(set) var statistics = ClusteringStatistics()

    /// At most this many rejected pairs are remembered (16 MiB of table); then the cache starts again.
    static let rememberedRejections = 1 << 20

    /// Judges the buckets of `bands`; `keysByBand` holds every band's bucket keys in keep order, one
    /// band after another; `judged` as in `DuplicateClusters.verifiedPairs`.
    init(bands: [Int], keysByBand: [UInt32], judge: PairJudge, judged: (@Sendable (Int, Int) -> Bool)?) {
        let count = judge.order.count
        // A pair's verdict is the same in every band, so one judged in a band is not compared again:
        // the joined pairs are the result; the rejected ones a cache, emptied when it grows large.
        var pairs = UInt64Set()
        var rejected = UInt64Set()
        var leaders = BucketLeaders()
        // Per band, entries sort as (bucket key, position) packed in one word, so that a bucket's
        // members are adjacent and in keep order.
        var sorter = BucketSorter()
        var bucket: [UInt64] = [], members: [Int] = []
        for band in bands {
            sorter.sort(keysByBand[(band * count)..<((band + 1) * count)], into: &bucket)
            var start = 0
            while start < count {
                var end = start + 1
                while end < count && bucket[end] >> 32 == bucket[start] >> 32 { end += 1 }
                if end - start > 1 {
                    members.removeAll(keepingCapacity: true)
                    for entry in bucket[start..<end] {
                        let position = Int(entry & 0xFFFF_FFFF)
                        if judged?(judge.order[position], band) ?? true { members.append(position) }
                    }
                    if members.count > 1 {
                        leaders.judge(members, statistics: &statistics) { leader, member in
                            let packed = DuplicateClusters.pair(leader, member)
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
                            pairs.insert(DuplicateClusters.pair(leader, member))
                        }
                    }
                }
                start = end
            }
        }
    }
}
