/// What the merged counts say about each site, ready to decide about single pages: its size, its
/// thresholds and the page count of every line that is on more than one of its pages.
struct TemplateModel: Sendable {
    struct Site: Sendable {
        var pages: Int
        /// Lines on at least this many pages are repeated (not the page's own text).
        var repeatPages: Int
        /// Lines on at least this many pages are template lines wherever they are.
        var anchorPages: Int
        /// Page counts of lines seen on two pages or more; any other line is on its page only.
        var counts: LineCounts
    }

    let options: TemplateOptions
    let sites: [ByteString: Site]
    /// Lines repeated on `cross_site_sites` sites or more: template lines everywhere, used on small sites.
    let crossSite: Set<UInt64>

    /// - Parameter crossSite: the cross-site lines of the whole corpus, when `counts` holds only some of
    ///   its sites (a cluster partition's); nil: worked out from `counts`.
    init(counts: TemplateCounts, options: TemplateOptions, crossSite: Set<UInt64>? = nil) {
        self.options = options
        // Counted as line counts are: keyed by the lines' own hashes, not hashed again.
        var repeatedOnSites = LineCounts()
        // Mapped in place: the sites keep the counts' table, so no site's name is hashed again.
        sites = counts.sites.mapValues { site in
            let repeatPages = site.pages <= 3 ? 2 : options.repeatPages
            let anchorPages = max(repeatPages, Int((options.anchorShare * Double(site.pages)).rounded(.up)))
            var kept = LineCounts()
            for (key, count) in site.lines where count >= 2 {
                kept.add(key, count)
                if count >= repeatPages { repeatedOnSites.add(key, 1) }
            }
            return Site(pages: site.pages, repeatPages: repeatPages, anchorPages: anchorPages, counts: kept)
        }
        self.crossSite = crossSite ?? Set(repeatedOnSites.lazy.filter { Int($0.pages) >= options.crossSiteSites }.map(\.key))
    }
}
