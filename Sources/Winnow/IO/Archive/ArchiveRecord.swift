/// A WARC record that may become a document, as the reader hands it to the workers: where its block
/// is in the batch, and the header fields the document takes. The HTTP message in the block is parsed
/// on the worker threads (`ArchiveDocumentDecoder`), not on the single reader thread.
public struct ArchiveRecord: Sendable {
    public enum Kind: Sendable, Equatable {
        /// A `response` record: an HTTP response whose payload may be an HTML page.
        case response
        /// A `conversion` record (WET files): plain text extracted from a page.
        case conversion
    }

    public let kind: Kind
    /// The record's block (the HTTP message, or the text), `storage[block]` in the batch.
    public let block: Range<Int>
    /// The archive the record was read from, as given (its `warc_file`): the same for every record of the
    /// file, even when the file is given twice and its records' origins differ (`name#2`).
    public let file: String
    public let recordID: String?
    /// Whether `WARC-Record-ID` was UTF-8 (`recordID` is a repair when not).
    public let recordIDIsUTF8: Bool
    public let targetURI: String?
    /// Whether `WARC-Target-URI` was UTF-8 (`targetURI` is a repair when not).
    public let targetURIIsUTF8: Bool
    public let date: String?
    public let truncated: String?
    public let language: String?
    /// `WARC-Segment-Number`, when the record is a segment of a longer one: it holds only part of its block.
    public let segmentNumber: String?
}
