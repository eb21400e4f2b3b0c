import ArgumentParser
import Winnow

extension WinnowCommand {
    struct Templates: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Remove lines that repeat across the pages of a site: headers, menus, banners, teasers, footers.",
            discussion: """
                With inputs alone, counts, merges and applies in one run. On a cluster, run the three steps:
                  winnow templates map shard-007.jsonl -o counts/007.jsonl       (per shard)
                  winnow templates merge counts/*.jsonl -o counts.jsonl          (once; merges compose)
                  winnow templates apply --counts counts.jsonl shard-007.jsonl -o clean/007.jsonl
                """,
            subcommands: [All.self, Map.self, Merge.self, Apply.self],
            defaultSubcommand: All.self)
    }
}

/// The options that shape template detection, shared by the subcommands.
struct TemplateArguments: ParsableArguments {
    @Option(help: "How pages are grouped into sites: host (URL host), field (--site-field), batch (all together).")
    var site: TemplateOptions.SiteMode = .host

    @Option(help: "The field naming a page's site when --site field.")
    var siteField = "site"

    @Option(help: "A line on at least this share of a site's pages is a template line wherever it is.")
    var anchorShare = TemplateOptions().anchorShare

    @Option(help: "A site needs this many pages before anything is removed.")
    var minSitePages = TemplateOptions().minSitePages

    @Option(help: "Lines on at least this many of a site's pages are repeated, not the page's own.")
    var repeatPages = TemplateOptions().repeatPages

    @Option(help: "A block of lines is page content when at least this share of its words is in lines of its own.")
    var ownShare = TemplateOptions().ownShare

    @Option(help: "A block is page content only when its lines average at least this many words.")
    var proseWords = TemplateOptions().proseWords

    @Option(help: "Sites with fewer pages also remove lines repeated across other sites.")
    var smallSitePages = TemplateOptions().smallSitePages

    @Option(help: "A line repeated on this many sites is boilerplate everywhere (used on small sites).")
    var crossSiteSites = TemplateOptions().crossSiteSites

    @Option(help: "A site needs this many pages before a page that is template from top to bottom is removed.")
    var emptyPageMinSitePages = TemplateOptions().emptyPageMinSitePages

    @Option(help: ArgumentHelp("Write the removed lines as [first, end) line-number pairs into this field.", valueName: "field"))
    var removedLinesField: String?

    @Option(help: ArgumentHelp("Write the per-site summary of template lines (JSON) to this file.", valueName: "file"))
    var summary: String?

    var options: TemplateOptions {
        get throws {
            var options = TemplateOptions()
            options.site = site
            options.siteField = siteField
            options.anchorShare = anchorShare
            options.minSitePages = minSitePages
            options.repeatPages = repeatPages
            options.ownShare = ownShare
            options.proseWords = proseWords
            options.smallSitePages = smallSitePages
            options.crossSiteSites = crossSiteSites
            options.emptyPageMinSitePages = emptyPageMinSitePages
            options.removedLinesField = removedLinesField ?? ""
            options.summary = summary ?? ""
            if let problem = options.validationProblem { throw ValidationError(problem) }
            return options
        }
    }
}

extension TemplateOptions.SiteMode: ExpressibleByArgument {}

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
            abstract: "Count the folded lines of one shard, per site, into a counts file.")

        @OptionGroup var templates: TemplateArguments
        @OptionGroup var options: RunOptions

        func run() async throws {
            guard options.output != "-" else { throw ValidationError("map needs -o COUNTS.jsonl") }
            try options.requireDistinctOutput()
            let settings = try templates.options
            let counts = try await options.runner(name: "templates map", steps: []).tally(TemplatesStage(options: settings))
            try TemplateCountsFile.write(counts, options: settings, to: options.output)
            if !options.quiet {
                Terminal.error("\(counts.pageCount) pages of \(counts.sites.count) sites counted into \(options.output)")
            }
        }
    }

    struct Merge: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add up counts files (of shards, or of earlier merges) into one.")

        @OptionGroup var templates: TemplateArguments

        @Argument(help: ArgumentHelp("Counts files written by 'templates map' or 'templates merge'.", valueName: "counts"))
        var counts: [String]

        @Option(name: .shortAndLong, help: ArgumentHelp("The merged counts file.", valueName: "file"))
        var output: String

        func run() async throws {
            let settings = try templates.options
            try OutputTarget.requireDistinct(outputs: [("-o", output)], inputs: counts)
            var merged = TemplateCounts()
            for path in counts { merged.merge(try TemplateCountsFile.read(path, options: settings)) }
            try TemplateCountsFile.write(merged, options: settings, to: output)
        }
    }

    struct Apply: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Remove template lines from one shard, using the merged counts of the whole corpus.")

        @OptionGroup var templates: TemplateArguments

        @Option(help: ArgumentHelp("The merged counts file.", valueName: "file"))
        var counts: String

        @Option(help: ArgumentHelp(
            "The corpus's cross-site lines (16 hex digits a line), when the counts file holds only this shard's sites.",
            valueName: "file"))
        var crossSite: String?

        @OptionGroup var options: RunOptions

        func run() async throws {
            let settings = try templates.options
            let crossSiteLines = try crossSite.map { path throws(WinnowError) in try CrossSiteLinesFile.read(path) }
            let remover = TemplatesStage(options: settings)
                .decider(for: try TemplateCountsFile.read(counts, options: settings), crossSite: crossSiteLines)
            var configuration = try options.configuration(reading: counts)
            if let crossSite { configuration.sideInputs.append(crossSite) }
            try await options.run(name: TemplatesStage.stageName, steps: [.document(remover)], configuration: configuration)
        }
    }
}
