import CMinHashKernel

/// MinHash signatures: for each of `permutations` hash functions x ↦ a·x + b (mod 2⁶⁴), the minimum
/// over a document's shingle hashes, kept as its upper 32 bits. Two signatures agree in a slot with
/// probability equal to the Jaccard similarity of the shingle sets, so the share of equal slots
/// estimates it. The parameters are a pure function of the seed: the same on every machine and shard.
public struct MinHasher: Sendable {
    public let permutations: Int
    let multipliers: [UInt64]
    let increments: [UInt64]

    public init(permutations: Int, seed: UInt64) {
        precondition(permutations > 0 && permutations % 8 == 0, "permutations must be a positive multiple of 8")
        self.permutations = permutations
        multipliers = (0..<permutations).map { StableHash.finalize(seed &+ UInt64(2 * $0 + 1)) | 1 }
        increments = (0..<permutations).map { StableHash.finalize(seed &+ UInt64(2 * $0 + 2)) }
    }

    /// Appends the signature of `shingles` (`permutations` values) to `signatures`. No shingles give a
    /// signature of all ones, which matches nothing that has shingles.
    public func appendSignature(of shingles: [UInt64], to signatures: inout [UInt32]) {
        var minima = [UInt64](repeating: .max, count: permutations)
        shingles.withUnsafeBufferPointer { shingles in
            multipliers.withUnsafeBufferPointer { a in
                increments.withUnsafeBufferPointer { b in
                    minima.withUnsafeMutableBufferPointer { minima in
                        winnow_minhash_update(
                            shingles.baseAddress, shingles.count, a.baseAddress, b.baseAddress,
                            minima.baseAddress, permutations)
                    }
                }
            }
        }
        for value in minima { signatures.append(UInt32(truncatingIfNeeded: value >> 32)) }
    }

    /// The same signature computed by a plain Swift loop: the reference the vectorised kernel is
    /// tested against.
    public func scalarSignature(of shingles: [UInt64]) -> [UInt32] {
        var minima = [UInt64](repeating: .max, count: permutations)
        for shingle in shingles {
            for k in 0..<permutations {
                minima[k] = min(minima[k], multipliers[k] &* shingle &+ increments[k])
            }
        }
        return minima.map { UInt32(truncatingIfNeeded: $0 >> 32) }
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
