/// What a gzip stream holds, so that its damage is told in the words of what is lost: records of a
/// JSONL input, of which those before the damage are kept, or one page, which is lost whole.
enum GzipContent: Sendable {
    case records, page

    /// What a stream that ends inside compressed data loses.
    var lostToTruncation: String {
        switch self {
        case .records: "what follows the last complete line is lost"
        case .page: "the page is incomplete, so it is not read; re-fetch the file"
        }
    }

    /// What bytes that are no gzip member after the end of the stream leave.
    var leftByTrailingData: String {
        switch self {
        case .records: "every record before it was read"
        case .page: "the page is not read, since the file is not as it was written; re-fetch it"
        }
    }

    /// What corrupt compressed data leaves.
    var leftByCorruption: String {
        switch self {
        case .records: "records read from this stream cannot be trusted; repair or re-fetch the file"
        case .page: "the page cannot be read; re-fetch the file"
        }
    }
}
