/// MinHash signatures by one permutation hashing: each shingle hash, mixed with the seed, falls into one
/// of `permutations` slots (by its high bits) and the slot keeps the smallest of its values (its low 32
/// bits); a slot no shingle fell into takes the value of the first filled slot on its own probe sequence
/// (optimal densification, Shrivastava 2017). Two signatures agree in a slot with probability close to
/// the Jaccard similarity of the shingle sets, as with one hash function per slot, for one multiply per
/// shingle instead of one per slot. The parameters are a pure function of the seed.
public struct MinHasher: Sendable {
    public let permutations: Int
    let key: UInt64
    let multiplier: UInt64
    let probeSeed: UInt64

    /// The value of a slot no shingle fell into before densification (a value no filled slot can hold
    /// apart from a one in 2³² chance, and then it is refilled the same way in every document).
    static let empty = UInt32.max

    public init(permutations: Int, seed: UInt64) {
        precondition(permutations > 0 && permutations % 8 == 0, "permutations must be a positive multiple of 8")
        self.permutations = permutations
        key = StableHash.finalize(seed ^ 0x6A09_E667_F3BC_C908)
        multiplier = StableHash.finalize(seed ^ 0xBB67_AE85_84CA_A73B) | 1
        probeSeed = StableHash.finalize(seed ^ 0x3C6E_F372_FE94_F82B)
    }

    /// The slot a shingle falls into and its value there.
    @inline(__always)
    func place(_ shingle: UInt64) -> (slot: Int, value: UInt32) {
        let mixed = (shingle ^ key) &* multiplier
        return (Int(truncatingIfNeeded: mixed.multipliedFullWidth(by: UInt64(permutations)).high), UInt32(truncatingIfNeeded: mixed))
    }

    /// The `attempt`-th slot (from 1) that an empty `slot` takes its value from, if that one is filled.
    func probe(_ slot: Int, attempt: UInt64) -> Int {
        let hash = StableHash.finalize(probeSeed ^ (UInt64(slot) << 32 | attempt))
        return Int(truncatingIfNeeded: hash.multipliedFullWidth(by: UInt64(permutations)).high)
    }

    /// Appends the signature of `shingles` (`permutations` values) to `signatures`. No shingles give a
    /// signature of all ones, which matches nothing that has shingles.
    public func appendSignature(of shingles: [UInt64], to signatures: inout [UInt32]) {
        let start = signatures.count
        signatures.append(contentsOf: repeatElement(Self.empty, count: permutations))
        guard !shingles.isEmpty else { return }
        signatures.withUnsafeMutableBufferPointer { all in
            let slots = UnsafeMutableBufferPointer(rebasing: all[start...])
            for shingle in shingles {
                let (slot, value) = place(shingle)
                if value < slots[slot] { slots[slot] = value }
            }
            guard slots.contains(Self.empty), slots.contains(where: { $0 != Self.empty }) else { return }
            let filled = Array(slots)
            for slot in slots.indices where filled[slot] == Self.empty {
                var attempt: UInt64 = 1
                while filled[probe(slot, attempt: attempt)] == Self.empty { attempt += 1 }
                slots[slot] = filled[probe(slot, attempt: attempt)]
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
