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
    /// Found on the URL's bytes, whose delimiters are ASCII: a combining mark after a "/" or ":" does not
    /// hide it, as it would in a search by characters. As a browser reads it: spaces and controls around
    /// the URL and tabs and line breaks inside it are not part of it, and "\" ends a host as "/" does.
    static func host(of url: String) -> String {
        var url =
            url.utf8.contains(where: isTabOrLineBreak) ? String(decoding: url.utf8.filter { !isTabOrLineBreak($0) }, as: UTF8.self) : url
        return url.withUTF8 { bytes in
            guard let range = hostRange(in: bytes) else { return "" }
            let host = UnsafeBufferPointer(rebasing: bytes[range])
            if host.allSatisfy({ $0 < 0x80 }) { return asciiHost(host) }
            var lowered = String(decoding: host, as: UTF8.self).lowercased()
            if lowered.utf8.starts(with: www) { lowered = String(decoding: lowered.utf8.dropFirst(www.count), as: UTF8.self) }
            return lowered
        }
    }

    private static let www = Array("www.".utf8)

    private static func isTabOrLineBreak(_ byte: UInt8) -> Bool { byte == 0x09 || byte == 0x0A || byte == 0x0D }

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

    /// Where the host is in a URL's bytes, with a final "." left out; nil for a URL that names none.
    /// Spaces and C0 controls around the URL are not part of it.
    private static func hostRange(in whole: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
        let first = whole.firstIndex { $0 > 0x20 } ?? whole.count
        let last = whole.lastIndex { $0 > 0x20 }.map { $0 + 1 } ?? first
        return hostRange(inTrimmed: UnsafeBufferPointer(rebasing: whole[first..<last])).map {
            ($0.lowerBound + first)..<($0.upperBound + first)
        }
    }

    private static func hostRange(inTrimmed url: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
        var start = 0, end = url.count
        if url.count >= 3,
            let scheme = (0...(url.count - 3)).first(where: {
                url[$0] == UInt8(ascii: ":") && url[$0 + 1] == UInt8(ascii: "/") && url[$0 + 2] == UInt8(ascii: "/")
            })
        {
            start = scheme + 3
        } else if url.starts(with: [UInt8(ascii: "/"), UInt8(ascii: "/")]) {
            start = 2
        } else if hasNoHost(url) {
            return nil
        }
        if let cut = (start..<end).first(where: {
            url[$0] == UInt8(ascii: "/") || url[$0] == UInt8(ascii: "?") || url[$0] == UInt8(ascii: "#")
                || url[$0] == UInt8(ascii: "\\")
        }) {
            end = cut
        }
        if let at = (start..<end).last(where: { url[$0] == UInt8(ascii: "@") }) { start = at + 1 }
        if start < end && url[start] == UInt8(ascii: "[") {
            if let close = (start..<end).first(where: { url[$0] == UInt8(ascii: "]") }) { end = close + 1 }
        } else if let colon = (start..<end).last(where: { url[$0] == UInt8(ascii: ":") }) {
            end = colon
        }
        if start < end && url[end - 1] == UInt8(ascii: ".") { end -= 1 }
        return start..<end
    }

    /// An ASCII host lower-cased, without a leading "www.": most hosts fit in a small string, with no allocation.
    private static func asciiHost(_ host: UnsafeBufferPointer<UInt8>) -> String {
        func lowered(_ byte: UInt8) -> UInt8 { byte &- UInt8(ascii: "A") < 26 ? byte | 0x20 : byte }
        let start = host.count >= www.count && www.indices.allSatisfy({ lowered(host[$0]) == www[$0] }) ? www.count : 0
        return String(unsafeUninitializedCapacity: host.count - start) { lowercased in
            for index in start..<host.count { lowercased[index - start] = lowered(host[index]) }
            return host.count - start
        }
    }
}
