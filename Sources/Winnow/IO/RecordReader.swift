/// Reads every input in turn and hands out batches of raw records; one reader serves the whole run.
public final class RecordReader {
    private var pending: ArraySlice<InputSpec>
    private var current: (any RecordSource)?
    private let maxRecordBytes: Int
    private let batchBytes: Int
    /// Bytes of input read so far (after decompression), including records skipped as too large.
    public var bytesRead: Int { finishedBytes + (current?.bytesConsumed ?? 0) }
    private var finishedBytes = 0

    /// - Parameters:
    ///   - maxRecordBytes: a longer record is rejected as too large without being held in memory.
    ///   - batchBytes: about how many bytes of records a batch carries.
    public init(inputs: [InputSpec], maxRecordBytes: Int, batchBytes: Int = 1 << 20) {
        pending = inputs[...]
        self.maxRecordBytes = maxRecordBytes
        self.batchBytes = batchBytes
    }

    /// The next batch, or nil when every input is read. Throws only when an input cannot be opened.
    public func nextBatch() throws(WinnowError) -> RecordBatch? {
        var batch = RecordBatch()
        batch.storage.reserveCapacity(batchBytes + (1 << 20))
        while batch.storage.count < batchBytes {
            if let reader = current {
                if reader.fill(&batch, targetBytes: batchBytes) {
                    if !batch.records.isEmpty { break }
                    continue
                }
                finishedBytes += reader.bytesConsumed
                current = nil
            }
            guard let next = pending.popFirst() else { break }
            switch next {
            case .jsonl(let path, let name):
                current = try RecordSourceOpener.open(path, name: name, archive: false, maxRecordBytes: maxRecordBytes)
            case .archive(let path, let name):
                current = try RecordSourceOpener.open(path, name: name, archive: true, maxRecordBytes: maxRecordBytes)
            case .html(let path, let id):
                readHTMLFile(path: path, id: id, into: &batch)
            }
        }
        return batch.records.isEmpty && current == nil && pending.isEmpty ? nil : batch
    }

    /// Reads one HTML file whole (up to the size limit) as one record.
    private func readHTMLFile(path: String, id: String, into batch: inout RecordBatch) {
        let origin = DocumentOrigin(source: path, line: 1)
        let start = batch.storage.count
        do {
            let source = try InputOpener.open(path, name: path)
            while try source.read(into: &batch.storage, maxCount: 1 << 20) > 0 {
                let length = batch.storage.count - start
                if length > maxRecordBytes {
                    finishedBytes += length
                    batch.storage.removeSubrange(start...)
                    batch.records.append(RawRecord(origin: origin, offset: 0,
                                                   content: .oversized(length: length, limit: maxRecordBytes)))
                    return
                }
            }
            finishedBytes += batch.storage.count - start
            batch.records.append(RawRecord(origin: origin, offset: 0, content: .htmlFile(start..<batch.storage.count, id: id)))
        } catch {
            batch.records.append(RawRecord(origin: origin, offset: 0,
                                           content: .unreadable(message: error.message, partial: start..<batch.storage.count)))
        }
    }
}
