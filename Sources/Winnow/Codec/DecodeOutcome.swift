/// What one raw record became when a worker decoded it: a document, a record that is not a document
/// (counted by reason as skipped), or a reject.
enum DecodeOutcome {
    case document(Document)
    case skipped(reason: String)
    case rejected(Reject)

    init(_ result: consuming Result<Document, Reject>) {
        switch consume result {
        case .success(let document): self = .document(document)
        case .failure(let reject): self = .rejected(reject)
        }
    }
}
