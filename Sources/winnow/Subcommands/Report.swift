import ArgumentParser
import Winnow

extension WinnowCommand {
    struct Report: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "report",
            abstract: "Write report.html, report.json, cluster-list.jsonl and clusters.csv for a finished run.",
            discussion: """
                Reads the run's cleaned and removed outputs, and, when given or recorded in the run summary \
                (--stats), the clusters file of the neardup stage and the template summary of the templates stage. \
                The documents' fields are those the run summary records (--id-field and the others given win), \
                else the standard ones.
                Example: winnow report --stats out/samples.stats.json -o out/samples.report
                On a cluster engine, the steps map (per share of the outputs), clusters (per share of the rows, \
                grouped by their key) and page (once, on the summed rows and the largest clusters) do the same \
                with no step reading the whole run.
                """,
            subcommands: [All.self, Map.self, Clusters.self, Page.self],
            defaultSubcommand: All.self)
    }
}

extension WinnowCommand.Report {
    struct All: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "all", abstract: "Read a run's outputs and write its report folder (the default).")

        @Argument(
            help: ArgumentHelp(
                "The run's cleaned output (JSONL). Default: the one the run summary names.",
                valueName: "cleaned"))
        var cleaned: String?

        @OptionGroup var files: ReportFileArguments

        @Option(
            name: .shortAndLong,
            help: ArgumentHelp(
                "The report folder. Default: beside the cleaned output, NAME.report.",
                valueName: "folder"))
        var output: String?

        @OptionGroup var report: StageSettings<ReportOptions>

        @OptionGroup var fields: FieldArguments

        @Flag(name: .shortAndLong, help: "Print only warnings on stderr, not the line that says what was written.")
        var quiet = false

        func run() throws {
            let options = try report.options(owner: "the report")
            let summary = try files.summary()
            let inputs = try ReportBuilder.inputs(
                cleaned: cleaned, removed: files.removed, clusters: files.clusters,
                templateSummary: files.templates, summary: summary)
            let folder = output ?? options.folder(forOutput: inputs.cleaned ?? "")
            try ReportFolder.requireDistinct(
                folder, writing: ReportFolder.files, outputs: [], inputs: files.paths(of: inputs))
            let written = try ReportBuilder(
                options: options, inputs: inputs, run: summary, fields: fields.names(default: summary?.fields ?? .standard)
            ).write(to: folder)
            for warning in written.warnings { Terminal.error("report: " + warning) }
            guard !quiet else { return }
            Terminal.error(
                "\(folder)/report.html: \(written.nearDuplicateClusters) near-duplicate clusters, "
                    + "\(written.exactClusters) exact-duplicate groups, \(written.sites) sites")
        }
    }

    struct Map: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "map",
            abstract: "Write the report rows of one share of a run's cleaned or removed output.")

        @Argument(help: ArgumentHelp("A share of the output (JSONL file or folder of parts).", valueName: "output"))
        var input: String

        @Flag(help: "The share is of the removed output (default: of the cleaned output).")
        var removed = false

        @Option(help: "The share's place among the shares of its output, for the order of clusters.csv.")
        var part = 0

        @Flag(help: "Also write a row for every document that may be an exact group's kept copy (runs with an exact stage).")
        var keepers = false

        @Option(
            help: ArgumentHelp(
                "Instead of rows, write the lines of the documents these ids name (JSON strings, one a line).", valueName: "file"))
        var texts: String?

        @Option(name: .shortAndLong, help: ArgumentHelp("The rows file.", valueName: "file"))
        var output: String

        @OptionGroup var fields: FieldArguments

        func run() throws {
            try OutputTarget.requireDistinct(
                outputs: [("-o", output)], inputs: try InputSpec.jsonlFiles(input).map(\.path) + (texts.map { [$0] } ?? []))
            if let texts {
                try ReportSteps.mapTexts(input: input, cleaned: !removed, part: part, ids: texts, fields: fields.names, to: output)
            } else {
                try ReportSteps.map(
                    input: input, cleaned: !removed, part: part, keepers: keepers, fields: fields.names, to: output)
            }
        }
    }

    struct Clusters: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "clusters",
            abstract: "Write the cluster lines, clusters.csv rows and facts of report rows grouped by their key.")

        @Argument(help: ArgumentHelp("Member and keeper rows of map, the rows of one key together.", valueName: "rows"))
        var input: String

        @Option(name: .shortAndLong, help: ArgumentHelp("The clusters file.", valueName: "file"))
        var output: String

        func run() throws {
            try OutputTarget.requireDistinct(outputs: [("-o", output)], inputs: try InputSpec.jsonlFiles(input).map(\.path))
            try ReportSteps.clusters(input: input, to: output)
        }
    }

    struct Page: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "page",
            abstract: "Write report.json and report.html from the summed report rows and the largest clusters.")

        @Option(help: ArgumentHelp("The counts rows of every map call.", valueName: "file"))
        var counts: String

        @Option(help: ArgumentHelp("The facts rows of every clusters call.", valueName: "file"))
        var facts: String

        @Option(help: ArgumentHelp("The cluster lines of the largest clusters, in report order.", valueName: "file"))
        var largest: String

        @Option(help: ArgumentHelp("Documents holding the texts the page compares (JSONL, any order).", valueName: "file"))
        var texts: String?

        @Option(help: ArgumentHelp("The run's cleaned output, as the report names it (not read).", valueName: "path"))
        var cleaned: String?

        @OptionGroup var files: ReportFileArguments

        @Option(name: .shortAndLong, help: ArgumentHelp("The report folder.", valueName: "folder"))
        var output: String

        @OptionGroup var report: StageSettings<ReportOptions>

        @OptionGroup var fields: FieldArguments

        func run() throws {
            let options = try report.options(owner: "the report")
            let summary = try files.summary()
            var outputs = summary?.outputs ?? RunSummary.Outputs()
            outputs.report = nil
            if let cleaned { outputs.cleaned = cleaned }
            if let removed = files.removed { outputs.removed = removed }
            if let clusters = files.clusters { outputs.clusters = clusters }
            if let templates = files.templates { outputs.templateSummary = templates }
            try ReportFolder.requireDistinct(
                output, writing: Array(ReportFolder.files.prefix(2)), outputs: [],
                inputs: [counts, facts, largest] + (texts.map { [$0] } ?? []) + files.paths(of: outputs))
            let written = try ReportSteps.page(
                .init(counts: counts, facts: facts, largest: largest, texts: texts), outputs: outputs, run: summary,
                options: options, fields: fields.names(default: summary?.fields ?? .standard), to: output)
            for warning in written.warnings { Terminal.error("report: " + warning) }
        }
    }
}

/// The files of a run the report names besides its cleaned output; `report` and `report page` share them.
struct ReportFileArguments: ParsableArguments {
    @Option(help: ArgumentHelp("The run's removed output. Default: the summary's, or CLEANED.removed.jsonl.", valueName: "file"))
    var removed: String?

    @Option(help: ArgumentHelp("The run summary that --stats wrote: the stage table, and the run's files.", valueName: "file"))
    var stats: String?

    @Option(help: ArgumentHelp("The clusters file of the neardup stage (its 'clusters' option).", valueName: "file"))
    var clusters: String?

    @Option(
        help: ArgumentHelp(
            "The template summary of the templates stage (its 'summary' option; a file, or a folder of its parts).",
            valueName: "file"))
    var templates: String?

    /// The run's files the report reads or names, and the summary: no file of the report folder may be one.
    func paths(of outputs: RunSummary.Outputs) -> [String] {
        [outputs.cleaned, outputs.removed, outputs.rejects, outputs.clusters, outputs.templateSummary, stats].compactMap { $0 }
    }

    func summary() throws(WinnowError) -> RunSummary? {
        try stats.map { path throws(WinnowError) in try ReportBuilder.loadSummary(path) }
    }
}
