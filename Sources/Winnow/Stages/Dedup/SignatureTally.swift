/// The map side of the `neardup` stage: each document's id, keep rank and MinHash signature, and
/// nothing of its text (about 450 bytes a document with the default 112 slots). Merging appends;
/// the clustering sorts by rank and id first, so the arrival order never matters.
public struct SignatureTally: CorpusTally {
    public private(set) var ids: [String] = []
    public private(set) var ranks: [[UInt8]] = []
    /// Each document's number of shingles: with the similarity estimate it gives the containment.
    public private(set) var shingleCounts: [UInt32] = []
    /// All signatures, one after the other, `permutations` slots each.
    public private(set) var signatures: [UInt32] = []
    /// Each document's LSH bucket keys (`LSHBanding.appendBucketKeys`), `bands` per document, made
    /// here so that the map step, which runs on every core, does that work rather than the merge.
    public private(set) var bucketKeys: [UInt32] = []
    /// Documents seen, including those without words (which are never clustered).
    public private(set) var documents = 0

    public init() {}

    public var count: Int { ids.count }

    /// Adds a document without words: counted, never clustered.
    public mutating func addEmpty() {
        documents += 1
    }

    /// Adds a document whose signature the caller appends to `signatures` through `body`, and its
    /// bucket keys under `banding`.
    public mutating func add(id: String, rank: [UInt8], shingles: Int, banding: LSHBanding,
                             sign body: (inout [UInt32]) -> Void) {
        documents += 1
        ids.append(id)
        ranks.append(rank)
        shingleCounts.append(UInt32(clamping: shingles))
        let start = signatures.count
        body(&signatures)
        banding.appendBucketKeys(of: signatures[start...], to: &bucketKeys)
    }

    /// The signature of entry `index`.
    public func signature(_ index: Int, permutations: Int) -> ArraySlice<UInt32> {
        signatures[(index * permutations)..<((index + 1) * permutations)]
    }

    public mutating func merge(_ other: SignatureTally) {
        documents += other.documents
        ids += other.ids
        ranks += other.ranks
        shingleCounts += other.shingleCounts
        signatures += other.signatures
        bucketKeys += other.bucketKeys
    }
}
