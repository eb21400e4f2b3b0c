/// One input being split into records: a JSONL stream or a web archive. `RecordReader` reads them in turn.
protocol RecordSource: AnyObject {
    /// Appends records to `batch` until it holds about `targetBytes`; false once the input is used up.
    /// Throws only when damage puts records already handed out in doubt.
    func fill(_ batch: inout RecordBatch, targetBytes: Int) throws(WinnowError) -> Bool
    /// Bytes of the input (after decompression) consumed so far.
    var bytesConsumed: Int { get }
}

extension JSONLRecordReader: RecordSource {}
