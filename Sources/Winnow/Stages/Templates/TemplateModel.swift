/// What the merged counts say about each site, ready to decide about single pages: its size, its
/// thresholds, the page count of every line that is on more than one of its pages, and its copied pages.
struct TemplateModel: Sendable {
    struct Site: Sendable {
        var pages: Int
        /// Lines on at least this many pages are repeated (not the page's own text).
        var repeatPages: Int
        /// Lines on at least this many pages are template lines wherever they are.
        var anchorPages: Int
        /// Page counts of lines seen on two pages or more; any other line is on its page only.
        var counts: LineCounts
        /// Pages per fingerprint of the pages that have copies; any other page is one of a kind.
        var copies: LineCounts
        /// Copies of the deciding page beyond itself, taken off the count of each of its lines (every
        /// copy has them all); 0 for the site as its counts say.
        private(set) var discount = 0

        init(pages: Int, options: TemplateOptions, counts: LineCounts, copies: LineCounts) {
            self.pages = pages
            repeatPages = Self.repeatPages(pages: pages, options: options)
            anchorPages = max(repeatPages, Int((options.anchorShare * Double(pages)).rounded(.up)))
            self.counts = counts
            self.copies = copies
        }

        /// Lines on this many pages of a site are repeated: 2 on sites of three pages or fewer.
        static func repeatPages(pages: Int, options: TemplateOptions) -> Int {
            pages <= 3 ? 2 : options.repeatPages
        }

        /// The site as a page with `copies` copies (itself included) sees it: they count as one page,
        /// so that a story fetched six times, its view count changing, is not its site's template.
        func seen(byPageWith copies: Int, options: TemplateOptions) -> Site {
            guard copies > 1 else { return self }
            var site = Site(pages: pages - (copies - 1), options: options, counts: counts, copies: [:])
            site.discount = copies - 1
            return site
        }

        /// The page count of a line of the deciding page: 1 for a line on no other page.
        func pages(of key: UInt64) -> Int {
            max(1, Int(counts[key] ?? 1) - discount)
        }
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
            var kept = LineCounts()
            let repeatPages = Site.repeatPages(pages: site.pages, options: options)
            for (key, count) in site.lines where count >= 2 {
                kept.add(key, count)
                if count >= repeatPages { repeatedOnSites.add(key, 1) }
            }
            var copied = LineCounts()
            for (fingerprint, count) in site.copies where count >= 2 { copied.add(fingerprint, count) }
            return Site(pages: site.pages, options: options, counts: kept, copies: copied)
        }
        self.crossSite = crossSite ?? Set(repeatedOnSites.lazy.filter { Int($0.pages) >= options.crossSiteSites }.map(\.key))
    }
}
