import ArgumentParser
import Winnow

extension WinnowCommand {
    struct Stages: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the stages a pipeline file can use, with their options and defaults.",
            discussion: "Pipelines/default.yaml and the README's option tables are this listing in other forms.")

        @Flag(help: "Print the default pipeline (Pipelines/default.yaml) instead.")
        var pipeline = false

        @Flag(help: "Print the README's option tables (Markdown) instead.")
        var markdown = false

        func run() {
            print(pipeline ? OptionListing.pipelineYAML : markdown ? OptionListing.markdown : OptionListing.text, terminator: "")
        }
    }
}
