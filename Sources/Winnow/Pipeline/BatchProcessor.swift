/// What processing one batch produced: encoded output lines for each destination and the accounting.
struct BatchResult: Sendable {
    var kept: [UInt8] = []
    var removed: [UInt8] = []
    /// What the stages from `BatchProcessor.laterRemovalsFrom` on removed: written after the pass.
    var removedLater: [UInt8] = []
    /// How many documents `removedLater` holds (`removedCount` counts them too).
    var removedLaterCount = 0
    var rejects: [UInt8] = []
    var rejectList: [Reject] = []
    var records = 0
    /// Records that are not documents (web archive requests, metadata, ...), by reason.
    var skipped: [String: Int] = [:]
    var keptCount = 0
    var removedCount = 0
    /// Decode, each stage, encode: the layout of the processor's stages.
    var stages: StageTable
    /// The kept documents' tally for the corpus stage that follows, when there is one.
    var tally: (any CorpusTally)?
    var tallySeconds = 0.0
    /// The tally of the corpus stage mapped in the same pass, with its retraction records (`SharedMap`).
    var sharedTally: (any CorpusTally)?
    var sharedTallySeconds = 0.0
    var retractions: [UInt8] = []
}

/// Decodes a batch, runs every stage over it and encodes the results. A pure function of its input,
/// so batches can be processed on any thread in any order and written in input order.
struct BatchProcessor: Sendable {
    let decoder: DocumentDecoder
    let encoder: DocumentEncoder
    let stages: [any DocumentStage]
    let keepRemoved: Bool
    /// How web archive records become documents.
    var archiveDecoder = ArchiveDocumentDecoder()
    /// The corpus stage whose map step sees the documents the stages kept, if any.
    var mapper: CorpusPass?
    /// Two corpus stages whose map steps see the kept documents in one pass; `mapper` is then nil.
    var sharedMap: SharedMap?
    /// False when the kept documents go nowhere (the inputs will be read again): they are not encoded.
    var encodesKept = true
    /// True when the records were read, and their rejects accounted for, in an earlier pass.
    var dropsRejects = false
    /// How the kept documents are written.
    var keptForm = KeptForm.jsonl
    /// Set when the records came framed: removed documents are written framed too, so that a cluster
    /// engine can put them back in input order (`winnow run` writes them in it).
    var removedFraming: Framing?
    /// The first stage whose removals go to `removedLater`: after a shared map pass they belong to
    /// the pass that follows in a run without one, so the removed output keeps that order.
    var laterRemovalsFrom = Int.max

    enum KeptForm: Sendable {
        /// JSONL, the output's form.
        case jsonl
        /// Each line preceded by its origin (`Framing`), for a cluster engine's tasks.
        case framed(Framing)
        /// Spooled for the next pass (`SpoolCodec`), with what the map step carries for its apply step.
        case spooled(Framing)
    }

    func process(_ batch: RecordBatch) -> BatchResult {
        var result = BatchResult(stages: StageTable(steps: stages.map(\.name)))
        result.records = batch.records.count

        var clock = Stopwatch()
        var documents: [Document] = []
        documents.reserveCapacity(batch.records.count)
        var skippedCount = 0
        for record in batch.records {
            // Consumed, so the document moves into the array rather than being copied out of the outcome.
            let outcome = decode(record, storage: batch.storage)
            switch consume outcome {
            case .document(let document): documents.append(document)
            case .skipped(let reason):
                result.skipped[reason, default: 0] += 1
                skippedCount += 1
            case .rejected(let reject):
                if dropsRejects { continue }
                reject.encode(into: &result.rejects)
                result.rejectList.append(reject)
            }
        }
        result.stages.read.documentsIn = batch.records.count - skippedCount
        result.stages.read.documentsOut = documents.count
        var readBytes = 0
        for index in documents.indices { readBytes += documents[index].textUTF8?.count ?? 0 }
        result.stages.read.textBytesOut = readBytes
        result.stages.read.seconds = clock.lap()

        for (position, stage) in stages.enumerated() {
            var stats = StageStats(stage: stage.name)
            stats.documentsIn = documents.count
            var removalFields: RemovalFields?
            // A document kept here that an earlier run's same stage removed (its removed output read
            // again) no longer says so: those fields are this stage's, and it kept the document.
            let ownRemoval = RemovalFields(stage: stage.name).stageJSON
            // Documents are processed where they are, and kept ones moved down over removed ones,
            // so that no document is copied (a copy retains each of its strings and slices); the
            // elements of a buffer pointer are borrowed, where an array's are copied for some calls.
            // Counted in locals: a field of `stats` changed inside the closure copied the whole value
            // (its name and its dictionary retained) at every document.
            var bytesIn = 0, bytesOut = 0, removedSharingID = 0, removedCount = 0, removedLaterCount = 0
            var removed: [String: Int] = [:]
            let survivors = documents.withUnsafeMutableBufferPointer { documents in
                var survivors = 0
                for index in documents.indices {
                    bytesIn += documents[index].textUTF8?.count ?? 0
                    switch stage.process(&documents[index]) {
                    case .keep:
                        documents[index].dropRemoval(by: ownRemoval)
                        bytesOut += documents[index].textUTF8?.count ?? 0
                        if survivors != index { documents.swapAt(survivors, index) }
                        survivors += 1
                    case .remove(let reason):
                        removed[reason, default: 0] += 1
                        removedCount += 1
                        if keepRemoved {
                            var fields = removalFields ?? RemovalFields(stage: stage.name)
                            documents[index].setField(FieldNames.removedBy, json: fields.stageJSON)
                            documents[index].setField(FieldNames.removedReason, json: fields.reasonJSON(reason))
                            removalFields = fields
                        }
                        // Moved out and back, so that the calls borrow it rather than copy it (`borrowEach`).
                        let document = documents.moveElement(from: index)
                        if DuplicateFields.sharesKeptID(document) { removedSharingID += 1 }
                        if keepRemoved {
                            if position < laterRemovalsFrom {
                                removedFraming?.appendPrefix(of: document, to: &result.removed)
                                encoder.encode(document, into: &result.removed)
                            } else {
                                removedFraming?.appendPrefix(of: document, to: &result.removedLater)
                                encoder.encode(document, into: &result.removedLater)
                                removedLaterCount += 1
                            }
                        }
                        documents.initializeElement(at: index, to: document)
                    }
                }
                return survivors
            }
            stats.textBytesIn = bytesIn
            stats.textBytesOut = bytesOut
            stats.removedSharingID = removedSharingID
            stats.removed = removed
            result.removedCount += removedCount
            result.removedLaterCount += removedLaterCount
            documents.removeSubrange(survivors...)
            stats.documentsOut = documents.count
            stats.seconds = clock.lap()
            result.stages[step: position] = stats
        }

        // Map before writing, so that the spool can carry what the map computed for the apply step.
        var carried: [CarriedValue?] = []
        let spooling = if case .spooled = keptForm { encodesKept } else { false }
        if let mapper {
            (result.tally, carried) = mapper.tallyCarrying(&documents, carrying: spooling)
            result.tallySeconds = clock.lap()
        } else if let sharedMap {
            let mapped = sharedMap.map(&documents, carrying: spooling)
            (result.tally, result.sharedTally, carried) = (mapped.firstTally, mapped.secondTally, mapped.carried)
            (result.tallySeconds, result.sharedTallySeconds) = (mapped.firstSeconds, mapped.secondSeconds)
            result.retractions = mapped.retractions
            _ = clock.lap()
        }
        // About what was read, so that the kept output grows without copying itself as it doubles.
        if encodesKept { result.kept.reserveCapacity(batch.storage.count + batch.storage.count / 8) }
        result.stages.write.documentsIn = documents.count
        result.stages.write.documentsOut = documents.count
        var writtenBytes = 0
        documents.borrowEach { position, document in
            writtenBytes += document.textUTF8?.count ?? 0
            guard encodesKept else { return }
            switch keptForm {
            case .jsonl:
                encoder.encode(document, into: &result.kept)
            case .framed(let framing):
                framing.appendPrefix(of: document, to: &result.kept)
                encoder.encode(document, into: &result.kept)
            case .spooled(let framing):
                SpoolCodec.append(
                    document, source: framing.number(of: document.origin.source),
                    carrying: position < carried.count ? carried[position] : nil, to: &result.kept)
            }
        }
        // Summed in a local: a field of `result.stages.write` changed in the closure copied the stage's
        // stats (its name and its dictionary retained) twice a document.
        result.stages.write.textBytesIn += writtenBytes
        result.stages.write.textBytesOut += writtenBytes
        result.keptCount = documents.count
        result.stages.write.seconds = clock.lap()
        return result
    }

    private func decode(_ record: RawRecord, storage: [UInt8]) -> DecodeOutcome {
        switch record.content {
        case .jsonLine(let range):
            return DecodeOutcome(decoder.decode(storage, range, origin: record.origin, offset: record.offset))
        case .jsonDocument(let span):
            // A bare bracket that no line continued is a line like any other.
            guard !span.isLone else {
                return DecodeOutcome(
                    decoder.decode(span.firstLine, 0..<span.firstLine.count, origin: record.origin, offset: record.offset))
            }
            return .rejected(
                Reject(
                    origin: record.origin, offset: record.offset, reason: .notJSONLines, message: span.message,
                    raw: span.firstLine[...]))
        case .spooled(let range):
            guard let document = SpoolCodec.document(storage, range, origin: record.origin, offset: record.offset) else {
                return .rejected(
                    Reject(
                        origin: record.origin, offset: record.offset, reason: .unreadable,
                        message: "a damaged spool record (the temporary file was changed while the run used it)",
                        raw: nil))
            }
            if decoder.requireText && document.textUTF8 == nil {
                return .rejected(
                    Reject(
                        origin: record.origin, offset: record.offset, reason: .missingText,
                        message: "no text field '\(decoder.fields.text)' (a stage before this pass removed it)", raw: nil))
            }
            return .document(document)
        case .htmlFile(let range, let id):
            if decoder.requireText {
                return .rejected(
                    Reject(
                        origin: record.origin, offset: record.offset, reason: .missingText,
                        message: "an HTML file has no text until a clean stage makes it; this pipeline has none",
                        raw: nil))
            }
            return .document(
                Document(
                    id: id, text: nil, html: .bytes(Array(storage[range])), origin: record.origin,
                    offset: record.offset))
        case .oversized(let length, let limit):
            return .rejected(
                Reject(
                    origin: record.origin, offset: record.offset, offsetInMember: record.offsetInMember, reason: .tooLarge,
                    message: "record of \(length) bytes is over the limit of \(limit) bytes (raise --max-record-bytes)",
                    raw: nil))
        case .unreadable(let message, let partial):
            return .rejected(
                Reject(
                    origin: record.origin, offset: record.offset, offsetInMember: record.offsetInMember, reason: .unreadable,
                    message: message, raw: partial.isEmpty ? nil : storage[partial]))
        case .archive(let archived):
            return archiveDecoder.decode(
                archived, storage: storage, origin: record.origin,
                offset: ArchiveOffset(file: record.offset, inMember: record.offsetInMember), requireText: decoder.requireText)
        case .skipped(let reason):
            return .skipped(reason: reason)
        case .damaged(let message):
            return .rejected(
                Reject(
                    origin: record.origin, offset: record.offset, offsetInMember: record.offsetInMember,
                    reason: .malformedArchive,
                    message: message, raw: nil))
        }
    }
}
