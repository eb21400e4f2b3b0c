import ArgumentParser
import Winnow

extension WinnowCommand {
    struct Templates: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "templates",
            abstract: "Remove lines that repeat across the pages of a site: headers, menus, banners, teasers, footers.",
            discussion: """
                With inputs alone, counts, merges and applies in one run. On a cluster, run the three steps:
                  winnow templates map shard-007.jsonl -o counts/007.jsonl       (per shard)
                  winnow templates merge counts/*.jsonl -o counts.jsonl          (once; merges compose)
                  winnow templates apply --counts counts.jsonl shard-007.jsonl -o clean/007.jsonl
                Apply's --summary-part writes the shard's part of the template summary; the cluster path \
                merges the parts by site into the summary of the whole corpus.
                """,
            subcommands: [All.self, Map.self, Merge.self, Apply.self],
            defaultSubcommand: All.self)
    }
}

/// The templates stage's options, shared by the steps: map, merge and apply must agree on them.
struct TemplateArguments: ParsableArguments {
    @Option(help: ArgumentHelp(TemplateOptions.help("site"), valueName: "host|field|batch"))
    var site: String?

    @Option(help: ArgumentHelp(TemplateOptions.help("summary"), valueName: "file"))
    var summary: String?

    @OptionGroup var templates: StageSettings<TemplateOptions>

    var options: TemplateOptions {
        get throws {
            let literals = [site.map { ("site", $0) }, summary.map { ("summary", $0) }].compactMap { $0 }
            return try templates.options(owner: "stage 'templates'", literals: literals)
        }
    }

    /// The options of `step` (map or merge), which rewrites no page and so has no summary to write:
    /// the summary counts what apply removes, so a summary file given here is refused, not ignored.
    func options(withoutSummary step: String) throws -> TemplateOptions {
        let options = try self.options
        guard options.summary.isEmpty else {
            throw ValidationError(
                "'templates \(step)' writes no summary: the summary counts the lines 'templates apply' removes. "
                    + "Give --summary to 'templates all', or to 'templates apply' for one shard's summary.")
        }
        return options
    }
}

extension WinnowCommand.Templates {
    struct All: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "all", abstract: "Count, merge and apply in one run (the default).")

        @OptionGroup var templates: TemplateArguments
        @OptionGroup var options: RunOptions

        func run() async throws {
            let stage = TemplatesStage(options: try templates.options)
            try await options.run(name: TemplatesStage.stageName, steps: [.corpus(stage)])
        }
    }

    struct Map: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "map",
            abstract: "Count the folded lines of one shard, per site, into a counts file.")

        @OptionGroup var templates: TemplateArguments
        @OptionGroup var options: RunOptions

        func validate() throws {
            try options.validateMapStep(state: "COUNTS.jsonl")
        }

        func run() async throws {
            try options.requireMapOutput()
            let settings = try templates.options(withoutSummary: "map")
            let counts = try await options.runner(name: "templates map", steps: []).tally(TemplatesStage(options: settings))
            try TemplateCountsFile.write(counts, options: settings, to: options.output)
            if !options.quiet {
                Terminal.error("\(counts.pageCount) pages of \(counts.sites.count) sites counted into \(options.output)")
            }
        }
    }

    struct Merge: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "merge",
            abstract: "Add up counts files (of shards, or of earlier merges) into one.")

        @OptionGroup var templates: TemplateArguments

        @Argument(help: ArgumentHelp("Counts files written by 'templates map' or 'templates merge'.", valueName: "counts"))
        var counts: [String]

        @Option(name: .shortAndLong, help: ArgumentHelp("The merged counts file.", valueName: "file"))
        var output: String

        func run() async throws {
            let settings = try templates.options(withoutSummary: "merge")
            try OutputTarget.requireDistinct(outputs: [("-o", output)], inputs: counts)
            let merged = try TemplateCountsFile.merge(counts, options: settings)
            try TemplateCountsFile.write(merged, options: settings, to: output)
        }
    }

    struct Apply: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "apply",
            abstract: "Remove template lines from one shard, using the merged counts of the whole corpus.")

        @OptionGroup var templates: TemplateArguments

        @Option(help: ArgumentHelp("The merged counts file.", valueName: "file"))
        var counts: String

        @Option(
            help: ArgumentHelp(
                "The corpus's cross-site lines (16 hex digits a line), when the counts file holds only this shard's sites.",
                valueName: "file"))
        var crossSite: String?

        @Option(
            help: ArgumentHelp(
                "Where this shard's part of the template summary goes: per site its figures and every template line "
                    + "removed, by key, for merging with the other shards' parts.",
                valueName: "file"))
        var summaryPart: String?

        @OptionGroup var options: RunOptions

        func run() async throws {
            let settings = try templates.options
            let crossSiteLines = try crossSite.map { path throws(WinnowError) in try CrossSiteLinesFile.read(path) }
            let remover = TemplatesStage(options: settings)
                .apply(
                    using: try TemplateCountsFile.read(counts, options: settings), crossSite: crossSiteLines,
                    summaryPart: summaryPart, countsFile: counts)
            var configuration = try options.configuration(reading: counts)
            if let crossSite { configuration.sideInputs.append(crossSite) }
            if let summaryPart {
                try OutputTarget.requireDistinct(
                    outputs: configuration.namedOutputs + [("--summary-part", summaryPart)],
                    inputs: configuration.inputs.map(\.path) + configuration.sideInputs)
            }
            try await options.run(name: TemplatesStage.stageName, steps: [.document(remover)], configuration: configuration)
        }
    }
}
