import Foundation
import Yams

/// A pipeline file: a format version, a name, and the ordered steps with their options.
///
///     version: 1
///     name: default
///     steps:
///       - normalize:
///           max_blank_lines: 1
///       - report          # optional, last: report.html, report.json and clusters.csv after the run
public struct PipelineDefinition {
    /// The pipeline file format this build reads.
    public static let currentVersion = 1

    public struct Step {
        public let stage: String
        let options: Node?
    }

    public let name: String
    public let description: String?
    public let steps: [Step]
    /// The report written after the run, when the pipeline ends with a `report` step.
    public let report: ReportOptions?
    /// Where the definition came from, for messages.
    public let origin: String

    /// Reads and checks a pipeline file.
    public static func load(path: String) throws(WinnowError) -> PipelineDefinition {
        let data: [UInt8]
        do {
            data = try WholeFile.read(path, limit: WholeFile.sideFileLimit)
        } catch {
            throw .configuration("cannot read the pipeline file (\(error.message))", path: path)
        }
        // A byte order mark, which some editors write, is not part of the YAML.
        let body = data.starts(with: [0xEF, 0xBB, 0xBF]) ? data[3...] : data[...]
        do throws(WinnowError) {
            guard let yaml = String(validating: body, as: UTF8.self) else {
                throw .configuration("the pipeline file is not UTF-8 text", path: path)
            }
            return try parse(yaml, origin: path)
        } catch {
            guard looksLikeInput(body, path: path) else { throw error }
            throw WinnowError(
                error.kind,
                error.message + "; it looks like an input, not a pipeline: the pipeline file comes first "
                    + "(winnow run PIPELINE.yaml INPUT..., with Pipelines/default.yaml the standard one)",
                path: error.path)
        }
    }

    /// Whether a file that is no pipeline is named or starts as the inputs are (JSONL, gzip, archives, HTML).
    private static func looksLikeInput(_ bytes: ArraySlice<UInt8>, path: String) -> Bool {
        let inputEndings = [".jsonl", ".gz"] + ArchiveFormat.suffixes + InputSpec.htmlSuffixes
        // JSONL: a second line that starts a JSON object too (a pipeline may be written as JSON).
        let jsonLines = bytes.starts(with: Array(#"{""#.utf8)) && ByteSearch.firstOffset(of: Array("\n{".utf8), in: bytes) != nil
        return FileNameEnding.hasSuffix(path, in: inputEndings) || bytes.starts(with: [0x1F, 0x8B]) || jsonLines
            || bytes.starts(with: Array("WARC/".utf8))
    }

    /// Parses pipeline YAML; `origin` names it in messages.
    public static func parse(_ yaml: String, origin: String) throws(WinnowError) -> PipelineDefinition {
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch {
            throw .configuration("not valid YAML: \(Self.clipped("\(error)"))", path: origin)
        }
        guard let mapping = root?.mapping else {
            throw .configuration("a pipeline file is a mapping with 'version' and 'steps'", path: origin)
        }
        let allowed: Set<String> = ["version", "name", "description", "steps"]
        for key in mapping.keys {
            guard let name = key.string, allowed.contains(name) else {
                throw .configuration(
                    "unknown key '\(key.string ?? "?")'; a pipeline file has: version, name, description, steps",
                    path: origin)
            }
        }
        guard let versionNode = mapping["version"] else {
            throw .configuration("missing 'version: \(currentVersion)'", path: origin)
        }
        guard let version = versionNode.int, !(versionNode.scalar.map(OptionValueKind.isText) ?? false) else {
            // Present but no integer ('1', !!str 1, 1.0): saying it is missing would send the user looking for it.
            let shown = versionNode.scalar.map { scalar in
                OptionValueKind.isText(scalar) ? "the text '\(scalar.string)' (quoted, or tagged !!str)" : "'\(scalar.string)'"
            }
            throw .configuration(
                "'version' must be the integer \(currentVersion), not \(shown ?? "a list or mapping"): write 'version: \(currentVersion)'",
                path: origin)
        }
        guard version == currentVersion else {
            throw .configuration(
                "pipeline format version \(version) is not supported; this Winnow reads version \(currentVersion)",
                path: origin)
        }
        guard let stepNodes = mapping["steps"]?.sequence else {
            throw .configuration("'steps' must be a list of stages", path: origin)
        }
        var steps: [Step] = []
        var report: ReportOptions?
        for (index, node) in stepNodes.enumerated() {
            let context = "step \(index + 1)"
            let step: Step
            if let stage = node.string {
                step = Step(stage: stage, options: nil)
            } else if let entry = node.mapping, entry.count == 1, let (key, options) = entry.first, let stage = key.string {
                step = Step(stage: stage, options: options)
            } else {
                throw .configuration("\(context) must be a stage name or 'stage: {options}'", path: origin)
            }
            guard step.stage == reportStep else {
                steps.append(step)
                continue
            }
            guard index == stepNodes.count - 1 else {
                throw .configuration("\(context): '\(reportStep)' reads the run's outputs, so it must be the last step", path: origin)
            }
            do {
                report = try ReportOptions.decode(step.options, owner: "the report step", context: context)
            } catch {
                throw WinnowError(error.kind, error.message, path: origin)
            }
        }
        let name = mapping["name"]?.string ?? ((origin as NSString).lastPathComponent as NSString).deletingPathExtension
        return PipelineDefinition(
            name: name, description: mapping["description"]?.string, steps: steps, report: report,
            origin: origin)
    }

    /// The name of the step that writes the report.
    public static let reportStep = "report"

    /// Builds the stages, checking every stage name and option. With `reportFolder`, stages that feed
    /// the report and were given no file of their own write it there (into its work folder, which
    /// the runner puts in its place with the report: `StagedFolder`); when several steps feed one
    /// file, each writes its own, named with its step number (`ReportFeed.file(step:)`).
    public func makeStages(reportFolder: String? = nil) throws(WinnowError) -> [PipelineStep] {
        // The feeds each step fills into the report folder: those whose option names no file.
        let filled = steps.map { step in
            (StageRegistry.stages.first { $0.stageName == step.stage }?.reportFeeds ?? []).filter {
                (step.options?.mapping?[$0.option]?.string ?? "").isEmpty
            }
        }
        let writers = Dictionary(filled.joined().map { ($0.file, 1) }, uniquingKeysWith: +)
        var stages: [PipelineStep] = []
        for (index, step) in steps.enumerated() {
            var options = step.options
            if let reportFolder {
                for feed in filled[index] {
                    var mapping = options?.mapping ?? Node.Mapping([])
                    // The report step is last, so `index + 1` is the step's number in the file.
                    let file = writers[feed.file, default: 0] > 1 ? feed.file(step: index + 1) : feed.file
                    mapping[feed.option] = Node(StagedFolder.workFolder(for: reportFolder) + "/" + file)
                    options = Node.mapping(mapping)
                }
            }
            do {
                stages.append(try StageRegistry.make(name: step.stage, options: options, context: "step \(index + 1)"))
            } catch {
                throw WinnowError(error.kind, error.message, path: origin)
            }
        }
        return stages
    }

    /// The file as this build reads it, as one JSON object: `version`, `name`, `description` (when the
    /// file has one) and `steps`, each `{"stage": {options}}` with every option resolved, the report last.
    /// What winnow_spark.py runs, so that the cluster reads a pipeline file exactly as `winnow run` does.
    public func resolvedJSON() throws(WinnowError) -> String {
        var steps: [String] = []
        for (index, step) in self.steps.enumerated() {
            let options: String
            do {
                options = try StageRegistry.resolvedOptions(name: step.stage, options: step.options, context: "step \(index + 1)")
            } catch {
                throw WinnowError(error.kind, error.message, path: origin)
            }
            steps.append("{\(JSONString.quoted(step.stage)):\(options)}")
        }
        if let report { steps.append("{\(JSONString.quoted(Self.reportStep)):\(report.resolvedJSON)}") }
        var head = "\"version\":\(Self.currentVersion),\"name\":\(JSONString.quoted(name))"
        if let description { head += ",\"description\":\(JSONString.quoted(description))" }
        return "{\(head),\"steps\":[\(steps.joined(separator: ","))]}"
    }

    /// A parser's message with each line cut to 200 characters, so a huge line is not echoed whole.
    static func clipped(_ message: String) -> String {
        message.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.count > 200 ? $0.prefix(200) + "… (\($0.count) characters)" : String($0) }
            .joined(separator: "\n")
    }
}
