/// How many duplicate clusters of each kind a run found, by size: the report's totals and its size
/// chart. Sums, so the counts of a corpus's parts add up to the corpus's whatever the split.
struct ClusterSizes: Codable, Equatable, Sendable {
    struct Count: Codable, Equatable, Sendable {
        var size: Int
        var nearDuplicate = 0
        var exact = 0

        enum CodingKeys: String, CodingKey {
            case size, exact
            case nearDuplicate = "near_duplicate"
        }
    }

    /// By size, ascending; no size appears twice.
    private(set) var counts: [Count] = []

    init() {}

    init<Clusters: Sequence>(_ clusters: Clusters) where Clusters.Element == RunReport.Cluster {
        var bySize: [Int: Count] = [:]
        for cluster in clusters { Self.add(cluster.kind, size: cluster.size, count: 1, to: &bySize) }
        counts = Self.sorted(bySize)
    }

    /// One cluster's count.
    init(kind: RunReport.ClusterKind, size: Int) {
        var count = Count(size: size)
        switch kind {
        case .nearDuplicate: count.nearDuplicate = 1
        case .exact: count.exact = 1
        }
        counts = [count]
    }

    var nearDuplicate: Int { counts.reduce(0) { $0 + $1.nearDuplicate } }
    var exact: Int { counts.reduce(0) { $0 + $1.exact } }
    var total: Int { nearDuplicate + exact }

    /// Adds `other`'s counts to these: a few (one cluster's) each in its place, many by summing anew.
    mutating func merge(_ other: ClusterSizes) {
        guard other.counts.count <= 8 else {
            counts = Self.summed(counts + other.counts)
            return
        }
        for count in other.counts where count.nearDuplicate + count.exact > 0 { add(count) }
    }

    /// Adds one size's count, keeping `counts` sorted by size.
    private mutating func add(_ count: Count) {
        var low = 0
        var high = counts.count
        while low < high {
            let middle = (low + high) / 2
            if counts[middle].size < count.size { low = middle + 1 } else { high = middle }
        }
        if low < counts.count, counts[low].size == count.size {
            counts[low].nearDuplicate += count.nearDuplicate
            counts[low].exact += count.exact
        } else {
            counts.insert(count, at: low)
        }
    }

    /// `counts` with the counts of a size added into one, by size.
    private static func summed(_ counts: [Count]) -> [Count] {
        var bySize: [Int: Count] = [:]
        for count in counts {
            add(.nearDuplicate, size: count.size, count: count.nearDuplicate, to: &bySize)
            add(.exact, size: count.size, count: count.exact, to: &bySize)
        }
        return sorted(bySize)
    }

    private static func add(_ kind: RunReport.ClusterKind, size: Int, count: Int, to bySize: inout [Int: Count]) {
        switch kind {
        case .nearDuplicate: bySize[size, default: Count(size: size)].nearDuplicate += count
        case .exact: bySize[size, default: Count(size: size)].exact += count
        }
    }

    private static func sorted(_ bySize: [Int: Count]) -> [Count] {
        bySize.values.filter { $0.nearDuplicate + $0.exact > 0 }.sorted { $0.size < $1.size }
    }

    init(from decoder: any Decoder) throws {
        counts = Self.summed(try [Count](from: decoder))
    }

    func encode(to encoder: any Encoder) throws {
        try counts.encode(to: encoder)
    }
}
