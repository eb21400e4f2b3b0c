#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Turns a page's bytes into valid UTF-8 for the parser. The encoding comes from, in order: a byte
/// order mark; a declared UTF-16 or UTF-32 that the bytes read as markup in (`declaredWideEncoding`);
/// valid UTF-8 (a page that decodes as UTF-8 is UTF-8, whatever it declares, but a 7-bit page with
/// ISO-2022's escapes that declares it, `iso2022Encoding`); the
/// charset the record or HTTP header declared, unless it is UTF-8 the bytes are not; the page's
/// `<meta charset>` or `http-equiv`; then a
/// fallback that tells damaged UTF-8 from Windows-1252 by counting well-formed multi-byte sequences.
/// Labels name encodings as the WHATWG standard's do (`WebEncodings`); one it does not define is no
/// declaration. Other encodings go through iconv; a byte that cannot be decoded becomes U+FFFD. The C0
/// controls but tab, line feed and carriage return become spaces (`becomesSpace`).
enum CharsetDecoder {
    /// The decoded page and the encoding it was read as.
    struct Decoded {
        var utf8: [UInt8]
        var encoding: String
        /// The UTF-8 would be longer than the limit (no encoding of `WebEncodings` writes more than 4
        /// bytes a byte, but a caller may set a lower one): `utf8` is empty, and the page is not read.
        var tooLarge = false
    }

    /// The most UTF-8 bytes that a page within `maxBytes` may decode to through iconv.
    static func limit(maxBytes: Int) -> Int {
        let (limit, overflow) = maxBytes.multipliedReportingOverflow(by: 4)
        return overflow ? .max : limit
    }

    /// `knownValid`: the bytes are a Swift string's, valid UTF-8 already, so they are not checked again.
    /// `limit`: the most UTF-8 bytes iconv may make of them (`tooLarge` beyond it).
    static func decode(_ bytes: [UInt8], declared: String?, knownValid: Bool = false, limit: Int = .max) -> Decoded {
        /// iconv's UTF-8 for `rest`, else the page as damaged UTF-8.
        func converted(_ rest: ArraySlice<UInt8>, from encoding: String, named name: String) -> Decoded {
            convert(rest, from: encoding, limit: limit).map { decoded($0, as: name) }
                ?? Decoded(utf8: repairUTF8(bytes[...]), encoding: name)
        }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            return Decoded(utf8: repairUTF8(bytes.dropFirst(3)), encoding: "utf-8")
        }
        // UTF-32's marks first: little-endian's starts as UTF-16's does.
        if bytes.starts(with: [0xFF, 0xFE, 0x00, 0x00]) { return converted(bytes.dropFirst(4), from: "UTF-32LE", named: "utf-32le") }
        if bytes.starts(with: [0x00, 0x00, 0xFE, 0xFF]) { return converted(bytes.dropFirst(4), from: "UTF-32BE", named: "utf-32be") }
        if bytes.starts(with: [0xFF, 0xFE]) { return converted(bytes.dropFirst(2), from: "UTF-16LE", named: "utf-16le") }
        if bytes.starts(with: [0xFE, 0xFF]) { return converted(bytes.dropFirst(2), from: "UTF-16BE", named: "utf-16be") }
        if !knownValid, let encoding = declaredWideEncoding(bytes, declared: declared),
            let conversion = convert(bytes[...], from: encoding, limit: limit)
        {
            return decoded(conversion, as: encoding.lowercased())
        }
        let invalid = knownValid ? nil : bytes.withUnsafeBufferPointer { UTF8Validation.firstInvalidOffset($0) }
        if invalid == nil {
            // An ISO-2022 page (Japanese mail-era pages) is 7-bit, so valid UTF-8 too: its declared
            // encoding is believed when the bytes hold the escapes that shift it.
            if !knownValid, let (iconvName, name) = iso2022Encoding(bytes, declared: declared),
                let conversion = convert(bytes[...], from: iconvName, limit: limit)
            {
                return decoded(conversion, as: name)
            }
            return Decoded(utf8: containsSpaceBytes(bytes) ? repairUTF8(bytes[...]) : bytes, encoding: "utf-8")
        }
        // The declared charset, then the page's own: a server that says UTF-8 for every page it serves
        // sends a Windows-1251 page whose `<meta>` says so.
        var encodings = [declared.flatMap(charset(inContentType:)), metaCharset(bytes)].compactMap { $0 }.compactMap(canonical)
        if encodings.count == 2 && encodings[0] == encodings[1] { encodings.removeLast() }
        for encoding in encodings.isEmpty ? [utf8] : encodings {
            if encoding == utf8 {
                if mostlyUTF8(bytes) { return Decoded(utf8: repairUTF8(bytes[...]), encoding: "utf-8") }
            } else if let iconvName = encoding.iconv {
                if let conversion = convert(bytes[...], from: iconvName, limit: limit) { return decoded(conversion, as: encoding.name) }
            } else {
                return Decoded(utf8: userDefined(bytes), encoding: encoding.name)
            }
        }
        return converted(bytes[...], from: "WINDOWS-1252", named: "windows-1252")
    }

    /// The UTF-16 or UTF-32 encoding (an iconv name) that `declared` names, when the page's first 4 KB
    /// read as markup in it. Without a byte order mark such a page is full of NUL bytes, so it has to be
    /// told before the binary sniff and the UTF-8 check, which take it for binary or for UTF-8 with NULs;
    /// bytes that do not read as markup (binary, or a UTF-8 page so labelled) get nil and go the usual way.
    static func declaredWideEncoding(_ bytes: [UInt8], declared: String?) -> String? {
        guard let declared, let label = charset(inContentType: declared), let (candidates, unit) = wide(label) else {
            return nil
        }
        let head = bytes.prefix(min(bytes.count, 4096) / unit * unit)
        return candidates.first { encoding in
            guard case .utf8(let utf8, let replaced)? = iconvConvert(head, from: encoding) else { return false }
            return readsAsMarkup(utf8, replaced: replaced)
        }
    }

    /// The iconv encodings a UTF-16 or UTF-32 label (or iconv name, any case) may mean, in the order to
    /// try them, and the bytes of their code unit; nil for any other label.
    private static func wide(_ label: String) -> (candidates: [String], unit: Int)? {
        switch label.lowercased() {
        case "utf-16le", "utf-16be": ([label.uppercased()], 2)
        // A bare "utf-16" is little-endian on the web (WHATWG), though iconv reads it big-endian.
        case "utf-16", "ucs-2", "unicode", "csunicode", "iso-10646-ucs-2", "unicodefeff": (["UTF-16LE", "UTF-16BE"], 2)
        case "unicodefffe": (["UTF-16BE"], 2)
        case "utf-32le", "utf-32be": ([label.uppercased()], 4)
        case "utf-32", "ucs-4": (["UTF-32LE", "UTF-32BE"], 4)
        default: nil
        }
    }

    /// Whether decoded text looks like an HTML page's start: it has a `<`, at least a quarter of its
    /// characters are ASCII (markup is, whatever the language), and at most one in twenty is a control
    /// character or an undecodable unit. Random bytes read as UTF-16 fail the ASCII share.
    private static func readsAsMarkup(_ utf8: [UInt8], replaced: Int) -> Bool {
        var characters = 0
        var ascii = 0
        var controls = 0
        for byte in utf8 where byte & 0xC0 != 0x80 {
            characters += 1
            if byte < 0x80 { ascii += 1 }
            if byte < 0x09 || (byte >= 0x0E && byte < 0x20) { controls += 1 }
        }
        return characters > 0 && utf8.contains(UInt8(ascii: "<")) && ascii * 4 >= characters
            && (controls + replaced) * 20 <= characters
    }

    /// The `charset=` parameter of a Content-Type value, or the value itself when it is a bare label.
    static func charset(inContentType value: String) -> String? {
        let lower = value.lowercased()
        guard let range = lower.range(of: "charset=") else {
            return lower.contains("/") || lower.isEmpty ? nil : String(lower.filter { $0 != " " && $0 != "\"" && $0 != "'" })
        }
        let rest = lower[range.upperBound...].drop { $0 == "\"" || $0 == "'" || $0 == " " }
        let label = rest.prefix { $0.isLetter || $0.isNumber || "-_:.".contains($0) }
        return label.isEmpty ? nil : String(label)
    }

    /// The ISO-2022 encoding that the record, the HTTP header or a `<meta>` declares, when the page is
    /// 7-bit and holds an escape that designates a character set (ESC $ or ESC (), as ISO-2022 text
    /// does and UTF-8 text does not (a terminal colour code is ESC [): its iconv name and its name.
    private static func iso2022Encoding(_ bytes: [UInt8], declared: String?) -> (iconv: String, name: String)? {
        guard let escape = bytes.withUnsafeBufferPointer({ ByteSearch.firstOffset(of: 0x1B, in: $0, from: 0) }),
            escape + 1 < bytes.count, bytes[escape + 1] == UInt8(ascii: "$") || bytes[escape + 1] == UInt8(ascii: "("),
            let label = declared.flatMap(charset(inContentType:)) ?? metaCharset(bytes),
            let encoding = WebEncodings.encoding(label), encoding.name.hasPrefix("iso-2022-"), let iconvName = encoding.iconv,
            !bytes.contains(where: { $0 >= 0x80 })
        else { return nil }
        return (iconvName, encoding.name)
    }

    /// The charset a `<meta>` element in the first 16 KB declares.
    static func metaCharset(_ bytes: [UInt8]) -> String? {
        let head = bytes.prefix(16 << 10).map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
        var searchFrom = head.startIndex
        while let meta = ByteSearch.firstOffset(of: Array("<meta".utf8), in: head[searchFrom...]) {
            let tagStart = meta + 5
            let tagEnd = head[tagStart...].firstIndex(of: UInt8(ascii: ">")) ?? head.endIndex
            let tag = String(decoding: head[tagStart..<tagEnd], as: UTF8.self)
            if let label = charset(inContentType: tag.replacingOccurrences(of: " ", with: "")), tag.contains("charset") {
                return label
            }
            searchFrom = tagEnd
        }
        return nil
    }

    /// UTF-8, as `canonical` gives it.
    private static let utf8 = WebEncodings.Encoding(name: "utf-8", iconv: nil)

    /// The encoding a label names (`WebEncodings`), nil for one the standard does not define or reads as
    /// one U+FFFD. A UTF-16 label is UTF-8 here, as WHATWG reads one in `<meta>`: a page read this far is
    /// no such thing (one that is came with a byte order mark, or was told by `declaredWideEncoding`).
    private static func canonical(_ label: String) -> WebEncodings.Encoding? {
        guard let encoding = WebEncodings.encoding(label), !encoding.sevenBitOnly else { return nil }
        return encoding.name.hasPrefix("utf-16") ? utf8 : encoding
    }

    /// x-user-defined's UTF-8: ASCII as it is, each other byte U+F700 plus the byte (U+F780 to U+F7FF).
    private static func userDefined(_ bytes: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        for byte in bytes {
            if byte < 0x80 {
                output.append(becomesSpace(byte) ? UInt8(ascii: " ") : byte)
            } else {
                output.append(contentsOf: [0xEF, 0x9E | (byte >> 6 & 0x01), 0x80 | (byte & 0x3F)])
            }
        }
        return output
    }

    /// True when well-formed multi-byte sequences outnumber the broken ones: UTF-8 with a few bad
    /// bytes, rather than a single-byte encoding.
    private static func mostlyUTF8(_ bytes: [UInt8]) -> Bool {
        var good = 0
        var bad = 0
        var i = 0
        while i < bytes.count {
            let lead = bytes[i]
            if lead < 0x80 { i += 1; continue }
            let length = lead >= 0xF0 && lead <= 0xF4 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC2 && lead <= 0xDF ? 2 : 0
            if length > 0, i + length <= bytes.count, bytes[(i + 1)..<(i + length)].allSatisfy({ $0 & 0xC0 == 0x80 }) {
                good += 1
                i += length
            } else {
                bad += 1
                i += 1
            }
        }
        return good > bad
    }

    /// Valid UTF-8 out of nearly-valid UTF-8: each bad byte becomes U+FFFD, a control a space (`becomesSpace`).
    static func repairUTF8(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + 16)
        var rest = bytes
        while !rest.isEmpty {
            let bad = rest.withUnsafeBufferPointer { UTF8Validation.firstInvalidOffset($0) }
            let goodEnd = rest.startIndex + (bad ?? rest.count)
            for byte in rest[rest.startIndex..<goodEnd] { output.append(becomesSpace(byte) ? UInt8(ascii: " ") : byte) }
            guard bad != nil else { break }
            output.append(contentsOf: [0xEF, 0xBF, 0xBD])
            rest = rest[(goodEnd + 1)...]
        }
        return output
    }

    /// Bytes the parser gets as spaces: the C0 controls but tab, line feed and carriage return, which
    /// libxml2 drops as not XML, gluing the words on either side into one. A browser shows form feed
    /// as white space and the others (vertical tab, NUL, BEL, ESC) as a glyph of their own between the words.
    static func becomesSpace(_ byte: UInt8) -> Bool {
        byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D
    }

    /// Whether any byte `becomesSpace`, eight bytes at a time rather than a loop over every byte.
    private static func containsSpaceBytes(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { buffer in
            let found = ByteSetScan.firstMember(
                of: buffer, from: 0,
                flags: { word in
                    ByteSetScan.exactlyBelow(word, 0x20)
                        & ~(ByteSetScan.exactlyEqual(word, 0x09) | ByteSetScan.exactlyEqual(word, 0x0A)
                        | ByteSetScan.exactlyEqual(word, 0x0D))
                },
                isMember: becomesSpace)
            return found < buffer.count
        }
    }

    /// What iconv made of a page.
    private enum Conversion {
        /// Its UTF-8, each unit iconv could not decode a U+FFFD, and how many those were.
        case utf8([UInt8], replaced: Int)
        /// Nothing: the UTF-8 would be longer than the limit.
        case tooLarge
    }

    /// The page as `conversion` gives it, read as `encoding`.
    private static func decoded(_ conversion: Conversion, as encoding: String) -> Decoded {
        switch conversion {
        case .utf8(let utf8, _): Decoded(utf8: utf8, encoding: encoding)
        case .tooLarge: Decoded(utf8: [], encoding: encoding, tooLarge: true)
        }
    }

    /// Converts with iconv; a byte iconv cannot decode becomes U+FFFD and decoding goes on after it.
    /// Nil when iconv does not know the encoding.
    private static func convert(_ bytes: ArraySlice<UInt8>, from encoding: String, limit: Int) -> Conversion? {
        let conversion = iconvConvert(bytes, from: encoding, limit: limit)
        guard case .utf8(var output, let replaced)? = conversion else { return conversion }
        for index in output.indices where becomesSpace(output[index]) { output[index] = UInt8(ascii: " ") }
        return .utf8(output, replaced: replaced)
    }

    /// iconv's conversion of `bytes` to UTF-8 of at most `limit` bytes; controls are left as
    /// they are. Nil when iconv does not know the encoding.
    private static func iconvConvert(_ bytes: ArraySlice<UInt8>, from encoding: String, limit: Int = .max) -> Conversion? {
        let converter = iconv_open("UTF-8", encoding)
        guard converter != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(converter) }
        // An undecodable unit is skipped whole, so that the rest of a UTF-16 page (a lone surrogate in
        // it, say) stays aligned.
        let unit = wide(encoding)?.unit ?? 1
        var input = Array(bytes)
        // An encoding that took more than 4 UTF-8 bytes a byte would fill the buffer, and the page is then
        // converted again from the start into a larger one, up to the limit. Not resumed where it stopped:
        // glibc's stateful encodings (TSCII) repeat characters after an output buffer filled mid-sequence.
        var capacity = min(input.count * 4 + 16, limit)
        while true {
            if let converted = iconvConvert(&input, with: converter, unit: unit, capacity: capacity) {
                return .utf8(converted.utf8, replaced: converted.replaced)
            }
            guard capacity < limit else { return .tooLarge }
            capacity = capacity > limit / 2 ? limit : capacity * 2
            _ = iconv(converter, nil, nil, nil, nil)
        }
    }

    /// One conversion of `input` into at most `capacity` bytes; nil when they do not hold it all.
    private static func iconvConvert(
        _ input: inout [UInt8], with converter: iconv_t?, unit: Int, capacity: Int
    ) -> (utf8: [UInt8], replaced: Int)? {
        var output = [UInt8](repeating: 0, count: capacity)
        var written = 0
        var replaced = 0
        let inputCount = input.count
        let complete = input.withUnsafeMutableBufferPointer { source in
            output.withUnsafeMutableBufferPointer { target in
                var inPointer = source.baseAddress.map { UnsafeMutableRawPointer($0).assumingMemoryBound(to: CChar.self) }
                var inLeft = inputCount
                var outPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(target.baseAddress!).assumingMemoryBound(
                    to: CChar.self)
                var outLeft = target.count
                defer { written = target.count - outLeft }
                while inLeft > 0 {
                    if iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft) != -1 { break }
                    // E2BIG, or no room for U+FFFD: the output is full, not the input done.
                    if errno == E2BIG || outLeft < 3 { return false }
                    // EILSEQ, or EINVAL (a sequence cut by the end of the input): the unit becomes U+FFFD.
                    for byte: UInt8 in [0xEF, 0xBF, 0xBD] {
                        outPointer!.pointee = CChar(bitPattern: byte)
                        outPointer! += 1
                    }
                    outLeft -= 3
                    let skipped = min(unit, inLeft)
                    inPointer! += skipped
                    inLeft -= skipped
                    replaced += 1
                }
                // A stateful encoding may hold back characters until told that the input has ended.
                return iconv(converter, nil, nil, &outPointer, &outLeft) != -1 || errno != E2BIG
            }
        }
        guard complete else { return nil }
        output.removeSubrange(written...)
        return (output, replaced)
    }
}
