import ArgumentParser
import Winnow

extension WinnowCommand {
    struct Normalize: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "normalize",
            abstract: "Normalise text: Unicode NFC, control and invisible characters, spaces, blank lines.",
            discussion: "Example: zcat pages.jsonl.gz | winnow normalize > clean.jsonl")

        @OptionGroup var normalize: StageSettings<NormalizeOptions>
        @OptionGroup var options: RunOptions

        func run() async throws {
            let settings = try normalize.options(owner: "stage 'normalize'")
            try await options.run(name: NormalizeStage.stageName, steps: [.document(NormalizeStage(options: settings))])
        }
    }
}
