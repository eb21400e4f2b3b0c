/// What a near-duplicate clustering did, for the run summary and for tuning.
public struct ClusteringStatistics: Sendable, Equatable {
    public var documents = 0
    /// Leader and member meetings in the LSH buckets (a pair in several buckets counts in each).
    public var candidatePairs = 0
    /// Sketch comparisons made: of pairs whose signatures passed the screen, each once per machine or
    /// partition that judges it, and between clusters when complete linkage checks them before joining.
    public var verifiedPairs = 0
    /// Clusters joined: verified pairs whose clusters complete linkage found alike.
    public var joinedPairs = 0
    /// Bucket meetings that joined nothing (screened out or not alike, now or in an earlier band): collisions.
    public var rejectedPairs = 0

    public init() {}
}
