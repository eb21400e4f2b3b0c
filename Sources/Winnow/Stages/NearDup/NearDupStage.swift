/// Finds near-duplicate documents (syndicated copies, light edits) and keeps one per cluster:
/// word shingles → MinHash signatures and shingle sketches (map) → LSH bands → candidate pairs
/// verified on their sketches → union-find clusters (merge) → kept document annotated, the others
/// removed with `duplicate_of` (apply).
public struct NearDupStage: RegisteredStage, CorpusStage {
    public typealias Tally = SignatureTally
    public static let stageName = "neardup"
    public static let summary = "near-duplicate documents by MinHash LSH (one document kept per cluster)"

    public let options: NearDupOptions

    public static let reportFeeds = [ReportFeed(option: "clusters", file: "clusters.jsonl")]

    public var sideFiles: [SideFile] {
        [
            SideFile(role: "neardup clusters", path: options.clusters, recordedAs: \RunSummary.Outputs.clusters),
            SideFile(role: "neardup assignments", path: options.assignments),
        ].filter { !$0.path.isEmpty }
    }
    let hasher: ShingleHasher
    let minHasher: MinHasher
    let banding: LSHBanding
    let sketcher: ShingleSketch

    public init(options: NearDupOptions) {
        self.options = options
        hasher = options.hasher
        minHasher = options.minHasher
        banding = options.banding
        sketcher = options.sketcher
    }

    public func map(_ document: Document, into tally: inout SignatureTally) {
        var shingles: [UInt64] = []
        var fingerprint: UInt64 = 0
        guard let words = document.withTextUTF8({ hasher.shingles(of: $0, into: &shingles, sequence: &fingerprint) }), words > 0
        else {
            return tally.addEmpty()
        }
        tally.add(
            id: document.id, origin: document.origin, rank: options.keep.rank(of: document, words: words),
            fingerprint: fingerprint, shingles: shingles.count, banding: banding
        ) { signatures in
            minHasher.appendSignature(of: shingles, to: &signatures)
        } sketch: { sketches in
            sketcher.appendSketch(of: shingles, to: &sketches)
        }
    }

    /// Room for every document's signature and keys, and for full sketches (pages left untouched cost no memory).
    public func reserve(_ tally: inout SignatureTally, documents: Int) {
        tally.reserveCapacity(
            documents: documents, permutations: options.permutations, bands: options.bands,
            sketchHashes: documents * options.sketch)
    }

    public var addedFields: [AddedField] { DuplicateFields.nearDupFields }

    public func warnings(using tally: SignatureTally) -> [String] {
        guard let field = options.keep.field, !tally.ranks.isEmpty, tally.ranks.allSatisfy({ options.keep.lacksField($0) })
        else { return [] }
        return [
            "no document (\(tally.ranks.count)) has a number or text in field '\(field)' (keep \(options.keep)): each "
                + "cluster's kept document is chosen by id; check the field's name"
        ]
    }

    public func apply(using tally: SignatureTally) -> any DocumentStage {
        NearDupRemover(clusters: DuplicateClusters(tally: tally, options: options), options: options)
    }
}
