import Foundation
import Glibc
import Testing
import WinnowTestSupport

@testable import Winnow

/// Inputs a run cannot read as given are refused with what to do, before anything is written: one
/// that can be read only once given twice (the second read nothing, silently), and one in a
/// compression Winnow does not read (read as text, every line an `invalid_utf8` reject).
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

    /// The first bytes of input files are looked at before the run, but a FIFO's are not: opening it
    /// and closing it again left its writer without a reader (a broken pipe) and the run waiting for another.
    @Test func aFIFOInputIsOpenedByTheRunAlone() throws {
        let folder = TemporaryFolder()
        #expect(mkfifo(folder.file("in.jsonl"), 0o600) == 0)
        let writer = Process()
        writer.executableURL = URL(fileURLWithPath: "/bin/sh")
        writer.arguments = ["-c", "printf '%s' \"$0\" > in.jsonl", Self.lines]
        writer.currentDirectoryURL = URL(fileURLWithPath: folder.path)
        try writer.run()
        let run = Process()
        run.executableURL = URL(fileURLWithPath: CommandLineTests.binary)
        run.arguments = ["normalize", "in.jsonl", "-o", "out.jsonl", "-q"]
        run.currentDirectoryURL = URL(fileURLWithPath: folder.path)
        try run.run()
        var waited = 0
        while run.isRunning && waited < 200 {
            usleep(50_000)
            waited += 1
        }
        if run.isRunning { run.terminate() }
        if writer.isRunning { writer.terminate() }
        run.waitUntilExit()
        writer.waitUntilExit()
        #expect(run.terminationReason == .exit && run.terminationStatus == 0)
        #expect(writer.terminationStatus == 0)
        #expect(folder.read("out.jsonl") == Self.lines)
    }

    @Test(arguments: ForeignCompressionTests.compressed.map(\.0))
    func compressedInputsItDoesNotReadAreRefused(_ compression: ForeignCompression) throws {
        let folder = TemporaryFolder()
        let bytes = try #require(ForeignCompressionTests.compressed.first { $0.0 == compression }?.1)
        let tool = compression.rawValue
        folder.write("in.jsonl.\(tool)", bytes)
        folder.write("shards/part-00000.\(tool)", bytes)
        let file = try cli.winnow(["normalize", "in.jsonl.\(tool)", "-o", "out.jsonl"], in: folder.path)
        #expect(file.status == 1)
        #expect(
            file.stderr.contains(
                "in.jsonl.\(tool): the input is \(tool)-compressed, which winnow does not read (it reads plain and gzip "
                    + "input): give it decompressed on standard input, as in `\(tool) -dc in.jsonl.\(tool) | winnow ... -` "
                    + "(nothing was read)"), "\(file.stderr)")
        let shard = try cli.winnow(["normalize", "shards", "-o", "out.jsonl"], in: folder.path)
        #expect(shard.status == 1 && shard.stderr.contains("shards/part-00000.\(tool): the input is \(tool)-compressed"))
        for command in ["\"$WINNOW\" normalize - -o out.jsonl < in.jsonl.\(tool)", "cat in.jsonl.\(tool) | \"$WINNOW\" normalize"] {
            let stdin = try shell(command, in: folder)
            #expect(stdin.status == 1, "\(command)")
            #expect(
                stdin.stderr.contains("standard input is \(tool)-compressed, which winnow does not read")
                    && stdin.stderr.contains("`\(tool) -dc FILE | winnow ... -`"), "\(command): \(stdin.stderr)")
            #expect(stdin.stdout.isEmpty && !stdin.stderr.contains("invalid_utf8"))
        }
        #expect(folder.listing() == ["in.jsonl.\(tool)", "shards"])
    }

    /// An HTML file in a compression Winnow does not read is one reject, and the run reads the other
    /// pages: it stopped the run (one such page lost a folder of them), advising a command that read
    /// the page as JSONL.
    @Test(arguments: ForeignCompressionTests.compressed.map(\.0))
    func aCompressedPageIsOneReject(_ compression: ForeignCompression) throws {
        let folder = TemporaryFolder()
        let bytes = try #require(ForeignCompressionTests.compressed.first { $0.0 == compression }?.1)
        folder.write("pages/b.html", bytes)
        folder.write("pages/good.html", "<article><p>The first paragraph of the story, with a comma, ends here.</p></article>")
        for input in ["pages", "pages/b.html"] {
            let run = try cli.winnow(["clean", input, "-o", "out.jsonl", "-q"], in: folder.path)
            #expect(run.status == 0, "\(input): \(run.stderr)")
            let rejects = jsonLines(folder.read("out.rejects.jsonl") ?? "")
            #expect(rejects.count == 1, "\(input)")
            let message = rejects.first?["message"] as? String ?? ""
            #expect(
                rejects.first?["source"] as? String == "pages/b.html" && message.contains("\(compression.rawValue)-compressed")
                    && !message.contains("| winnow"), "\(input): \(message)")
            #expect(jsonLines(folder.read("out.jsonl") ?? "").count == (input == "pages" ? 1 : 0), "\(input)")
        }
    }
}
