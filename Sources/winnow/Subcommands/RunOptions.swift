import ArgumentParser
import Foundation
import Winnow

/// Inputs, outputs and limits shared by every subcommand that processes documents.
struct RunOptions: ParsableArguments {
    @Argument(
        help: ArgumentHelp(
            "JSONL files (plain or .gz), web archives (WARC or WET, plain or .gz), folders of shards, archives or "
                + ".html/.htm/.html.gz files, or '-' for stdin.",
            discussion: "With no input, standard input is read. A file starting with WARC/1.0 or WARC/1.1 is read as a "
                + "web archive whatever its name.", valueName: "input"))
    var inputs: [String] = []

    @Option(name: .shortAndLong, help: ArgumentHelp("Cleaned output, JSONL; '.gz' compresses; '-' is stdout.", valueName: "file"))
    var output: String = "-"

    @Option(help: ArgumentHelp("Where removed documents go. Default: OUTPUT.removed.jsonl beside a file output.", valueName: "file"))
    var removed: String?

    @Option(help: ArgumentHelp("Where rejected records go. Default: OUTPUT.rejects.jsonl beside a file output.", valueName: "file"))
    var rejects: String?

    @Option(help: ArgumentHelp("Write the run summary as JSON to this file.", valueName: "file"))
    var stats: String?

    @OptionGroup var fields: FieldArguments

    @Option(parsing: .unconditional, help: ArgumentHelp("Reject records longer than this many bytes.", valueName: "bytes"))
    var maxRecordBytes: Int = 64 << 20

    @Option(
        help: ArgumentHelp(
            "The id of a document read from a web archive: its WARC-Record-ID, or its URL.",
            valueName: "record-id|url"))
    var warcId: ArchiveDocumentDecoder.Identity = .recordID

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "Fail (exit 2, no file output written) when more records than this are rejected. Default: no limit.",
            valueName: "n"))
    var maxRejects: Int?

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "Batches processed at once, at most \(RunConfiguration.maxThreads). Default: the number of cores.", valueName: "n"))
    var threads: Int = RunConfiguration.coreCount

    @Option(
        help: ArgumentHelp(
            "Where documents wait between the passes of corpus stages. Default: $TMPDIR or /tmp.",
            valueName: "folder"))
    var tempDir: String?

    @Option(
        help: ArgumentHelp(
            "Inputs and cleaned output are framed: each line starts with 'INPUT LINE OFFSET ', INPUT numbering the "
                + "origin names in this file (one a line). Used by the cluster path (spark/).", valueName: "file"))
    var framedSources: String?

    @Option(
        help: ArgumentHelp(
            "Read the one input as the run's input of this name (a cluster task's copy of a user's file, read whole and "
                + "unframed; its documents framed with --framed-sources). Used by the cluster path (spark/).",
            valueName: "name"))
    var inputName: String?

    @Option(
        help: ArgumentHelp(
            "The origin the --input-name input's records carry (NAME#2 for a second reading). Default: its name.",
            valueName: "origin"))
    var inputOrigin: String?

    @Flag(name: .shortAndLong, help: "Print no summary, progress or report line on stderr; warnings and rejects still.")
    var quiet = false

    func validate() throws {
        guard maxRecordBytes > 0 else { throw ValidationError("--max-record-bytes must be positive.") }
        guard threads > 0 else { throw ValidationError("--threads must be positive.") }
        guard threads <= RunConfiguration.maxThreads else {
            throw ValidationError(
                "--threads must be at most \(RunConfiguration.maxThreads): each thread holds a batch of records in memory "
                    + "(this machine has \(RunConfiguration.coreCount) cores, the default).")
        }
        if let maxRejects, maxRejects < 0 { throw ValidationError("--max-rejects must be 0 or more.") }
        if inputOrigin != nil && inputName == nil {
            throw ValidationError("--input-origin names the origin of --input-name's input: give both.")
        }
    }

    /// The library's run configuration for these options.
    func configuration() throws(WinnowError) -> RunConfiguration {
        var config = RunConfiguration(inputs: try InputSpec.resolve(inputs), output: output, threads: threads)
        config.removedOutput = removed ?? OutputTarget.sibling(of: output, kind: "removed")
        config.rejectsOutput = rejects ?? OutputTarget.sibling(of: output, kind: "rejects")
        config.statsOutput = stats
        config.fields = fields.names
        config.maxRecordBytes = maxRecordBytes
        config.archiveDecoder.identity = warcId
        config.maxRejects = maxRejects
        if let tempDir { config.spoolDirectory = tempDir }
        if let framedSources { config.framedSources = try Self.readSourceNames(framedSources) }
        if let inputName {
            let whole = WholeInput(name: inputName, origin: inputOrigin ?? inputName)
            config.inputs = [try whole.spec(reading: inputs, framedSources: config.framedSources)]
            config.wholeInput = whole
        }
        return config
    }

    /// The origin names of `--framed-sources`: one a line, in the order the frames number them.
    static func readSourceNames(_ path: String) throws(WinnowError) -> [String] {
        guard let text = String(validating: try WholeFile.read(path, limit: WholeFile.sideFileLimit), as: UTF8.self) else {
            throw WinnowError(.io, "the framed sources file is not UTF-8 text (one origin name a line)", path: path)
        }
        var names = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if names.last == "" { names.removeLast() }
        return names
    }

    /// A map step writes its state file (`-o`, named `state` in the message) and nothing else: the
    /// apply step is where records are removed or rejected and the run summarised, so the run outputs
    /// are refused rather than ignored.
    func validateMapStep(state: String) throws {
        guard output != "-" else { throw ValidationError("map needs -o \(state)") }
        for (flag, path) in [("--removed", removed), ("--rejects", rejects), ("--stats", stats)] where path != nil {
            throw ValidationError(
                "\(flag) is not written by a map step, which writes only its state file (-o): give it to the apply "
                    + "step, which removes and rejects records and summarises the run")
        }
    }

    /// Refuses a map step's output that is one of its inputs, before anything is read.
    func requireMapOutput() throws(WinnowError) {
        try OutputTarget.requireDistinct(outputs: [("-o", output)], inputs: try InputSpec.resolve(inputs).map(\.path))
    }

    /// The run configuration of an apply step, which also reads `stateFile`.
    func configuration(reading stateFile: String) throws(WinnowError) -> RunConfiguration {
        var config = try configuration()
        config.sideInputs = [stateFile]
        return config
    }

    /// A runner for `steps` that reports on stderr.
    func runner(name: String, steps: [PipelineStep], configuration: RunConfiguration? = nil) throws(WinnowError) -> PipelineRunner {
        let showStatus: @Sendable (String) -> Void = { Terminal.status($0) }
        let progress = !quiet && Terminal.isInteractive ? showStatus : nil
        let resolved: RunConfiguration
        if let configuration { resolved = configuration } else { resolved = try self.configuration() }
        var runner = PipelineRunner(
            name: name, steps: steps, configuration: resolved,
            log: { Terminal.error($0) }, progress: progress)
        runner.quiet = quiet
        return runner
    }

    /// Runs `steps` and prints the summary table (and where the report went) unless quiet.
    func run(name: String, steps: [PipelineStep], configuration: RunConfiguration? = nil) async throws(WinnowError) {
        let summary = try await runner(name: name, steps: steps, configuration: configuration).run()
        if !quiet { Terminal.error(SummaryTable.render(summary)) }
    }
}

extension ArchiveDocumentDecoder.Identity: ExpressibleByArgument {}
