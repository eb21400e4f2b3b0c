/// One input being split into records: a JSONL stream or a web archive. `RecordReader` reads them in turn.
protocol RecordSource: AnyObject {
    /// Appends records to `batch` until it holds about `targetBytes`; false once the input is used up.
    func fill(_ batch: inout RecordBatch, targetBytes: Int) -> Bool
    /// Bytes of the input (after decompression) consumed so far.
    var bytesConsumed: Int { get }
}

extension JSONLRecordReader: RecordSource {}
