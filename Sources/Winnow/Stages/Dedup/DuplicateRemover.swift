/// The apply step of the `neardup` stage: annotates every member of a cluster with the cluster's
/// label and size, keeps the cluster's chosen document and removes the others (reason
/// `near-duplicate`) with `duplicate_of` and their similarity. Documents in no cluster pass untouched.
public struct DuplicateRemover: FinishingStage {
    public var name: String { NearDupStage.stageName }
    public static let reason = "near-duplicate"

    struct Assignment: Sendable {
        let cluster: String
        let size: Int
        let similarity: Double
    }

    public let clusters: DuplicateClusters
    let options: NearDupOptions
    let assignments: [String: Assignment]

    public init(clusters: DuplicateClusters, options: NearDupOptions) {
        self.clusters = clusters
        self.options = options
        var assignments: [String: Assignment] = [:]
        assignments.reserveCapacity(clusters.clusters.reduce(0) { $0 + $1.size })
        for cluster in clusters.clusters {
            for member in cluster.members {
                assignments[member.id] = Assignment(cluster: cluster.kept, size: cluster.size, similarity: member.similarity)
            }
        }
        self.assignments = assignments
    }

    public func process(_ document: inout Document) -> StageVerdict {
        guard let assignment = assignments[document.id] else { return .keep }
        document.setField(DuplicateFields.cluster, .string(assignment.cluster))
        document.setField(DuplicateFields.clusterSize, .int(assignment.size))
        guard assignment.cluster != document.id else { return .keep }
        document.setField(DuplicateFields.duplicateOf, .string(assignment.cluster))
        document.setField(DuplicateFields.similarity, .double((assignment.similarity * 1000).rounded() / 1000))
        return .remove(reason: Self.reason)
    }

    public func finish() throws(WinnowError) {
        if !options.clusters.isEmpty { try ClustersFile.write(clusters, to: options.clusters) }
        if !options.assignments.isEmpty { try ClustersFile.writeAssignments(clusters, to: options.assignments) }
    }
}
