/// Removes the lines a page shares with the other pages of its site: banners, dated headers,
/// contact lines, menus, teaser lists, footers. A corpus stage: it counts every page's folded lines
/// per site first (map, merge), then decides page by page (`TemplateRemover`).
public struct TemplatesStage: RegisteredStage, RetractableCorpusStage {
    public typealias Tally = TemplateCounts
    public static let stageName = "templates"
    public static let summary = "lines repeated across the pages of a site (headers, menus, banners, teasers, footers)"

    public let options: TemplateOptions

    public static let reportFeeds = [ReportFeed(option: "summary", file: "templates.json")]

    public var sideFiles: [SideFile] {
        options.summary.isEmpty
            ? [] : [SideFile(role: "templates summary", path: options.summary, recordedAs: \RunSummary.Outputs.templateSummary)]
    }

    public init(options: TemplateOptions) {
        self.options = options
    }

    public func map(_ document: Document, into tally: inout TemplateCounts) {
        _ = count(document, into: &tally)
    }

    /// Map, carrying the page's folded lines (`CarriedLines`) so that the apply step need not fold them again.
    public func mapCarried(_ document: Document, into tally: inout TemplateCounts) -> CarriedValue? {
        count(document, into: &tally).map { .bytes(CarriedLines.encode($0.page)) }
    }

    /// Map, appending the page's site and distinct line keys (`TemplateCounts.PageEntry`) to `contribution`.
    public func mapRetractable(
        _ document: Document, into tally: inout TemplateCounts, contribution: inout [UInt8]
    ) -> CarriedValue? {
        guard let (page, entry) = count(document, into: &tally) else { return nil }
        entry.encode(to: &contribution)
        return .bytes(CarriedLines.encode(page))
    }

    /// Notes the document's origin as covered, folds the page's lines and counts them in its site;
    /// nil for a document without text.
    private func count(
        _ document: Document, into tally: inout TemplateCounts
    ) -> (page: PageLines, entry: TemplateCounts.PageEntry)? {
        tally.covered.add(document.origin)
        guard let page = document.withTextUTF8(PageLines.init) else { return nil }
        let entry = TemplateCounts.PageEntry(
            site: SiteKey.of(document, options: options), distinctKeys: page.distinctKeys, fingerprint: page.fingerprint)
        tally.addPage(site: entry.site, distinctKeys: entry.distinctKeys, fingerprint: entry.fingerprint)
        return (page, entry)
    }

    public func retract(_ contribution: ArraySlice<UInt8>, from tally: inout TemplateCounts) -> Bool {
        guard !contribution.isEmpty else { return true }
        guard let entry = TemplateCounts.PageEntry(decoding: contribution) else { return false }
        return tally.removePage(site: entry.site, distinctKeys: entry.distinctKeys, fingerprint: entry.fingerprint)
    }

    public var addedFields: [AddedField] { options.addedFields }

    public func apply(using tally: TemplateCounts) -> any DocumentStage {
        apply(using: tally, crossSite: nil)
    }

    /// The apply step from counts of some sites only, with the corpus's cross-site lines given apart;
    /// with `summaryPart`, it writes there this shard's part of the template summary (`TemplateSummaryPart`).
    public func apply(using tally: TemplateCounts, crossSite: Set<UInt64>?, summaryPart: String? = nil) -> any DocumentStage {
        TemplateRemover(model: TemplateModel(counts: tally, options: options, crossSite: crossSite), summaryPart: summaryPart)
    }
}
