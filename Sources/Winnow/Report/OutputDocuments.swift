/// The documents of a run's JSONL output (a file, or a folder of an engine's part files), streamed for
/// the report's passes and steps.
enum OutputDocuments {
    /// Lines that did not decode: how many, and the first one's problem.
    struct Unreadable {
        var count = 0
        var first: String?
    }

    /// Hands each document and its line to `visit`, but for the lines `skipping` says need not be
    /// decoded; returns the lines that did not decode.
    static func forEach(
        _ path: String, fields: FieldNames, skipping: ([UInt8], Range<Int>) -> Bool = { _, _ in false },
        _ visit: (Document, ArraySlice<UInt8>) throws(WinnowError) -> Void
    ) throws(WinnowError) -> Unreadable {
        var unreadable = Unreadable()
        let reader = RecordReader(inputs: try InputSpec.jsonlFiles(path), maxRecordBytes: Int(Int32.max))
        let decoder = DocumentDecoder(fields: fields, requireText: false, decodesText: false)
        while let batch = try reader.nextBatch() {
            for record in batch.records {
                guard case .jsonLine(let range) = record.content else {
                    unreadable.count += 1
                    continue
                }
                if skipping(batch.storage, range) { continue }
                switch decoder.decode(batch.storage, range, origin: record.origin, offset: record.offset) {
                case .success(let document): try visit(document, batch.storage[range])
                case .failure(let reject):
                    unreadable.count += 1
                    unreadable.first = unreadable.first ?? reject.description
                }
            }
            reader.recycle(batch)
        }
        return unreadable
    }
}
