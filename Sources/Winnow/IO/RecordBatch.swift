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
        /// Lines of a JSONL input that are one JSON value written over many lines (or the bare bracket
        /// that seemed to open one, read as a line of its own): the record holds what it needs.
        case jsonDocument(JSONDocumentSpan)
        /// A whole HTML file, `storage[range]`, whose document id is `id`.
        case htmlFile(Range<Int>, id: String)
        /// A record over the size limit; its bytes were skipped, not kept.
        case oversized(length: Int, limit: Int)
        /// The input failed while this record was being read (a truncated gzip file, a read error).
        case unreadable(message: String, partial: Range<Int>)
        /// A document as the previous pass spooled it (`SpoolCodec`): `storage[range]` holds its fields.
        case spooled(Range<Int>)
        /// A web archive record that may be a document; its block is in `storage`.
        case archive(ArchiveRecord)
        /// A web archive record that is not a document (a request, metadata, ...), counted by `reason`.
        case skipped(reason: String)
        /// A stretch of a web archive that is no readable record (a bad header, a wrong length, garbage).
        case damaged(message: String)
    }

    public let origin: DocumentOrigin
    /// Byte offset of the record's first byte in its (decompressed) input; for a web archive record, the
    /// compressed offset of the gzip member it starts in (its offset in a plain archive).
    public let offset: Int
    /// For a web archive record that does not start its gzip member: its offset in the member's bytes.
    public var offsetInMember: Int? = nil
    public let content: Content
}
