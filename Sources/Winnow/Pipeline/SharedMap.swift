/// Two consecutive corpus stages mapped in one pass: a filtering stage (exact) and the retractable
/// stage after it (templates), which would otherwise need a pass of its own over what the first
/// kept. The second counts every document; for each document the first carries a key for (exact:
/// each with words), a retraction record (the key, the id, the second's contribution) is spooled, and
/// once both tallies are merged, `retract` takes out of the second's tally every document the first's
/// apply removes. That leaves the tally a pass of its own would have counted.
struct SharedMap: Sendable {
    let first: CorpusPass
    let second: CorpusPass
    /// Numbers the documents' inputs in the retraction records, as the spool does.
    let framing: Framing

    /// What mapping one batch gave.
    struct Mapped {
        var firstTally: any CorpusTally
        var secondTally: any CorpusTally
        /// Per document, what both map steps carried (empty when not carrying).
        var carried: [CarriedValue?]
        /// Retraction records in the spool's framing (`SpoolCodec.appendRecord`).
        var retractions: [UInt8]
        var firstSeconds: Double
        var secondSeconds: Double
    }

    /// Whether `second` can map in the pass of `first`.
    static func canShare(_ first: any CorpusStage, _ second: any CorpusStage) -> Bool {
        first is any FilteringCorpusStage && second is any RetractableCorpusStage
    }

    /// Maps one batch into both stages' tallies. Without `carrying` (nothing spooled to take it),
    /// nothing is carried.
    func map(_ documents: inout [Document], carrying: Bool) -> Mapped {
        guard let filtering = first.stage as? any FilteringCorpusStage,
            let retractable = second.stage as? any RetractableCorpusStage
        else { preconditionFailure("\(first.stage.name) and \(second.stage.name) cannot share a map pass") }
        return Self.map(&documents, filtering, retractable, framing: framing, carrying: carrying)
    }

    private static func map<First: FilteringCorpusStage, Second: RetractableCorpusStage>(
        _ documents: inout [Document], _ first: First, _ second: Second, framing: Framing, carrying: Bool
    ) -> Mapped {
        var firstTally = First.Tally()
        var secondTally = Second.Tally()
        var carried: [CarriedValue?] = []
        if carrying { carried.reserveCapacity(documents.count) }
        var retractions: [UInt8] = []
        var firstSeconds = 0.0
        var secondSeconds = 0.0
        var clock = Stopwatch()
        documents.borrowEach { _, document in
            let key = first.mapCarrying(document, into: &firstTally)
            firstSeconds += clock.lap()
            var secondCarried: CarriedValue?
            if let key {
                // Only a document that carried a key can be removed by the first stage's apply.
                SpoolCodec.appendRecord(
                    source: framing.number(of: document.origin.source), line: document.origin.line,
                    offset: document.offset, to: &retractions
                ) { output in
                    RetractionRecord.appendHead(key: key, id: document.id, to: &output)
                    secondCarried = second.mapRetractable(document, into: &secondTally, contribution: &output)
                }
            } else {
                secondCarried = second.mapCarried(document, into: &secondTally)
            }
            secondSeconds += clock.lap()
            precondition(secondCarried?.key == nil, "\(second.name) carries a key, which is \(first.name)'s")
            if carrying { carried.append(CarriedValue.combining(key.map(CarriedValue.key), secondCarried)) }
        }
        return Mapped(
            firstTally: firstTally, secondTally: secondTally, carried: carried, retractions: retractions,
            firstSeconds: firstSeconds, secondSeconds: secondSeconds)
    }

    /// Reads the retraction records of a pass and takes every document the first stage's merged
    /// tally removes out of the second's.
    static func retract(
        file path: String, sources: [String], first: any CorpusAccumulator, second: any CorpusAccumulator
    ) throws(WinnowError) {
        guard let first = first as? any FilteringAccumulator, let second = second as? any RetractingAccumulator else {
            preconditionFailure("the accumulators of a shared map pass cannot filter and retract")
        }
        // No copy to remove (no text on two documents): there is nothing to take back.
        guard !first.removesNothing else { return }
        let reader = try RecordReader(spoolFile: path, sources: sources)
        while let batch = try reader.nextBatch() {
            for record in batch.records {
                guard case .spooled(let range) = record.content,
                    let retraction = RetractionRecord(batch.storage[range])
                else { throw damaged(path) }
                guard first.removes(key: retraction.key, id: retraction.id, origin: record.origin) else { continue }
                guard second.retract(retraction.contribution) else { throw damaged(path) }
            }
            reader.recycle(batch)
        }
    }

    private static func damaged(_ path: String) -> WinnowError {
        WinnowError(
            .io, stoppingRun: "the spool file is damaged (a retraction record cannot be read): it was changed while the run used it",
            path: path)
    }
}
