/// The texts the report page compares, by id: of documents that share an id, the one
/// `ClusterMembership.preferred` takes, whatever order the outputs hold them in; each cut to `maxBytes`.
struct ComparedTexts {
    let maxBytes: Int
    private(set) var texts: [String: String] = [:]
    private var chosen: [String: RunReport.Member] = [:]

    init(maxBytes: Int) {
        self.maxBytes = maxBytes
    }

    /// Offers a document of the outputs (`removedBy` nil for the cleaned one).
    mutating func offer(_ document: Document, removedBy: String?) {
        let member = RunReport.Member(
            id: document.id, url: document.url, similarity: 1, textBytes: document.textByteCount, removedBy: removedBy)
        if let current = chosen[document.id], !ClusterMembership.preferred(member, over: current) { return }
        guard let text = document.decodedText else { return }
        chosen[document.id] = member
        texts[document.id] = ReportBuilder.cut(text, maxBytes: maxBytes)
    }
}
