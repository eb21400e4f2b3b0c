/// Links resolved as a browser resolves them on an http(s) page: RFC 3986's algorithm, with a backslash
/// read as a slash and a host required, and every character kept as the page wrote it (an absolute link
/// is kept as written too, so the two spellings of one address agree).
enum RelativeURL {
    /// The scheme a URL starts with, lower-cased ("https" of "HTTPS://…"); nil for a relative URL.
    static func scheme<Bytes: Collection<UInt8>>(of url: Bytes) -> String? {
        guard let colon = url.firstIndex(of: UInt8(ascii: ":")), colon != url.startIndex else { return nil }
        let name = url[..<colon].map(ASCIIByte.lowercased)
        // A letter, then letters, digits, "+", "-" or ".".
        guard name[0] >= UInt8(ascii: "a") && name[0] <= UInt8(ascii: "z"),
            name.allSatisfy({ ASCIIByte.isLowercaseAlphanumeric($0) || $0 == 0x2B || $0 == 0x2D || $0 == 0x2E })
        else { return nil }
        return String(decoding: name, as: UTF8.self)
    }

    /// Whether `url` is an absolute http or https address with a host.
    static func isWebAddress(_ url: String) -> Bool {
        webScheme(of: url) != nil
    }

    /// The scheme ("http" or "https") of an absolute http or https address with a host; else nil.
    private static func webScheme(of url: String) -> String? {
        guard let scheme = scheme(of: url.utf8), scheme == "http" || scheme == "https" else { return nil }
        let rest = url.utf8.dropFirst(scheme.utf8.count + 1)
        return rest.starts(with: "//".utf8) && rest.dropFirst(2).first.map { !"/?#\\".utf8.contains($0) } == true ? scheme : nil
    }

    /// `reference` resolved against `base` (a web address); nil when `base` is none, or the result
    /// would have no host ("//"). An absolute `reference` is returned as it is.
    static func resolve(_ reference: String, against base: String) -> String? {
        if scheme(of: reference.utf8) != nil { return reference }
        guard let scheme = webScheme(of: base) else { return nil }
        // A browser reads a backslash in the path (not the query or fragment) as a slash.
        let pathEnd = reference.firstIndex { $0 == "?" || $0 == "#" } ?? reference.endIndex
        let link = Substring(reference[..<pathEnd].replacingOccurrences(of: "\\", with: "/") + reference[pathEnd...])
        let address = base.dropFirst(scheme.count + 3)
        let authority = address.prefix { !"/?#".contains($0) }
        let origin = scheme + "://" + authority
        let withoutFragment = address[authority.endIndex...].prefix { $0 != "#" }
        let path = withoutFragment.prefix { $0 != "?" }
        let query = withoutFragment[path.endIndex...]
        if link.hasPrefix("//") {
            let host = link.drop { $0 == "/" }
            guard let first = host.first, !"?#".contains(first) else { return nil }
            let hostEnd = host.firstIndex { "/?#".contains($0) } ?? host.endIndex
            let hostPath = host[hostEnd...].prefix { $0 != "?" && $0 != "#" }
            let dotless = hostPath.isEmpty ? "" : removingDotSegments(hostPath)
            return scheme + "://" + host[..<hostEnd] + dotless + host[hostPath.endIndex...]
        }
        let linkPath = link.prefix { $0 != "?" && $0 != "#" }
        let linkRest = link[linkPath.endIndex...]
        if linkPath.isEmpty {
            if linkRest.hasPrefix("#") { return origin + path + query + linkRest }
            return origin + path + (linkRest.isEmpty ? query : linkRest)
        }
        if linkPath.hasPrefix("/") { return origin + removingDotSegments(linkPath) + linkRest }
        let directory = path.isEmpty ? "/" : path[...(path.lastIndex(of: "/") ?? path.startIndex)]
        return origin + removingDotSegments(directory + linkPath) + linkRest
    }

    /// RFC 3986's remove_dot_segments on an absolute path: "/a/b/../c/./d" → "/a/c/d".
    static func removingDotSegments<Path: StringProtocol>(_ path: Path) -> String {
        var segments: [Substring] = []
        let parts = path.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
        for (index, part) in parts.enumerated() {
            let last = index == parts.count - 1
            switch part {
            case ".": if last { segments.append("") }
            case "..":
                if !segments.isEmpty { segments.removeLast() }
                if last { segments.append("") }
            default: segments.append(Substring(part))
            }
        }
        return "/" + segments.joined(separator: "/")
    }
}
