import ArgumentParser
import Winnow

extension WinnowCommand {
    struct NearDup: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "neardup",
            abstract: "Find near-duplicate documents with MinHash LSH and keep one per cluster.",
            discussion: """
                (Also reachable as 'winnow neardup'.) With inputs alone, signs, clusters and applies in one run. On a cluster, run the three steps:
                  winnow neardup map shard-007.jsonl -o signatures/007.jsonl          (per shard)
                  winnow neardup merge signatures/*.jsonl -o clusters.jsonl           (once)
                  winnow neardup apply --clusters clusters.jsonl shard-007.jsonl -o neardup/007.jsonl
                On an engine whose shuffle groups the signatures, merge is two steps over partitions instead
                (spark/ does it): pairs (the buckets a partition holds), then link (whole components of pairs).
                """,
            subcommands: [All.self, Map.self, Merge.self, Pairs.self, Link.self, Apply.self],
            defaultSubcommand: All.self,
            aliases: ["dedup"])
    }
}

/// The neardup stage's options, shared by the steps: map, merge, pairs and link must agree on them.
struct NearDupArguments: ParsableArguments {
    @Option(help: ArgumentHelp(NearDupOptions.help("keep"), valueName: "policy"))
    var keep: String?

    @OptionGroup var settings: StageSettings<NearDupOptions>

    /// The options, with the string values of the subcommand's own flags (`literals`) before `--set`.
    func options(_ literals: [(key: String, value: String)] = []) throws -> NearDupOptions {
        try settings.options(owner: "stage 'neardup'", literals: (keep.map { [("keep", $0)] } ?? []) + literals)
    }
}

extension WinnowCommand.NearDup {
    struct All: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "all", abstract: "Sign, cluster and apply in one run (the default).")

        @Option(help: ArgumentHelp(NearDupOptions.help("clusters"), valueName: "file"))
        var clusters: String?

        @Option(help: ArgumentHelp(NearDupOptions.help("assignments"), valueName: "file"))
        var assignments: String?

        @OptionGroup var neardup: NearDupArguments
        @OptionGroup var options: RunOptions

        func run() async throws {
            let outputs = [clusters.map { ("clusters", $0) }, assignments.map { ("assignments", $0) }]
            let settings = try neardup.options(outputs.compactMap { $0 })
            try await options.run(name: NearDupStage.stageName, steps: [.corpus(NearDupStage(options: settings))])
        }
    }

    struct Map: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "map",
            abstract: "Compute the MinHash signatures and band keys of one shard into a signatures file.")

        @OptionGroup var neardup: NearDupArguments
        @OptionGroup var options: RunOptions

        func validate() throws {
            try options.validateMapStep(state: "SIGNATURES.jsonl")
        }

        func run() async throws {
            try options.requireMapOutput()
            let settings = try neardup.options()
            let configuration = try options.configuration()
            let writer = try SignaturesFile.Writer(path: options.output, options: settings, inputs: MapInputs(readBy: configuration))
            var signatures = 0, documents = 0
            do throws(WinnowError) {
                try await options.runner(name: "neardup map", steps: [], configuration: configuration).forEachTally(
                    NearDupStage(options: settings)
                ) {
                    tally throws(WinnowError) in
                    try writer.append(tally)
                    signatures += tally.count
                    documents += tally.documents
                }
            } catch {
                // A signatures file on a pipe has the lines written before the error.
                throw error.restated(for: [writer.file])
            }
            try writer.commit()
            if !options.quiet {
                Terminal.error("\(signatures) signatures of \(documents) documents written to \(options.output)")
            }
        }
    }

    struct Merge: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "merge",
            abstract: "Cluster the signatures of every shard into one clusters file.")

        @OptionGroup var neardup: NearDupArguments

        @Argument(help: ArgumentHelp("Signatures files written by 'neardup map'.", valueName: "signatures"))
        var signatures: [String]

        @Option(name: .shortAndLong, help: ArgumentHelp("The clusters file.", valueName: "file"))
        var output: String

        @Option(help: ArgumentHelp("Also write one {\"id\",\"cluster\"} line per clustered document here.", valueName: "file"))
        var assignments: String?

        func run() async throws {
            let settings = try neardup.options()
            try OutputTarget.requireDistinct(
                outputs: [("-o", output)] + (assignments.map { [("--assignments", $0)] } ?? []),
                inputs: signatures)
            let tally = try NearDupSteps.readSignatures(signatures, options: settings)
            let clusters = DuplicateClusters(tally: tally, options: settings)
            try ClustersFile.write(clusters, to: output)
            if let assignments { try ClustersFile.writeAssignments(clusters, to: assignments) }
            let statistics = clusters.statistics
            Terminal.error(
                "\(clusters.clusters.count) clusters, \(clusters.duplicateCount) duplicates among "
                    + "\(tally.count) signatures (\(statistics.candidatePairs) candidate pairs, \(statistics.verifiedPairs) "
                    + "compared on sketches, \(statistics.joinedPairs) joined); written to \(output)")
        }
    }

    struct Pairs: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "pairs",
            abstract: "Write the verified pairs of the LSH buckets that each signature line lists in 'judge_bands'.")

        @OptionGroup var neardup: NearDupArguments

        @Argument(help: ArgumentHelp("Signatures files, each line with a 'judge_bands' member.", valueName: "signatures"))
        var signatures: [String]

        @Option(name: .shortAndLong, help: ArgumentHelp("The pairs file.", valueName: "file"))
        var output: String

        func run() async throws {
            let settings = try neardup.options()
            try OutputTarget.requireDistinct(outputs: [("-o", output)], inputs: signatures)
            let statistics = try NearDupSteps.pairs(signatures: signatures, options: settings, output: output)
            Terminal.error(
                "\(statistics.candidatePairs) candidate pairs, \(statistics.verifiedPairs) compared on sketches; "
                    + "written to \(output)")
        }
    }

    struct Link: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "link",
            abstract: "Cluster whole connected components of verified pairs into a clusters file.")

        @OptionGroup var neardup: NearDupArguments

        @Argument(help: ArgumentHelp("Signatures files of every document the pairs name.", valueName: "signatures"))
        var signatures: [String]

        @Option(help: ArgumentHelp("A pairs file written by 'neardup pairs' (repeatable).", valueName: "file"))
        var pairs: [String] = []

        @Option(name: .shortAndLong, help: ArgumentHelp("The clusters file.", valueName: "file"))
        var output: String

        func run() async throws {
            let settings = try neardup.options()
            try OutputTarget.requireDistinct(outputs: [("-o", output)], inputs: signatures + pairs)
            let clusters = try NearDupSteps.link(signatures: signatures, pairs: pairs, options: settings)
            try ClustersFile.write(clusters, to: output)
            Terminal.error("\(clusters.clusters.count) clusters, \(clusters.duplicateCount) duplicates; written to \(output)")
        }
    }

    struct Apply: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "apply",
            abstract: "Keep one document per cluster in one shard, using the merged clusters file.")

        @Option(help: ArgumentHelp("The clusters file written by 'neardup merge'.", valueName: "file"))
        var clusters: String

        @OptionGroup var options: RunOptions

        func run() async throws {
            let configuration = try options.configuration(reading: clusters)
            let read = try ClustersFile.read(clusters)
            try read.inputs.require(for: configuration, stateFile: clusters)
            let remover = NearDupRemover(
                clusters: read, options: NearDupOptions(), checking: configuration.sourceNames,
                wholeInputs: configuration.framedSources == nil, stateFile: clusters)
            try MappedInputNames.require(
                inputs: configuration.sourceNames,
                recorded: remover.clusters.clusters.lazy.flatMap { $0.members.lazy.map { ($0.origin, $0.id) } }, stateFile: clusters)
            try await options.run(name: NearDupStage.stageName, steps: [.document(remover)], configuration: configuration)
        }
    }
}
