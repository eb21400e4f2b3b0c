import ArgumentParser
import Winnow

extension WinnowCommand {
    struct Exact: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Remove documents whose text repeats another's exactly (case, spaces and punctuation folded).",
            discussion: "Each removed copy names the kept document in 'duplicate_of'.")

        @Option(help: "Which copy stays: longest, first, newest:FIELD or oldest:FIELD.")
        var keep: KeepPolicy = .longest

        @OptionGroup var options: RunOptions

        func run() async throws {
            var settings = ExactOptions()
            settings.keep = keep
            try await options.run(name: ExactStage.stageName, steps: [.corpus(ExactStage(options: settings))])
        }
    }
}

extension KeepPolicy: ExpressibleByArgument {
    public init?(argument: String) {
        self.init(argument)
    }
}
