/// The apply step of the `neardup` stage: annotates every member of a cluster with the cluster's
/// label and size, keeps the cluster's chosen document and removes the others (reason
/// `near-duplicate`) with `duplicate_of` and their similarity. Documents in no cluster pass untouched.
public struct NearDupRemover: FinishingStage {
    public var name: String { NearDupStage.stageName }
    public static let reason = RemovalReason.nearDuplicate

    public let clusters: DuplicateClusters
    let options: NearDupOptions
    let documents: ClusteredDocuments
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
        documents = ClusteredDocuments(clusters.clusters)
    }

    public var addedFields: [AddedField] { DuplicateFields.nearDupFields }

    public func process(_ document: inout Document) -> StageVerdict {
        mapped?.verify(document) {
            var words: [UInt64] = []
            return document.withTextUTF8 { WordSequenceHash.of(text: $0, scratch: &words) } ?? nil
        }
        guard let (cluster, member) = documents.place(id: document.id, origin: document.origin) else { return .keep }
        document.setField(DuplicateFields.cluster, .string(cluster.kept))
        document.setField(DuplicateFields.clusterSize, .int(cluster.size))
        guard member > 0 else { return .keep }
        DuplicateFields.markDuplicate(&document, of: cluster.kept, at: cluster.members[0].origin)
        document.setField(DuplicateFields.similarity, .double((cluster.members[member].similarity * 1000).rounded() / 1000))
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
