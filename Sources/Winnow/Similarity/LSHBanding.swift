import Foundation

/// Locality-sensitive hashing over MinHash signatures: the signature is cut into `bands` bands of
/// `rows` slots, and each band is hashed to a key. Documents sharing any band key become candidate
/// pairs; with similarity s a pair shares at least one band with probability 1 − (1 − sʳ)ᵇ.
///
/// A band key is `StableHash` seeded with the band number, fed each slot of the band as a word, so
/// an engine can compute the same keys from a signatures file and group documents by its shuffle.
public struct LSHBanding: Sendable, Equatable {
    public let bands: Int
    public let rows: Int

    public init(bands: Int, rows: Int) {
        precondition(bands > 0 && rows > 0, "bands and rows must be positive")
        self.bands = bands
        self.rows = rows
    }

    /// The key of band `band` of a signature of `bands × rows` slots.
    @inline(__always)
    public func key(band: Int, of signature: ArraySlice<UInt32>) -> UInt64 {
        var hash = StableHash(seed: StableHash.offsetBasis ^ UInt64(band))
        let start = signature.startIndex + band * rows
        for slot in start..<(start + rows) { hash.add(word: UInt64(signature[slot])) }
        return hash.value
    }

    /// Appends the upper 32 bits of every band's key, band 0 first: the clustering groups documents
    /// by these (a rare false bucket costs one signature comparison and joins nothing).
    public func appendBucketKeys(of signature: ArraySlice<UInt32>, to keys: inout [UInt32]) {
        for band in 0..<bands { keys.append(UInt32(truncatingIfNeeded: key(band: band, of: signature) >> 32)) }
    }

    /// The probability that a pair of similarity `similarity` shares at least one band.
    public func candidateProbability(similarity: Double) -> Double {
        1 - pow(1 - pow(similarity, Double(rows)), Double(bands))
    }
}
