import Testing
import WinnowTestSupport

@testable import Winnow

@Suite struct ShingleSketchTests {
    /// Two sets of random shingle hashes with `shared` in common and `onlyFirst` / `onlySecond` apart.
    func sets(shared: Int, onlyFirst: Int, onlySecond: Int, seed: UInt64) -> ([UInt64], [UInt64]) {
        var random = SeededRandom(seed: seed)
        let common = (0..<shared).map { _ in random.next() }
        let first = common + (0..<onlyFirst).map { _ in random.next() }
        let second = (0..<onlySecond).map { _ in random.next() } + common
        return (first.shuffled(using: &random), second.shuffled(using: &random))
    }

    func compare(_ first: [UInt64], _ second: [UInt64], size: Int = 256) -> ShingleSketch.Comparison {
        let sketch = ShingleSketch(size: size)
        var a: [UInt32] = [], b: [UInt32] = []
        sketch.appendSketch(of: first, to: &a)
        sketch.appendSketch(of: second, to: &b)
        return sketch.compare(a[...], b[...])
    }

    @Test(arguments: [0, 1, 2, 255, 256, 257, 1000])
    func bucketSortMatchesTheStandardSort(count: Int) {
        var random = SeededRandom(seed: UInt64(count))
        // Few distinct low values and full-range ones, so every byte of the key matters.
        var values = (0..<count).map { index in
            UInt32(truncatingIfNeeded: index % 2 == 0 ? random.next() % 300 : random.next())
        }
        let sorted = values.sorted()
        var clipped = values.filter { $0 <= 1 << 20 }
        ShingleSketch.sortAscending(&values, upTo: .max)
        #expect(values == sorted)
        let clippedSorted = clipped.sorted()
        ShingleSketch.sortAscending(&clipped, upTo: 1 << 20)
        #expect(clipped == clippedSorted, "values under a low bound")
        ShingleSketch.removeRepeats(&values)
        #expect(values == Array(Set(sorted)).sorted())
    }

    @Test(arguments: [0, 1, 2, 255, 256, 1000])
    func sketchesAreTheSmallestHalvesAscending(count: Int) {
        var random = SeededRandom(seed: UInt64(count))
        let shingles = (0..<count).map { _ in random.next() }
        var sketch: [UInt32] = [7]
        ShingleSketch(size: 256).appendSketch(of: shingles, to: &sketch)
        let expected = Set(shingles.map { UInt32(truncatingIfNeeded: $0 >> 32) }).sorted().prefix(256)
        #expect(sketch == [7] + expected, "appended after what was there")
    }

    @Test func shortDocumentsAreComparedExactly() {
        for (shared, onlyFirst, onlySecond) in [(100, 0, 0), (120, 80, 10), (60, 40, 40), (0, 50, 50), (1, 0, 200)] {
            let (first, second) = sets(shared: shared, onlyFirst: onlyFirst, onlySecond: onlySecond, seed: UInt64(shared))
            let result = compare(first + first.prefix(5), second)  // repeated shingles count once
            let union = Double(shared + onlyFirst + onlySecond)
            #expect(result.exact)
            #expect(result.standardError == 0)
            #expect(result.jaccard == Double(shared) / union)
            let smaller = Double(min(shared + onlyFirst, shared + onlySecond))
            #expect(result.containment == Double(shared) / smaller)
        }
    }

    @Test func aLongDocumentOfFewDistinctShinglesIsWhole() {
        // 2,000 shingles, but only 100 distinct: its sketch holds them all, so comparisons are exact.
        let (first, second) = sets(shared: 60, onlyFirst: 40, onlySecond: 40, seed: 9)
        let repeated = (0..<20).flatMap { _ in first }
        let result = compare(repeated, second)
        #expect(result.exact)
        #expect(result.jaccard == 60.0 / 140.0)
    }

    @Test func longDocumentsGetAnUnbiasedEstimateWithACalibratedError() {
        // J = 900 / 1500 = 0.6, containment 900 / 1100 of the smaller document.
        var total = 0.0, outside = 0
        let trials = 300
        for trial in 0..<trials {
            let (first, second) = sets(shared: 900, onlyFirst: 200, onlySecond: 400, seed: UInt64(1000 + trial))
            let result = compare(first, second)
            #expect(!result.exact)
            #expect(result.standardError > 0.01 && result.standardError < 0.04)
            total += result.jaccard
            if abs(result.jaccard - 0.6) > 3 * result.standardError { outside += 1 }
        }
        #expect(abs(total / Double(trials) - 0.6) < 0.01)
        #expect(outside <= 3, "three standard errors cover all but about 0.3% of estimates")
    }

    @Test func containmentFindsATruncatedCopy() {
        // The copy is the first 70% of a long original: contained, though J is only 0.7.
        var totalJaccard = 0.0, totalContainment = 0.0
        for trial in 0..<100 {
            let (original, _) = sets(shared: 2000, onlyFirst: 0, onlySecond: 0, seed: UInt64(trial))
            let result = compare(original, Array(original.prefix(1400)))
            totalJaccard += result.jaccard
            totalContainment += result.containment
        }
        #expect(abs(totalJaccard / 100 - 0.7) < 0.01)
        #expect(totalContainment / 100 > 0.99)
    }
}

/// The block-wise count of shared values against a set intersection, on lists of every length up to
/// a few blocks, sharing none, some or all of their values.
@Suite struct SharedCountTests {
    @Test func countsWhatTwoAscendingListsShare() {
        var random = SeededRandom.forTest(0x5348_4152)
        var differing: [String] = []
        for round in 0..<4000 {
            // Values from a small range, so that lists share many; from a large one, so they share few.
            let range: UInt32 = round % 2 == 0 ? 64 : .max
            func list() -> [UInt32] {
                Array(Set((0..<Int(random.next() % 40)).map { _ in UInt32(truncatingIfNeeded: random.next()) % range })).sorted()
            }
            let a = list(), b = round % 7 == 0 ? a : list()
            let expected = Set(a).intersection(b).count
            let counted = a.withUnsafeBufferPointer { a in b.withUnsafeBufferPointer { ShingleSketch.sharedCount(a, $0) } }
            if counted != expected { differing.append("\(a) \(b): \(counted) for \(expected)") }
        }
        #expect(differing.isEmpty, "\(differing.prefix(3)) \(SeededRandom.replay)")
    }
}
