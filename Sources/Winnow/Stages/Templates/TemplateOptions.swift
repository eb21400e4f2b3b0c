/// How the `templates` stage groups pages into sites and decides which lines are the site's, not
/// the page's. The defaults were chosen on documentation sites and generated news, and hold as a
/// whole: change one and measure.
public struct TemplateOptions: StageOptions {
    /// How pages are grouped into sites.
    public enum SiteMode: String, OptionChoice {
        /// The URL's host, lower-cased, without a leading "www.".
        case host
        /// The value of `site_field`.
        case field
        /// All pages together, for collections from one site or without URLs.
        case batch
    }

    public var site: SiteMode = .host
    /// The field that names a page's site when `site` is `field`.
    public var siteField = "site"
    /// A site needs this many pages before anything is removed from them.
    public var minSitePages = 2
    /// A line on at least this share of a site's pages is a template line wherever it appears.
    public var anchorShare = 0.5
    /// A line on this many pages of a site (2 on sites of three pages or fewer) is repeated: it does
    /// not count as the page's own text.
    public var repeatPages = 3
    /// A block between template lines is page content when at least this share of its words are in
    /// lines of its own (lines on two pages count half)…
    public var ownShare = 0.6
    /// …and its lines average at least this many words (menus and tables of contents do not).
    public var proseWords = 3.0
    /// On sites with fewer pages than this, lines repeated on `cross_site_sites` other sites count as
    /// template lines too (cookie and spam-protection notices).
    public var smallSitePages = 10
    /// The number of sites a line must be repeated on to be boilerplate everywhere.
    public var crossSiteSites = 3
    /// A page that is template from top to bottom is removed (reason `template-only`) only on sites
    /// with at least this many pages; on smaller sites it is kept as it was.
    public var emptyPageMinSitePages = 5
    /// When not empty, the field that receives the removed lines as [first, end) line-number pairs.
    public var removedLinesField = ""
    /// When not empty, where the per-site summary of template lines is written (JSON).
    public var summary = ""
    /// How many template lines per site the summary lists.
    public var summaryLines = 25

    public init() {}

    enum CodingKeys: String, CodingKey, CaseIterable {
        case site
        case siteField = "site_field"
        case minSitePages = "min_site_pages"
        case anchorShare = "anchor_share"
        case repeatPages = "repeat_pages"
        case ownShare = "own_share"
        case proseWords = "prose_words"
        case smallSitePages = "small_site_pages"
        case crossSiteSites = "cross_site_sites"
        case emptyPageMinSitePages = "empty_page_min_site_pages"
        case removedLinesField = "removed_lines_field"
        case summary
        case summaryLines = "summary_lines"
    }

    public static var keys: [String] { CodingKeys.allCases.map(\.rawValue) }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = TemplateOptions()
        site = try container.decodeIfPresent(SiteMode.self, forKey: .site) ?? defaults.site
        siteField = try container.decodeIfPresent(String.self, forKey: .siteField) ?? defaults.siteField
        minSitePages = try container.decodeIfPresent(Int.self, forKey: .minSitePages) ?? defaults.minSitePages
        anchorShare = try container.decodeIfPresent(Double.self, forKey: .anchorShare) ?? defaults.anchorShare
        repeatPages = try container.decodeIfPresent(Int.self, forKey: .repeatPages) ?? defaults.repeatPages
        ownShare = try container.decodeIfPresent(Double.self, forKey: .ownShare) ?? defaults.ownShare
        proseWords = try container.decodeIfPresent(Double.self, forKey: .proseWords) ?? defaults.proseWords
        smallSitePages = try container.decodeIfPresent(Int.self, forKey: .smallSitePages) ?? defaults.smallSitePages
        crossSiteSites = try container.decodeIfPresent(Int.self, forKey: .crossSiteSites) ?? defaults.crossSiteSites
        emptyPageMinSitePages = try container.decodeIfPresent(Int.self, forKey: .emptyPageMinSitePages)
            ?? defaults.emptyPageMinSitePages
        removedLinesField = try container.decodeIfPresent(String.self, forKey: .removedLinesField) ?? defaults.removedLinesField
        summary = try container.decodeIfPresent(String.self, forKey: .summary) ?? defaults.summary
        summaryLines = try container.decodeIfPresent(Int.self, forKey: .summaryLines) ?? defaults.summaryLines
        if let problem = validationProblem {
            throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: problem))
        }
    }

    /// What is wrong with these options, if anything, in words a user can act on.
    public var validationProblem: String? {
        if minSitePages < 2 { return "min_site_pages must be 2 or more: one page has nothing to compare with" }
        if !(anchorShare > 0 && anchorShare <= 1) { return "anchor_share must be above 0 and at most 1" }
        if repeatPages < 2 { return "repeat_pages must be 2 or more" }
        if !(ownShare >= 0 && ownShare <= 1) { return "own_share must be between 0 and 1" }
        if proseWords < 0 { return "prose_words must be 0 or more" }
        if crossSiteSites < 2 { return "cross_site_sites must be 2 or more" }
        if summaryLines < 0 { return "summary_lines must be 0 or more" }
        if site == .field && siteField.isEmpty { return "site_field must name a field when site is 'field'" }
        return nil
    }
}
