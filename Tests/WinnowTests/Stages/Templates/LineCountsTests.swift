import Testing
import WinnowTestSupport

@testable import Winnow

@Suite struct LineCountsTests {
    @Test func countsAddUpAndCompareWhateverTheOrderOrGrowth() {
        var random = SeededRandom.forTest(0x11C0)
        var table = LineCounts(), reference: [UInt64: UInt32] = [:]
        // Small keys land in neighbouring slots; random ones anywhere; key 0 is a key like any other.
        let keys = Array(0..<300) + (0..<3000).map { _ in UInt64.random(in: 0...UInt64.max, using: &random) }
        for _ in 0..<3 {
            for key in keys.shuffled(using: &random) {
                let amount = UInt32.random(in: 1...5, using: &random)
                table.add(key, amount)
                reference[key, default: 0] += amount
            }
        }
        #expect(table.count == reference.count)
        #expect(reference.allSatisfy { table[$0.key] == $0.value }, "\(SeededRandom.replay)")
        #expect(table[UInt64.max - 1] == nil || reference[UInt64.max - 1] != nil)
        var rebuilt = LineCounts(minimumCapacity: reference.count)
        for (key, pages) in reference.shuffled(using: &random) { rebuilt.set(key, pages) }
        #expect(rebuilt == table)
        rebuilt.set(keys[0], 999)
        #expect(rebuilt[keys[0]] == 999 && rebuilt.count == table.count && rebuilt != table)
        #expect([7: 2, 0: 1] as LineCounts == [0: 1, 7: 2] && [7: 2] as LineCounts != [7: 3])
        #expect(Dictionary(uniqueKeysWithValues: table.map { ($0.key, $0.pages) }) == reference)
    }
}
