/// Reads every input in turn and hands out batches of raw records; one reader serves the whole run.
public final class RecordReader {
    private var pending: ArraySlice<(input: InputSpec, name: String)>
    private var current: (any RecordSource)?
    private let maxRecordBytes: Int
    private let framing: Framing?
    private let batchBytes: Int
    /// Bytes of input read so far (after decompression), including records skipped as too large.
    public var bytesRead: Int { finishedBytes + (current?.bytesConsumed ?? 0) }
    private var finishedBytes = 0
    /// A handed-back batch whose buffers the next one reuses, so their pages are not faulted in again.
    private var spare: RecordBatch?

    /// About how many bytes of records a batch carries: small enough that a batch, its documents and
    /// its outputs stay in a core's L2 cache while each stage goes over them in turn (3% less CPU for
    /// the default pipeline than 1 MiB; docs/benchmarks.md, session 47).
    public static let defaultBatchBytes = 1 << 18

    /// - Parameters:
    ///   - maxRecordBytes: a longer record is rejected as too large without being held in memory.
    ///   - batchBytes: about how many bytes of records a batch carries.
    ///   - framedSources: set when every JSONL input is framed (`RunConfiguration.framedSources`).
    ///   - origins: the inputs' origin names, when not their names as given (`RunConfiguration.wholeInput`).
    public init(
        inputs: [InputSpec], maxRecordBytes: Int, batchBytes: Int = defaultBatchBytes, framedSources: [String]? = nil,
        origins: [String]? = nil
    ) {
        pending = zip(inputs, origins ?? Self.sourceNames(of: inputs)).map { ($0, $1) }[...]
        self.maxRecordBytes = maxRecordBytes
        self.batchBytes = batchBytes
        framing = framedSources.map { Framing(sources: $0) }
    }

    /// Reads a spool file, whose records carry the origins `sources` numbers; they were bounded when
    /// first read, so no size limit applies again.
    init(spoolFile path: String, sources: [String], batchBytes: Int = defaultBatchBytes) throws(WinnowError) {
        pending = []
        current = try SpoolRecordReader(path: path, sources: sources)
        maxRecordBytes = .max
        self.batchBytes = batchBytes
        framing = nil
    }

    /// Hands back a batch that is done with, for the next batch to reuse its buffers; one that grew
    /// past a few batches' size (a very long record) is let go, so memory stays bounded.
    public func recycle(_ batch: consuming RecordBatch) {
        guard batch.storage.capacity <= 4 * (batchBytes + (1 << 20)) else { return }
        spare = batch
    }

    /// The name each input's records carry as their origin: the name or path as given, and
    /// `NAME#2`, `NAME#3`, ... for an input given again, so that every record's origin is its own.
    /// A number whose name another input of the run already has (a file really named `NAME#2`) is
    /// passed over, so two inputs never share a name: their documents would be taken for one
    /// another by the origins that duplicates and clusters are recorded by.
    public static func sourceNames(of inputs: [InputSpec]) -> [String] {
        let given = inputs.map { input in
            switch input {
            case .jsonl(_, let name), .archive(_, let name): name
            case .html(let path, _): path
            }
        }
        return DistinctNames.numbered(given)
    }

    /// The next batch, or nil when every input is read. Throws only when an input cannot be opened.
    public func nextBatch() throws(WinnowError) -> RecordBatch? {
        var batch = spare.take() ?? RecordBatch()
        batch.storage.removeAll(keepingCapacity: true)
        batch.records.removeAll(keepingCapacity: true)
        batch.storage.reserveCapacity(batchBytes + (1 << 20))
        while batch.storage.count < batchBytes {
            if let reader = current {
                if try reader.fill(&batch, targetBytes: batchBytes) {
                    if !batch.records.isEmpty { break }
                    continue
                }
                finishedBytes += reader.bytesConsumed
                current = nil
            }
            guard let next = pending.popFirst() else { break }
            switch next.input {
            case .jsonl(let path, _) where framing != nil:
                current = JSONLRecordReader(
                    source: try InputOpener.open(path, name: next.name), name: next.name,
                    maxRecordBytes: maxRecordBytes, framing: framing)
            case .jsonl(let path, let file):
                current = try RecordSourceOpener.open(
                    path, name: next.name, file: file, archive: false,
                    maxRecordBytes: maxRecordBytes)
            case .archive(let path, let file):
                current = try RecordSourceOpener.open(
                    path, name: next.name, file: file, archive: true,
                    maxRecordBytes: maxRecordBytes)
            case .html(let path, let id):
                readHTMLFile(path: path, name: next.name, id: id, into: &batch)
            }
        }
        return batch.records.isEmpty && current == nil && pending.isEmpty ? nil : batch
    }

    /// Reads one HTML file whole as one record; one over the size limit is read to its end without
    /// being kept, so that its reject gives its size (decompressed, for `.html.gz`), as a JSONL record's does.
    private func readHTMLFile(path: String, name: String, id: String, into batch: inout RecordBatch) {
        let origin = DocumentOrigin(source: name, line: 1)
        let start = batch.storage.count
        do {
            let source = try InputOpener.open(path, name: path, content: .page)
            while try source.read(into: &batch.storage, maxCount: 1 << 20) > 0 {
                guard batch.storage.count - start > maxRecordBytes else { continue }
                batch.records.append(RawRecord(origin: origin, offset: 0, content: skipOversizedPage(source, read: start, in: &batch)))
                return
            }
            finishedBytes += batch.storage.count - start
            batch.records.append(RawRecord(origin: origin, offset: 0, content: .htmlFile(start..<batch.storage.count, id: id)))
        } catch {
            batch.records.append(
                RawRecord(
                    origin: origin, offset: 0,
                    content: .unreadable(message: error.message, partial: start..<batch.storage.count)))
        }
    }

    /// Reads the rest of a page found over the limit, counting its bytes without keeping them (they
    /// count as read, as a JSONL record's skipped bytes do); the bytes from `read` on are let go.
    private func skipOversizedPage(_ source: any ByteSource, read start: Int, in batch: inout RecordBatch) -> RawRecord.Content {
        var length = batch.storage.count - start
        batch.storage.removeSubrange(start...)
        var scratch: [UInt8] = []
        scratch.reserveCapacity(1 << 20)
        defer { finishedBytes += length }
        do {
            while true {
                scratch.removeAll(keepingCapacity: true)
                let count = try source.read(into: &scratch, maxCount: 1 << 20)
                if count == 0 { return .oversized(length: length, limit: maxRecordBytes) }
                length += count
            }
        } catch {
            return .unreadable(
                message: "the page is over the limit of \(maxRecordBytes) bytes (raise --max-record-bytes): more than "
                    + "\(length) bytes were read before its end could not be: \(error.message)",
                partial: start..<start)
        }
    }
}
