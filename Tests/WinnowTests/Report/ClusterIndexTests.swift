import Testing

@testable import Winnow

/// `ClusterIndex`: one serial per kind and label, by the label's bytes, kept as the table grows.
@Suite struct ClusterIndexTests {
    @Test func serialsSurviveGrowthAndKindsAndSpellingsAreApart() {
        var index = ClusterIndex()
        // Canonically equal but bytewise different labels are different clusters, as ids are compared.
        let labels = ["", "a", "é", "e\u{301}", "a\u{0}b"] + (0..<5000).map { "site\($0 % 97).example/\($0)" }
        for (position, label) in labels.enumerated() {
            #expect(index.serial(.nearDuplicate, label) == 2 * position)
            #expect(index.serial(.exact, label) == 2 * position + 1)
        }
        #expect(index.count == 2 * labels.count)
        for (position, label) in labels.enumerated().reversed() {
            #expect(index.existing(.nearDuplicate, label) == 2 * position)
            #expect(index.serial(.exact, label) == 2 * position + 1)
        }
        #expect(index.count == 2 * labels.count)
        #expect(index.existing(.nearDuplicate, "site1.example/5001") == nil)
        #expect(index.existing(.exact, "e") == nil)
    }
}
