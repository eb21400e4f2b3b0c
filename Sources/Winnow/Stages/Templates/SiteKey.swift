/// Which site a page belongs to: the pages of one site are compared with each other.
public enum SiteKey {
    /// The site of `document` under `options`; "" groups pages that have no URL (or no site field).
    public static func of(_ document: Document, options: TemplateOptions) -> String {
        switch options.site {
        case .batch: return ""
        case .field: return document.stringField(options.siteField) ?? ""
        case .host: return document.url.map(host(of:)) ?? ""
        }
    }

    /// The host of a URL, lower-cased, without user info, port or a leading "www.": "https://WWW.Example.org:8080/a" → "example.org".
    public static func host(of url: String) -> String {
        var rest = Substring(url)
        if let scheme = rest.range(of: "://") { rest = rest[scheme.upperBound...] }
        if let end = rest.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) { rest = rest[..<end] }
        if let at = rest.lastIndex(of: "@") { rest = rest[rest.index(after: at)...] }
        if rest.hasPrefix("[") {
            if let close = rest.firstIndex(of: "]") { rest = rest[...close] }
        } else if let colon = rest.lastIndex(of: ":") {
            rest = rest[..<colon]
        }
        var host = rest.lowercased()
        if host.hasSuffix(".") { host.removeLast() }
        if host.hasPrefix("www.") { host.removeFirst(4) }
        return host
    }
}
