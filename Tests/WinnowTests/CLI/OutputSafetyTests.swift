import Foundation
import Glibc
import Testing
import WinnowTestSupport

/// The CLI never writes over an input, another output or a special file, and cleans up after a signal.
@Suite struct OutputSafetyTests {
    let cli = CommandLineTests()

    @Test func anOutputThatIsAnInputOrAnotherOutputIsRefusedBeforeReading() throws {
        let folder = TemporaryFolder()
        let input = folder.write("x.jsonl", "{\"id\":\"a\",\"text\":\"words\"}\n")
        for arguments in [
            ["-o", "x.jsonl"], ["-o", "./x.jsonl"], ["-o", "out.jsonl", "--removed", "./out.jsonl"],
            ["-o", "out.jsonl", "--rejects", "x.jsonl"], ["-o", "out.jsonl", "--stats", "x.jsonl"],
        ] {
            let outcome = try cli.winnow(["normalize", "x.jsonl"] + arguments, in: folder.path)
            #expect(outcome.status == 1, "\(arguments)")
            #expect(outcome.stderr.contains("is the input") || outcome.stderr.contains("is also the"), "\(outcome.stderr)")
            #expect(folder.read("x.jsonl") == "{\"id\":\"a\",\"text\":\"words\"}\n")
            #expect(folder.listing() == ["x.jsonl"], "\(arguments)")
        }
        // A map step's output, and an apply step's state file.
        let map = try cli.winnow(["exact", "map", input, "-o", input])
        #expect(map.status == 1 && map.stderr.contains("is the input"))
        #expect(try cli.winnow(["exact", "map", input, "-o", folder.file("k.jsonl"), "-q"]).status == 0)
        let apply = try cli.winnow(["exact", "apply", "--keepers", folder.file("k.jsonl"), input, "-o", folder.file("k.jsonl")])
        #expect(apply.status == 1 && apply.stderr.contains("is the input"), "\(apply.stderr)")
    }

    /// Standard input redirected from a file is that input: an output naming the file (the `sort -o f f`
    /// habit), or standard output appended to it, is refused; it replaced the input with the output.
    @Test func theFileStandardInputIsReadFromIsAnInput() throws {
        let folder = TemporaryFolder()
        let lines = "{\"id\":\"a\",\"text\":\"one text\"}\n{\"id\":\"b\",\"text\":\"One text!\"}\n"
        folder.write("in.jsonl", lines)
        for script in [
            #""$0" exact - -o in.jsonl -q < in.jsonl"#, #""$0" exact -o ./in.jsonl -q < in.jsonl"#,
            #""$0" normalize - -o out.jsonl --removed in.jsonl -q < in.jsonl"#,
            #""$0" normalize -o out.jsonl --stats in.jsonl -q < in.jsonl"#, #""$0" normalize - -q < in.jsonl >> in.jsonl"#,
        ] {
            let outcome = try CommandLineTests.run("/bin/sh", ["-c", script, CommandLineTests.binary], in: folder.path)
            #expect(outcome.status == 1 && outcome.stderr.contains("is the input - (standard input"), "\(script): \(outcome.stderr)")
            #expect(folder.read("in.jsonl") == lines && folder.listing() == ["in.jsonl"], "\(script)")
        }
        let piped = try CommandLineTests.run(
            "/bin/sh", ["-c", #"cat in.jsonl | "$0" exact -o in.jsonl -q"#, CommandLineTests.binary], in: folder.path)
        #expect(piped.status == 0, "a pipe is no file: \(piped.stderr)")
    }

    /// A link to a file not made yet is that file: two outputs through it are one file (both were
    /// renamed onto it, and the removed document was in none), and so is the pipeline file a run reads.
    @Test func linksToNewFilesAndThePipelineFileAreCompared() throws {
        let folder = TemporaryFolder()
        folder.write("in.jsonl", "{\"id\":\"a\",\"text\":\"words\"}\n{\"id\":\"b\",\"text\":\"Words!\"}\n")
        #expect(symlink("new.jsonl", folder.file("link.jsonl")) == 0)
        #expect(symlink("link.jsonl", folder.file("chain.jsonl")) == 0)
        for arguments in [["-o", "new.jsonl", "--removed", "link.jsonl"], ["-o", "chain.jsonl", "--rejects", "new.jsonl"]] {
            let outcome = try cli.winnow(["exact", "in.jsonl", "-q"] + arguments, in: folder.path)
            #expect(outcome.status == 1 && outcome.stderr.contains("is also the"), "\(arguments): \(outcome.stderr)")
            #expect(!FileManager.default.fileExists(atPath: folder.file("new.jsonl")), "\(arguments)")
        }
        let pipeline = "version: 1\nname: p\nsteps:\n  - exact: {}\n"
        folder.write("p.yaml", pipeline)
        for arguments in [["-o", "p.yaml"], ["-o", "out.jsonl", "--stats", "./p.yaml"]] {
            let outcome = try cli.winnow(["run", "p.yaml", "in.jsonl", "-q"] + arguments, in: folder.path)
            #expect(outcome.status == 1 && outcome.stderr.contains("is the input p.yaml"), "\(arguments): \(outcome.stderr)")
            #expect(folder.read("p.yaml") == pipeline)
        }
    }

    /// An empty output name is refused before anything is read: it failed only at the commit, after
    /// the other outputs had replaced their files, or left hidden `.removed.jsonl` files behind.
    @Test func anEmptyOutputNameIsRefusedBeforeReading() throws {
        let folder = TemporaryFolder()
        folder.write("in.jsonl", "{\"id\":\"a\",\"text\":\"words\"}\n")
        for arguments in [["-o", ""], ["-o", "y.jsonl", "--stats", ""], ["-o", "y.jsonl", "--removed", ""]] {
            let outcome = try cli.winnow(["exact", "in.jsonl", "-q"] + arguments, in: folder.path)
            #expect(outcome.status == 1 && outcome.stderr.contains("empty name"), "\(arguments): \(outcome.stderr)")
            #expect(folder.listing() == ["in.jsonl"], "\(arguments)")
        }
    }

    /// Two outputs on one descriptor (standard output under two names, or a descriptor open on the
    /// pipe standard output writes to) are refused before anything is read, naming both options; they
    /// were written into one stream, interleaved. Standard output redirected into a file another
    /// output names is that file (the cleaned lines were lost under the removed ones).
    @Test func twoOutputsOnOneDescriptorAreRefusedBeforeReading() throws {
        let folder = TemporaryFolder()
        folder.write("x.jsonl", "{\"id\":\"a\",\"text\":\"words\"}\n{\"id\":\"b\",\"text\":\"words\"}\nnot json\n")
        for (arguments, message) in [
            (["-o", "-", "--removed", "/dev/stdout"], "--removed /dev/stdout and -o - both write to standard output"),
            (["-o", "/dev/stdout", "--rejects", "-"], "--rejects - and -o /dev/stdout both write to standard output"),
            (["-o", "out.jsonl", "--rejects", "-", "--stats", "-"], "--stats - and --rejects - both write to standard output"),
            (["-o", "-", "--removed", "/proc/self/fd/1"], "--removed /proc/self/fd/1 and -o - both write to standard output"),
        ] {
            let outcome = try cli.winnow(["exact", "x.jsonl", "-q"] + arguments, in: folder.path)
            #expect(outcome.status == 1, "\(arguments)")
            #expect(outcome.stderr.contains(message) && outcome.stderr.contains("nothing was read"), "\(outcome.stderr)")
            #expect(outcome.stdout.isEmpty, "\(arguments)")
            #expect(folder.listing() == ["x.jsonl"], "\(arguments)")
        }
        // Through the shell: descriptor 3 on standard output's pipe, and standard output into a file.
        for (script, message) in [
            (#""$0" exact x.jsonl -q -o - --removed /dev/fd/3 3>&1"#, "--removed /dev/fd/3 is also the -o -"),
            (#""$0" exact x.jsonl -q -o - --removed same.jsonl > same.jsonl"#, "--removed same.jsonl is also the -o -"),
            (#""$0" exact x.jsonl -q -o - >> x.jsonl"#, "-o - is the input x.jsonl"),
        ] {
            let outcome = try CommandLineTests.run("/bin/sh", ["-c", script, CommandLineTests.binary], in: folder.path)
            #expect(outcome.status == 1, "\(script)")
            #expect(outcome.stderr.contains(message), "\(outcome.stderr)")
            #expect(outcome.stdout.isEmpty, "\(script)")
        }
        #expect(folder.read("x.jsonl")?.hasPrefix("{\"id\":\"a\"") == true && folder.read("same.jsonl") == "")
        // Character devices opened by name may take several outputs.
        let null = try cli.winnow(
            ["exact", "x.jsonl", "-q", "-o", "/dev/null", "--removed", "/dev/null", "--rejects", "/dev/null"], in: folder.path)
        #expect(null.status == 0, "\(null.stderr)")
    }

    /// A side file whose folder does not exist fails the run before any input is read (it failed the
    /// run only after the whole input was read before).
    @Test func aSideFileInAMissingFolderIsRefusedBeforeReading() throws {
        let folder = TemporaryFolder()
        folder.write("x.jsonl", "{\"id\":\"a\",\"text\":\"words\"}\n")
        for arguments in [
            ["neardup", "x.jsonl", "--clusters", "missing/clusters.jsonl"],
            ["templates", "x.jsonl", "--set", "summary=missing/summary.json"],
        ] {
            let outcome = try cli.winnow(arguments + ["-o", "out.jsonl", "-q"], in: folder.path)
            #expect(outcome.status == 1, "\(arguments)")
            #expect(outcome.stderr.contains("the folder missing does not exist"), "\(outcome.stderr)")
            #expect(outcome.stderr.contains("nothing was read"), "\(outcome.stderr)")
            #expect(folder.listing() == ["x.jsonl"], "\(arguments)")
        }
    }

    /// A summary file that cannot be written fails the run before any output is committed (it failed
    /// the run after the outputs were in place before).
    @Test func anUnwritableStatsFileFailsBeforeAnythingIsCommitted() throws {
        let folder = TemporaryFolder()
        folder.write("x.jsonl", "{\"id\":\"a\",\"text\":\"words\"}\n")
        let outcome = try cli.winnow(
            ["normalize", "x.jsonl", "-o", "out.jsonl", "--stats", "missing/stats.json", "-q"],
            in: folder.path)
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("missing/stats.json"), "\(outcome.stderr)")
        #expect(folder.listing() == ["x.jsonl"])
    }

    /// An output that fails at its last write (a full device) fails the run with none of the other
    /// outputs committed: every output is written whole before any is renamed into place.
    @Test func anOutputThatFailsAtTheEndLeavesTheOthersUncommitted() throws {
        let folder = TemporaryFolder()
        folder.write("x.jsonl", "{\"id\":\"a\",\"text\":\"words\"}\nnot json\n")
        for arguments in [
            ["-o", "out.jsonl", "--stats", "/dev/full"],
            ["-o", "/dev/full", "--removed", "removed.jsonl", "--rejects", "rejects.jsonl", "--stats", "stats.json"],
        ] {
            let outcome = try cli.winnow(["normalize", "x.jsonl", "-q"] + arguments, in: folder.path)
            #expect(outcome.status == 1, "\(arguments)")
            #expect(outcome.stderr.contains("/dev/full: write failed: No space left on device"), "\(outcome.stderr)")
            #expect(folder.listing() == ["x.jsonl"], "\(arguments)")
        }
    }

    /// Side files (neardup's clusters and assignments, templates' summary) are renamed into place with
    /// the outputs: a run that fails writing its statistics leaves them as they were, like the output
    /// (they were replaced before the outputs were finished).
    @Test func aRunThatFailsLeavesItsSideFilesAsTheyWere() throws {
        let folder = TemporaryFolder()
        let sentence = "the quick brown fox jumps over the lazy dog near the river bank while the sun sets slowly"
        folder.write("x.jsonl", "{\"id\":\"a\",\"text\":\"\(sentence)\"}\n{\"id\":\"b\",\"text\":\"\(sentence) today\"}\n")
        for arguments in [
            ["neardup", "x.jsonl", "--set", "clusters=side.jsonl", "--set", "assignments=more.jsonl"],
            ["templates", "x.jsonl", "--set", "summary=side.jsonl"],
        ] {
            for name in ["out.jsonl", "side.jsonl", "more.jsonl"] { folder.write(name, "OLD\n") }
            let before = folder.listing()
            let outcome = try cli.winnow(arguments + ["-o", "out.jsonl", "--stats", "/dev/full", "-q"], in: folder.path)
            #expect(outcome.status == 1, "\(arguments)")
            #expect(outcome.stderr.contains("/dev/full: write failed"), "\(outcome.stderr)")
            for name in ["out.jsonl", "side.jsonl", "more.jsonl"] { #expect(folder.read(name) == "OLD\n", "\(arguments) \(name)") }
            #expect(folder.listing() == before, "\(arguments)")
            let succeeded = try cli.winnow(arguments + ["-o", "out.jsonl", "-q"], in: folder.path)
            #expect(succeeded.status == 0, "\(succeeded.stderr)")
            #expect(folder.read("side.jsonl") != "OLD\n", "\(arguments)")
        }
    }

    @Test func devicesAndPipesAreWrittenToNotReplaced() throws {
        let folder = TemporaryFolder()
        folder.write("x.jsonl", "{\"id\":\"a\",\"text\":\"words\"}\n{\"id\":\"b\",\"text\":\"\"}\n")
        let null = try cli.winnow(["normalize", "x.jsonl", "-o", "/dev/null", "-q"], in: folder.path)
        #expect(null.status == 0)
        var info = stat()
        #expect(stat("/dev/null", &info) == 0 && info.st_mode & S_IFMT == S_IFCHR)
        #expect(!FileManager.default.fileExists(atPath: "/dev/null.removed.jsonl"))
        #expect(!FileManager.default.fileExists(atPath: "/dev/null.rejects.jsonl"))

        #expect(mkfifo(folder.file("pipe"), 0o600) == 0)
        let reader = Process()
        reader.executableURL = URL(fileURLWithPath: "/bin/sh")
        reader.arguments = ["-c", "cat pipe > received"]
        reader.currentDirectoryURL = URL(fileURLWithPath: folder.path)
        try reader.run()
        let piped = try cli.winnow(["normalize", "x.jsonl", "-o", "pipe", "-q"], in: folder.path)
        reader.waitUntilExit()
        #expect(piped.status == 0)
        #expect(folder.read("received") == "{\"id\":\"a\",\"text\":\"words\"}\n")
        #expect(lstat(folder.file("pipe"), &info) == 0 && info.st_mode & S_IFMT == S_IFIFO)
        #expect(folder.listing() == ["pipe", "received", "x.jsonl"])
    }

    /// SIGTERM, SIGINT or SIGHUP (a dropped ssh session) while the input is still arriving: the
    /// unfinished outputs and the report folder the run made are deleted and the process exits 128 + the
    /// signal (they were left behind as .NAME.winnow-PID-N.tmp files and an empty report folder before;
    /// SIGHUP left them until it was handled too).
    @Test(arguments: [SIGTERM, SIGINT, SIGHUP])
    func aSignalLeavesNoTemporaryFiles(_ signal: Int32) throws {
        let folder = TemporaryFolder()
        let (process, writer) = try startWaitingRun(in: folder)
        kill(process.processIdentifier, signal)
        process.waitUntilExit()
        try writer.close()
        #expect(process.terminationReason == .exit && process.terminationStatus == 128 + signal)
        #expect(folder.listing() == ["input.jsonl"])
    }

    /// A run started with SIGHUP ignored (`nohup`) keeps ignoring it, and finishes.
    @Test func aRunStartedUnderNohupOutlivesAHangup() throws {
        let folder = TemporaryFolder()
        let (process, writer) = try startWaitingRun(in: folder, through: ["/usr/bin/nohup"])
        kill(process.processIdentifier, SIGHUP)
        usleep(200_000)
        #expect(process.isRunning)
        writer.write(Data("xt\":\"second page\"}\n".utf8))
        try writer.close()
        process.waitUntilExit()
        #expect(process.terminationReason == .exit && process.terminationStatus == 0)
        #expect(folder.read("out.jsonl")?.split(separator: "\n").count == 2)
    }

    /// Starts the default pipeline on a FIFO that has been given one line and a half, and returns once
    /// the run has opened its outputs, with the FIFO's writing end. `through`: the command that starts
    /// the binary; by default one that gives SIGHUP its default action, which a test runner started
    /// under `nohup` would otherwise hand down ignored.
    private func startWaitingRun(
        in folder: TemporaryFolder, through command: [String] = ["/usr/bin/env", "--default-signal=HUP"]
    ) throws -> (Process, FileHandle) {
        #expect(mkfifo(folder.file("input.jsonl"), 0o600) == 0)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: command[0])
        process.arguments =
            command.dropFirst()
            + [CommandLineTests.binary, "run", packageRoot + "/Pipelines/default.yaml", "input.jsonl", "-o", "out.jsonl", "-q"]
        process.currentDirectoryURL = URL(fileURLWithPath: folder.path)
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let writer = try #require(FileHandle(forWritingAtPath: folder.file("input.jsonl")))
        writer.write(Data("{\"id\":\"a\",\"text\":\"first page\"}\n{\"id\":\"b\",\"te".utf8))
        var waited = 0
        while !folder.listing().contains(where: { $0.hasSuffix(".tmp") }) && waited < 200 {
            usleep(50_000)
            waited += 1
        }
        #expect(folder.listing().contains { $0.hasSuffix(".tmp") }, "the run opened its outputs")
        return (process, writer)
    }

    /// A run whose stderr reader is gone (`2>&1 | head`) finishes and commits its outputs; one whose
    /// standard output reader is gone fails with a message and leaves no spool file. SIGPIPE killed both
    /// before, the first with its outputs never committed.
    @Test func aClosedPipeIsAFailedWriteNotASignal() throws {
        let folder = TemporaryFolder()
        let bad = String(repeating: "{bad\n", count: 50)
        let good = (0..<200).map { "{\"id\":\"p\($0)\",\"text\":\"page \($0) of the run\"}\n" }.joined()
        folder.write("in.jsonl", bad + good)
        folder.write("tmp/.keep", "")
        folder.write("exact.yaml", "version: 1\nsteps: [normalize, exact]\n")
        func run(_ arguments: [String], closing stream: Int32) throws -> Process {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: CommandLineTests.binary)
            process.arguments = arguments
            process.currentDirectoryURL = URL(fileURLWithPath: folder.path)
            process.environment = ["TMPDIR": folder.file("tmp")]
            let closed = Pipe(), open = Pipe()
            try closed.fileHandleForReading.close()
            process.standardOutput = stream == 1 ? closed : open
            process.standardError = stream == 2 ? closed : open
            try process.run()
            _ = open.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return process
        }
        let logged = try run(["run", "exact.yaml", "in.jsonl", "-o", "out.jsonl"], closing: 2)
        #expect(logged.terminationReason == .exit && logged.terminationStatus == 0)
        #expect(folder.read("out.jsonl")?.split(separator: "\n").count == 200)
        let printed = try run(["run", "exact.yaml", "in.jsonl", "-o", "-", "-q"], closing: 1)
        #expect(printed.terminationReason == .exit && printed.terminationStatus == 1)
        #expect(printed.terminationStatus == 1 && (try? FileManager.default.contentsOfDirectory(atPath: folder.file("tmp"))) == [".keep"])
    }

    /// Started with stdout or stderr closed, the binary keeps their numbers from the files it opens, so no
    /// message or record meant for them lands in an output; a closed stdout that is written to fails the
    /// run, and so does a listing that does not fit (`print` dropped those writes with status 0).
    @Test func closedOrFullStandardStreamsLoseNothingSilently() throws {
        let folder = TemporaryFolder()
        folder.write("in.jsonl", "{bad\n{\"id\":\"a\",\"text\":\"words\"}\n{\"id\":\"b\",\"text\":\"more words\"}\n")
        let environment = ["WINNOW": CommandLineTests.binary, "PATH": "/usr/bin:/bin"]
        func shell(_ command: String) throws -> CommandLineTests.Outcome {
            try CommandLineTests.run("/bin/sh", ["-c", command], environment: environment, in: folder.path)
        }
        let quiet = try shell("\"$WINNOW\" normalize in.jsonl -o out.jsonl --rejects bad.jsonl 2>&-")
        #expect(quiet.status == 0)
        #expect(folder.read("out.jsonl") == "{\"id\":\"a\",\"text\":\"words\"}\n{\"id\":\"b\",\"text\":\"more words\"}\n")
        let closed = try shell("\"$WINNOW\" normalize in.jsonl >&-")
        #expect(closed.status == 1 && closed.stderr.contains("Bad file descriptor"), "\(closed.stderr)")
        let full = try shell("\"$WINNOW\" stages --resolve \(packageRoot)/Pipelines/default.yaml > /dev/full")
        #expect(full.status == 1 && full.stderr.contains("cannot write standard output"), "\(full.stderr)")
    }

    /// A folder inside an input folder that cannot be listed fails the run (its files were skipped
    /// silently before). Root lists any folder, so as root the command runs as user 'nobody'.
    @Test func anUnreadableSubfolderFailsTheRun() throws {
        let folder = TemporaryFolder()
        folder.write("in/a.jsonl", "{\"id\":\"a\",\"text\":\"x\"}\n")
        folder.write("in/locked/b.jsonl", "{\"id\":\"b\",\"text\":\"y\"}\n")
        chmod(folder.path, 0o755)
        chmod(folder.file("in"), 0o755)
        chmod(folder.file("in/locked"), 0o000)
        defer { chmod(folder.file("in/locked"), 0o755) }
        let arguments = ["normalize", folder.file("in"), "-o", "-", "-q"]
        let outcome: CommandLineTests.Outcome
        if getuid() == 0 {
            let binary = folder.file("winnow")
            try FileManager.default.copyItem(atPath: CommandLineTests.binary, toPath: binary)
            outcome = try CommandLineTests.run(
                "/usr/bin/setpriv", ["--reuid=65534", "--regid=65534", "--clear-groups", binary] + arguments)
        } else {
            outcome = try cli.winnow(arguments)
        }
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("locked") && outcome.stderr.contains("cannot list"), "\(outcome.stderr)")
        #expect(outcome.stdout.isEmpty)
    }

    /// A run's output, or a stage's side file, named like a file the report writes or replaces in its
    /// folder (`--removed out.report/clusters.csv`) is refused before reading, naming both: the report
    /// replaced it, and the removed documents were in no file.
    @Test func anOutputInTheReportFolderUnderAReportFilesNameIsRefusedBeforeReading() throws {
        let folder = TemporaryFolder()
        folder.write("in.jsonl", "{\"id\":\"a\",\"text\":\"one text\"}\n{\"id\":\"b\",\"text\":\"one text\"}\n")
        folder.write("out.report/mine.txt", "kept")
        folder.write("side.yaml", "version: 1\nname: side\nsteps:\n  - neardup:\n      clusters: out.report/report.json\n  - report\n")
        let before = Self.contents(of: folder)
        let pipeline = packageRoot + "/Pipelines/default.yaml"
        for (arguments, message) in [
            ([pipeline, "--removed", "out.report/clusters.csv"], "its clusters.csv, which is the --removed out.report/clusters.csv"),
            ([pipeline, "--stats", "./out.report/report.json"], "its report.json, which is the --stats ./out.report/report.json"),
            ([pipeline, "--rejects", "out.report/cluster-list.jsonl"], "its cluster-list.jsonl, which is the --rejects"),
            ([pipeline, "--removed", "out.report/clusters.jsonl"], "its clusters.jsonl, which is the --removed"),
            (["side.yaml"], "its report.json, which is the neardup clusters out.report/report.json"),
        ] {
            let outcome = try cli.winnow(["run"] + arguments + ["in.jsonl", "-o", "out.jsonl", "-q"], in: folder.path)
            #expect(outcome.status == 1, "\(arguments)")
            #expect(outcome.stderr.contains(message) && outcome.stderr.contains("nothing was read"), "\(outcome.stderr)")
            #expect(Self.contents(of: folder) == before, "\(arguments)")
        }
        // Elsewhere in the folder, an output is kept with the report.
        let kept = try cli.winnow(
            ["run", pipeline, "in.jsonl", "-o", "out.jsonl", "--removed", "out.report/removed.jsonl", "-q"], in: folder.path)
        #expect(kept.status == 0, "\(kept.stderr)")
        #expect(folder.read("out.report/removed.jsonl")?.contains("\"id\":\"b\"") == true)
        #expect(folder.read("out.report/mine.txt") == "kept")
    }

    /// A report folder that is or holds an input is refused before reading: its feeds of an earlier
    /// run went (an input shard named clusters.jsonl) and its report files replaced inputs. `winnow
    /// report` refuses the run's files it reads when its folder's files would replace them.
    @Test func aReportFolderThatIsOrHoldsAnInputIsRefusedBeforeReading() throws {
        let folder = TemporaryFolder()
        folder.write("shards/clusters.jsonl", "{\"id\":\"a\",\"text\":\"first shard\"}\n{\"id\":\"b\",\"text\":\"first shard\"}\n")
        folder.write("shards/report.json", "{\"id\":\"c\",\"text\":\"second shard\"}\n")
        folder.write("out.report/clusters.jsonl", "{\"id\":\"e\",\"text\":\"x y z\"}\n")
        folder.write("out.report/page.jsonl", "{\"id\":\"g\",\"text\":\"x y z\"}\n")
        folder.write("R/cluster-list.jsonl", "{\"id\":\"d\",\"text\":\"third\"}\n")
        folder.write("R/clusters.csv", "{\"id\":\"f\",\"text\":\"fourth\",\"removed_by\":\"exact\"}\n")
        folder.write("p.yaml", "version: 1\nname: p\nsteps:\n  - exact\n  - report:\n      folder: shards\n")
        let before = Self.contents(of: folder)
        let pipeline = packageRoot + "/Pipelines/default.yaml"
        for (arguments, message) in [
            (
                ["run", "p.yaml", "shards", "-o", "out.jsonl"],
                "the report folder shards would replace its clusters.jsonl, which is the input shards/clusters.jsonl"
            ),
            (["run", "p.yaml", "shards/report.json", "-o", "out.jsonl"], "its report.json, which is the input shards/report.json"),
            (["run", pipeline, "out.report", "-o", "out.jsonl"], "its clusters.jsonl, which is the input out.report/clusters.jsonl"),
            (
                ["run", pipeline, "./out.report/page.jsonl", "-o", "out.jsonl"],
                "the report folder out.report holds the input ./out.report/page.jsonl"
            ),
            (
                ["report", "R/cluster-list.jsonl", "--removed", "R/clusters.csv", "-o", "R"],
                "its cluster-list.jsonl, which is the input R/cluster-list.jsonl"
            ),
            (
                ["report", "page", "--counts", "R/report.json", "--facts", "x", "--largest", "l", "-o", "R/"],
                "the report folder R/ would replace its report.json, which is the input R/report.json"
            ),
        ] {
            let outcome = try cli.winnow(arguments + ["-q"].filter { _ in arguments[0] == "run" }, in: folder.path)
            #expect(outcome.status == 1, "\(arguments)")
            #expect(outcome.stderr.contains(message) && outcome.stderr.contains("nothing was read"), "\(outcome.stderr)")
            #expect(Self.contents(of: folder) == before, "\(arguments)")
        }
    }

    /// A report folder that is the current folder, or holds it, is refused before reading: `.` and `..`
    /// failed with EBUSY after the outputs were committed, and a folder named in full was exchanged for
    /// a copy, leaving the shell that started the run in a deleted folder.
    @Test func aReportFolderThatIsOrHoldsTheCurrentFolderIsRefusedBeforeReading() throws {
        let folder = TemporaryFolder()
        folder.write("work/in.jsonl", "{\"id\":\"a\",\"text\":\"one text\"}\n")
        folder.write("work/mine.txt", "kept")
        folder.write("out.jsonl", "{\"id\":\"a\",\"text\":\"one text\"}\n")
        for report in [".", "..", folder.path, "missing/.."] {
            folder.write("p.yaml", "version: 1\nname: p\nsteps:\n  - exact\n  - report:\n      folder: \"\(report)\"\n")
            let before = Self.contents(of: folder)
            for arguments in [["run", "../p.yaml", "in.jsonl", "-o", "../out.jsonl", "-q"], ["report", "../out.jsonl", "-o", report]] {
                let outcome = try cli.winnow(arguments, in: folder.file("work"))
                #expect(outcome.status == 1, "\(arguments)")
                #expect(
                    outcome.stderr.contains("the report folder \(report) is the current folder or holds it")
                        && outcome.stderr.contains("nothing was read"), "\(outcome.stderr)")
                #expect(Self.contents(of: folder) == before, "\(arguments)")
            }
        }
    }

    /// `report map` and `report clusters` refuse an output that is their input, by any spelling,
    /// as every other command does: the run's cleaned output was replaced by report rows.
    @Test func aReportStepsOutputThatIsItsInputIsRefused() throws {
        let folder = TemporaryFolder()
        folder.write("out.jsonl", "{\"id\":\"a\",\"text\":\"one text\"}\n")
        folder.write("ids.jsonl", "\"a\"\n")
        #expect(symlink("out.jsonl", folder.file("alias.jsonl")) == 0)
        let before = Self.contents(of: folder)
        for arguments in [
            ["map", "out.jsonl", "-o", "out.jsonl"], ["map", "out.jsonl", "-o", "alias.jsonl"],
            ["map", "out.jsonl", "--texts", "ids.jsonl", "-o", "./ids.jsonl"], ["clusters", "out.jsonl", "-o", "alias.jsonl"],
        ] {
            let outcome = try cli.winnow(["report"] + arguments, in: folder.path)
            #expect(outcome.status == 1, "\(arguments)")
            #expect(outcome.stderr.contains("is the input"), "\(outcome.stderr)")
            #expect(Self.contents(of: folder) == before, "\(arguments)")
        }
    }

    /// `winnow report` refuses a removed output that is the cleaned one, by any spelling, as a run refuses
    /// two outputs on one file: it was read twice, every document counted as kept and as removed.
    @Test func aReportsRemovedOutputThatIsItsCleanedOutputIsRefused() throws {
        let folder = TemporaryFolder()
        folder.write("out.jsonl", "{\"id\":\"a\",\"text\":\"one text\"}\n")
        #expect(symlink("out.jsonl", folder.file("alias.jsonl")) == 0)
        #expect(link(folder.file("out.jsonl"), folder.file("hard.jsonl")) == 0)
        let before = Self.contents(of: folder)
        for removed in ["out.jsonl", "./out.jsonl", "alias.jsonl", "hard.jsonl", folder.file("out.jsonl")] {
            let outcome = try cli.winnow(["report", "out.jsonl", "--removed", removed, "-o", "R"], in: folder.path)
            #expect(outcome.status == 1, "\(removed)")
            #expect(
                outcome.stderr.contains("the removed output \(removed) is the cleaned output out.jsonl")
                    && outcome.stderr.contains("nothing was read"), "\(outcome.stderr)")
            #expect(Self.contents(of: folder) == before, "\(removed)")
        }
        #expect(try cli.winnow(["report", "out.jsonl", "-o", "R", "-q"], in: folder.path).status == 0)
    }

    /// Every file under `folder` (hidden ones too) with its bytes, and every folder with its mode.
    static func contents(of folder: TemporaryFolder) -> [String: String] {
        var found: [String: String] = [:]
        let enumerator = FileManager.default.enumerator(atPath: folder.path)
        while let name = enumerator?.nextObject() as? String {
            var info = stat()
            guard lstat(folder.file(name), &info) == 0 else { continue }
            found[name] =
                info.st_mode & S_IFMT == S_IFREG
                ? folder.read(name) : "mode \(String(info.st_mode & 0o7777, radix: 8)) type \(info.st_mode & S_IFMT)"
        }
        return found
    }
}
