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
}

extension DocumentStage {
    public var makesText: Bool { false }
}

/// The options of a stage as written in a pipeline file: snake_case keys, all optional, with defaults.
public protocol StageOptions: Codable, Sendable, Equatable {
    init()
    /// Every key the options accept, so that a misspelt key is an error rather than silently ignored.
    static var keys: [String] { get }
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
}

extension RegisteredStage where Self: DocumentStage {
    public var step: PipelineStep { .document(self) }
}

extension RegisteredStage where Self: CorpusStage {
    public var step: PipelineStep { .corpus(self) }
}

extension RegisteredStage {
    public var name: String { Self.stageName }

    /// The option keys a pipeline file may give this stage.
    public static var optionKeys: [String] { Options.keys }

    /// Builds the stage from the options node of a pipeline step (nil: all defaults).
    static func make(options node: Node?, context: String) throws(WinnowError) -> PipelineStep {
        Self(options: try Options.decode(node, owner: "stage '\(stageName)'", context: context)).step
    }
}

extension StageOptions {
    /// Reads options from the node of a pipeline step (nil or empty: all defaults); a misspelt key
    /// or a wrong value is an error naming `owner` and the step.
    static func decode(_ node: Node?, owner: String, context: String) throws(WinnowError) -> Self {
        guard let node else { return Self() }
        if case .scalar(let scalar) = node, scalar.string.isEmpty || scalar.string == "~" || scalar.string == "null" {
            return Self()
        }
        guard let mapping = node.mapping else {
            throw .configuration("\(context): options of \(owner) must be a mapping of option: value")
        }
        for key in mapping.keys {
            let keyName = key.string ?? "\(key)"
            guard keys.contains(keyName) else {
                throw .configuration("\(context): unknown option '\(keyName)' for \(owner); "
                    + "it accepts: \(keys.joined(separator: ", "))")
            }
        }
        do {
            return try YAMLDecoder().decode(Self.self, from: node)
        } catch {
            throw .configuration("\(context): invalid options for \(owner): \(describe(error))")
        }
    }

    private static func describe(_ error: any Error) -> String {
        switch error {
        case DecodingError.typeMismatch(let type, let context), DecodingError.valueNotFound(let type, let context):
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            return "'\(path)' must be \(type)"
        case DecodingError.dataCorrupted(let context):
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            return "'\(path)': \(context.debugDescription)"
        default:
            return "\(error)"
        }
    }
}
