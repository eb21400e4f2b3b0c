/// The fields the duplicate stages write on documents.
enum DuplicateFields {
    /// On a removed copy: the id of the document kept in its place.
    static let duplicateOf = "duplicate_of"
    /// On a removed near-duplicate: its Jaccard similarity to the kept document (exact for short documents).
    static let similarity = "similarity"
    /// On every member of a near-duplicate cluster: the cluster's label (the kept document's id).
    static let cluster = "cluster"
    /// On every member of a near-duplicate cluster: how many documents the cluster has.
    static let clusterSize = "cluster_size"
    /// On a removed copy whose id is the kept document's own (a page crawled twice): where the kept
    /// record was read (`source:line`), since its id alone does not tell them apart.
    static let duplicateOfOrigin = "duplicate_of_origin"

    /// What `exact` writes: the kept copy's id, and its origin when the ids are alike.
    static let exactFields = [
        AddedField(duplicateOf, "the kept copy's id"), AddedField(duplicateOfOrigin, "the kept copy's origin"),
    ]

    /// What `neardup` writes: `exactFields` on removed members, and the cluster on every member.
    static let nearDupFields =
        exactFields + [
            AddedField(cluster, "the cluster's label"), AddedField(clusterSize, "the cluster's size"),
            AddedField(similarity, "a removed member's similarity"),
        ]

    /// Whether a removed copy shares its id with the document kept in its place.
    static func sharesKeptID(_ document: Document) -> Bool {
        document.rawField(duplicateOfOrigin) != nil
    }

    /// Marks `document` as a removed copy of the document `id` read at `origin`; a `duplicate_of_origin`
    /// it arrived with (an earlier run's removed output read again) goes when the ids differ.
    static func markDuplicate(_ document: inout Document, of id: String, at origin: DocumentOrigin) {
        document.setField(duplicateOf, .string(id))
        if BytewiseOrder.equal(id, document.id) {
            document.setField(duplicateOfOrigin, .string(origin.description))
        } else {
            document.removeField(duplicateOfOrigin)
        }
    }
}
