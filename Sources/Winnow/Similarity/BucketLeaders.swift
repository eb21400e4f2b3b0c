/// The candidate rule of one LSH bucket. Its members, in keep order, are compared with the bucket's
/// leaders in turn; a member is paired with the first leader it is alike to (`PairRule.joins`),
/// and a member alike to none becomes a leader itself, up to `maximumLeaders`.
///
/// The pairs depend on nothing but the bucket's members (a pair's verdict is the same in every
/// bucket), so buckets can be judged in any order, on any machine, and give the same pairs: the
/// clustering's first step on one machine and on an engine.
struct BucketLeaders {
    /// A bucket with more dissimilar members than this is degenerate (a common boilerplate page, a
    /// key collision): later members are compared with its first `maximumLeaders` leaders only.
    static let maximumLeaders = 64

    /// What the judge says of a leader and a member.
    enum Verdict {
        /// Their signatures are too far apart to compare sketches.
        case screenedOut
        /// Their sketches were compared and they are not alike.
        case rejected
        /// Alike: the pair is a verified edge.
        case joined
        /// Judged in another band already, with the verdict `joined` (true) or `rejected`: not compared again.
        case known(joined: Bool)
    }

    private var leaders: [Int] = []

    /// Judges one bucket, `members` in keep order, calling `pair(leader, member)` for each verified
    /// pair; `judge(leader, member)` compares two members.
    mutating func judge(
        _ members: some Sequence<Int>, statistics: inout ClusteringStatistics,
        judge: (Int, Int) -> Verdict, pair: (Int, Int) -> Void
    ) {
        leaders.removeAll(keepingCapacity: true)
        for member in members {
            var placed = false
            for leader in leaders {
                statistics.candidatePairs += 1
                let joined: Bool
                switch judge(leader, member) {
                case .screenedOut: joined = false
                case .rejected:
                    statistics.verifiedPairs += 1
                    joined = false
                case .joined:
                    statistics.verifiedPairs += 1
                    joined = true
                case .known(let known): joined = known
                }
                if joined {
                    pair(leader, member)
                    placed = true
                    break
                }
                statistics.rejectedPairs += 1
            }
            if !placed && leaders.count < Self.maximumLeaders { leaders.append(member) }
        }
    }
}
