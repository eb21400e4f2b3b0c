/// What the report says of the clusters as a whole: how many of each kind and size, and the counts
/// behind its warnings, with a few example labels. Sums and the bytewise-smallest examples, so the
/// facts of a corpus's clusters taken in parts merge to the facts of all of them.
struct ClusterFacts: Codable, Equatable, Sendable {
    static let examplesKept = 3

    var sizes = ClusterSizes()
    /// Near-duplicate clusters whose kept documents share an id (read as one cluster), and how many
    /// kept copies they hold together.
    var sharedClusters = 0
    var sharedCopies = 0
    var sharedExamples: [String] = []
    /// Near-duplicate clusters with fewer or more members in the outputs than their `cluster_size`.
    var mismatched = 0
    var mismatchedExamples: [String] = []
    /// Exact groups whose kept document is in neither output.
    var missingKeepers = 0

    init() {}

    /// The facts of one cluster, as tallied.
    init(_ tally: ClusterTally, keeperFound: Bool) {
        sizes = ClusterSizes(kind: tally.kind, size: tally.size)
        if tally.keptCopies > 1 {
            sharedClusters = 1
            sharedCopies = tally.keptCopies
            sharedExamples = [tally.label]
        } else if tally.kind == .nearDuplicate,
            let declared = tally.declaredSize, declared != tally.others + (tally.kept == nil ? 0 : 1)
        {
            mismatched = 1
            mismatchedExamples = [tally.label]
        }
        if tally.kind == .exact, !keeperFound { missingKeepers = 1 }
    }

    mutating func merge(_ other: ClusterFacts) {
        sizes.merge(other.sizes)
        sharedClusters += other.sharedClusters
        sharedCopies += other.sharedCopies
        if !other.sharedExamples.isEmpty { sharedExamples = Self.smallest(sharedExamples + other.sharedExamples) }
        mismatched += other.mismatched
        if !other.mismatchedExamples.isEmpty { mismatchedExamples = Self.smallest(mismatchedExamples + other.mismatchedExamples) }
        missingKeepers += other.missingKeepers
    }

    private static func smallest(_ labels: [String]) -> [String] {
        Array(Set(labels).sorted(by: BytewiseOrder.precedes).prefix(examplesKept))
    }

    /// The report's warnings about the clusters.
    var warnings: [String] { warnings(checkingSizes: true) }

    /// The same, without the one about cluster sizes when the outputs are known to miss members (the
    /// removed output was not kept in a file), which would only say so again.
    func warnings(checkingSizes: Bool) -> [String] {
        var warnings: [String] = []
        if sharedClusters > 0 {
            warnings.append(
                "\(sharedCopies) near-duplicate clusters keep documents that share their id "
                    + "(\(sharedExamples.joined(separator: ", "))), which labels a cluster: the report shows each such id as one cluster")
        }
        if mismatched > 0 && checkingSizes {
            warnings.append(
                "\(mismatched) near-duplicate clusters have fewer or more documents in the outputs than their "
                    + "cluster_size says (\(mismatchedExamples.joined(separator: ", "))): were all outputs of the run given?")
        }
        if missingKeepers > 0 {
            warnings.append("\(missingKeepers) exact-duplicate groups name a kept document that is in neither output")
        }
        return warnings
    }

    enum CodingKeys: String, CodingKey {
        case sizes, mismatched
        case sharedClusters = "shared_clusters"
        case sharedCopies = "shared_copies"
        case sharedExamples = "shared_examples"
        case mismatchedExamples = "mismatched_examples"
        case missingKeepers = "missing_keepers"
    }
}
