/// Which site a page belongs to: the pages of one site are compared with each other.
enum SiteKey {
    /// The site of `document` under `options`; "" groups pages that have no URL (or no site field, or null).
    static func of(_ document: Document, options: TemplateOptions) -> String {
        switch options.site {
        case .batch: return ""
        case .field: return fieldValue(document, options.siteField)
        case .host: return document.url.map(host(of:)) ?? ""
        }
    }

    /// A site field's string, or the JSON text of another value (`"site":101` is site `101`): pages
    /// whose site is a number were all one site "" with the pages that have none.
    private static func fieldValue(_ document: Document, _ name: String) -> String {
        if let string = document.stringField(name) { return string }
        guard let raw = document.rawField(name), raw != "null" else { return "" }
        return raw
    }

    /// The host of a URL, lower-cased, without user info, port or a leading "www.": "https://WWW.Example.org:8080/a" → "example.org".
    static func host(of url: String) -> String {
        var bytes = url
        return bytes.withUTF8(asciiHost(of:)) ?? unicodeHost(of: url)
    }

    /// `host(of:)` for any URL, character by character.
    static func unicodeHost(of url: String) -> String {
        var rest = Substring(url)
        if let scheme = rest.range(of: "://") {
            rest = rest[scheme.upperBound...]
        } else if rest.hasPrefix("//") {
            rest = rest.dropFirst(2)
        } else if hasNoHost(url.utf8) {
            return ""
        }
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

    private static let www = Array("www.".utf8)

    /// Whether a URL without "://" opens with a scheme that names no host ("mailto:", "javascript:",
    /// "data:"): a scheme's name and a colon that no port number follows ("localhost:8080" has a host).
    private static func hasNoHost(_ url: some Collection<UInt8>) -> Bool {
        guard let first = url.first, ASCIIByte.isLetter(first), let colon = url.firstIndex(of: UInt8(ascii: ":")) else {
            return false
        }
        let isSchemeByte = { (byte: UInt8) in
            ASCIIByte.isLetter(byte) || ASCIIByte.isDigit(byte) || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-")
                || byte == UInt8(ascii: ".")
        }
        guard url[..<colon].allSatisfy(isSchemeByte) else { return false }
        let after = url[url.index(after: colon)...].first
        return !(after.map(ASCIIByte.isDigit) ?? false)
    }

    /// `host(of:)` for an all-ASCII URL (nearly every one), on its bytes: the same steps without
    /// Foundation's search and grapheme breaking; nil for any other URL.
    private static func asciiHost(of url: UnsafeBufferPointer<UInt8>) -> String? {
        var start = 0, end = url.count
        for byte in url where byte >= 0x80 { return nil }
        if url.count >= 3,
            let scheme = (0...(url.count - 3)).first(where: {
                url[$0] == UInt8(ascii: ":") && url[$0 + 1] == UInt8(ascii: "/") && url[$0 + 2] == UInt8(ascii: "/")
            })
        {
            start = scheme + 3
        } else if url.starts(with: [UInt8(ascii: "/"), UInt8(ascii: "/")]) {
            start = 2
        } else if hasNoHost(url) {
            return ""
        }
        if let cut = (start..<end).first(where: {
            url[$0] == UInt8(ascii: "/") || url[$0] == UInt8(ascii: "?") || url[$0] == UInt8(ascii: "#")
        }) {
            end = cut
        }
        if let at = (start..<end).last(where: { url[$0] == UInt8(ascii: "@") }) { start = at + 1 }
        if start < end && url[start] == UInt8(ascii: "[") {
            if let close = (start..<end).first(where: { url[$0] == UInt8(ascii: "]") }) { end = close + 1 }
        } else if let colon = (start..<end).last(where: { url[$0] == UInt8(ascii: ":") }) {
            end = colon
        }
        func lowered(_ byte: UInt8) -> UInt8 { byte &- UInt8(ascii: "A") < 26 ? byte | 0x20 : byte }
        if start < end && url[end - 1] == UInt8(ascii: ".") { end -= 1 }
        if end - start >= www.count && www.indices.allSatisfy({ lowered(url[start + $0]) == www[$0] }) { start += www.count }
        // Lower-cased straight into the string: most hosts fit in a small string, with no allocation.
        return String(unsafeUninitializedCapacity: end - start) { host in
            for index in 0..<(end - start) { host[index] = lowered(url[start + index]) }
            return end - start
        }
    }
}
