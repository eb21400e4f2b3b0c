/// The accounting of a whole run. Every record read is counted in exactly one of `kept`, `removed`,
/// `rejected` and `skipped`; `isBalanced` checks it, and the runner refuses to report a run where it fails.
public struct RunSummary: Codable, Sendable, Equatable {
    public var pipeline: String
    /// Records read: non-blank JSONL lines, HTML files and web archive records, including those rejected.
    public var records = 0
    public var kept = 0
    public var removed = 0
    public var rejected = 0
    public var rejectedByReason: [String: Int] = [:]
    /// Web archive records that are not documents (requests, metadata, non-HTML or non-2xx responses, ...).
    public var skipped = 0
    public var skippedByReason: [String: Int] = [:]
    /// Bytes read (after decompression) and bytes written to the cleaned output (before compression).
    public var inputBytes = 0
    public var outputBytes = 0
    public var wallSeconds = 0.0
    /// How many times the run read its documents: once, plus once per corpus stage, less one for a
    /// corpus stage that maps in the pass of the one before it (templates after exact: `SharedMap`).
    public var passes = 0
    /// The bytes written to temporary files between passes: the documents (none when every pass reads
    /// the inputs), and a shared map pass's retraction records and the removals it holds back (`SharedMap`).
    public var spooledBytes = 0
    /// Decoding of records, each stage in order, then encoding of the output.
    public var stages = StageTable(steps: [])
    public var outputs: Outputs = Outputs()
    /// The JSON fields the run worked on (`--id-field` and the others): the report reads its outputs by them.
    public var fields = FieldNames.standard

    public struct Outputs: Codable, Sendable, Equatable {
        public var cleaned: String?
        public var removed: String?
        public var rejects: String?
        /// The near-duplicate clusters file, when the `neardup` stage wrote one.
        public var clusters: String?
        /// The per-site template summary, when the `templates` stage wrote one.
        public var templateSummary: String?
        /// The report folder, when the run wrote a report.
        public var report: String?

        public init(
            cleaned: String? = nil, removed: String? = nil, rejects: String? = nil, clusters: String? = nil,
            templateSummary: String? = nil, report: String? = nil
        ) {
            self.cleaned = cleaned
            self.removed = removed
            self.rejects = rejects
            self.clusters = clusters
            self.templateSummary = templateSummary
            self.report = report
        }

        enum CodingKeys: String, CodingKey {
            case cleaned, removed, rejects, clusters, report
            case templateSummary = "template_summary"
        }
    }

    public init(pipeline: String) {
        self.pipeline = pipeline
    }

    public var isBalanced: Bool { records == kept + removed + rejected + skipped }

    /// Input megabytes per wall-clock second.
    public var megabytesPerSecond: Double {
        wallSeconds > 0 ? Double(inputBytes) / 1_000_000 / wallSeconds : 0
    }

    enum CodingKeys: String, CodingKey {
        case pipeline, records, kept, removed, rejected
        case rejectedByReason = "rejected_by_reason"
        case skipped
        case skippedByReason = "skipped_by_reason"
        case inputBytes = "input_bytes"
        case outputBytes = "output_bytes"
        case wallSeconds = "wall_seconds"
        case passes
        case spooledBytes = "spooled_bytes"
        case stages, outputs, fields
    }
}

extension RunSummary {
    /// Reads a summary; one written before skipped records were counted has none, and one written before
    /// the fields were recorded is of a run on the standard ones (the only ones the report then read).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        pipeline = try container.decode(String.self, forKey: .pipeline)
        records = try container.decode(Int.self, forKey: .records)
        kept = try container.decode(Int.self, forKey: .kept)
        removed = try container.decode(Int.self, forKey: .removed)
        rejected = try container.decode(Int.self, forKey: .rejected)
        rejectedByReason = try container.decode([String: Int].self, forKey: .rejectedByReason)
        skipped = try container.decodeIfPresent(Int.self, forKey: .skipped) ?? 0
        skippedByReason = try container.decodeIfPresent([String: Int].self, forKey: .skippedByReason) ?? [:]
        inputBytes = try container.decode(Int.self, forKey: .inputBytes)
        outputBytes = try container.decode(Int.self, forKey: .outputBytes)
        wallSeconds = try container.decode(Double.self, forKey: .wallSeconds)
        passes = try container.decodeIfPresent(Int.self, forKey: .passes) ?? 0
        spooledBytes = try container.decodeIfPresent(Int.self, forKey: .spooledBytes) ?? 0
        stages = try container.decode(StageTable.self, forKey: .stages)
        outputs = try container.decode(Outputs.self, forKey: .outputs)
        fields = try container.decodeIfPresent(FieldNames.self, forKey: .fields) ?? .standard
    }
}
