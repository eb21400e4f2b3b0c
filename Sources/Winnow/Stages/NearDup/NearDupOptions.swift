/// How the `neardup` stage shingles, signs, buckets and verifies documents (the pair rule itself is
/// `PairRule`).
///
/// Defaults: 5-word shingles; 112 permutations cut into 28 bands of 4 rows, so that a pair of
/// similarity 0.6 shares a band with probability 0.98 (0.85: 1.0; 0.3: 0.2); sketches of 256 hashes,
/// which hold the whole shingle set of most news articles (the median page of the news development
/// set has 215). With complete linkage, sketches of 128, 256 and 512 hashes give pair F1 0.965, 0.972
/// and 0.973 there.
public struct NearDupOptions: StageOptions {
    public var shingleWords = 5
    public var permutations = 112
    public var bands = 28
    public var rows = 4
    /// When a verified pair is joined: threshold, containment and min_jaccard.
    public var rule = PairRule()
    public var sketch = 256
    public var seed: UInt64 = 1
    public var keep: KeepPolicy = .longest
    public var clusters = ""
    public var assignments = ""

    public init() {}

    public static let declarations: [OptionDeclaration<Self>] = [
        .init("shingle_words", \.shingleWords, "Words per shingle, between 1 and \(Self.maxShingleWords)."),
        .init(
            "permutations", \.permutations,
            "MinHash permutations (signature slots): a multiple of 8 between 8 and 1024, at least bands × rows."),
        .init("bands", \.bands, "LSH bands: documents sharing one band's rows are candidates."),
        .init("rows", \.rows, "Rows (signature slots) per band."),
        .init("threshold", \.rule.threshold, "The Jaccard similarity that joins a candidate pair on its own."),
        .init(
            "containment", \.rule.containment,
            "The containment (share of the smaller document's shingles in the larger) that joins a pair at least min_jaccard alike; 0 turns it off."
        ),
        .init("min_jaccard", \.rule.minJaccard, "No pair below this Jaccard similarity is ever joined."),
        .init(
            "sketch", \.sketch, "Shingle hashes kept per document to verify candidates; documents with fewer shingles are compared exactly."
        ),
        .init("seed", \.seed, "Seeds the permutations: signatures made with different seeds do not compare."),
        .init("keep", \.keep, "Which document of a cluster stays: longest, first, newest:FIELD or oldest:FIELD."),
        .init("clusters", \.clusters, "When not empty, the clusters file (JSONL, one line per cluster) is written here."),
        .init(
            "assignments", \.assignments,
            "When not empty, one {\"id\", \"cluster\"} line per clustered document is written here."),
    ]

    /// The widest shingle: past it nearly every document is one shingle of all its words, which only
    /// an exact copy matches; a bound turns a mistyped width into an error rather than a useless run.
    public static let maxShingleWords = 64

    /// What is wrong with these options, if anything, in words a user can act on.
    public var validationProblem: String? {
        if shingleWords < 1 || shingleWords > Self.maxShingleWords {
            return "shingle_words must be between 1 and \(Self.maxShingleWords)"
        }
        if permutations < 8 || permutations % 8 != 0 || permutations > 1024 {
            return "permutations must be a multiple of 8 between 8 and 1024"
        }
        if bands < 1 || rows < 1 { return "bands and rows must be 1 or more" }
        // Multiplied with overflow reported: bands and rows are unbounded on their own.
        let (cells, overflow) = bands.multipliedReportingOverflow(by: rows)
        if overflow || cells > permutations {
            return "bands × rows (\(bands) × \(rows)) must not exceed permutations (\(permutations))"
        }
        if let problem = rule.validationProblem { return problem }
        if sketch < 16 || sketch > 65536 { return "sketch must be between 16 and 65536 hashes" }
        return nil
    }

    /// The shingle hasher, MinHash permutations and banding these options describe.
    var hasher: ShingleHasher { ShingleHasher(width: shingleWords) }
    var minHasher: MinHasher { MinHasher(permutations: permutations, seed: seed) }
    var banding: LSHBanding { LSHBanding(bands: bands, rows: rows) }
    var sketcher: ShingleSketch { ShingleSketch(size: sketch) }
    /// Signature similarity below which a candidate is rejected without comparing sketches.
    var screen: Double { rule.screen(permutations: permutations) }
}
