import ArgumentParser
import Winnow

extension WinnowCommand {
    struct Normalize: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Normalise text: Unicode NFC, control and invisible characters, spaces, blank lines.",
            discussion: "Example: zcat pages.jsonl.gz | winnow normalize > clean.jsonl")

        @Option(help: "Unicode normalisation form: nfc, nfkc or none.")
        var unicode: NormalizeOptions.UnicodeForm = .nfc

        @Flag(help: "Keep control characters other than tab and line breaks (removed by default).")
        var keepControl = false

        @Flag(help: "Keep invisible format characters: zero-width spaces, soft hyphens, BOMs (removed by default).")
        var keepInvisible = false

        @Flag(help: "Keep spaces and tabs as they are instead of folding runs into one space.")
        var keepSpaces = false

        @Flag(help: "Keep spaces at the start and end of lines.")
        var keepLineEdges = false

        @Option(help: "At most this many blank lines in a row (0 removes blank lines).")
        var maxBlankLines = 1

        @Flag(help: "Keep documents whose text is empty after normalisation.")
        var keepEmpty = false

        @OptionGroup var options: RunOptions

        func validate() throws {
            guard maxBlankLines >= 0 else { throw ValidationError("--max-blank-lines must be 0 or more.") }
        }

        func run() async throws {
            var settings = NormalizeOptions()
            settings.unicode = unicode
            settings.removeControl = !keepControl
            settings.removeInvisible = !keepInvisible
            settings.foldSpaces = !keepSpaces
            settings.trimLines = !keepLineEdges
            settings.maxBlankLines = maxBlankLines
            settings.dropEmpty = !keepEmpty
            try await options.run(name: NormalizeStage.stageName, steps: [.document(NormalizeStage(options: settings))])
        }
    }
}

extension NormalizeOptions.UnicodeForm: ExpressibleByArgument {}
