import Yams

/// What a stage decided about one document.
public enum StageVerdict: Sendable, Equatable {
    /// Keep the document (possibly changed) for the next stage.
    case keep
    /// Take the document out of the cleaned output; it goes to the removed output with this reason.
    case remove(reason: String)
}

/// A stage that decides about one document at a time, so it streams and runs on any number of
/// threads or shards with the same result. Stages are values: build them once, share them freely.
public protocol DocumentStage: Sendable {
    /// The name used in pipeline files, summaries and the `removed_by` field.
    var name: String { get }
    /// Changes `document` in place and says whether it stays.
    func process(_ document: inout Document) -> StageVerdict
    /// True for a stage that makes `text` out of `html`: records with only HTML may reach it.
    var makesText: Bool { get }
    /// The fields the stage writes on documents (`AddedField`): none by default.
    var addedFields: [AddedField] { get }
}

extension DocumentStage {
    public var makesText: Bool { false }

    public var addedFields: [AddedField] { [] }
}

/// A stage that a pipeline file can name: the registry builds it from its options. It is a
/// `DocumentStage` or a `CorpusStage`; `step` says which to the runner.
public protocol RegisteredStage: Sendable {
    associatedtype Options: StageOptions
    /// The name used in pipeline files.
    static var stageName: String { get }
    /// One line for `winnow stages` and the README.
    static var summary: String { get }
    init(options: Options)
    /// The stage as the runner drives it.
    var step: PipelineStep { get }
    /// The options naming files the report reads, which a pipeline with a report fills in when empty.
    static var reportFeeds: [ReportFeed] { get }
}

extension RegisteredStage {
    public static var reportFeeds: [ReportFeed] { [] }
}

extension RegisteredStage where Self: DocumentStage {
    public var step: PipelineStep { .document(self) }
}

extension RegisteredStage where Self: CorpusStage {
    public var step: PipelineStep { .corpus(self) }
}

extension RegisteredStage {
    public var name: String { Self.stageName }

    /// The options a pipeline file may give this stage, with their defaults.
    public static var optionRows: [OptionRow] { Options.rows }

    /// Builds the stage from the options node of a pipeline step (nil: all defaults).
    static func make(options node: Node?, context: String) throws(WinnowError) -> PipelineStep {
        Self(options: try Options.decode(node, owner: "stage '\(stageName)'", context: context)).step
    }

    /// The options of a pipeline step, every one resolved, as JSON (`StageOptions.resolvedJSON`).
    static func resolvedOptions(_ node: Node?, context: String) throws(WinnowError) -> String {
        try Options.decode(node, owner: "stage '\(stageName)'", context: context).resolvedJSON
    }

    /// The options `--set` settings give, every other at its default, as JSON.
    static func resolvedOptions(settings: [String]) throws(WinnowError) -> String {
        try Options.decode(settings: settings, owner: "stage '\(stageName)'").resolvedJSON
    }
}
