/// What a run did, gathered from its outputs for people to read: the content of `report.json`, and
/// the data `report.html` draws. Texts are not part of it (the page carries them separately).
struct RunReport: Codable {
    var format = "winnow.report"
    var version = 3
    /// Members listed per cluster, the kept one included (the page's and this file's size stay
    /// bounded however large a cluster; clusters.csv lists every member).
    static let membersListed = 100
    /// Clusters listed in this file and on the page, the largest: their size stays bounded however
    /// large the corpus (cluster-list.jsonl lists every cluster, clusters.csv every member).
    static let clustersListed = 5_000
    var pipeline: String?
    /// The files the report was made from, and (`report`) the folder it was written to.
    var inputs: RunSummary.Outputs
    /// The run summary (`--stats`), when there was one.
    var run: RunSummary?
    var documents: DocumentCounts
    /// How many clusters of each kind and size the run found.
    var clusterSizes: ClusterSizes
    /// The first `clustersListed` clusters in report order: largest first, then near-duplicate before
    /// exact, then kept id bytewise (`ReportOrder`).
    var largestClusters: [Cluster]
    /// Every site the templates stage saw, with the template lines it found.
    var sites: [Site]
    /// Things that do not add up (a clusters file that disagrees with the documents, unreadable lines).
    var warnings: [String]

    /// Counts read off the cleaned and removed outputs themselves.
    struct DocumentCounts: Codable {
        var kept = 0
        var keptTextBytes = 0
        var removed = 0
        /// Stage → reason → documents.
        var removedByStage: [String: [String: Int]] = [:]
        /// Stage → text bytes of the documents it removed (as they were when removed).
        var removedTextBytesByStage: [String: Int] = [:]
    }

    enum ClusterKind: String, Codable, Sendable {
        case nearDuplicate = "near-duplicate"
        case exact
    }

    struct Cluster: Codable {
        var kind: ClusterKind
        /// The label the members carry: the kept document's id.
        var cluster: String
        var size: Int
        var kept: String
        /// The lowest similarity of a member to the kept document.
        var minSimilarity: Double
        /// The kept document first, then the others in `ClusterTally.mostSimilarFirst` order (similarity,
        /// then id, URL, size, stage); at most `membersListed`.
        var members: [Member]
        /// Members not listed here (all are in clusters.csv).
        var moreMembers: Int
    }

    struct Member: Codable {
        var id: String
        var url: String?
        /// Jaccard similarity to the kept document (1 for the kept document and exact copies).
        var similarity: Double
        var textBytes: Int
        /// The stage that removed it; nil when it is in the cleaned output.
        var removedBy: String?
    }

    struct Site: Codable {
        var site: String
        var pages: Int
        var pagesChanged: Int
        var pagesRemoved: Int
        /// Text bytes of the site's pages going into the templates stage, and the bytes it took out.
        var bytesIn: Int
        var bytesRemoved: Int
        var templateShare: Double
        var templateLines: [TemplateSummary.Line]
    }

    enum CodingKeys: String, CodingKey {
        case format, version, pipeline, inputs, run, documents, sites, warnings
        case clusterSizes = "cluster_sizes"
        case largestClusters = "largest_clusters"
    }
}

extension RunReport.DocumentCounts {
    /// Adds `other`'s counts to these: the counts of a run's outputs read in parts add up to theirs.
    mutating func merge(_ other: Self) {
        kept += other.kept
        keptTextBytes += other.keptTextBytes
        removed += other.removed
        for (stage, reasons) in other.removedByStage {
            removedByStage[stage, default: [:]].merge(reasons, uniquingKeysWith: +)
        }
        removedTextBytesByStage.merge(other.removedTextBytesByStage, uniquingKeysWith: +)
    }

    /// Counts one document of the cleaned output, or of the removed output with its stage and reason.
    mutating func add(textBytes: Int, removedBy stage: String?, reason: String?) {
        guard let stage else {
            kept += 1
            keptTextBytes += textBytes
            return
        }
        removed += 1
        removedByStage[stage, default: [:]][reason ?? "?", default: 0] += 1
        removedTextBytesByStage[stage, default: 0] += textBytes
    }

    enum CodingKeys: String, CodingKey {
        case kept, removed
        case keptTextBytes = "kept_text_bytes"
        case removedByStage = "removed_by_stage"
        case removedTextBytesByStage = "removed_text_bytes_by_stage"
    }
}

extension RunReport.Cluster {
    enum CodingKeys: String, CodingKey {
        case kind, cluster, size, kept, members
        case minSimilarity = "min_similarity"
        case moreMembers = "more_members"
    }
}

extension RunReport.Member {
    enum CodingKeys: String, CodingKey {
        case id, url, similarity
        case textBytes = "text_bytes"
        case removedBy = "removed_by"
    }
}

extension RunReport.Site {
    enum CodingKeys: String, CodingKey {
        case site, pages
        case pagesChanged = "pages_changed"
        case pagesRemoved = "pages_removed"
        case bytesIn = "bytes_in"
        case bytesRemoved = "bytes_removed"
        case templateShare = "template_share"
        case templateLines = "template_lines"
    }
}
