/// The map side of the `neardup` stage: each document's id, origin, keep rank, fingerprint, MinHash
/// signature, bucket keys and shingle sketch, and nothing of its text (at most about 1.6 KB a document with the
/// defaults: 112 slots, 28 bands, 256 sketch hashes). Merging appends; the clustering sorts by rank
/// and id first, so the arrival order never matters.
public struct SignatureTally: CorpusTally {
    public private(set) var ids: [String] = []
    /// Where each document was read: with its id, the document's identity.
    public private(set) var origins: [DocumentOrigin] = []
    public private(set) var ranks: [[UInt8]] = []
    /// Each document's word-sequence hash (`WordSequenceHash`), which apply checks against its text.
    public private(set) var fingerprints: [UInt64] = []
    /// Each document's number of shingles (repeats included), for the signatures file.
    public private(set) var shingleCounts: [UInt32] = []
    /// All signatures, one after the other, `permutations` slots each.
    public private(set) var signatures: [UInt32] = []
    /// Each document's LSH bucket keys (`LSHBanding.appendBucketKeys`), `bands` per document, made
    /// here so that the map step, which runs on every core, does that work rather than the merge.
    public private(set) var bucketKeys: [UInt32] = []
    /// All shingle sketches (`ShingleSketch`), one after the other; entry i's ends at `sketchEnds[i]`.
    public private(set) var sketches: [UInt32] = []
    public private(set) var sketchEnds: [Int] = []
    /// Documents seen, including those without words (which are never clustered).
    public private(set) var documents = 0
    /// The inputs the map steps read (`MapInputs`), which signatures and clusters files record.
    public var inputs = MapInputs.none

    public init() {}

    public var count: Int { ids.count }

    /// Adds a document without words: counted, never clustered.
    public mutating func addEmpty() {
        documents += 1
    }

    /// Adds a document whose signature and sketch the caller appends through `sign` and `sketch`,
    /// and its bucket keys under `banding`.
    public mutating func add(
        id: String, origin: DocumentOrigin, rank: [UInt8], fingerprint: UInt64, shingles: Int, banding: LSHBanding,
        sign: (inout [UInt32]) -> Void, sketch: (inout [UInt32]) -> Void
    ) {
        documents += 1
        ids.append(id)
        origins.append(origin)
        ranks.append(rank)
        fingerprints.append(fingerprint)
        shingleCounts.append(UInt32(clamping: shingles))
        let start = signatures.count
        sign(&signatures)
        banding.appendBucketKeys(of: signatures[start...], to: &bucketKeys)
        sketch(&sketches)
        sketchEnds.append(sketches.count)
    }

    /// Makes room for `documents` more entries of `permutations` slots and `bands` keys, and
    /// `sketchHashes` more sketch hashes, so that reading a large file does not copy each array as it doubles.
    public mutating func reserveCapacity(documents more: Int, permutations: Int, bands: Int, sketchHashes: Int) {
        ids.reserveCapacity(count + more)
        origins.reserveCapacity(count + more)
        ranks.reserveCapacity(count + more)
        fingerprints.reserveCapacity(count + more)
        shingleCounts.reserveCapacity(count + more)
        sketchEnds.reserveCapacity(count + more)
        signatures.reserveCapacity(signatures.count + more * permutations)
        bucketKeys.reserveCapacity(bucketKeys.count + more * bands)
        sketches.reserveCapacity(sketches.count + sketchHashes)
    }

    /// The signature of entry `index`.
    public func signature(_ index: Int, permutations: Int) -> ArraySlice<UInt32> {
        signatures[(index * permutations)..<((index + 1) * permutations)]
    }

    /// The sketch of entry `index`.
    public func sketch(_ index: Int) -> ArraySlice<UInt32> {
        sketches[(index == 0 ? 0 : sketchEnds[index - 1])..<sketchEnds[index]]
    }

    public mutating func merge(_ other: SignatureTally) {
        documents += other.documents
        inputs.merge(other.inputs)
        ids += other.ids
        origins += other.origins
        ranks += other.ranks
        fingerprints += other.fingerprints
        shingleCounts += other.shingleCounts
        signatures += other.signatures
        bucketKeys += other.bucketKeys
        let base = sketches.count
        sketches += other.sketches
        sketchEnds += other.sketchEnds.map { $0 + base }
    }
}
