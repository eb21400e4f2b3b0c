import ArgumentParser
import Winnow

extension WinnowCommand {
    struct Clean: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Turn HTML into clean text: encoding, block structure, main content, metadata.",
            discussion: """
                Reads JSONL records with an 'html' field, or folders of .html/.htm/.html.gz files (the id is
                the file's path in the folder without its suffix), and writes 'text'. Records that have
                only text pass through unchanged.
                Example: winnow clean pages/ -o clean.jsonl
                """)

        @Flag(help: "All visible text of the page instead of its main content.")
        var allText = false

        @Flag(help: "Start the text with the page title.")
        var title = false

        @Flag(help: "Leave tables out.")
        var noTables = false

        @Flag(help: "Keep blocks that are mostly links (menus, teaser lists) inside the main content.")
        var links = false

        @Flag(help: "Do not write the title, language, canonical_url and published fields.")
        var noMetadata = false

        @Flag(help: "Keep the html field in the output.")
        var keepHTML = false

        @Option(help: "The field that may hold the Content-Type (or charset) the page was served with.")
        var charsetField = "content_type"

        @Option(help: ArgumentHelp("Pages over this many bytes are removed (reason html-too-large).", valueName: "bytes"))
        var maxHTMLBytes = 32 << 20

        @Flag(help: "Keep pages whose text comes out empty.")
        var keepEmpty = false

        @OptionGroup var options: RunOptions

        func validate() throws {
            guard maxHTMLBytes > 0 else { throw ValidationError("--max-html-bytes must be positive.") }
        }

        func run() async throws {
            var settings = CleanOptions()
            settings.mainContent = !allText
            settings.title = title
            settings.tables = !noTables
            settings.links = links
            settings.metadata = !noMetadata
            settings.keepHTML = keepHTML
            settings.charsetField = charsetField
            settings.maxBytes = maxHTMLBytes
            settings.dropEmpty = !keepEmpty
            try await options.run(name: CleanStage.stageName, steps: [.document(CleanStage(options: settings))])
        }
    }
}
