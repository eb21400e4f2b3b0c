/// How the `neardup` stage shingles, signs, buckets and verifies documents.
///
/// A candidate pair is joined when its Jaccard similarity J (from the shingle sketches: exact below
/// `sketch` shingles, else estimated and then required three standard errors above the floor) is at
/// least `min_jaccard` and either J reaches `threshold` or the containment (the share of the smaller
/// document's shingles found in the larger) reaches `containment`: a syndicated copy that lost its
/// closing paragraph or gained a dateline is contained in the original even when J is only 0.6.
///
/// Defaults: 5-word shingles; 112 permutations cut into 28 bands of 4 rows, so that a pair of
/// similarity 0.6 shares a band with probability 0.98 (0.85: 1.0; 0.3: 0.2); thresholds 0.75 / 0.9 /
/// 0.6; sketches of 256 hashes, which hold the whole shingle set of most news articles (the median
/// page of the news development set has 215). Chosen on that set, where this rule on exact values
/// gives pair F1 0.980 (precision 0.996) against 0.968 for Jaccard ≥ 0.7 alone. With complete linkage,
/// sketches of 128, 256 and 512 hashes give F1 0.965, 0.972 and 0.973.
public struct NearDupOptions: StageOptions {
    /// Words per shingle.
    public var shingleWords = 5
    /// MinHash permutations (signature slots); a multiple of 8, at least bands × rows.
    public var permutations = 112
    /// LSH bands…
    public var bands = 28
    /// …of this many rows (slots) each.
    public var rows = 4
    /// The Jaccard similarity that joins a pair on its own.
    public var threshold = 0.75
    /// The containment that joins a pair whose similarity is at least `min_jaccard` (0 turns
    /// containment off).
    public var containment = 0.9
    /// No pair below this Jaccard similarity is ever joined.
    public var minJaccard = 0.6
    /// Shingle hashes kept per document to verify candidates (`ShingleSketch`); documents with fewer
    /// shingles are compared exactly.
    public var sketch = 256
    /// Seeds the permutations; signatures made with different seeds do not compare.
    public var seed: UInt64 = 1
    /// Which document of a cluster stays (see `KeepPolicy`).
    public var keep: KeepPolicy = .longest
    /// When not empty, the clusters file (JSONL, one line per cluster) is written here.
    public var clusters = ""
    /// When not empty, one `{"id", "cluster"}` line per clustered document is written here (what
    /// `score_clusters.py` reads).
    public var assignments = ""

    public init() {}

    enum CodingKeys: String, CodingKey, CaseIterable {
        case shingleWords = "shingle_words"
        case permutations, bands, rows, threshold, containment
        case minJaccard = "min_jaccard"
        case sketch, seed, keep, clusters, assignments
    }

    public static var keys: [String] { CodingKeys.allCases.map(\.rawValue) }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = NearDupOptions()
        shingleWords = try container.decodeIfPresent(Int.self, forKey: .shingleWords) ?? defaults.shingleWords
        permutations = try container.decodeIfPresent(Int.self, forKey: .permutations) ?? defaults.permutations
        bands = try container.decodeIfPresent(Int.self, forKey: .bands) ?? defaults.bands
        rows = try container.decodeIfPresent(Int.self, forKey: .rows) ?? defaults.rows
        threshold = try container.decodeIfPresent(Double.self, forKey: .threshold) ?? defaults.threshold
        containment = try container.decodeIfPresent(Double.self, forKey: .containment) ?? defaults.containment
        minJaccard = try container.decodeIfPresent(Double.self, forKey: .minJaccard) ?? defaults.minJaccard
        sketch = try container.decodeIfPresent(Int.self, forKey: .sketch) ?? defaults.sketch
        seed = try container.decodeIfPresent(UInt64.self, forKey: .seed) ?? defaults.seed
        keep = try container.decodeIfPresent(KeepPolicy.self, forKey: .keep) ?? defaults.keep
        clusters = try container.decodeIfPresent(String.self, forKey: .clusters) ?? defaults.clusters
        assignments = try container.decodeIfPresent(String.self, forKey: .assignments) ?? defaults.assignments
        if let problem = validationProblem {
            throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: problem))
        }
    }

    /// What is wrong with these options, if anything, in words a user can act on.
    public var validationProblem: String? {
        if shingleWords < 1 { return "shingle_words must be 1 or more" }
        if permutations < 8 || permutations % 8 != 0 || permutations > 1024 {
            return "permutations must be a multiple of 8 between 8 and 1024"
        }
        if bands < 1 || rows < 1 { return "bands and rows must be 1 or more" }
        if bands * rows > permutations {
            return "bands × rows (\(bands * rows)) must not exceed permutations (\(permutations))"
        }
        if !(threshold > 0 && threshold <= 1) { return "threshold must be above 0 and at most 1" }
        if !(containment >= 0 && containment <= 1) { return "containment must be between 0 (off) and 1" }
        if !(minJaccard > 0 && minJaccard <= threshold) { return "min_jaccard must be above 0 and at most threshold" }
        if sketch < 16 || sketch > 65536 { return "sketch must be between 16 and 65536 hashes" }
        return nil
    }

    /// The shingle hasher, MinHash permutations and banding these options describe.
    var hasher: ShingleHasher { ShingleHasher(width: shingleWords) }
    var minHasher: MinHasher { MinHasher(permutations: permutations, seed: seed) }
    var banding: LSHBanding { LSHBanding(bands: bands, rows: rows) }
    var sketcher: ShingleSketch { ShingleSketch(size: sketch) }

    /// Whether a candidate pair is joined, from the comparison of its sketches.
    func joins(_ pair: ShingleSketch.Comparison) -> Bool {
        guard clearsFloor(pair) else { return false }
        return pair.jaccard >= threshold || (containment > 0 && pair.containment >= containment)
    }

    /// Whether a pair is at least `min_jaccard` alike: exactly, or for an estimate by three standard
    /// errors, so that an estimated pair at the floor passes in 0.13% of comparisons.
    func clearsFloor(_ pair: ShingleSketch.Comparison) -> Bool {
        distanceBound(pair) <= 1 - minJaccard
    }

    /// The largest Jaccard distance (1 − J) the pair can have: exact, or three standard errors past
    /// the estimate.
    func distanceBound(_ pair: ShingleSketch.Comparison) -> Double {
        1 - (pair.jaccard - 3 * pair.standardError)
    }

    /// Signature similarity below which a candidate is rejected without comparing sketches: four
    /// standard deviations of the signature's estimate under `min_jaccard`, so a pair at the floor
    /// is screened out with probability 3·10⁻⁵ and most bucket collisions cost one vector compare.
    var screen: Double {
        minJaccard - 4 * (minJaccard * (1 - minJaccard) / Double(permutations)).squareRoot()
    }
}
