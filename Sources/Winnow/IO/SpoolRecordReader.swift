/// Splits a spool file (`SpoolCodec`) into batches of records, whose origins are the user's records'.
/// The spool is the run's own file, so a record cut short, longer than the file, or naming no input
/// means the file was changed while the run used it: that is thrown, and the run writes no output.
final class SpoolRecordReader: RecordSource {
    private let file: FileByteSource
    private let path: String
    private let sources: [String]
    /// Bytes of the file not yet read.
    private var unread: Int
    private var carry: [UInt8] = []
    private(set) var bytesConsumed = 0
    private var ended = false
    private static var readSize: Int { 1 << 20 }

    init(path: String, sources: [String]) throws(WinnowError) {
        file = try FileByteSource(path: path)
        self.path = path
        self.sources = sources
        unread = file.size ?? 0
    }

    func fill(_ batch: inout RecordBatch, targetBytes: Int) throws(WinnowError) -> Bool {
        guard !ended else { return false }
        var start = batch.storage.count
        batch.storage.append(contentsOf: carry)
        carry.removeAll(keepingCapacity: true)
        while true {
            var needed = 0
            while let length = SpoolCodec.bodyLength(batch.storage[start...]) {
                let bodyStart = start + SpoolCodec.lengthBytes
                let held = batch.storage.count - bodyStart
                guard length <= UInt64(held + unread) else { throw damaged("a record runs past the file's end") }
                guard length <= UInt64(held) else {
                    needed = Int(length) - held
                    break
                }
                let body = bodyStart..<(bodyStart + Int(length))
                guard let origin = SpoolCodec.origin(batch.storage, body), origin.source < sources.count else {
                    throw damaged("a record names no input")
                }
                batch.records.append(
                    RawRecord(
                        origin: DocumentOrigin(source: sources[origin.source], line: origin.line),
                        offset: origin.offset, content: .spooled(origin.rest..<body.upperBound)))
                bytesConsumed += body.upperBound - start
                start = body.upperBound
            }
            // A record cut by the end of what was read waits in `carry` for the next batch.
            if !batch.records.isEmpty && batch.storage.count >= targetBytes { break }
            let got = try file.read(into: &batch.storage, maxCount: max(Self.readSize, needed))
            unread = max(0, unread - got)
            if got == 0 {
                guard start == batch.storage.count else { throw damaged("the file ends inside a record") }
                ended = true
                return true
            }
        }
        carry.append(contentsOf: batch.storage[start...])
        batch.storage.removeSubrange(start...)
        return true
    }

    private func damaged(_ what: String) -> WinnowError {
        WinnowError(.io, stoppingRun: "the spool file is damaged (\(what)): it was changed while the run used it", path: path)
    }
}
