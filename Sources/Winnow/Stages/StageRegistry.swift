import Yams

/// Every stage a pipeline file can name, in the order the default pipeline runs them.
/// `StageRegistryTests` fails when a stage exists that this list or `Pipelines/default.yaml` misses.
public enum StageRegistry {
    public static let stages: [any RegisteredStage.Type] = [
        CleanStage.self,
        NormalizeStage.self,
        ExactStage.self,
        TemplatesStage.self,
        NearDupStage.self,
    ]

    public static var names: [String] { stages.map { $0.stageName } }

    /// Builds the stage called `name` from its options in a pipeline file.
    static func make(name: String, options: Node?, context: String) throws(WinnowError) -> PipelineStep {
        try stage(named: name, context: context).make(options: options, context: context)
    }

    /// The stage a pipeline step names; `context` names the step in the error of an unknown one.
    private static func stage(named name: String, context: String) throws(WinnowError) -> any RegisteredStage.Type {
        guard let type = stages.first(where: { $0.stageName == name }) else {
            throw .configuration("\(context): unknown stage '\(name)'; stages are: \(names.joined(separator: ", "))")
        }
        return type
    }

    /// The options of the stage called `name`, or of the report step, each at its default or as
    /// `settings` (`--set KEY=VALUE`) give it, as JSON (`StageOptions.resolvedJSON`).
    public static func resolvedOptions(name: String, settings: [String]) throws(WinnowError) -> String {
        if name == PipelineDefinition.reportStep {
            return try ReportOptions.decode(settings: settings, owner: "the report step").resolvedJSON
        }
        guard let type = stages.first(where: { $0.stageName == name }) else {
            throw .configuration(
                "unknown stage '\(name)'; stages are: \((names + [PipelineDefinition.reportStep]).joined(separator: ", "))")
        }
        return try type.resolvedOptions(settings: settings)
    }

    /// The options of a pipeline step naming `name`, resolved, as JSON; `context` names the step in errors.
    static func resolvedOptions(name: String, options: Node?, context: String) throws(WinnowError) -> String {
        try stage(named: name, context: context).resolvedOptions(options, context: context)
    }
}
