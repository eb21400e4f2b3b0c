import ArgumentParser
import Winnow

extension WinnowCommand {
    struct Report: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write report.html, report.json and clusters.csv for a finished run.",
            discussion: """
                Reads the run's cleaned and removed outputs, and, when given or recorded in the run summary \
                (--stats), the clusters file of the neardup stage and the template summary of the templates stage.
                Example: winnow report --stats out/samples.stats.json -o out/samples.report
                """)

        @Argument(
            help: ArgumentHelp(
                "The run's cleaned output (JSONL). Default: the one the run summary names.",
                valueName: "cleaned"))
        var cleaned: String?

        @Option(help: ArgumentHelp("The run's removed output. Default: the summary's, or CLEANED.removed.jsonl.", valueName: "file"))
        var removed: String?

        @Option(help: ArgumentHelp("The run summary that --stats wrote: the stage table, and the run's files.", valueName: "file"))
        var stats: String?

        @Option(help: ArgumentHelp("The clusters file of the neardup stage (its 'clusters' option).", valueName: "file"))
        var clusters: String?

        @Option(help: ArgumentHelp("The template summary of the templates stage (its 'summary' option).", valueName: "file"))
        var templates: String?

        @Option(
            name: .shortAndLong,
            help: ArgumentHelp(
                "The report folder. Default: beside the cleaned output, NAME.report.",
                valueName: "folder"))
        var output: String?

        @OptionGroup var report: StageSettings<ReportOptions>

        @OptionGroup var fields: FieldArguments

        func run() throws {
            let options = try report.options(owner: "the report")
            let summary = try stats.map { path throws(WinnowError) in try ReportBuilder.loadSummary(path) }
            let inputs = try ReportBuilder.inputs(
                cleaned: cleaned, removed: removed, clusters: clusters,
                templateSummary: templates, summary: summary)
            let folder = output ?? options.folder(forOutput: inputs.cleaned ?? "")
            let written = try ReportBuilder(options: options, inputs: inputs, run: summary, fields: fields.names).write(to: folder)
            for warning in written.warnings { Terminal.error("report: " + warning) }
            Terminal.error(
                "\(folder)/report.html: \(written.nearDuplicateClusters) near-duplicate clusters, "
                    + "\(written.exactClusters) exact-duplicate groups, \(written.sites) sites")
        }
    }
}
