import Foundation
import Testing
import WinnowTestSupport

/// Inputs a run cannot read as given are refused with what to do, before anything is read: one that
/// can be read only once given twice (the second read nothing, silently).
@Suite struct InputRefusalCommandLineTests {
    let cli = CommandLineTests()
    static let lines = "{\"id\":\"a\",\"text\":\"one\"}\n{\"id\":\"b\",\"text\":\"two\"}\n"

    func shell(_ command: String, in folder: TemporaryFolder) throws -> CommandLineTests.Outcome {
        try CommandLineTests.run(
            "/bin/sh", ["-c", command], environment: ["WINNOW": CommandLineTests.binary, "PATH": "/usr/bin:/bin"],
            in: folder.path)
    }

    @Test func standardInputGivenTwiceIsRefused() throws {
        let folder = TemporaryFolder()
        folder.write("in.jsonl", Self.lines)
        let passthrough = packageRoot + "/Pipelines/passthrough.yaml"
        // Standard input redirected from a file: writing to a pipe the run leaves unread kills the test (SIGPIPE).
        let twice = try shell("\"$WINNOW\" run '\(passthrough)' - - -o out.jsonl < in.jsonl", in: folder)
        #expect(twice.status == 1)
        #expect(twice.stderr.contains("standard input (-) is given twice as an input: it can be read only once"), "\(twice.stderr)")
        let named = try shell("cat in.jsonl | \"$WINNOW\" normalize - /dev/stdin -o out.jsonl", in: folder)
        #expect(named.status == 1)
        #expect(named.stderr.contains("/dev/stdin: this pipe is given as an input also as standard input (-)"), "\(named.stderr)")
        #expect(folder.listing() == ["in.jsonl"])
        // A file given twice is read twice, as before.
        let file = try cli.winnow(["normalize", "in.jsonl", "in.jsonl", "-q"], in: folder.path)
        #expect(file.status == 0 && file.stdout == Self.lines + Self.lines)
    }
}
