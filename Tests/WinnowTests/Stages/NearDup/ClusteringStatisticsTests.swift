import Testing
import WinnowTestSupport

@testable import Winnow

/// What the clustering reports it did: a pair meets in every band it shares but is compared once.
@Suite struct ClusteringStatisticsTests {
    @Test func aPairSharingEveryBandIsComparedOnceInTheBuckets() {
        let options = NearDupOptions()
        let stage = NearDupStage(options: options)
        let story = (0..<300).map { "word\($0)" }.joined(separator: " ")
        let other = (0..<300).map { "other\($0)" }.joined(separator: " ")
        var tally = SignatureTally()
        for (id, text) in [("a", story), ("b", story), ("c", other)] {
            stage.map(Document(id: id, text: text, origin: DocumentOrigin(source: "t", line: 1)), into: &tally)
        }
        let statistics = DuplicateClusters(tally: tally, options: options).statistics
        // a and b meet in all 28 bands; their sketches are compared once there, and complete linkage
        // reads that comparison again when it checks the two roots before joining them.
        #expect(statistics.candidatePairs == options.bands)
        #expect(statistics.verifiedPairs == 1)
        #expect(statistics.joinedPairs == 1)
        #expect(statistics.rejectedPairs == 0)
    }
}
