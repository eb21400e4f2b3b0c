import Glibc

/// Everything a run needs besides its stages: where to read, where to write, limits and threads.
public struct RunConfiguration: Sendable {
    public var inputs: [InputSpec]
    /// The cleaned output; `-` is standard output.
    public var output: String
    /// Where removed documents go (with `removed_by` and `removed_reason`); nil drops them after counting.
    public var removedOutput: String?
    /// Where rejected records go (one JSON line each, with file, line and message); nil: stderr only.
    public var rejectsOutput: String?
    /// Where the run summary goes as JSON.
    public var statsOutput: String?
    public var fields: FieldNames = .standard
    /// Records longer than this many bytes are rejected as too large, without being held in memory.
    public var maxRecordBytes = 64 << 20 {
        didSet { archiveDecoder.maxPayloadBytes = maxRecordBytes }
    }
    /// How web archive records become documents (the id they take; the payload limit follows `maxRecordBytes`).
    public var archiveDecoder = ArchiveDocumentDecoder()
    /// The run fails (exit 2, no output written) once more records than this are rejected; nil: no limit.
    public var maxRejects: Int?
    /// Batches processed at once; defaults to the number of cores; at most `maxThreads` are used.
    public var threads: Int
    /// How many reject messages go to stderr before they are only counted (all of them without a rejects file).
    public var rejectMessageLimit = 20
    /// Where documents wait between the passes of a corpus stage (as much space as the corpus):
    /// `$TMPDIR`, or `/tmp`.
    public var spoolDirectory = RunConfiguration.defaultSpoolDirectory
    /// Files the stages read besides the inputs (a merged keepers, counts or clusters file): no output
    /// may overwrite them either.
    public var sideInputs: [String] = []
    /// When set, every JSONL input is framed: each line starts with `INPUT LINE OFFSET ` (the record's
    /// origin, INPUT numbering these names), and kept and removed documents are written framed the same way. A
    /// cluster feeds partitions of a corpus through Winnow like this, so origins stay the user's inputs.
    public var framedSources: [String]?
    /// Set when the one input is a cluster run's input read whole (a web archive): it is read unframed,
    /// as the user's file, and its documents carry its origin (framed with it when `framedSources` is set).
    public var wholeInput: WholeInput?
    /// The names the records' origins carry: the framed sources, or the inputs' names as given
    /// (`RecordReader.sourceNames`).
    public var sourceNames: [String] { framedSources ?? readerOrigins ?? RecordReader.sourceNames(of: inputs) }
    /// The framing the inputs are read with: none for a whole input, which is the user's file.
    var inputFraming: [String]? { wholeInput == nil ? framedSources : nil }
    /// The origins the reader gives the inputs when they are not their names as given.
    var readerOrigins: [String]? { wholeInput.map { [$0.origin] } }
    /// When set, the report is written after the run, into `reportFolder`.
    public var report: ReportOptions?
    /// Whether a retractable corpus stage right after a filtering one maps in that stage's pass
    /// (`SharedMap`: exact, then templates); false gives each its own pass, with the same output.
    public var sharesMapPasses = true

    /// Where the report goes: nil without a report, and when the cleaned output goes to standard
    /// output (it cannot be read back).
    public var reportFolder: String? {
        guard let report, OutputTarget.hasSiblings(output) else { return nil }
        return report.folder(forOutput: output)
    }

    /// The files the run writes, each with the option that names it, for `OutputTarget.requireDistinct`.
    public var namedOutputs: [(role: String, path: String)] {
        [("-o", output)]
            + [("--removed", removedOutput), ("--rejects", rejectsOutput), ("--stats", statsOutput)]
            .compactMap { role, path in path.map { (role, $0) } }
    }

    public init(inputs: [InputSpec], output: String, threads: Int = RunConfiguration.coreCount) {
        self.inputs = inputs
        self.output = output
        self.threads = threads
    }

    public static var defaultSpoolDirectory: String {
        guard let value = getenv("TMPDIR"), value.pointee != 0 else { return "/tmp" }
        return String(cString: value)
    }

    /// The most batches processed at once: each holds a megabyte or more of records, so a mistyped huge
    /// `--threads` would exhaust memory rather than run faster.
    public static let maxThreads = 1024

    public static var coreCount: Int { max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))) }
}
