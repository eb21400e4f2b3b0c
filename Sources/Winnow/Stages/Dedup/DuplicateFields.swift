/// The fields the duplicate stages write on documents.
public enum DuplicateFields {
    /// On a removed copy: the id of the document kept in its place.
    public static let duplicateOf = "duplicate_of"
    /// On a removed near-duplicate: its Jaccard similarity to the kept document (exact for short documents).
    public static let similarity = "similarity"
    /// On every member of a near-duplicate cluster: the cluster's label (the kept document's id).
    public static let cluster = "cluster"
    /// On every member of a near-duplicate cluster: how many documents the cluster has.
    public static let clusterSize = "cluster_size"
}
