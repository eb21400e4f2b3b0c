import ArgumentParser
import Foundation
import Winnow

/// The `winnow` command: one subcommand per job, each a thin layer over the Winnow library.
struct WinnowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "winnow",
        abstract: "Turn scraped web pages (JSONL) into clean, deduplicated text.",
        discussion: """
            Input is JSONL, one page per line: {"id": ..., "text": ...} (or "html"), plain or gzip, from
            files, folders of shards, or standard input. Every other field is passed through unchanged.
            Every record ends in exactly one place: the cleaned output, the removed output (with the stage
            and reason), or the rejects output (with file, line and message).

            Exit status: 0 success; 1 bad usage, configuration or I/O error; 2 more rejected records than
            --max-rejects allows.
            """,
        version: "winnow \(LibraryVersions.winnow) (libxml2 \(LibraryVersions.libxml2), zlib \(LibraryVersions.zlib))",
        subcommands: [Run.self, Clean.self, Normalize.self, Exact.self, Templates.self, NearDup.self, Report.self, Stages.self]
    )
}

@main
enum Main {
    static func main() async {
        StandardStreams.reserve()
        AllocatorTuning.install()
        Interruption.install()
        do {
            // File names that are not UTF-8 come through exact (`FileName`), not with U+FFFD in place of bytes.
            var command = try WinnowCommand.parseAsRoot(FileName.commandLineArguments())
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let error as WinnowError {
            // An error met while a signal's handler deletes the run's files may be the deletion's doing:
            // not reported, the handler's exit says what happened.
            Interruption.awaitHandler()
            Terminal.error("winnow: \(error)")
            Interruption.exit(error.kind == .tooManyRejects ? 2 : 1)
        } catch {
            // Help and version requests succeed; every usage error exits 1, as documented.
            let code = WinnowCommand.exitCode(for: error)
            if code == .success || error is CleanExit { WinnowCommand.exit(withError: error) }
            Interruption.awaitHandler()
            Terminal.error(WinnowCommand.fullMessage(for: error))
            Interruption.exit(1)
        }
        Interruption.exit(0)
    }
}
