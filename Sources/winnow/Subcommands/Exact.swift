import ArgumentParser
import Winnow

extension WinnowCommand {
    struct Exact: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "exact",
            abstract: "Remove documents whose text repeats another's exactly (case, spaces and punctuation folded).",
            discussion: """
                Each removed copy names the kept document in 'duplicate_of'. With inputs alone, finds and removes
                the copies in one run. On a cluster, run the three steps:
                  winnow exact map shard-007.jsonl -o keepers/007.jsonl             (per shard)
                  winnow exact merge keepers/*.jsonl -o keepers.jsonl               (once; merges of merges work)
                  winnow exact apply --keepers keepers.jsonl shard-007.jsonl -o exact/007.jsonl
                """,
            subcommands: [All.self, Map.self, Merge.self, Apply.self],
            defaultSubcommand: All.self)
    }
}

/// The exact stage's options, shared by the steps: map, merge and apply must agree on them.
struct ExactArguments: ParsableArguments {
    @Option(help: ArgumentHelp(ExactOptions.help("keep"), valueName: "policy"))
    var keep: String?

    @OptionGroup var exact: StageSettings<ExactOptions>

    var options: ExactOptions {
        get throws { try exact.options(owner: "stage 'exact'", literals: keep.map { [("keep", $0)] } ?? []) }
    }
}

extension WinnowCommand.Exact {
    struct All: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "all", abstract: "Find the copies and remove them in one run (the default).")

        @OptionGroup var exact: ExactArguments
        @OptionGroup var options: RunOptions

        func run() async throws {
            try await options.run(name: ExactStage.stageName, steps: [.corpus(ExactStage(options: try exact.options))])
        }
    }

    struct Map: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "map",
            abstract: "Write the keeper of every folded-text fingerprint of one shard into a keepers file.")

        @OptionGroup var exact: ExactArguments
        @OptionGroup var options: RunOptions

        func validate() throws {
            try options.validateMapStep(state: "KEEPERS.jsonl")
        }

        func run() async throws {
            try options.requireMapOutput()
            let settings = try exact.options
            let configuration = try options.configuration()
            var tally = try await options.runner(name: "exact map", steps: [], configuration: configuration)
                .tally(ExactStage(options: settings))
            tally.inputs = MapInputs(readBy: configuration)
            try ExactKeepersFile.write(tally, keep: settings.keep, to: options.output)
            for warning in ExactStage(options: settings).warnings(using: tally) { Terminal.error("warning: exact map: " + warning) }
            if !options.quiet {
                Terminal.error("\(tally.keepers.count) fingerprints of \(tally.documents) documents written to \(options.output)")
            }
        }
    }

    struct Merge: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "merge",
            abstract: "Merge the keepers files of every shard into one.")

        @OptionGroup var exact: ExactArguments

        @Argument(help: ArgumentHelp("Keepers files written by 'exact map' (or 'exact merge').", valueName: "keepers"))
        var keepers: [String]

        @Option(name: .shortAndLong, help: ArgumentHelp("The merged keepers file.", valueName: "file"))
        var output: String

        func run() throws {
            try OutputTarget.requireDistinct(outputs: [("-o", output)], inputs: keepers)
            let settings = try exact.options
            let tally = try ExactKeepersFile.merge(keepers, keep: settings.keep)
            try ExactKeepersFile.write(tally, keep: settings.keep, to: output)
            for warning in ExactStage(options: settings).warnings(using: tally) { Terminal.error("warning: exact merge: " + warning) }
            Terminal.error("\(tally.keepers.count) fingerprints written to \(output)")
        }
    }

    struct Apply: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "apply",
            abstract: "Remove the copies from one shard, using the merged keepers file.")

        @OptionGroup var exact: ExactArguments

        @Option(help: ArgumentHelp("The keepers file written by 'exact merge'.", valueName: "file"))
        var keepers: String

        @OptionGroup var options: RunOptions

        func run() async throws {
            var tally = ExactTally()
            try ExactKeepersFile.read(keepers, keep: try exact.options.keep, into: &tally)
            let configuration = try options.configuration(reading: keepers)
            try tally.inputs.require(for: configuration, stateFile: keepers)
            try MappedInputNames.require(
                inputs: configuration.sourceNames, recorded: tally.keepers.values.lazy.map { ($0.origin, $0.id) },
                stateFile: keepers)
            try await options.run(
                name: ExactStage.stageName,
                steps: [
                    .document(
                        ExactRemover(
                            keepers: tally.keepers, checking: configuration.sourceNames,
                            wholeInputs: configuration.framedSources == nil, stateFile: keepers))
                ],
                configuration: configuration)
        }
    }
}
