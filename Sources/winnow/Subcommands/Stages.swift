import ArgumentParser
import Winnow

extension WinnowCommand {
    struct Stages: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "stages",
            abstract: "List the stages a pipeline file can use, with their options and defaults.",
            discussion: "Pipelines/default.yaml and the README's option tables are this listing in other forms.")

        @Flag(help: "Print the default pipeline (Pipelines/default.yaml) instead.")
        var pipeline = false

        @Flag(help: "Print the README's option tables (Markdown) instead.")
        var markdown = false

        @Flag(help: "Print the clean stage's main-content rules instead: name and why, one a line (for disabled_rules).")
        var rules = false

        @Option(
            help: ArgumentHelp(
                "Print the pipeline file FILE as this build reads it, as JSON, every option of every step resolved.",
                discussion: "For drivers that run the stages elsewhere (winnow_spark.py), so that they read a file as winnow run does.",
                valueName: "FILE"))
        var resolve: String?

        @Option(
            help: ArgumentHelp(
                "Print the options of STAGE (or report) as JSON: each at its default, or as --set gives it.", valueName: "STAGE"))
        var options: String?

        @Option(
            name: .customLong("set"),
            help: ArgumentHelp("With --options: an option's value, as in a pipeline file (repeatable).", valueName: "KEY=VALUE"))
        var settings: [String] = []

        func validate() throws {
            if !settings.isEmpty && options == nil { throw ValidationError("--set goes with --options STAGE") }
            if resolve != nil && options != nil { throw ValidationError("give --resolve FILE or --options STAGE, not both") }
        }

        func run() throws {
            let text: String
            if let resolve {
                text = try PipelineDefinition.load(path: resolve).resolvedJSON() + "\n"
            } else if let options {
                text = try StageRegistry.resolvedOptions(name: options, settings: settings) + "\n"
            } else if rules {
                text = ContentRule.allCases.map { "\($0.name)\t\($0.why)\n" }.joined()
            } else {
                text = pipeline ? OptionListing.pipelineYAML : markdown ? OptionListing.markdown : OptionListing.text
            }
            try Terminal.output(text)
        }
    }
}
