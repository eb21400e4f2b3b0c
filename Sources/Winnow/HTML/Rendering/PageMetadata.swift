/// What a page states about itself, read while it is parsed; every field is optional because most
/// pages state only some of it.
public struct PageMetadata: Sendable, Equatable {
    /// `og:title`, else the `<title>` element.
    public var title: String?
    /// The `lang` attribute of `<html>`.
    public var language: String?
    /// `<link rel="canonical">`, else `og:url`.
    public var canonicalURL: String?
    /// The publication date as the page writes it (usually ISO 8601): `article:published_time`,
    /// `datePublished` (microdata or JSON-LD), a `date` meta tag, or the first `<time datetime>`.
    public var published: String?

    public init() {}

    var titleText: String?
    var openGraphTitle: String?
    var openGraphURL: String?
    /// The `href` of the page's first `<base>`: where its relative links start.
    var baseHref: String?
    var timeElementDate: String?

    /// Settles the fields whose sources have an order of preference.
    mutating func finish() {
        title = (Self.clean(openGraphTitle.map(Self.readingWindows1252Controls)) ?? Self.clean(titleText)).map {
            NormalizeOptions.UnicodeForm.nfc.applied(to: InvisibleCharacters.removing(from: $0))
        }
        canonicalURL = Self.address(canonicalURL) ?? Self.address(openGraphURL)
        published = Self.clean(published) ?? Self.clean(timeElementDate)
        language = Self.clean(language)
    }

    /// An attribute's text with its C1 controls read as Windows-1252, as the page's text is (the
    /// `<title>` too): `Windows1252Controls`.
    private static func readingWindows1252Controls(_ value: String) -> String {
        var value = value
        return value.withUTF8 { Windows1252Controls.replacing(in: $0) }.map { String(decoding: $0, as: UTF8.self) } ?? value
    }

    /// Reads a `<meta>` element's content under its key: its property, else its name, else its
    /// itemprop, lower-cased (one of `metaKeys`; others are passed over).
    mutating func meta(key: String, content: String) {
        switch key {
        case "og:title": openGraphTitle = openGraphTitle ?? content
        case "og:url": openGraphURL = openGraphURL ?? content
        case _ where Self.publishedKeys.contains(key): published = published ?? content
        default: break
        }
    }

    /// The keys (lowercase) of the `<meta>` elements that state the publication date.
    private static let publishedKeys = [
        "article:published_time", "datepublished", "date", "pubdate", "publishdate", "publish-date",
        "dc.date.issued", "dc.date", "dcterms.date", "sailthru.date", "parsely-pub-date",
    ]

    /// Every key (lowercase) of a `<meta>` element that `meta` reads; the others it passes over.
    static let metaKeys = ["og:title", "og:url"] + publishedKeys

    /// Reads the first `"datePublished"` string of a JSON-LD script (at most 64 bytes: a date).
    mutating func jsonLD(_ script: [UInt8]) {
        guard published == nil else { return }
        JSONLDStrings.forEach(Self.datePublishedKey, in: script) { value in
            if value.count <= 64 { published = String(decoding: value, as: UTF8.self) }
            return false
        }
    }

    private static let datePublishedKey = Array("\"datePublished\"".utf8)

    /// A link's URL as a browser reads it: ASCII tabs and line breaks removed, spaces and controls
    /// trimmed from both ends; nil when nothing is left or when it names another scheme than http or
    /// https (`javascript:`, `data:`, `mailto:`), which is no page's address.
    static func address(_ value: String?) -> String? {
        guard let value else { return nil }
        let kept = value.utf8.filter { $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }
        guard let first = kept.firstIndex(where: { $0 > 0x20 }), let last = kept.lastIndex(where: { $0 > 0x20 }) else { return nil }
        let url = kept[first...last]
        if let scheme = RelativeURL.scheme(of: url), !["http", "https"].contains(scheme) { return nil }
        return String(decoding: url, as: UTF8.self)
    }

    /// `url` resolved as the page's links are: against its `<base href>` (itself resolved against the
    /// page's address) or else the page's address, when one is a web address; else as it is. Nil when
    /// it resolves to no address ("//").
    func resolved(_ url: String, pageURL: String?) -> String? {
        var base = pageURL.flatMap { RelativeURL.isWebAddress($0) ? $0 : nil }
        if let href = Self.address(baseHref) {
            base = RelativeURL.isWebAddress(href) ? href : base.flatMap { RelativeURL.resolve(href, against: $0) }
        }
        guard let base else { return url }
        return RelativeURL.resolve(url, against: base)
    }

    /// The value with runs of whitespace folded to one space and none at either end; nil if nothing is left.
    static func clean(_ value: String?) -> String? {
        guard let value else { return nil }
        if let folded = foldedASCII(value) { return folded.isEmpty ? nil : folded }
        let folded = value.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return folded.isEmpty ? nil : folded
    }

    /// `clean`'s folding of an ASCII string, byte by byte (nil for any other string): its whitespace
    /// characters are tab, line feed, vertical tab, form feed, carriage return and space, and "\r\n",
    /// one character, is whitespace as both of its bytes are.
    private static func foldedASCII(_ value: String) -> String? {
        var value = value
        return value.withUTF8 { bytes -> String? in
            var folded: [UInt8] = []
            folded.reserveCapacity(bytes.count)
            var pendingSpace = false
            for byte in bytes {
                guard byte < 0x80 else { return nil }
                if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) {
                    pendingSpace = !folded.isEmpty
                    continue
                }
                if pendingSpace { folded.append(0x20) }
                pendingSpace = false
                folded.append(byte)
            }
            return String(decoding: folded, as: UTF8.self)
        }
    }
}
