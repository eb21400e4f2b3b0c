/// The accounting of a whole run. Every record read is counted in exactly one of `kept`, `removed`
/// and `rejected`; `isBalanced` checks it, and the runner refuses to report a run where it fails.
public struct RunSummary: Codable, Sendable, Equatable {
    public var pipeline: String
    /// Records read: non-blank JSONL lines and HTML files, including those rejected.
    public var records = 0
    public var kept = 0
    public var removed = 0
    public var rejected = 0
    public var rejectedByReason: [String: Int] = [:]
    /// Bytes read (after decompression) and bytes written to the cleaned output (before compression).
    public var inputBytes = 0
    public var outputBytes = 0
    public var wallSeconds = 0.0
    /// Decoding of records, each stage in order, then encoding of the output.
    public var stages: [StageStats] = []
    public var outputs: Outputs = Outputs()

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

        enum CodingKeys: String, CodingKey {
            case cleaned, removed, rejects, clusters, report
            case templateSummary = "template_summary"
        }
    }

    public init(pipeline: String) {
        self.pipeline = pipeline
    }

    public var isBalanced: Bool { records == kept + removed + rejected }

    /// Input megabytes per wall-clock second.
    public var megabytesPerSecond: Double {
        wallSeconds > 0 ? Double(inputBytes) / 1_000_000 / wallSeconds : 0
    }

    enum CodingKeys: String, CodingKey {
        case pipeline, records, kept, removed, rejected
        case rejectedByReason = "rejected_by_reason"
        case inputBytes = "input_bytes"
        case outputBytes = "output_bytes"
        case wallSeconds = "wall_seconds"
        case stages, outputs
    }
}
