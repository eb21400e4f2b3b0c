import Foundation

/// Runs stages over inputs: reads batches, processes them on all threads, writes them in input order,
/// and accounts for every record. Outputs are committed only when the whole run succeeds.
public struct PipelineRunner: Sendable {
    public let name: String
    public let steps: [PipelineStep]
    public let configuration: RunConfiguration
    /// Receives messages for the user (rejects, notes); the CLI prints them to stderr.
    public let log: @Sendable (String) -> Void
    /// Receives a status line to show in place of the previous one ("" clears it); nil: no progress.
    public let progress: (@Sendable (String) -> Void)?
    /// Leaves out the line that says where the report was written; warnings and rejects still go to `log`.
    public var quiet = false

    public init(
        name: String, steps: [PipelineStep], configuration: RunConfiguration,
        log: @escaping @Sendable (String) -> Void = { _ in },
        progress: (@Sendable (String) -> Void)? = nil
    ) {
        self.name = name
        self.steps = steps
        self.configuration = configuration
        self.log = log
        self.progress = progress
    }

    public init(
        name: String, stages: [any DocumentStage], configuration: RunConfiguration,
        log: @escaping @Sendable (String) -> Void = { _ in },
        progress: (@Sendable (String) -> Void)? = nil
    ) {
        self.init(name: name, steps: stages.map { .document($0) }, configuration: configuration, log: log, progress: progress)
    }

    /// A stretch of the pipeline that streams in one pass: its document stages, then the map step of
    /// the corpus stage that ends it (none for the last), and of the one after that when the two share
    /// the pass (`SharedMap`). `indices` place the stages in `steps`.
    private struct Phase {
        var stages: [(index: Int, stage: any DocumentStage)] = []
        var corpus: (index: Int, pass: CorpusPass)?
        var follower: (index: Int, pass: CorpusPass)?

        /// The follower's part of the pass, when it has one: its map beside `corpus`'s, its tally,
        /// and the file of retraction records written to `retractions`.
        func openSharedPass(framing: Framing, retractions: String) throws(WinnowError) -> SharedPass? {
            guard let corpus, let follower else { return nil }
            return SharedPass(
                map: SharedMap(first: corpus.pass, second: follower.pass, framing: framing), index: follower.index,
                accumulator: follower.pass.makeAccumulator(), retractions: try OutputFile(path: retractions))
        }
    }

    /// A corpus stage mapped in the pass of the one before it, as a phase runs it.
    private struct SharedPass {
        let map: SharedMap
        /// The stage's place in `steps`.
        let index: Int
        let accumulator: any CorpusAccumulator
        let retractions: OutputFile
    }

    private var phases: [Phase] {
        var phases = [Phase()]
        for (index, step) in steps.enumerated() {
            switch step {
            case .document(let stage): phases[phases.count - 1].stages.append((index, stage))
            case .corpus(let stage):
                // A corpus stage right after another, with no document stage between, may map in its pass.
                if configuration.sharesMapPasses, phases.count > 1, phases[phases.count - 1].stages.isEmpty,
                    let previous = phases[phases.count - 2].corpus, phases[phases.count - 2].follower == nil,
                    SharedMap.canShare(previous.pass.stage, stage)
                {
                    phases[phases.count - 2].follower = (index, CorpusPass(stage: stage))
                    continue
                }
                phases[phases.count - 1].corpus = (index, CorpusPass(stage: stage))
                phases.append(Phase())
            }
        }
        return phases
    }

    /// Runs every phase; a corpus stage's documents wait in a spool file while its tally is merged.
    public func run() async throws(WinnowError) -> RunSummary {
        let config = configuration
        var clock = Stopwatch()
        try AddedField.requireDistinct(steps, from: config.fields)
        let sideFiles = self.sideFiles
        try OutputTarget.requireDistinct(
            outputs: config.namedOutputs + sideFiles.map { ($0.role, $0.path) },
            inputs: config.inputs.map(\.path) + config.sideInputs)
        try ForeignCompression.refuse(config.inputs)
        if let folder = config.reportFolder {
            // Stages write the report's feeds into its work folder: under their names, they replace the folder's.
            let work = StagedFolder.workFolder(for: folder) + "/"
            let fed = sideFiles.filter { $0.path.hasPrefix(work) }.map { String($0.path.dropFirst(work.count)) }
            try ReportFolder.requireDistinct(
                folder, writing: ReportFolder.files + fed, replacing: ReportFeed.isFed,
                outputs: config.namedOutputs + sideFiles.filter { !$0.path.hasPrefix(work) }.map { ($0.role, $0.path) },
                inputs: config.inputs.map(\.path) + config.sideInputs, holdingNoInput: true)
        }
        let output = try OutputFile(path: config.output)
        // The report folder is written whole at the end; until then stages write their files for it
        // into its work folder, and a run that fails leaves the folder as it was.
        // A feed file of an earlier run that this run's stages did not write again would be mistaken for this run's.
        // Made in one step an interruption waits for, so that it is never made after the deletion's list was taken.
        let reportFolder = try config.reportFolder.map { folder throws(WinnowError) in
            try TemporaryFiles.shared.creating { () throws(WinnowError) in
                try StagedFolder(target: folder, replacing: ReportFeed.isFed)
            }
        }
        defer { reportFolder?.discard() }
        for file in sideFiles { try OutputTarget.requireFolder(role: file.role, path: file.path) }
        let removed = try config.removedOutput.map { path throws(WinnowError) in try OutputFile(path: path) }
        let rejects = try config.rejectsOutput.map { path throws(WinnowError) in try OutputFile(path: path) }
        // Opened now, so that a summary that cannot be written fails the run before any output is committed.
        let stats = try config.statsOutput.map { path throws(WinnowError) in try OutputFile(path: path) }

        var summary = RunSummary(pipeline: name)
        summary.stages = StageTable(steps: steps.map(\.name))
        summary.fields = config.fields
        summary.outputs = .init(
            cleaned: config.output, removed: config.removedOutput, rejects: config.rejectsOutput,
            report: config.reportFolder)
        for file in sideFiles {
            if let field = file.recordedAs { summary.outputs[keyPath: field] = reportFolder?.final(file.path) ?? file.path }
        }
        var run = RunState(summary: summary, progressLine: ProgressLine(show: progress))

        // A run stopped under way commits no file output; what went to a stream output is out, and the
        // error says so (`WinnowError.restated`).
        let finishing: [any FinishingStage]
        do throws(WinnowError) {
            finishing = try await runPhases(output: output, removed: removed, rejects: rejects, state: &run)
            run.progressLine.clear()
            guard run.summary.isBalanced else {
                let summary = run.summary
                throw WinnowError(
                    .io,
                    stoppingRun: "internal accounting error: \(summary.records) records read but "
                        + "\(summary.kept) kept + \(summary.removed) removed + \(summary.rejected) rejected"
                        + " + \(summary.skipped) skipped")
            }
        } catch {
            throw error.restated(for: [output, removed, rejects])
        }
        summary = run.summary
        summary.outputBytes = output.bytesWritten
        if summary.rejected > run.shownRejects, let path = config.rejectsOutput {
            log("\(summary.rejected - run.shownRejects) more rejects not shown; all are in \(path)")
        }
        var sideOutputs: [OutputFile] = []
        for stage in finishing { sideOutputs += try stage.finish() }
        summary.wallSeconds = clock.lap()
        if let stats { try Self.writeStats(summary, to: stats) }
        // Every output, side files included, is written whole before any is moved into place: one
        // that cannot be (a full disk, --stats /dev/full) fails the run with the others left as they were.
        for file in [rejects, removed, output, stats] { try file?.finish() }
        try TemporaryFiles.shared.committing { () throws(WinnowError) in
            try rejects?.commit()
            try removed?.commit()
            try output.commit()
            for file in sideOutputs { try file.commit() }
            try stats?.commit()
        }
        if config.removedOutput == nil, summary.removed > 0, !quiet { log(Self.droppedRemovals(summary.removed, output: config.output)) }
        // Last, so that a report that fails leaves the run's outputs and summary in place.
        if let report = config.report {
            try writeReport(
                report, summary: summary, into: reportFolder,
                templateSites: Self.templateSites(of: finishing, recorded: summary.outputs.templateSummary, in: reportFolder))
        }
        return summary
    }

    /// Runs every phase, writing the last one's kept documents to `output`; a corpus stage's documents
    /// wait in a spool file while its tally is merged. Returns the stages to finish.
    private func runPhases(
        output: OutputFile, removed: OutputFile?, rejects: OutputFile?, state run: inout RunState
    ) async throws(WinnowError) -> [any FinishingStage] {
        let config = configuration
        let phases = self.phases
        if phases.count > 1 { try Spool.prepare(config.spoolDirectory) }
        let framing = Framing(sources: config.sourceNames)
        let spoolRun = Spool.newRun()
        var spool: String?
        defer { if let spool { Spool.remove(spool) } }
        /// How many documents `spool` holds: the most the next pass's corpus stages will map.
        var spooledDocuments = 0
        var appliers: [(index: Int, stage: any DocumentStage)] = []
        // After a shared map pass, the removals of the second applier and the stages after it belong
        // to a pass of their own in a run without one; they wait in a file so the removed output keeps that order.
        var laterRemovalsFrom = Int.max
        var finishing: [any FinishingStage] = []
        // A corpus stage that sees the inputs as they are reads them again rather than spooling them.
        var rereading: InputSnapshot?
        for (number, phase) in phases.enumerated() {
            var stages = appliers + phase.stages
            // The appliers of the pass before go once this pass is done, before the next merge
            // builds its own (exact's keepers, say, are as many as the corpus's texts).
            appliers = []
            let isLast = number == phases.count - 1
            let snapshot =
                number == 0 && phase.stages.isEmpty && !isLast && config.framedSources == nil
                ? InputSnapshot(config.inputs) : nil
            let destination =
                isLast
                ? output
                : snapshot != nil ? nil : try OutputFile(path: Spool.path(in: config.spoolDirectory, run: spoolRun, phase: number))
            let accumulator = phase.corpus?.pass.makeAccumulator()
            let shared = try phase.openSharedPass(
                framing: framing, retractions: Spool.retractionsPath(in: config.spoolDirectory, run: spoolRun, phase: number))
            defer { if let shared { Spool.remove(shared.retractions.path) } }
            if spool != nil {
                accumulator?.reserve(documents: spooledDocuments)
                shared?.accumulator.reserve(documents: spooledDocuments)
            }
            let laterRemovals =
                removed == nil || laterRemovalsFrom == Int.max
                ? nil : try OutputFile(path: Spool.laterRemovalsPath(in: config.spoolDirectory, run: spoolRun, phase: number))
            defer { if let laterRemovals { Spool.remove(laterRemovals.path) } }
            try rereading?.verifyUnchanged()
            let reader =
                try spool.map { path throws(WinnowError) in try RecordReader(spoolFile: path, sources: framing.sources) }
                ?? RecordReader(
                    inputs: config.inputs, maxRecordBytes: config.maxRecordBytes,
                    framedSources: config.inputFraming, origins: config.readerOrigins)
            // Documents are spooled between passes, and leave framed at the end when the inputs came framed.
            let keptForm: BatchProcessor.KeptForm =
                !isLast ? .spooled(framing) : config.framedSources != nil ? .framed(framing) : .jsonl
            let written = try await runPhase(
                number: number, reader: reader, stages: stages, mapper: phase.corpus,
                accumulator: accumulator, shared: shared, destination: destination, keptForm: keptForm, removed: removed,
                laterRemovals: laterRemovals.map { (laterRemovalsFrom, $0) },
                rejects: rejects, isLast: isLast, rereading: rereading != nil, state: &run)
            try rereading?.verifyUnchanged()
            if let laterRemovals, let removed {
                try laterRemovals.commit(staysTemporary: true)
                try Self.append(laterRemovals.path, to: removed)
                run.summary.spooledBytes += laterRemovals.bytesWritten
            }
            laterRemovalsFrom = Int.max
            run.summary.passes += 1
            if !isLast, let destination { run.summary.spooledBytes += destination.bytesWritten }
            if let shared { run.summary.spooledBytes += shared.retractions.bytesWritten }
            finishing += stages.compactMap { $0.stage as? any FinishingStage }
            stages = []
            if let spool { Spool.remove(spool) }
            spool = nil
            rereading = nil
            if let corpus = phase.corpus, let accumulator {
                if let destination {
                    try destination.commit(staysTemporary: true)
                    spool = destination.path
                    spooledDocuments = written
                } else {
                    rereading = snapshot
                }
                var merge = Stopwatch()
                for warning in accumulator.warnings { log("warning: \(steps[corpus.index].name): " + warning) }
                appliers = [(corpus.index, accumulator.apply())]
                run.summary.stages[step: corpus.index].seconds += merge.lap()
                if let shared {
                    try shared.retractions.commit(staysTemporary: true)
                    try SharedMap.retract(
                        file: shared.retractions.path, sources: framing.sources, first: accumulator,
                        second: shared.accumulator)
                    laterRemovalsFrom = appliers.count
                    appliers.append((shared.index, shared.accumulator.apply()))
                    run.summary.stages[step: shared.index].seconds += merge.lap()
                }
            }
        }
        return finishing
    }

    /// The note that the run's removed documents went nowhere: without a removed output (none is made
    /// beside standard output, a device or a pipe) they are only counted.
    private static func droppedRemovals(_ count: Int, output: String) -> String {
        let why =
            OutputTarget.hasSiblings(output)
            ? "no removed output was given"
            : "no removed output is made beside \(output == "-" ? "standard output" : "a device, pipe or descriptor (\(output))")"
        return "note: \(count) removed \(count == 1 ? "document was" : "documents were") counted but not written: "
            + "\(why); give --removed FILE to keep them"
    }

    /// The sites of the template summary the run recorded, as the templates stage that wrote it holds
    /// them; nil, for the report to read the file, unless exactly one stage wrote there.
    private static func templateSites(
        of finishing: [any FinishingStage], recorded: String?, in folder: StagedFolder?
    ) -> [TemplateSummary.Site]? {
        let writers = finishing.compactMap { $0 as? TemplateRemover }.filter { remover in
            let path = remover.model.options.summary
            return !path.isEmpty && (folder?.final(path) ?? path) == recorded
        }
        return writers.count == 1 ? writers[0].summary?.writtenSites : nil
    }

    /// The files the corpus stages write besides the outputs.
    private var sideFiles: [SideFile] {
        steps.flatMap { step -> [SideFile] in
            guard case .corpus(let stage) = step else { return [] }
            return stage.sideFiles
        }
    }

    /// Reads the committed outputs back into the report folder.
    private func writeReport(
        _ options: ReportOptions, summary: RunSummary, into folder: StagedFolder?, templateSites: [TemplateSummary.Site]?
    ) throws(WinnowError) {
        guard let folder else {
            log(
                "report: not written, because the cleaned output is not a file it can read back (standard output, "
                    + "a device or a pipe): give -o FILE, or run winnow report")
            return
        }
        var clock = Stopwatch()
        var builder = ReportBuilder(options: options, inputs: summary.outputs, run: summary, fields: configuration.fields)
        builder.templateSites = templateSites
        let written = try builder.write(into: folder)
        try folder.commit()
        if !quiet {
            log(
                "report: \(folder.target)/report.html (\(written.nearDuplicateClusters) near-duplicate clusters, "
                    + "\(written.exactClusters) exact-duplicate groups, \(written.sites) sites; "
                    + String(format: "%.2f s)", clock.lap()))
        }
        for warning in written.warnings { log("report: " + warning) }
    }

    /// What the phases of one run add up.
    private struct RunState {
        var summary: RunSummary
        var progressLine: ProgressLine
        var shownRejects = 0
    }

    /// Streams `inputs` through `stages` once, writing kept documents to `destination` (nil: nowhere,
    /// the inputs will be read again) in input order and feeding them to the following corpus stage's
    /// tally; returns how many were kept. `rereading`: the inputs were read before, so their rejects
    /// are already accounted for.
    private func runPhase(
        number: Int, reader: RecordReader, stages: [(index: Int, stage: any DocumentStage)],
        mapper: (index: Int, pass: CorpusPass)?, accumulator: (any CorpusAccumulator)?,
        shared: SharedPass?,
        destination: OutputFile?, keptForm: BatchProcessor.KeptForm, removed: OutputFile?,
        laterRemovals: (from: Int, file: OutputFile)?, rejects: OutputFile?,
        isLast: Bool, rereading: Bool, state: inout RunState
    ) async throws(WinnowError) -> Int {
        let config = configuration
        var kept = 0
        let makesText = stages.first?.stage.makesText ?? false
        var processor = BatchProcessor(
            decoder: DocumentDecoder(fields: config.fields, requireText: !makesText),
            encoder: DocumentEncoder(fields: config.fields),
            stages: stages.map(\.stage), keepRemoved: removed != nil)
        processor.mapper = shared == nil ? mapper?.pass : nil
        processor.sharedMap = shared?.map
        processor.archiveDecoder = config.archiveDecoder
        processor.encodesKept = destination != nil
        processor.dropsRejects = rereading
        processor.keptForm = keptForm
        processor.removedFraming = config.framedSources.map(Framing.init(sources:))
        processor.laterRemovalsFrom = laterRemovals?.from ?? Int.max
        try await Self.stream(reader, through: processor, threads: config.threads) { result throws(WinnowError) in
            try destination?.write(result.kept, records: result.keptCount)
            kept += result.keptCount
            try removed?.write(result.removed, records: result.removedCount - result.removedLaterCount)
            try laterRemovals?.file.write(result.removedLater, records: result.removedLaterCount)
            try rejects?.write(result.rejects, records: result.rejectList.count)
            for reject in result.rejectList where rejects == nil || state.shownRejects < config.rejectMessageLimit {
                log(reject.description)
                state.shownRejects += 1
            }
            if let tally = result.tally { accumulator?.add(tally) }
            if let shared, let tally = result.sharedTally {
                shared.accumulator.add(tally)
                try shared.retractions.write(result.retractions)
            }
            state.summary.absorb(
                result, phase: number, stageIndices: stages.map(\.index), isLast: isLast,
                mapper: mapper?.index, sharedMapper: shared?.index)
            if let limit = config.maxRejects, state.summary.rejected > limit {
                state.progressLine.clear()
                throw WinnowError(
                    .tooManyRejects, stoppingRun: "\(state.summary.rejected) records rejected, more than --max-rejects \(limit)")
            }
            state.progressLine.update(records: state.summary.records, bytes: reader.bytesRead)
        }
        if number == 0 { state.summary.inputBytes = reader.bytesRead }
        return kept
    }

    /// The map step of a corpus stage on its own: reads the inputs and returns their tally, for a
    /// shard job whose merge happens elsewhere. Rejected records are reported, not written.
    public func tally<Stage: CorpusStage>(_ stage: Stage) async throws(WinnowError) -> Stage.Tally {
        var merged = Stage.Tally()
        try await forEachTally(stage) { partial in merged.merge(partial) }
        return merged
    }

    /// The map step, streamed: hands each batch's tally to `absorb` in input order as soon as the
    /// batches before it are done, so a map whose output is per document (signatures) holds one
    /// batch at a time instead of the whole shard's tally.
    public func forEachTally<Stage: CorpusStage>(
        _ stage: Stage, _ absorb: (Stage.Tally) throws(WinnowError) -> Void
    ) async throws(WinnowError) {
        let config = configuration
        // Refused at map already: the apply step the map is for would refuse the same fields.
        try AddedField.requireDistinct([.corpus(stage)], from: config.fields)
        try ForeignCompression.refuse(config.inputs)
        var processor = BatchProcessor(
            decoder: DocumentDecoder(fields: config.fields, requireText: true),
            encoder: DocumentEncoder(fields: config.fields), stages: [], keepRemoved: false)
        processor.mapper = CorpusPass(stage: stage)
        processor.archiveDecoder = config.archiveDecoder
        // A map-only pass writes no documents, so encoding them would be wasted work.
        processor.encodesKept = false
        let reader = RecordReader(
            inputs: config.inputs, maxRecordBytes: config.maxRecordBytes,
            framedSources: config.inputFraming, origins: config.readerOrigins)
        var progressLine = ProgressLine(show: progress)
        var rejected = 0
        var records = 0
        try await Self.stream(reader, through: processor, threads: config.threads) { result throws(WinnowError) in
            for reject in result.rejectList where rejected < config.rejectMessageLimit {
                log(reject.description)
            }
            rejected += result.rejectList.count
            records += result.records
            if let tally = result.tally {
                guard let tally = tally as? Stage.Tally else {
                    preconditionFailure("a tally of \(type(of: tally)) reached the map of \(stage.name)")
                }
                try absorb(tally)
            }
            if let limit = config.maxRejects, rejected > limit {
                progressLine.clear()
                throw WinnowError(.tooManyRejects, "\(rejected) records rejected, more than --max-rejects \(limit)")
            }
            progressLine.update(records: records, bytes: reader.bytesRead)
        }
        progressLine.clear()
        if rejected > 0 { log("\(rejected) of \(records) records rejected and not counted") }
    }

    /// Processes up to `threads` batches at once on worker tasks, with no barrier between them: as
    /// each one finishes the next is read and started, and finished results are handed to `handle` in
    /// input order. At most `threads` + 1 batches are held at once (one finished batch may wait for
    /// an earlier, slower one).
    private static func stream(
        _ reader: RecordReader, through processor: BatchProcessor, threads: Int,
        handle: (BatchResult) throws(WinnowError) -> Void
    ) async throws(WinnowError) {
        // At most `threads` batches are processed at once; one more may wait, finished, for an
        // earlier slow one to be handled, so that a slow batch does not idle the other workers.
        // The next batch is read ahead, and started before finished ones are handled, so workers
        // do not wait for the reading or the writing.
        let workers = min(max(1, threads), RunConfiguration.maxThreads)
        let window = workers < Int.max ? workers + 1 : workers
        var failure: WinnowError?
        await withTaskGroup(of: (Int, BatchResult).self) { group in
            var started = 0
            var completed = 0
            var handled = 0
            var finished: [Int: BatchResult] = [:]
            var ahead: RecordBatch?
            var exhausted = false
            func readAhead() {
                guard ahead == nil, !exhausted, failure == nil else { return }
                do throws(WinnowError) {
                    ahead = try reader.nextBatch()
                    exhausted = ahead == nil
                } catch {
                    failure = error
                }
            }
            func startMore() {
                while failure == nil && started - completed < workers && started - handled < window {
                    readAhead()
                    guard let batch = ahead else { return }
                    ahead = nil
                    let index = started
                    group.addTask { (index, processor.process(batch)) }
                    started += 1
                }
            }
            startMore()
            readAhead()
            while failure == nil, let (index, result) = await group.next() {
                completed += 1
                finished[index] = result
                startMore()
                while failure == nil, let next = finished.removeValue(forKey: handled) {
                    do throws(WinnowError) {
                        try handle(next)
                    } catch {
                        failure = error
                        break
                    }
                    handled += 1
                    startMore()
                }
                readAhead()
            }
            group.cancelAll()
        }
        if let failure { throw failure }
    }

    /// Copies the file of records at `path` to the end of `output`.
    private static func append(_ path: String, to output: OutputFile) throws(WinnowError) {
        let source = try FileByteSource(path: path)
        var buffer: [UInt8] = []
        while true {
            buffer.removeAll(keepingCapacity: true)
            guard try source.read(into: &buffer, maxCount: 1 << 20) > 0 else { return }
            // A record counts where its line ends.
            try output.write(buffer, records: buffer.reduce(0) { $1 == 0x0A ? $0 + 1 : $0 })
        }
    }

    private static func writeStats(_ summary: RunSummary, to file: OutputFile) throws(WinnowError) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do {
            try file.write(Array(try encoder.encode(summary)) + [0x0A])
        } catch let error as WinnowError {
            throw error
        } catch {
            throw WinnowError(.io, "cannot encode the run summary: \(error)", path: file.path)
        }
    }
}

extension RunSummary {
    /// Adds one batch of a phase: records and rejects are read in the first phase only, kept
    /// documents are those of the last; the batch's stages land on their steps.
    mutating func absorb(
        _ result: BatchResult, phase: Int, stageIndices: [Int], isLast: Bool, mapper: Int?, sharedMapper: Int?
    ) {
        if phase == 0 {
            records += result.records
            stages.read.add(result.stages.read)
            for (reason, count) in result.skipped {
                skipped += count
                skippedByReason[reason, default: 0] += count
            }
        }
        rejected += result.rejectList.count
        for reject in result.rejectList {
            rejectedByReason[reject.reason.rawValue, default: 0] += 1
        }
        removed += result.removedCount
        for (position, index) in stageIndices.enumerated() {
            stages[step: index].add(result.stages[step: position])
        }
        if isLast {
            kept += result.keptCount
            stages.write.add(result.stages.write)
        }
        if let mapper { stages[step: mapper].seconds += result.tallySeconds }
        if let sharedMapper { stages[step: sharedMapper].seconds += result.sharedTallySeconds }
    }
}
