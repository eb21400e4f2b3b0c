import Testing
import WinnowTestSupport

@testable import Winnow

@Suite struct ShingleHasherTests {
    func shingles(_ text: String, width: Int = 5) -> [UInt64] {
        var buffer: [UInt64] = []
        _ = ShingleHasher(width: width).shingles(of: text, into: &buffer)
        return buffer
    }

    @Test func oneShinglePerWindowAndOneForShortTexts() {
        let text = "one two three four five six seven"
        #expect(shingles(text).count == 3)
        #expect(shingles(text, width: 1).count == 7)
        #expect(shingles("only three words").count == 1)
        #expect(shingles(" ... ").isEmpty)
    }

    @Test func shinglesDependOnWordOrderAndFolding() {
        #expect(shingles("One, two; three four five.") == shingles("one two three four five"))
        #expect(shingles("one two three four five") != shingles("two one three four five"))
        // A shared run of words gives shared shingles, wherever it sits.
        let shared = Set(shingles("alpha beta one two three four five")).intersection(shingles("one two three four five omega"))
        #expect(shared.count == 1)
    }
}

@Suite struct MinHasherTests {
    /// A filled slot holds the smallest value of the shingles that fell into it; an empty one the value
    /// of the filled slot first in its order (found by ranks when few are filled, by walking the
    /// order when many are: 1 and 7 shingles take the first way, 100 the second); no shingles give all ones.
    @Test(arguments: [0, 1, 7, 100, 4096])
    func slotsHoldTheirMinimumOrACopy(count: Int) {
        var random = SeededRandom(seed: UInt64(count))
        let shingles = (0..<count).map { _ in random.next() }
        for permutations in [8, 112, 256] {
            let hasher = MinHasher(permutations: permutations, seed: 42)
            var signature: [UInt32] = []
            hasher.appendSignature(of: shingles, to: &signature)
            #expect(signature.count == permutations)
            var minima = [UInt32?](repeating: nil, count: permutations)
            for shingle in shingles {
                let (slot, value) = hasher.place(shingle)
                minima[slot] = min(minima[slot] ?? value, value)
            }
            let filled = minima.indices.filter { minima[$0] != nil }
            for (slot, value) in signature.enumerated() {
                if let minimum = minima[slot] {
                    #expect(value == minimum)
                } else if let first = filled.min(by: {
                    hasher.probeRank[slot * permutations + $0] < hasher.probeRank[slot * permutations + $1]
                }) {
                    #expect(value == minima[first])
                } else {
                    #expect(value == MinHasher.empty)
                }
            }
        }
    }

    /// Densified slots keep the estimate unbiased: over many pairs of short sets (far fewer shingles
    /// than slots), the mean estimate is the Jaccard similarity.
    @Test func shortSetsEstimateJaccardOnAverage() {
        var random = SeededRandom(seed: 11)
        let hasher = MinHasher(permutations: 112, seed: 1)
        var total = 0.0
        let pairs = 400
        for _ in 0..<pairs {
            let common = (0..<24).map { _ in random.next() }
            var a: [UInt32] = [], b: [UInt32] = []
            hasher.appendSignature(of: common + (0..<8).map { _ in random.next() }, to: &a)
            hasher.appendSignature(of: common + (0..<8).map { _ in random.next() }, to: &b)
            total += MinHasher.similarity(a[...], b[...])
        }
        // J = 24/40 = 0.6; the mean of 400 estimates has a standard deviation near 0.01.
        #expect(abs(total / Double(pairs) - 0.6) < 0.04, "mean estimate \(total / Double(pairs))")
    }

    @Test func similarityEstimatesJaccard() {
        var random = SeededRandom(seed: 9)
        let common = (0..<600).map { _ in random.next() }
        let first = common + (0..<200).map { _ in random.next() }
        let second = common + (0..<200).map { _ in random.next() }
        let jaccard = 600.0 / 1000.0
        let hasher = MinHasher(permutations: 256, seed: 1)
        var a: [UInt32] = [], b: [UInt32] = []
        hasher.appendSignature(of: first, to: &a)
        hasher.appendSignature(of: second, to: &b)
        let estimate = MinHasher.similarity(a[...], b[...])
        // Standard deviation sqrt(J(1-J)/256) ≈ 0.03: four of them is a generous bound.
        #expect(abs(estimate - jaccard) < 0.12, "estimate \(estimate)")
        #expect(MinHasher.similarity(a[...], a[...]) == 1)
        var unrelated: [UInt32] = []
        hasher.appendSignature(of: (0..<800).map { _ in random.next() }, to: &unrelated)
        #expect(MinHasher.similarity(a[...], unrelated[...]) < 0.05)
    }

    /// The vectorised comparison counts equal slots exactly, on slices of any length and offset
    /// (eight slots at a time, then the rest one by one).
    @Test(arguments: [0, 3, 8, 13, 112, 1024])
    func similarityCountsEqualSlots(length: Int) {
        var random = SeededRandom(seed: UInt64(length) + 1)
        let first = (0..<(length + 5)).map { _ in UInt32(truncatingIfNeeded: random.next() % 4) }
        let second = (0..<(length + 5)).map { _ in UInt32(truncatingIfNeeded: random.next() % 4) }
        for offset in [0, 1, 5] where offset + length <= first.count {
            let x = first[offset..<(offset + length)], y = second[(5 - offset)..<(5 - offset + length)]
            let equal = zip(x, y).filter { $0 == $1 }.count
            #expect(MinHasher.similarity(x, y) == (length == 0 ? 0 : Double(equal) / Double(length)))
        }
    }

    @Test func signaturesDoNotDependOnShingleOrderButOnTheSeed() {
        var random = SeededRandom(seed: 3)
        let shingles = (0..<300).map { _ in random.next() }
        var forward: [UInt32] = [], backward: [UInt32] = [], reseeded: [UInt32] = []
        MinHasher(permutations: 64, seed: 1).appendSignature(of: shingles, to: &forward)
        MinHasher(permutations: 64, seed: 1).appendSignature(of: shingles.reversed(), to: &backward)
        MinHasher(permutations: 64, seed: 2).appendSignature(of: shingles, to: &reseeded)
        #expect(forward == backward)
        #expect(forward != reseeded)
    }

    @Test func bandKeysFollowTheSignature() {
        let banding = LSHBanding(bands: 4, rows: 2)
        let signature: [UInt32] = [1, 2, 3, 4, 5, 6, 7, 8]
        var changed = signature
        changed[7] = 99
        #expect(banding.key(band: 0, of: signature[...]) == banding.key(band: 0, of: changed[...]))
        #expect(banding.key(band: 3, of: signature[...]) != banding.key(band: 3, of: changed[...]))
        // Equal slots in different bands still give different keys.
        #expect(banding.key(band: 0, of: [5, 5, 5, 5][...]) != banding.key(band: 1, of: [5, 5, 5, 5][...]))
        #expect(abs(LSHBanding(bands: 28, rows: 4).candidateProbability(similarity: 0.6) - 0.98) < 0.01)
    }
}

@Suite struct UnionFindTests {
    @Test func theRootIsTheSmallestMemberWhateverTheOrderOfUnions() {
        let pairs = [(5, 3), (3, 9), (1, 7), (7, 8), (9, 2)]
        var orders = [pairs, pairs.reversed(), pairs.map { ($0.1, $0.0) }]
        orders.append([pairs[2], pairs[0], pairs[4], pairs[1], pairs[3]])
        var partitions: [[Int]] = []
        for order in orders {
            var sets = UnionFind(count: 10)
            for (a, b) in order { sets.union(a, b) }
            partitions.append((0..<10).map { sets.find($0) })
        }
        #expect(Set(partitions.map { $0.description }).count == 1)
        #expect(partitions[0] == [0, 1, 2, 2, 4, 2, 6, 1, 1, 2])
    }

    @Test func unionSaysWhetherItJoinedAnything() {
        var sets = UnionFind(count: 3)
        let joined = sets.union(0, 1)
        let joinedAgain = sets.union(1, 0)
        let alone = sets.find(2)
        #expect(joined && !joinedAgain && alone == 2)
    }
}

@Suite struct BucketSorterTests {
    /// The radix sort against the standard library's sort, on sizes either side of its small-input
    /// cut-off, with keys drawn from a small range (many ties) and from the full 32 bits.
    @Test(arguments: [0, 1, 100, 4095, 4096, 50_000])
    func sortsLikeTheStandardLibrary(count: Int) {
        var generator = SeededRandom.forTest(UInt64(count))
        var sorter = BucketSorter()
        var sorted: [UInt64] = []
        for range in [UInt32(50), UInt32.max] {
            let keys = (0..<count).map { _ in UInt32.random(in: 0...range, using: &generator) }
            sorter.sort(keys[...], into: &sorted)
            let expected = keys.enumerated().map { UInt64($0.element) << 32 | UInt64($0.offset) }.sorted()
            #expect(sorted == expected, "\(SeededRandom.replay)")
        }
    }
}

@Suite struct KeepOrderTests {
    /// The prefix-then-ties order equals a plain sort by rank then id, with ranks that tie on their
    /// first sixteen bytes, ranks shorter than eight or sixteen bytes, and repeated ids (told apart by origin).
    @Test func keepOrderIsRankThenIdBytewiseThenOrigin() {
        var tally = SignatureTally()
        var generator = SeededRandom.forTest(0x6B65_6570)
        let banding = LSHBanding(bands: 1, rows: 8)
        for index in 0..<2_000 {
            let length = Int.random(in: 0...20, using: &generator)
            let rank = (0..<length).map { position in
                // Few values, low and high (a rank of `longest` is mostly 0xFF), so that ranks tie often.
                position < 16 ? [0, 1, 0xFE, 0xFF][Int.random(in: 0...3, using: &generator)] : UInt8.random(in: 0...255, using: &generator)
            }
            tally.add(
                id: "d\(index % 700)", origin: DocumentOrigin(source: "s\(index % 3)", line: index % 5), rank: rank,
                fingerprint: UInt64(index), shingles: 1, banding: banding
            ) {
                $0 += [UInt32](repeating: 0, count: 8)
            } sketch: {
                $0.append(0)
            }
        }
        func rank(_ index: Int) -> DocumentRank {
            DocumentRank(rank: tally.ranks[index], id: tally.ids[index], origin: tally.origins[index])
        }
        let expected = (0..<tally.count).sorted { rank($0) < rank($1) }
        let order = DuplicateClusters.keepOrder(tally)
        #expect(order.map(rank) == expected.map(rank), "\(SeededRandom.replay)")
    }
}
