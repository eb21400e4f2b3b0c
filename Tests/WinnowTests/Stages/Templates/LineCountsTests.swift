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

    /// Two counts files whose pages of one line add past 2^32 - 1 (only crafted ones can) stopped the
    /// process at merge; the count stays at the most it can hold.
    @Test func aCountAddedPastItsLargestStaysThere() {
        var table = LineCounts()
        table.add(7, .max - 1)
        table.addSaturating(7, 5)
        table.addSaturating(8, 5)
        #expect(table[7] == .max && table[8] == 5)
        var counts = TemplateCounts(), more = TemplateCounts()
        counts.sites["a"] = TemplateCounts.Site(pages: 3_000_000_000)
        counts.sites["a"]?.lines.set(7, 3_000_000_000)
        more.sites["a"] = counts.sites["a"]
        counts.merge(more)
        #expect(counts.sites["a"]?.pages == 6_000_000_000 && counts.sites["a"]?.lines[7] == .max)
    }
}

@Suite struct LineCountsSubtractionTests {
    /// Counts taken back, down to nothing for some lines, leave the table a fresh one of what is left
    /// would be: every other key still found however the deleted ones sat in its run of slots.
    @Test func countsTakenBackLeaveWhatRemains() {
        var random = SeededRandom.forTest(0x5B7)
        var table = LineCounts(), reference: [UInt64: UInt32] = [:]
        // Keys with equal low bits collide, so deletions happen inside long runs of slots.
        let keys = (0..<2000).map { UInt64($0 % 40) | UInt64.random(in: 0...UInt64.max, using: &random) << 12 }
        for key in keys {
            table.add(key, 2)
            reference[key, default: 0] += 2
        }
        for key in keys.shuffled(using: &random) {
            let amount = UInt32.random(in: 1...2, using: &random)
            guard let held = reference[key], held >= amount else {
                let refused = !table.subtract(key, amount)
                #expect(refused)
                continue
            }
            let taken = table.subtract(key, amount)
            #expect(taken)
            reference[key] = held == amount ? nil : held - amount
            #expect(table[key] == reference[key], "\(SeededRandom.replay)")
        }
        #expect(table.count == reference.count)
        #expect(Dictionary(uniqueKeysWithValues: table.map { ($0.key, $0.pages) }) == reference)
        var fresh = LineCounts()
        for (key, pages) in reference { fresh.add(key, pages) }
        #expect(fresh == table)
        let neverCounted = table.subtract(0xDEAD_0000, 1)
        #expect(!neverCounted, "a key never counted")
    }

    /// Adds and subtracts at random, with keys crowded into a few home slots so that runs wrap around the
    /// table's end and grow it, checking every count against a dictionary after each step.
    @Test(arguments: [0, 1, 2, 3]) func lineCountsSubtractAgreesWithADictionary(round: Int) {
        var random = SeededRandom.forTest(0x51 &+ UInt64(round))
        var table = LineCounts()
        var model: [UInt64: UInt32] = [:]
        // Keys whose low bits are few (heavy collisions), some near the top of every table size (wrap-around).
        let pool: [UInt64] = (0..<300).map { index in
            let high = UInt64.random(in: 1...UInt64.max >> 16, using: &random) << 16
            let low: UInt64 = index % 3 == 0 ? UInt64(index % 4) : index % 3 == 1 ? 0xFFFF - UInt64(index % 3) : UInt64(index % 7)
            return high | low
        }
        for step in 0..<6000 {
            let key = pool[Int.random(in: 0..<(step < 3000 ? 300 : 120), using: &random)]
            if Bool.random(using: &random) || model[key] == nil {
                let amount = UInt32.random(in: 1...3, using: &random)
                table.add(key, amount)
                model[key, default: 0] += amount
            } else {
                let amount = UInt32.random(in: 1...(model[key]! + 1), using: &random)
                let ok = table.subtract(key, amount)
                #expect(ok == (amount <= model[key]!))
                if ok {
                    model[key]! -= amount
                    if model[key] == 0 { model[key] = nil }
                }
            }
            if step % 97 == 0 || step > 5900 {
                #expect(table.count == model.count)
                for key in pool where table[key] != model[key] {
                    Issue.record(
                        "round \(round) step \(step): key \(key) table \(String(describing: table[key])) model \(String(describing: model[key]))"
                    )
                    return
                }
                #expect(Dictionary(uniqueKeysWithValues: table.map { ($0.key, $0.pages) }) == model)
            }
        }
        // Everything taken back leaves an empty table that still counts new lines.
        for (key, amount) in model {
            let ok = table.subtract(key, amount)
            #expect(ok)
        }
        #expect(table.isEmpty && Array(table).isEmpty)
        table.add(pool[0], 1)
        #expect(table[pool[0]] == 1 && table.count == 1)
    }
}
