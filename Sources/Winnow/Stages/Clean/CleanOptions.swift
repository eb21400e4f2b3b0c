/// How the `clean` stage turns a page's HTML into text; the defaults suit article-like pages.
public struct CleanOptions: StageOptions {
    /// Only the main content (true), or all visible text of the page (false).
    public var mainContent = true
    /// Start the text with the page title.
    public var title = false
    /// Keep tables in the text.
    public var tables = true
    /// Keep blocks that are mostly links inside the main content (menus, teaser lists).
    public var links = false
    /// Write `title`, `language`, `canonical_url` and `published` fields when the page states them.
    public var metadata = true
    /// Keep the `html` field in the output (dropped by default: the text replaces it).
    public var keepHTML = false
    /// The field that may hold the HTTP Content-Type or charset the page was served with.
    public var charsetField = "content_type"
    /// Pages over this many bytes are removed (reason `html-too-large`) instead of parsed.
    public var maxBytes = 32 << 20
    /// Remove a page whose text comes out empty (reason `no-text`).
    public var dropEmpty = true

    public init() {}

    enum CodingKeys: String, CodingKey, CaseIterable {
        case mainContent = "main_content"
        case title
        case tables
        case links
        case metadata
        case keepHTML = "keep_html"
        case charsetField = "charset_field"
        case maxBytes = "max_bytes"
        case dropEmpty = "drop_empty"
    }

    public static var keys: [String] { CodingKeys.allCases.map(\.rawValue) }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = CleanOptions()
        mainContent = try container.decodeIfPresent(Bool.self, forKey: .mainContent) ?? defaults.mainContent
        title = try container.decodeIfPresent(Bool.self, forKey: .title) ?? defaults.title
        tables = try container.decodeIfPresent(Bool.self, forKey: .tables) ?? defaults.tables
        links = try container.decodeIfPresent(Bool.self, forKey: .links) ?? defaults.links
        metadata = try container.decodeIfPresent(Bool.self, forKey: .metadata) ?? defaults.metadata
        keepHTML = try container.decodeIfPresent(Bool.self, forKey: .keepHTML) ?? defaults.keepHTML
        charsetField = try container.decodeIfPresent(String.self, forKey: .charsetField) ?? defaults.charsetField
        maxBytes = try container.decodeIfPresent(Int.self, forKey: .maxBytes) ?? defaults.maxBytes
        dropEmpty = try container.decodeIfPresent(Bool.self, forKey: .dropEmpty) ?? defaults.dropEmpty
        guard maxBytes > 0 else {
            throw DecodingError.dataCorrupted(.init(codingPath: [CodingKeys.maxBytes], debugDescription: "must be positive"))
        }
    }

    /// The extractor settings these options ask for.
    var extractorSettings: HTMLExtractor.Settings {
        var settings = HTMLExtractor.Settings()
        settings.mainContent = mainContent
        settings.title = title
        settings.tables = tables
        settings.links = links
        settings.maxBytes = maxBytes
        return settings
    }
}
