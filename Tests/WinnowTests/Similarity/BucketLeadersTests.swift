import Testing
import WinnowTestSupport

@testable import Winnow

/// The per-bucket rule of the clustering's first step: pairs depend on the bucket's members alone.
@Suite struct BucketLeadersTests {
    /// Members alike when they share a group (`member / 10`); every pair is judged by that alone.
    func pairs(_ members: [Int], alike: (Int, Int) -> Bool = { $0 / 10 == $1 / 10 }) -> (pairs: [[Int]], statistics: ClusteringStatistics) {
        var leaders = BucketLeaders()
        var statistics = ClusteringStatistics()
        var found: [[Int]] = []
        leaders.judge(members, statistics: &statistics) { leader, member in
            alike(leader, member) ? .joined : .rejected
        } pair: {
            found.append([$0, $1])
        }
        return (found, statistics)
    }

    @Test func aMemberPairsWithTheFirstLeaderItIsAlikeTo() {
        let result = pairs([1, 20, 3, 25, 4])
        #expect(result.pairs == [[1, 3], [20, 25], [1, 4]])
        // 20 vs 1; 3 vs 1; 25 vs 1, 20; 4 vs 1.
        #expect(result.statistics.candidatePairs == 5)
        #expect(result.statistics.rejectedPairs == 2)
    }

    @Test func aVerdictKnownFromAnotherBandActsAlikeButIsNotCountedAsCompared() {
        // 1 and 3 were joined in another band, 20 and 1 rejected there; 3 vs 20 is never reached.
        var leaders = BucketLeaders()
        var statistics = ClusteringStatistics()
        var found: [[Int]] = []
        leaders.judge([1, 20, 3, 4], statistics: &statistics) { leader, member in
            switch (leader, member) {
            case (1, 3): .known(joined: true)
            case (1, 20): .known(joined: false)
            default: leader / 10 == member / 10 ? .joined : .rejected
            }
        } pair: {
            found.append([$0, $1])
        }
        #expect(found == [[1, 3], [1, 4]])
        // 20 vs 1 (known); 3 vs 1 (known); 4 vs 1 (compared).
        #expect(statistics.candidatePairs == 3)
        #expect(statistics.verifiedPairs == 1)
        #expect(statistics.rejectedPairs == 1)
    }

    @Test func aDegenerateBucketKeepsSixtyFourLeaders() {
        // 100 mutually dissimilar members, then one alike only to the 70th: it is past the cap.
        let dissimilar = (0..<100).map { $0 * 10 }
        let result = pairs(dissimilar + [691])
        #expect(result.pairs.isEmpty)
        #expect(result.statistics.candidatePairs == (0..<100).reduce(0) { $0 + min($1, 64) } + 64)
        // Alike to the 10th instead: within the cap.
        #expect(pairs(dissimilar + [91]).pairs == [[90, 91]])
    }

    @Test func theSameMembersGiveTheSamePairsInAnyBucketAlone() {
        // A bucket judged again after another bucket: no state carries over.
        var leaders = BucketLeaders()
        var statistics = ClusteringStatistics()
        var first: [[Int]] = [], second: [[Int]] = []
        leaders.judge([1, 2, 30], statistics: &statistics) {
            $0 / 10 == $1 / 10 ? .joined : .rejected
        } pair: {
            first.append([$0, $1])
        }
        leaders.judge([30, 31], statistics: &statistics) {
            $0 / 10 == $1 / 10 ? .joined : .rejected
        } pair: {
            second.append([$0, $1])
        }
        #expect(first == [[1, 2]])
        #expect(second == [[30, 31]])
    }
}
