/// Where each clustered document sits (its cluster and its place in it), found by origin and id, both
/// compared bytewise. One flat table of slots: a `[Identity: Assignment]` hashed both strings, and
/// retained and compared them, for every document of the corpus at apply.
struct ClusteredDocuments: Sendable {
    /// Two words a slot: 0 when empty, else the top bits of its hash above the cluster's index plus
    /// one; then the member's index in its cluster. A power of two of slots, at most half used.
    private var slots: [UInt64]
    private let clusters: [DuplicateClusters.Cluster]

    init(_ clusters: [DuplicateClusters.Cluster]) {
        precondition(clusters.count < Int(UInt32.max), "more clusters than the table holds")
        self.clusters = clusters
        let members = clusters.reduce(0) { $0 + $1.size }
        var count = 16
        while count < 2 * members { count <<= 1 }
        slots = [UInt64](repeating: 0, count: 2 * count)
        for (cluster, entries) in clusters.enumerated() {
            for (member, entry) in entries.members.enumerated() {
                // A document listed twice keeps its last place, as a dictionary's assignment would.
                let hash = Self.hash(entry.origin)
                let slot = find(id: entry.id, origin: entry.origin, hash: hash).slot
                slots[2 * slot] = Self.tag(hash) | UInt64(cluster + 1)
                slots[2 * slot + 1] = UInt64(member)
            }
        }
    }

    /// The cluster of the document with `id` read at `origin`, and its index among the members (0 for
    /// the kept one); nil when it is in none.
    func place(id: String, origin: DocumentOrigin) -> (cluster: DuplicateClusters.Cluster, member: Int)? {
        let found = find(id: id, origin: origin, hash: Self.hash(origin))
        guard let cluster = found.cluster else { return nil }
        return (clusters[cluster], found.member)
    }

    /// The slot that holds the document, or the empty one where it would go.
    private func find(id: String, origin: DocumentOrigin, hash: UInt64) -> (slot: Int, cluster: Int?, member: Int) {
        let mask = slots.count / 2 - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[2 * slot] != 0 {
            let entry = slots[2 * slot]
            if entry & 0xFFFF_FFFF_0000_0000 == Self.tag(hash) {
                let cluster = Int(entry & 0xFFFF_FFFF) - 1, member = Int(slots[2 * slot + 1])
                let listed = clusters[cluster].members[member]
                if listed.origin == origin && BytewiseOrder.equal(listed.id, id) { return (slot, cluster, member) }
            }
            slot = (slot + 1) & mask
        }
        return (slot, nil, 0)
    }

    /// The origin identifies a document within a run; the id is compared only on a match.
    private static func hash(_ origin: DocumentOrigin) -> UInt64 {
        var hasher = Hasher()
        hasher.combine(origin.line)
        BytewiseOrder.hash(origin.source, into: &hasher)
        return UInt64(UInt(bitPattern: hasher.finalize()))
    }

    private static func tag(_ hash: UInt64) -> UInt64 { hash & 0xFFFF_FFFF_0000_0000 }
}
