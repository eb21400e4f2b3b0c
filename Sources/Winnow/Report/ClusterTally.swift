/// One duplicate cluster as the report's first pass gathers it: its size, its lowest similarity, its
/// kept document and, of the others, only the most similar ones it will list, so the report's memory
/// does not grow with the size of a cluster.
struct ClusterTally {
    let kind: RunReport.ClusterKind
    let label: String
    /// The tally's place in the order the report's first pass met its clusters (`ClusterRowSpill` rows
    /// name it).
    let serial: Int
    /// Members seen besides the kept document.
    private(set) var others = 0
    private(set) var minSimilarity = 1.0
    /// The `cluster_size` the members carry (near-duplicates), when all agree; nil when unknown or mixed.
    private(set) var declaredSize: Int?
    private var sizesDisagree = false
    private(set) var kept: (member: RunReport.Member, origin: DocumentOrigin)?
    /// Where the kept document was read, when it was found.
    var keptOrigin: DocumentOrigin? { kept?.origin }
    /// Members that are a kept document: more than one when clusters whose kept documents share an id
    /// (which labels them) read as one.
    private(set) var keptCopies = 0
    /// The most similar others, at most twice `listed` between trims.
    private var best: [RunReport.Member] = []
    /// Whether `best` is sorted and cut since the last member was added.
    private var isTrimmed = true
    /// How many others the cluster lists.
    let listed: Int

    init(kind: RunReport.ClusterKind, label: String, listed: Int, serial: Int = 0) {
        self.kind = kind
        self.label = label
        self.serial = serial
        self.listed = listed
    }

    /// Members seen, the kept document included: the cluster's size.
    var size: Int { others + 1 }

    /// Adds a member; returns the member now counted among the others (whose clusters.csv row is
    /// written), nil when it is taken as the kept document. Of kept copies that share the label, the
    /// one `ClusterMembership.preferred` names is kept, whatever order the outputs hold them in.
    @discardableResult
    mutating func add(_ member: RunReport.Member, origin: DocumentOrigin, declaredSize: Int?) -> RunReport.Member? {
        if let declaredSize, !sizesDisagree {
            if self.declaredSize == nil || self.declaredSize == declaredSize {
                self.declaredSize = declaredSize
            } else {
                sizesDisagree = true
                self.declaredSize = nil
            }
        }
        minSimilarity = min(minSimilarity, member.similarity)
        var other = member
        if kind == .nearDuplicate, isKept(member) {
            keptCopies += 1
            guard let current = kept else {
                kept = (member, origin)
                return nil
            }
            if ClusterMembership.preferred(member, over: current.member) {
                kept = (member, origin)
                other = current.member
            }
        }
        others += 1
        isTrimmed = false
        best.append(other)
        if best.count >= 2 * max(listed, 1) { trim() }
        return other
    }

    /// Whether `member` is the kept document of a near-duplicate cluster: it carries the label as its
    /// id and was not removed as a near-duplicate (a copy that shares the kept id was).
    func isKept(_ member: RunReport.Member) -> Bool {
        // The stage first: most members are copies, told apart without reading the label's bytes.
        member.removedBy != NearDupStage.stageName && BytewiseOrder.equal(member.id, label)
    }

    /// The cluster to report: the kept document first (`keptDetails`, else the one found, else a
    /// placeholder), then the most similar others (`mostSimilarFirst`). Hands the tally's list over
    /// (moved, not copied), so it is called once.
    mutating func cluster(keptDetails: RunReport.Member? = nil) -> RunReport.Cluster {
        trim()
        let first = keptDetails ?? kept?.member ?? RunReport.Member(id: label, url: nil, similarity: 1, textBytes: 0, removedBy: nil)
        let moreMembers = others - best.count
        var members: [RunReport.Member] = []
        swap(&members, &best)
        members.insert(first, at: 0)
        return RunReport.Cluster(
            kind: kind, cluster: label, size: size, kept: label, minSimilarity: minSimilarity,
            members: members, moreMembers: moreMembers)
    }

    private mutating func trim() {
        guard best.count > listed || !isTrimmed else { return }
        isTrimmed = true
        best.sort(by: Self.mostSimilarFirst)
        if best.count > listed { best.removeLast(best.count - listed) }
    }

    /// Most similar first, then by id, URL, size and removing stage: an order of the members' content
    /// alone, so copies that share an id are listed alike whatever order the outputs hold them in.
    static func mostSimilarFirst(_ a: RunReport.Member, _ b: RunReport.Member) -> Bool {
        if a.similarity != b.similarity { return a.similarity > b.similarity }
        let ids = BytewiseOrder.compare(a.id, b.id)
        if ids != 0 { return ids < 0 }
        if a.url != b.url { return Self.precedes(a.url, b.url) }
        if a.textBytes != b.textBytes { return a.textBytes < b.textBytes }
        return Self.precedes(a.removedBy, b.removedBy)
    }

    /// None first, then bytewise.
    private static func precedes(_ a: String?, _ b: String?) -> Bool {
        guard let a, let b else { return a == nil && b != nil }
        return BytewiseOrder.precedes(a, b)
    }
}
