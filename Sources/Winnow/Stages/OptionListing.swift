/// The stages and their options as people read them: `winnow stages`, `Pipelines/default.yaml` and the
/// README's option tables, all made from the options' declarations so that none can disagree.
public enum OptionListing {
    /// A stage (or the report step) with its options.
    struct Section {
        let name: String
        let summary: String
        let rows: [OptionRow]
    }

    /// Every stage in the default pipeline's order, then the report step.
    static var sections: [Section] {
        StageRegistry.stages.map { Section(name: $0.stageName, summary: $0.summary, rows: $0.optionRows) }
            + [Section(name: "report", summary: ReportOptions.summary, rows: ReportOptions.rows)]
    }

    /// For `winnow stages`: each stage, then its options with their defaults and meaning.
    public static var text: String {
        sections.map { section in
            let width = section.rows.map { $0.key.count + $0.defaultValue.count }.max() ?? 0
            let rows = section.rows.map { row in
                let padding = String(repeating: " ", count: width - row.key.count - row.defaultValue.count)
                return "  \(row.key) = \(row.defaultValue)\(padding)  \(row.help)"
            }
            return (["\(section.name): \(section.summary)"] + rows).joined(separator: "\n")
        }.joined(separator: "\n\n") + "\n"
    }

    /// `Pipelines/default.yaml`: every stage in order with every option at its default, then the report.
    public static var pipelineYAML: String {
        var lines = [
            "# The standard Winnow pipeline: every stage, in the order they belong, with every option at its default.",
            "# Run it with: winnow run Pipelines/default.yaml INPUT... -o OUTPUT.jsonl",
            "# Written by `winnow stages --pipeline` from the options' declarations; a test checks that it is current.",
            "version: 1",
            "name: default",
            "description: Clean scraped pages into normalised, deduplicated text without their site templates.",
            "steps:",
        ]
        for section in sections {
            lines.append("  # \(section.name): \(section.summary).")
            lines.append("  - \(section.name):")
            for row in section.rows {
                lines.append("      # \(row.help)")
                lines.append("      \(row.key): \(row.defaultValue)")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The README's option tables: one per stage and one for the report step.
    public static var markdown: String {
        sections.map { section in
            let rows = section.rows.map { row in
                "| `\(row.key)` | `\(row.defaultValue)` | \(row.help.replacingOccurrences(of: "|", with: "\\|")) |"
            }
            return (["**`\(section.name)`**: \(section.summary).", "", "| option | default | meaning |", "|---|---|---|"] + rows)
                .joined(separator: "\n")
        }.joined(separator: "\n\n") + "\n"
    }
}
