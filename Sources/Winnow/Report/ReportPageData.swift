/// The data `report.html`'s script draws: the largest clusters, the texts it compares, the sites.
/// Its `Encodable` conformance is the format; `json()` writes the same bytes faster.
struct ReportPageData: Encodable {
    var clusters: [Cluster]
    /// Clusters not on the page.
    var moreClusters: Int
    var comparisons: [[Comparison]]
    /// The sites whose pages lost template lines, at most `sitesOnPage` of them.
    var sites: [RunReport.Site]
    /// Sites with template lines not on the page (all are in report.json).
    var moreSites: Int

    struct Cluster: Encodable {
        var kind: String
        var label: String
        var size: Int
        var min: Double
        var members: [RunReport.Member]
        /// Members not on the page.
        var more: Int
        /// Index into `comparisons`, when the page carries this cluster's texts.
        var texts: Int?
    }

    struct Comparison: Encodable {
        var member: Int
        var left: [String]
        var right: [String]
        var aligned: Bool
    }

    /// The first `clustersOnPage` clusters of `report`, with the texts of those that have them, and
    /// of the sites whose pages lost template lines the `sitesOnPage` that lost the most bytes (then by
    /// name), in the report's order.
    init(report: RunReport, texts: [ClusterTexts], clustersOnPage: Int, sitesOnPage: Int) {
        var textIndex: [Int: Int] = [:]
        for (position, entry) in texts.enumerated() { textIndex[entry.cluster] = position }
        clusters = report.largestClusters.prefix(clustersOnPage).enumerated().map { index, cluster in
            Cluster(
                kind: cluster.kind.rawValue, label: cluster.cluster, size: cluster.size, min: cluster.minSimilarity,
                members: cluster.members, more: cluster.moreMembers, texts: textIndex[index])
        }
        moreClusters = max(0, report.clusterSizes.total - clusters.count)
        comparisons = texts.map { entry in
            entry.comparisons.map { Comparison(member: $0.member, left: $0.diff.left, right: $0.diff.right, aligned: $0.diff.aligned) }
        }
        let changed = report.sites.indices.filter { report.sites[$0].pagesChanged > 0 }
        let shown =
            changed.count <= sitesOnPage
            ? changed
            : changed.sorted { a, b in
                let (left, right) = (report.sites[a], report.sites[b])
                return left.bytesRemoved != right.bytesRemoved
                    ? left.bytesRemoved > right.bytesRemoved : BytewiseOrder.precedes(left.site, right.site)
            }.prefix(sitesOnPage).sorted()
        sites = shown.map { report.sites[$0] }
        moreSites = changed.count - shown.count
    }

    /// The bytes `JSONEncoder` makes of this with `[.sortedKeys, .withoutEscapingSlashes]`; `listed`,
    /// when given, holds the JSON of the clusters' members written already (the report's clusters).
    func json(listed: ListedClustersJSON? = nil) throws(WinnowError) -> [UInt8] {
        let textBytes = comparisons.joined().reduce(0) { sum, comparison in
            sum + comparison.left.reduce(0) { $0 + $1.utf8.count } + comparison.right.reduce(0) { $0 + $1.utf8.count }
        }
        var json = SortedJSONWriter(capacity: 640 * clusters.count + textBytes + textBytes / 8 + 65_536)
        json.beginObject()
        json.key("clusters")
        json.beginArray()
        let written = listed.flatMap { $0.count >= clusters.count ? $0 : nil }
        for (position, cluster) in clusters.enumerated() {
            json.beginObject()
            json.key("kind")
            json.string(cluster.kind)
            json.key("label")
            json.string(cluster.label)
            json.key("members")
            if let written {
                json.written(written.members(position))
            } else {
                try RunReport.Member.write(cluster.members, to: &json)
            }
            json.key("min")
            try json.double(cluster.min)
            json.key("more")
            json.int(cluster.more)
            json.key("size")
            json.int(cluster.size)
            if let texts = cluster.texts {
                json.key("texts")
                json.int(texts)
            }
            json.endObject()
        }
        json.endArray()
        json.key("comparisons")
        json.beginArray()
        for cluster in comparisons {
            json.beginArray()
            for comparison in cluster {
                json.beginObject()
                json.key("aligned")
                json.bool(comparison.aligned)
                json.key("left")
                Self.write(comparison.left, to: &json)
                json.key("member")
                json.int(comparison.member)
                json.key("right")
                Self.write(comparison.right, to: &json)
                json.endObject()
            }
            json.endArray()
        }
        json.endArray()
        json.key("moreClusters")
        json.int(moreClusters)
        json.key("moreSites")
        json.int(moreSites)
        json.key("sites")
        try RunReport.Site.write(sites, to: &json)
        json.endObject()
        return json.bytes
    }

    private static func write(_ strings: [String], to json: inout SortedJSONWriter) {
        json.beginArray()
        for string in strings { json.string(string) }
        json.endArray()
    }
}
