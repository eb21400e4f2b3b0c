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

        func run() {
            if rules {
                for rule in ContentRule.allCases { print("\(rule.name)\t\(rule.why)") }
                return
            }
            print(pipeline ? OptionListing.pipelineYAML : markdown ? OptionListing.markdown : OptionListing.text, terminator: "")
        }
    }
}
