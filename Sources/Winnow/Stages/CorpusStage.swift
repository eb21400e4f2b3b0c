/// The per-shard state of a corpus stage's map step. Tallies merge by an associative, commutative
/// `merge`, so the merged tally is the same however the corpus was sharded and in whatever order
/// the shards arrive.
public protocol CorpusTally: Sendable {
    init()
    mutating func merge(_ other: Self)
}

/// A stage that must see the whole corpus before it can decide about any document (templates that
/// repeat across a site's pages, duplicates). It runs as map → merge → apply:
/// `map` adds documents to a shard's tally, tallies merge, and `apply(using:)` turns the merged
/// tally into an ordinary `DocumentStage` that streams over the documents again.
public protocol CorpusStage: Sendable {
    associatedtype Tally: CorpusTally
    var name: String { get }
    /// Map: adds one document, as the earlier stages left it, to a shard's tally.
    func map(_ document: Document, into tally: inout Tally)
    /// Map, returning a value of the document's text that apply would compute again (exact's
    /// fingerprint); the spool carries it to the next pass. Nil by default: nothing carried.
    func mapCarrying(_ document: Document, into tally: inout Tally) -> UInt64?
    /// Map, returning what the spool carries to the apply step: `mapCarrying`'s key by default,
    /// or bytes of the stage's own encoding (templates' folded lines).
    func mapCarried(_ document: Document, into tally: inout Tally) -> CarriedValue?
    /// Apply: the per-document stage built from the merged tally of the whole corpus.
    func apply(using tally: Tally) -> any DocumentStage
    /// Makes room in `tally` for at most `documents` more, when a run knows how many a pass holds (a
    /// spooled one), so that merging fills arrays sized once rather than copies each as it doubles.
    func reserve(_ tally: inout Tally, documents: Int)
    /// The files the stage writes besides the outputs, as its options name them.
    var sideFiles: [SideFile] { get }
    /// The fields its apply step writes on documents (`AddedField`): none by default.
    var addedFields: [AddedField] { get }
    /// What the merged tally shows the user should know, one line each (a keep policy's field no
    /// document has): none by default.
    func warnings(using tally: Tally) -> [String]
}

extension CorpusStage {
    public var sideFiles: [SideFile] { [] }

    public var addedFields: [AddedField] { [] }

    public func reserve(_ tally: inout Tally, documents: Int) {}

    public func warnings(using tally: Tally) -> [String] { [] }

    public func mapCarrying(_ document: Document, into tally: inout Tally) -> UInt64? {
        map(document, into: &tally)
        return nil
    }

    public func mapCarried(_ document: Document, into tally: inout Tally) -> CarriedValue? {
        mapCarrying(document, into: &tally).map(CarriedValue.key)
    }
}

/// A stage that has something to write once every document went through it (a summary file). The
/// runner calls it after the run succeeded, before it finishes the outputs.
public protocol FinishingStage: DocumentStage {
    /// Writes the stage's side files and returns them finished but not in place: the runner renames
    /// them with the outputs, once every file of the run is written whole, so a run that fails later
    /// (a full disk under `--stats`) leaves them as they were, like the outputs.
    func finish() throws(WinnowError) -> [OutputFile]
}

/// One step of a pipeline as the runner drives it.
public enum PipelineStep: Sendable {
    case document(any DocumentStage)
    case corpus(any CorpusStage)

    public var name: String {
        switch self {
        case .document(let stage): stage.name
        case .corpus(let stage): stage.name
        }
    }

    /// The fields the step writes on documents.
    public var addedFields: [AddedField] {
        switch self {
        case .document(let stage): stage.addedFields
        case .corpus(let stage): stage.addedFields
        }
    }
}
