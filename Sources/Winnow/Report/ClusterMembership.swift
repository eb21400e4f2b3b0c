/// Where a document of a run's outputs stands in the duplicate clusters: which cluster, and the
/// member the report lists for it. Read off the fields the duplicate stages write.
struct ClusterMembership {
    var kind: RunReport.ClusterKind
    var label: String
    var member: RunReport.Member
    /// The `cluster_size` a near-duplicate member carries.
    var declaredSize: Int?

    /// The document's place, nil when it is in no cluster. `removedBy` is nil for the cleaned output.
    init?(_ document: ReportFields, removedBy: String?) {
        func member(similarity: Double) -> RunReport.Member {
            RunReport.Member(
                id: document.id, url: document.url, similarity: similarity,
                textBytes: document.textBytes, removedBy: removedBy)
        }
        // The neardup stage writes both fields; a `cluster` field of the input's own is not a cluster.
        if let label = document.cluster, let size = document.clusterSize.flatMap({ Int($0) }), size >= 2 {
            let similarity =
                document.similarity.flatMap(Double.init)
                .map { $0.isFinite ? min(max($0, 0), 1) : 0 } ?? 1
            self.init(kind: .nearDuplicate, label: label, member: member(similarity: similarity), declaredSize: size)
            return
        }
        if removedBy == ExactStage.stageName, let keeper = document.duplicateOf {
            self.init(kind: .exact, label: keeper, member: member(similarity: 1), declaredSize: nil)
            return
        }
        return nil
    }

    init(kind: RunReport.ClusterKind, label: String, member: RunReport.Member, declaredSize: Int?) {
        self.kind = kind
        self.label = label
        self.member = member
        self.declaredSize = declaredSize
    }

    /// The details of an exact group's kept copy, when `document` can be one: it is not itself a copy
    /// the exact stage removed (a copy may share the kept id).
    static func keeper(_ document: ReportFields, removedBy: String?) -> RunReport.Member? {
        guard removedBy != ExactStage.stageName else { return nil }
        return RunReport.Member(
            id: document.id, url: document.url, similarity: 1, textBytes: document.textBytes, removedBy: removedBy)
    }

    /// Of two documents that share an id (an exact group's kept copy, a text the page compares),
    /// which the report takes: one of the cleaned output first, then by `ClusterTally.mostSimilarFirst`
    /// (URL, size, stage). An order of their content, so whatever order the outputs hold them in.
    static func preferred(_ a: RunReport.Member, over b: RunReport.Member) -> Bool {
        if (a.removedBy == nil) != (b.removedBy == nil) { return a.removedBy == nil }
        return ClusterTally.mostSimilarFirst(a, b)
    }
}
