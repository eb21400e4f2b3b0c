import Testing
import WinnowTestSupport

@testable import Winnow

/// The open-addressed set against the standard library's `Set`, through growth, repeats and zero.
@Suite struct UInt64SetTests {
    @Test func agreesWithSetOnRandomAndClusteredValues() {
        var random = SeededRandom.forTest(64)
        var set = UInt64Set()
        var reference = Set<UInt64>()
        // Random values, small ones (repeats and zero), and packed pairs as the clustering makes them.
        let values: [UInt64] =
            (0..<3000).map { _ in random.next() }
            + (0..<3000).map { _ in random.next() % 50 }
            + (0..<3000).map { _ in (random.next() % 400 + 1) << 32 | random.next() % 400 }
        // Disagreements are gathered and checked once: an expectation per value would dwarf the work.
        let insertsDiffering = values.filter { set.insert($0) != reference.insert($0).inserted }
        #expect(insertsDiffering.isEmpty, "\(SeededRandom.replay)")
        #expect(set.count == reference.count)
        let probes = (0..<3000).map { _ in
            random.next() % 2 == 0 ? values[Int(random.next() % UInt64(values.count))] : random.next()
        }
        #expect(probes.filter { set.contains($0) != reference.contains($0) }.isEmpty, "\(SeededRandom.replay)")
        #expect(set.sorted() == reference.sorted())
    }

    @Test func zeroIsAMemberLikeAnyOther() {
        var set = UInt64Set(minimumCapacity: 100)
        #expect(set.isEmpty && !set.contains(0))
        #expect(set.insert(0) && !set.insert(0))
        #expect(set.contains(0) && set.count == 1 && set.sorted() == [0])
    }
}
