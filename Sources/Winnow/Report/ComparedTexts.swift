/// The texts the report page compares, by id: of documents that share an id, the one
/// `ClusterMembership.preferred` takes, whatever order the outputs hold them in; each cut to `maxBytes`.
struct ComparedTexts {
    let maxBytes: Int
    private(set) var texts: [ByteString: String] = [:]
    private var chosen: [ByteString: RunReport.Member] = [:]

    init(maxBytes: Int) {
        self.maxBytes = maxBytes
    }

    /// Offers a document of the outputs (`removedBy` nil for the cleaned one).
    mutating func offer(_ document: Document, removedBy: String?) {
        let member = RunReport.Member(
            id: document.id, url: document.url, similarity: 1, textBytes: document.textByteCount, removedBy: removedBy)
        let id = ByteString(document.id)
        if let current = chosen[id], !ClusterMembership.preferred(member, over: current) { return }
        guard let text = document.decodedText else { return }
        chosen[id] = member
        texts[id] = ReportBuilder.cut(text, maxBytes: maxBytes)
    }
}
