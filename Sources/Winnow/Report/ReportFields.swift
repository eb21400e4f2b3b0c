/// The fields of one document of a run's outputs that the report reads, as `Document` gives them:
/// another field's first occurrence, as a string (nil when absent or not a string) or as raw JSON.
struct ReportFields: Equatable {
    var id: String
    var url: String?
    /// The text's UTF-8 length (`Document.textByteCount`).
    var textBytes: Int
    var origin: DocumentOrigin
    var removedBy: String?
    var removedReason: String?
    var cluster: String?
    var duplicateOf: String?
    /// The raw JSON of `cluster_size` and `similarity`.
    var clusterSize: String?
    var similarity: String?

    init(
        id: String, url: String?, textBytes: Int, origin: DocumentOrigin, removedBy: String?, removedReason: String?,
        cluster: String?, duplicateOf: String?, clusterSize: String?, similarity: String?
    ) {
        self.id = id
        self.url = url
        self.textBytes = textBytes
        self.origin = origin
        self.removedBy = removedBy
        self.removedReason = removedReason
        self.cluster = cluster
        self.duplicateOf = duplicateOf
        self.clusterSize = clusterSize
        self.similarity = similarity
    }

    /// The fields of a decoded document.
    init(_ document: Document) {
        self.init(
            id: document.id, url: document.url, textBytes: document.textByteCount, origin: document.origin,
            removedBy: document.stringField(FieldNames.removedBy),
            removedReason: document.stringField(FieldNames.removedReason),
            cluster: document.stringField(DuplicateFields.cluster),
            duplicateOf: document.stringField(DuplicateFields.duplicateOf),
            clusterSize: document.rawField(DuplicateFields.clusterSize),
            similarity: document.rawField(DuplicateFields.similarity))
    }

    /// The stage that removed the document, as the report names it: nil in the cleaned output, `?`
    /// when a removed document does not say.
    func removingStage(isCleaned: Bool) -> String? {
        isCleaned ? nil : removedBy ?? "?"
    }
}
