/// The apply step of the `neardup` stage: annotates every member of a cluster with the cluster's
/// label and size, keeps the cluster's chosen document and removes the others (reason
/// `near-duplicate`) with `duplicate_of` and their similarity. Documents in no cluster pass untouched.
public struct NearDupRemover: FinishingStage {
    public var name: String { NearDupStage.stageName }
    public static let reason = RemovalReason.nearDuplicate

    /// A clustered document by id and origin, both compared by their bytes: records that share an id
    /// are different documents (and String's equality would compose a long id's accents on every lookup).
    struct Identity: Hashable, Sendable {
        let id: ByteString
        let origin: DocumentOrigin

        init(id: String, origin: DocumentOrigin) {
            self.id = ByteString(id)
            self.origin = origin
        }
    }

    struct Assignment: Sendable {
        let cluster: String
        let kept: DocumentOrigin
        let size: Int
        let similarity: Double
        let isKept: Bool
    }

    public let clusters: DuplicateClusters
    let options: NearDupOptions
    let assignments: [Identity: Assignment]
    /// For an apply step run apart from its map: the members its inputs held at map, checked.
    let mapped: MappedOrigins?

    public init(clusters: DuplicateClusters, options: NearDupOptions) {
        self.init(clusters: clusters, options: options, mapped: nil)
    }

    /// An apply step run apart, over inputs named `sources`, from the clusters file `stateFile`: it
    /// fails when a member's place in them holds another document or text, or (`wholeInputs`) none.
    public init(
        clusters: DuplicateClusters, options: NearDupOptions, checking sources: [String], wholeInputs: Bool,
        stateFile: String
    ) {
        let members = clusters.clusters.lazy.flatMap(\.members).map { member in
            (origin: member.origin, id: member.id, fingerprint: Optional(member.fingerprint))
        }
        let mapped = MappedOrigins(members, sources: sources, stateFile: stateFile, requiresAll: wholeInputs)
        self.init(clusters: clusters, options: options, mapped: mapped)
    }

    private init(clusters: DuplicateClusters, options: NearDupOptions, mapped: MappedOrigins?) {
        self.clusters = clusters
        self.options = options
        self.mapped = mapped
        var assignments: [Identity: Assignment] = [:]
        assignments.reserveCapacity(clusters.clusters.reduce(0) { $0 + $1.size })
        for cluster in clusters.clusters {
            for (index, member) in cluster.members.enumerated() {
                assignments[Identity(id: member.id, origin: member.origin)] = Assignment(
                    cluster: cluster.kept, kept: cluster.members[0].origin, size: cluster.size,
                    similarity: member.similarity, isKept: index == 0)
            }
        }
        self.assignments = assignments
    }

    public var addedFields: [AddedField] { DuplicateFields.nearDupFields }

    public func process(_ document: inout Document) -> StageVerdict {
        mapped?.verify(document) {
            var words: [UInt64] = []
            return document.withTextUTF8 { WordSequenceHash.of(text: $0, scratch: &words) } ?? nil
        }
        guard let assignment = assignments[Identity(id: document.id, origin: document.origin)] else { return .keep }
        document.setField(DuplicateFields.cluster, .string(assignment.cluster))
        document.setField(DuplicateFields.clusterSize, .int(assignment.size))
        guard !assignment.isKept else { return .keep }
        DuplicateFields.markDuplicate(&document, of: assignment.cluster, at: assignment.kept)
        document.setField(DuplicateFields.similarity, .double((assignment.similarity * 1000).rounded() / 1000))
        return .remove(reason: Self.reason)
    }

    public func finish() throws(WinnowError) -> [OutputFile] {
        try mapped?.check()
        var files: [OutputFile] = []
        if !options.clusters.isEmpty { files.append(try ClustersFile.writing(clusters, to: options.clusters)) }
        if !options.assignments.isEmpty { files.append(try ClustersFile.writingAssignments(clusters, to: options.assignments)) }
        return files
    }
}
