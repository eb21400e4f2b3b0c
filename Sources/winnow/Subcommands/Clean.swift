import ArgumentParser
import Winnow

extension WinnowCommand {
    struct Clean: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "clean",
            abstract: "Turn HTML into clean text: encoding, block structure, main content, metadata.",
            discussion: """
                Reads JSONL records with an 'html' field, or folders of .html/.htm/.html.gz files (the id is
                the file's path in the folder without its suffix), and writes 'text'. Records that have
                only text pass through unchanged.
                Example: winnow clean pages/ -o clean.jsonl
                """)

        @Flag(help: "All visible text of the page instead of its main content (--set main_content=false).")
        var allText = false

        @Option(
            name: .customLong("explain"),
            help: ArgumentHelp(
                "For the page with this id, print each block to stderr: kept or dropped, and the rule that decided it.",
                discussion: "Stdout may carry the cleaned output (-o -), so the explanation goes to stderr.",
                valueName: "id"))
        var explain: String?

        @OptionGroup var clean: StageSettings<CleanOptions>
        @OptionGroup var options: RunOptions

        func run() async throws {
            let settings = try clean.options(owner: "stage 'clean'", shortcuts: allText ? ["main_content=false"] : [])
            guard let explain else {
                try await options.run(name: CleanStage.stageName, steps: [.document(CleanStage(options: settings))])
                return
            }
            let stage = ExplainedCleanStage(options: settings, id: FileName.text(explain)) { id, report in
                Terminal.error("explain \(Terminal.visible(id, breakingLines: false)):\n\(report)")
            }
            try await options.run(name: CleanStage.stageName, steps: [.document(stage)])
            // The run itself succeeded: the id is said missing, and the status stays 0.
            if stage.recordsExplained == 0 {
                Terminal.error("explain \(Terminal.visible(stage.id, breakingLines: false)): no record with this id in the input")
            }
        }
    }
}
