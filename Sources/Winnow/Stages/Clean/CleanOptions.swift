/// How the `clean` stage turns a page's HTML into text; the defaults suit article-like pages.
public struct CleanOptions: StageOptions {
    /// What the extractor keeps of a page: main content or all text, title, tables, links, size limit.
    public var extraction = HTMLExtractor.Settings()
    public var metadata = true
    public var keepHTML = false
    public var charsetField = "content_type"
    public var dropEmpty = true

    public init() {}

    public static let declarations: [OptionDeclaration<Self>] = [
        .init("main_content", \.extraction.mainContent, "Only the main content (true), or all visible text of the page (false)."),
        .init("title", \.extraction.title, "Start the text with the page title."),
        .init("tables", \.extraction.tables, "Keep tables in the text."),
        .init("links", \.extraction.links, "Keep blocks that are mostly links inside the main content (menus, teaser lists)."),
        .init(
            "metadata", \.metadata,
            "Write title, language, canonical_url and published fields when the page states them; an absolute canonical URL also becomes the url of a record that has none."
        ),
        .init("keep_html", \.keepHTML, "Keep the html field in the output (dropped by default: the text replaces it)."),
        .init("charset_field", \.charsetField, "The field that may hold the HTTP Content-Type or charset the page was served with."),
        .init("max_bytes", \.extraction.maxBytes, "Pages over this many bytes are removed (reason html-too-large) instead of parsed."),
        .init("drop_empty", \.dropEmpty, "Remove a page whose text comes out empty (reason no-text)."),
        .init(
            "disabled_rules", \.extraction.disabledRules,
            "Main-content rules switched off, by name, separated by commas (docs/rules.md lists them); for measuring a rule."),
    ]

    public var validationProblem: String? {
        extraction.maxBytes > 0 ? nil : "max_bytes must be positive"
    }
}
