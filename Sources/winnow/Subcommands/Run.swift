import ArgumentParser
import Winnow

extension WinnowCommand {
    struct Run: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "run",
            abstract: "Run a pipeline file (see Pipelines/) over the inputs.",
            discussion: "Example: winnow run Pipelines/default.yaml samples/pages.jsonl -o out/pages.jsonl --stats out/stats.json")

        @Argument(help: ArgumentHelp("The pipeline YAML file.", valueName: "pipeline"))
        var pipeline: String

        @OptionGroup var options: RunOptions

        func run() async throws {
            let definition = try PipelineDefinition.load(path: pipeline)
            var configuration = try options.configuration()
            configuration.report = definition.report
            // The pipeline file is read too: no output may replace it.
            configuration.sideInputs.append(pipeline)
            try await options.run(
                name: definition.name, steps: try definition.makeStages(reportFolder: configuration.reportFolder),
                configuration: configuration)
        }
    }
}
