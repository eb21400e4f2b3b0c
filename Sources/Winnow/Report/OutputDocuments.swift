/// The documents of a run's JSONL output (a file, or a folder of an engine's part files), streamed for
/// the report's passes and steps.
enum OutputDocuments {
    /// Lines that did not decode: how many, and the first one's problem.
    struct Unreadable {
        var count = 0
        var first: String?

        mutating func add(_ reject: Reject) {
            count += 1
            first = first ?? reject.description
        }
    }

    /// Hands each document and its line to `visit`, but for the lines `skipping` says need not be
    /// decoded; returns the lines that did not decode.
    static func forEach(
        _ path: String, fields: FieldNames, skipping: ([UInt8], Range<Int>) -> Bool = { _, _ in false },
        _ visit: (Document, ArraySlice<UInt8>) throws(WinnowError) -> Void
    ) throws(WinnowError) -> Unreadable {
        let decoder = DocumentDecoder(fields: fields, requireText: false, decodesText: false)
        return try forEachLine(path) { (storage, range, record, unreadable) throws(WinnowError) in
            if skipping(storage, range) { return }
            switch decoder.decode(storage, range, origin: record.origin, offset: record.offset) {
            case .success(let document): try visit(document, storage[range])
            case .failure(let reject): unreadable.add(reject)
            }
        }
    }

    /// Hands the report's fields of each document and its line to `visit`, picked off the line's bytes
    /// (`ReportFieldPicker`) or, when the picker cannot decide, from the decoded document; returns the
    /// lines that did not decode, as `forEach` does.
    static func forEachFields(
        _ path: String, fields: FieldNames, _ visit: (ReportFields, ArraySlice<UInt8>) throws(WinnowError) -> Void
    ) throws(WinnowError) -> Unreadable {
        let picker = ReportFieldPicker(fields: fields)
        let decoder = DocumentDecoder(fields: fields, requireText: false, decodesText: false)
        return try forEachLine(path) { (storage, range, record, unreadable) throws(WinnowError) in
            if let picked = picker.pick(storage, range, origin: record.origin) {
                try visit(picked, storage[range])
                return
            }
            switch decoder.decode(storage, range, origin: record.origin, offset: record.offset) {
            case .success(let document): try visit(ReportFields(document), storage[range])
            case .failure(let reject): unreadable.add(reject)
            }
        }
    }

    /// Hands each JSON line (its batch's storage and range) to `body`; counts the records that are not
    /// JSON lines as unreadable.
    private static func forEachLine(
        _ path: String,
        _ body: ([UInt8], Range<Int>, RawRecord, inout Unreadable) throws(WinnowError) -> Void
    ) throws(WinnowError) -> Unreadable {
        var unreadable = Unreadable()
        let reader = RecordReader(inputs: try InputSpec.jsonlFiles(path), maxRecordBytes: Int(Int32.max))
        while let batch = try reader.nextBatch() {
            for record in batch.records {
                guard case .jsonLine(let range) = record.content else {
                    unreadable.count += 1
                    continue
                }
                try body(batch.storage, range, record, &unreadable)
            }
            reader.recycle(batch)
        }
        return unreadable
    }
}
