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
    public var siteField = "site"
    public var minSitePages = 2
    public var anchorShare = 0.5
    public var repeatPages = 3
    public var ownShare = 0.6
    public var proseWords = 3.0
    public var smallSitePages = 10
    public var crossSiteSites = 3
    public var emptyPageMinSitePages = 5
    public var removedLinesField = ""
    public var summary = ""
    public var summaryLines = 25

    public init() {}

    public static let declarations: [OptionDeclaration<Self>] = [
        .init(
            "site", \.site,
            "How pages are grouped into sites: host (the URL's host without www.), field (site_field), batch (all together)."),
        .init("site_field", \.siteField, "The field that names a page's site when site is field."),
        .init("min_site_pages", \.minSitePages, "A site needs this many pages before anything is removed from them."),
        .init("anchor_share", \.anchorShare, "A line on at least this share of a site's pages is a template line wherever it appears."),
        .init(
            "repeat_pages", \.repeatPages,
            "A line on this many pages of a site (2 on sites of three pages or fewer) is repeated: not the page's own text."),
        .init(
            "own_share", \.ownShare,
            "A block between template lines is page content when at least this share of its words are in lines of its own (lines on two pages count half)…"
        ),
        .init("prose_words", \.proseWords, "…and its lines average at least this many words (menus and tables of contents do not)."),
        .init(
            "small_site_pages", \.smallSitePages,
            "On sites with fewer pages, lines repeated on cross_site_sites other sites are template lines too (cookie notices)."),
        .init("cross_site_sites", \.crossSiteSites, "The number of sites a line must be repeated on to be a template line everywhere."),
        .init(
            "empty_page_min_site_pages", \.emptyPageMinSitePages,
            "A page that is template from top to bottom is removed (reason template-only) only on sites with at least this many pages."),
        .init(
            "removed_lines_field", \.removedLinesField,
            "When not empty, the field that receives the removed lines as [first, end) line-number pairs."),
        .init("summary", \.summary, "When not empty, where the per-site summary of template lines is written (JSON)."),
        .init("summary_lines", \.summaryLines, "How many template lines per site the summary lists."),
    ]

    /// The field `removed_lines_field` names, when it names one.
    var addedFields: [AddedField] {
        removedLinesField.isEmpty
            ? [] : [AddedField(removedLinesField, "the removed lines", remedy: "give removed_lines_field another name")]
    }

    /// What is wrong with these options, if anything, in words a user can act on.
    public var validationProblem: String? {
        if AddedField.ofStages.contains(where: { $0.key == removedLinesField }) {
            return
                "removed_lines_field '\(removedLinesField)' is a field Winnow writes itself (a stage's, or a web archive document's): choose another name"
        }
        if minSitePages < 2 { return "min_site_pages must be 2 or more: one page has nothing to compare with" }
        if !(anchorShare > 0 && anchorShare <= 1) { return "anchor_share must be above 0 and at most 1" }
        if repeatPages < 2 { return "repeat_pages must be 2 or more" }
        if !(ownShare >= 0 && ownShare <= 1) { return "own_share must be between 0 and 1" }
        if proseWords < 0 { return "prose_words must be 0 or more" }
        if smallSitePages < 0 { return "small_site_pages must be 0 or more (0: no site counts the cross-site lines)" }
        if crossSiteSites < 2 { return "cross_site_sites must be 2 or more" }
        if emptyPageMinSitePages < 0 {
            return "empty_page_min_site_pages must be 0 or more (0: a page that is all template goes on any site)"
        }
        if summaryLines < 0 { return "summary_lines must be 0 or more" }
        if site == .field && siteField.isEmpty { return "site_field must name a field when site is 'field'" }
        return nil
    }
}
