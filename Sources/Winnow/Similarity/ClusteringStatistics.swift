/// What a near-duplicate clustering did, for the run summary and for tuning.
public struct ClusteringStatistics: Sendable, Equatable {
    public var documents = 0
    /// Leader and member comparisons in the LSH buckets (a pair in several buckets counts in each).
    public var candidatePairs = 0
    /// Comparisons whose signatures passed the screen and whose sketches were compared (in the buckets,
    /// and between clusters when complete linkage checks them before joining).
    public var verifiedPairs = 0
    /// Clusters joined: verified pairs whose clusters complete linkage found alike.
    public var joinedPairs = 0
    /// Bucket comparisons that found the pair not alike: collisions that join nothing.
    public var rejectedPairs = 0

    public init() {}
}
