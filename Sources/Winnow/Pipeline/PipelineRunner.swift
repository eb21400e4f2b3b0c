import Foundation

/// Runs stages over inputs: reads batches, processes them on all threads, writes them in input order,
/// and accounts for every record. Outputs are committed only when the whole run succeeds.
public struct PipelineRunner: Sendable {
    public let name: String
    public let stages: [any DocumentStage]
    public let configuration: RunConfiguration
    /// Receives messages for the user (rejects, notes); the CLI prints them to stderr.
    public let log: @Sendable (String) -> Void
    /// Receives a status line to show in place of the previous one ("" clears it); nil: no progress.
    public let progress: (@Sendable (String) -> Void)?

    public init(name: String, stages: [any DocumentStage], configuration: RunConfiguration,
                log: @escaping @Sendable (String) -> Void = { _ in },
                progress: (@Sendable (String) -> Void)? = nil) {
        self.name = name
        self.stages = stages
        self.configuration = configuration
        self.log = log
        self.progress = progress
    }

    public func run() async throws(WinnowError) -> RunSummary {
        let config = configuration
        var clock = Stopwatch()
        let output = try OutputFile(path: config.output)
        let removed = try config.removedOutput.map { path throws(WinnowError) in try OutputFile(path: path) }
        let rejects = try config.rejectsOutput.map { path throws(WinnowError) in try OutputFile(path: path) }
        let processor = BatchProcessor(
            decoder: DocumentDecoder(fields: config.fields, requireText: true),
            encoder: DocumentEncoder(fields: config.fields),
            stages: stages, keepRemoved: removed != nil)
        let reader = RecordReader(inputs: config.inputs, maxRecordBytes: config.maxRecordBytes)

        var summary = RunSummary(pipeline: name)
        summary.stages = [StageStats(stage: BatchProcessor.decodeStageName)]
            + stages.map { StageStats(stage: $0.name) } + [StageStats(stage: BatchProcessor.encodeStageName)]
        summary.outputs = .init(cleaned: config.output, removed: config.removedOutput, rejects: config.rejectsOutput)
        var progressLine = ProgressLine(show: progress)
        let window = max(1, config.threads)
        var shownRejects = 0

        var round = try Self.readRound(reader, count: window)
        while !round.isEmpty {
            let work = round
            async let processed = Self.processAll(work, with: processor, threads: window)
            round = try Self.readRound(reader, count: window)
            for result in await processed {
                try output.write(result.kept)
                try removed?.write(result.removed)
                try rejects?.write(result.rejects)
                for reject in result.rejectList where rejects == nil || shownRejects < config.rejectMessageLimit {
                    log(reject.description)
                    shownRejects += 1
                }
                summary.absorb(result)
                if let limit = config.maxRejects, summary.rejected > limit {
                    progressLine.clear()
                    throw WinnowError(.tooManyRejects,
                        "\(summary.rejected) records rejected, more than --max-rejects \(limit); no output was written")
                }
            }
            progressLine.update(records: summary.records, bytes: reader.bytesRead)
        }
        progressLine.clear()

        summary.inputBytes = reader.bytesRead
        summary.outputBytes = output.bytesWritten
        guard summary.isBalanced else {
            throw WinnowError(.io, "internal accounting error: \(summary.records) records read but "
                + "\(summary.kept) kept + \(summary.removed) removed + \(summary.rejected) rejected; no output was written")
        }
        if summary.rejected > shownRejects, let path = config.rejectsOutput {
            log("\(summary.rejected - shownRejects) more rejects not shown; all are in \(path)")
        }
        try rejects?.commit()
        try removed?.commit()
        try output.commit()
        summary.wallSeconds = clock.lap()
        if let statsPath = config.statsOutput {
            try Self.writeStats(summary, to: statsPath)
        }
        return summary
    }

    private static func readRound(_ reader: RecordReader, count: Int) throws(WinnowError) -> [RecordBatch] {
        var batches: [RecordBatch] = []
        while batches.count < count, let batch = try reader.nextBatch() {
            batches.append(batch)
        }
        return batches
    }

    /// Processes batches concurrently, at most `threads` at a time, and returns results in input order.
    private static func processAll(_ batches: [RecordBatch], with processor: BatchProcessor, threads: Int) async -> [BatchResult] {
        if batches.count == 1 { return [processor.process(batches[0])] }
        return await withTaskGroup(of: (Int, BatchResult).self) { group in
            var results = [BatchResult?](repeating: nil, count: batches.count)
            var next = 0
            while next < min(threads, batches.count) {
                let index = next
                group.addTask { (index, processor.process(batches[index])) }
                next += 1
            }
            while let (index, result) = await group.next() {
                results[index] = result
                if next < batches.count {
                    let index = next
                    group.addTask { (index, processor.process(batches[index])) }
                    next += 1
                }
            }
            return results.map { $0! }
        }
    }

    private static func writeStats(_ summary: RunSummary, to path: String) throws(WinnowError) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do {
            let file = try OutputFile(path: path)
            try file.write(Array(try encoder.encode(summary)) + [0x0A])
            try file.commit()
        } catch let error as WinnowError {
            throw error
        } catch {
            throw WinnowError(.io, "cannot encode the run summary: \(error)", path: path)
        }
    }
}

extension RunSummary {
    mutating func absorb(_ result: BatchResult) {
        records += result.records
        kept += result.keptCount
        removed += result.removedCount
        rejected += result.rejectList.count
        for reject in result.rejectList {
            rejectedByReason[reject.reason.rawValue, default: 0] += 1
        }
        for index in stages.indices {
            stages[index].add(result.stages[index])
        }
    }
}
