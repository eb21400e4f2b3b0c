/// MinHash signatures by one permutation hashing: each shingle hash, mixed with the seed, falls into one
/// of `permutations` slots (by its high bits) and the slot keeps the smallest of its values (its low 32
/// bits); a slot no shingle fell into takes the value of the filled slot that comes first in its own
/// fixed random order of the slots (optimal densification, Shrivastava 2017). Two signatures agree in a
/// slot with probability close to the Jaccard similarity of the shingle sets, as with one hash function
/// per slot, for one multiply per shingle instead of one per slot. All of it is a function of the seed.
public struct MinHasher: Sendable {
    public let permutations: Int
    let key: UInt64
    let multiplier: UInt64
    /// Slot i's order of the slots, by `probeHash(i, j)`: `probeOrder[i * permutations + k]` is its k-th.
    let probeOrder: [UInt16]
    /// Where slot j stands in slot i's order: `probeRank[i * permutations + j]`.
    let probeRank: [UInt16]

    /// The value of a slot no shingle fell into before densification (a value no filled slot can hold
    /// apart from a one in 2³² chance, and then it is refilled the same way in every document).
    static let empty = UInt32.max

    public init(permutations: Int, seed: UInt64) {
        precondition(
            permutations > 0 && permutations % 8 == 0 && permutations <= 1024,
            "permutations must be a multiple of 8 between 8 and 1024")
        self.permutations = permutations
        key = StableHash.finalize(seed ^ 0x6A09_E667_F3BC_C908)
        multiplier = StableHash.finalize(seed ^ 0xBB67_AE85_84CA_A73B) | 1
        let probeSeed = StableHash.finalize(seed ^ 0x3C6E_F372_FE94_F82B)
        var order: [UInt16] = [], rank = [UInt16](repeating: 0, count: permutations * permutations)
        order.reserveCapacity(permutations * permutations)
        for slot in 0..<permutations {
            let sorted = (0..<permutations).sorted {
                (Self.probeHash(probeSeed, slot, $0), $0) < (Self.probeHash(probeSeed, slot, $1), $1)
            }
            for (position, other) in sorted.enumerated() { rank[slot * permutations + other] = UInt16(position) }
            order += sorted.map { UInt16($0) }
        }
        probeOrder = order
        probeRank = rank
    }

    /// Where slot `other` comes in slot `slot`'s order of the slots: lower comes first.
    static func probeHash(_ probeSeed: UInt64, _ slot: Int, _ other: Int) -> UInt64 {
        StableHash.finalize(probeSeed ^ (UInt64(slot) << 32 | UInt64(other)))
    }

    /// The slot a shingle falls into and its value there.
    @inline(__always)
    func place(_ shingle: UInt64) -> (slot: Int, value: UInt32) {
        let mixed = (shingle ^ key) &* multiplier
        return (Int(truncatingIfNeeded: mixed.multipliedFullWidth(by: UInt64(permutations)).high), UInt32(truncatingIfNeeded: mixed))
    }

    /// Appends the signature of `shingles` (`permutations` values) to `signatures`. No shingles give a
    /// signature of all ones, which matches nothing that has shingles.
    public func appendSignature(of shingles: [UInt64], to signatures: inout [UInt32]) {
        let start = signatures.count
        signatures.append(contentsOf: repeatElement(Self.empty, count: permutations))
        guard !shingles.isEmpty else { return }
        signatures.withUnsafeMutableBufferPointer { all in
            let slots = UnsafeMutableBufferPointer(rebasing: all[start...])
            // Always stored, never branched on: whether a value is a slot's new minimum is a coin toss
            // early in a document, and a mispredicted branch costs more than the store.
            for shingle in shingles {
                let (slot, value) = place(shingle)
                slots[slot] = min(slots[slot], value)
            }
            densify(slots)
        }
    }

    /// Gives each empty slot the value of the filled slot that comes first in its order: with few
    /// filled slots by comparing their ranks, else by walking the order (about `permutations / filled`
    /// steps), so a slot costs at most about √`permutations` steps either way.
    private func densify(_ slots: UnsafeMutableBufferPointer<UInt32>) {
        let count = permutations
        guard slots.contains(Self.empty) else { return }
        // Most documents leave a few slots empty: the scratch lists live on the stack, not the heap.
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: count) { filled in
            withUnsafeTemporaryAllocation(of: Int.self, capacity: count) { filledSlots in
                var filledCount = 0
                for slot in 0..<count {
                    filled[slot] = slots[slot]
                    if slots[slot] != Self.empty {
                        filledSlots[filledCount] = slot
                        filledCount += 1
                    }
                }
                guard filledCount > 0 else { return }
                let fewFilled = filledCount * filledCount <= count
                probeOrder.withUnsafeBufferPointer { order in
                    probeRank.withUnsafeBufferPointer { rank in
                        for slot in 0..<count where filled[slot] == Self.empty {
                            let row = slot * count
                            var source = filledSlots[0]
                            if fewFilled {
                                for other in filledSlots[1..<filledCount] where rank[row + other] < rank[row + source] {
                                    source = other
                                }
                            } else {
                                var position = 0
                                while filled[Int(order[row + position])] == Self.empty { position += 1 }
                                source = Int(order[row + position])
                            }
                            slots[slot] = filled[source]
                        }
                    }
                }
            }
        }
    }

    /// The estimated Jaccard similarity of two signatures: the share of slots where they agree.
    public static func similarity(_ first: ArraySlice<UInt32>, _ second: ArraySlice<UInt32>) -> Double {
        precondition(first.count == second.count, "signatures of different lengths")
        // Eight slots per step as one vector compare; the clustering calls this for every candidate.
        let equal = first.withUnsafeBufferPointer { x in
            second.withUnsafeBufferPointer { y in
                let x = UnsafeRawBufferPointer(x), y = UnsafeRawBufferPointer(y)
                let stride = MemoryLayout<SIMD8<UInt32>>.size
                var counts = SIMD8<UInt32>(repeating: 0)
                var offset = 0
                while offset + stride <= x.count {
                    let same =
                        x.loadUnaligned(fromByteOffset: offset, as: SIMD8<UInt32>.self)
                        .== y.loadUnaligned(fromByteOffset: offset, as: SIMD8<UInt32>.self)
                    counts &+= SIMD8(repeating: 1).replacing(with: 0, where: .!same)
                    offset += stride
                }
                var equal = Int(counts.wrappedSum())
                while offset < x.count {
                    if x.load(fromByteOffset: offset, as: UInt32.self) == y.load(fromByteOffset: offset, as: UInt32.self) {
                        equal += 1
                    }
                    offset += 4
                }
                return equal
            }
        }
        return first.isEmpty ? 0 : Double(equal) / Double(first.count)
    }
}
