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
        guard let type = stages.first(where: { $0.stageName == name }) else {
            throw .configuration("\(context): unknown stage '\(name)'; stages are: \(names.joined(separator: ", "))")
        }
        return try type.make(options: options, context: context)
    }
}
