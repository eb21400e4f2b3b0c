/// The map side of the templates stage: per site, how many pages were seen and on how many pages
/// each folded line appears. Counts of any shards merge by addition, so the merged counts are the
/// same however the corpus was split.
public struct TemplateCounts: CorpusTally, Equatable {
    public struct Site: Sendable, Equatable {
        public var pages = 0
        /// Folded line key → number of pages with that line.
        public var lines = LineCounts()
    }

    public var sites: [String: Site] = [:]

    public init() {}

    /// Counts one page: `keys` must be distinct (a line counts once per page).
    public mutating func addPage(site: String, distinctKeys keys: [UInt64]) {
        Self.add(keys, to: &sites[site, default: Site()])
    }

    /// Counts one page into its site, found once for all its lines.
    private static func add(_ keys: [UInt64], to site: inout Site) {
        site.pages += 1
        for key in keys { site.lines.add(key, 1) }
    }

    public mutating func merge(_ other: TemplateCounts) {
        for (name, theirs) in other.sites {
            guard sites[name] != nil else {
                sites[name] = theirs
                continue
            }
            Self.add(theirs, to: &sites[name, default: Site()])
        }
    }

    /// Adds another tally's counts of a site into this one's.
    private static func add(_ theirs: Site, to site: inout Site) {
        site.pages += theirs.pages
        for (key, count) in theirs.lines { site.lines.add(key, count) }
    }

    /// Pages counted over all sites.
    public var pageCount: Int { sites.values.reduce(0) { $0 + $1.pages } }
}
