/// A run of raw input records sharing one byte buffer: the unit that workers decode and process.
public struct RecordBatch: Sendable {
    public var storage: [UInt8] = []
    public var records: [RawRecord] = []

    public init() {}
}

/// One input record before decoding: where it is, and its bytes (or why it has none).
public struct RawRecord: Sendable {
    public enum Content: Sendable {
        /// A JSONL line, without its line ending: `storage[range]`.
        case jsonLine(Range<Int>)
        /// A whole HTML file, `storage[range]`, whose document id is `id`.
        case htmlFile(Range<Int>, id: String)
        /// A record over the size limit; its bytes were skipped, not kept.
        case oversized(length: Int, limit: Int)
        /// The input failed while this record was being read (a truncated gzip file, a read error).
        case unreadable(message: String, partial: Range<Int>)
    }

    public let origin: DocumentOrigin
    /// Byte offset of the record's first byte in its (decompressed) input.
    public let offset: Int
    public let content: Content
}
