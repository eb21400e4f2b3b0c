/// Turns one JSONL record into a `Document`, or explains why it cannot.
public struct DocumentDecoder: Sendable {
    public let fields: FieldNames
    /// Whether a record must carry text (false when the pipeline starts by producing text from HTML).
    public let requireText: Bool
    /// Whether the text is decoded; when not, it stays raw (`Document.textByteCount`, `decodedText`), for
    /// readers that only count it, such as the report.
    public let decodesText: Bool
    private let idKey: [UInt8]
    private let textKey: [UInt8]
    private let htmlKey: [UInt8]
    private let urlKey: [UInt8]

    public init(fields: FieldNames = .standard, requireText: Bool = true, decodesText: Bool = true) {
        self.fields = fields
        self.requireText = requireText
        self.decodesText = decodesText
        idKey = Array(fields.id.utf8)
        textKey = Array(fields.text.utf8)
        htmlKey = Array(fields.html.utf8)
        urlKey = Array(fields.url.utf8)
    }

    /// Decodes the bytes `storage[range]`: the document keeps slices of `storage` for the fields it
    /// writes back unchanged, so a record is never copied.
    public func decode(_ storage: [UInt8], _ range: Range<Int>, origin: DocumentOrigin, offset: Int) -> Result<Document, Reject> {
        let record = storage[range]
        func reject(_ reason: Reject.Reason, _ message: String) -> Result<Document, Reject> {
            .failure(Reject(origin: origin, offset: offset, reason: reason, message: message, raw: record))
        }
        return storage.withUnsafeBufferPointer { whole -> Result<Document, Reject> in
            let line = UnsafeBufferPointer(rebasing: whole[range])
            if let bad = UTF8Validation.firstInvalidOffset(line) {
                return reject(.invalidUTF8, "invalid UTF-8 at byte \(bad + 1) (re-encode the input as UTF-8)")
            }
            let members: [JSONMember]
            do throws(JSONSyntaxError) {
                members = try JSONObjectScanner.members(of: line)
            } catch {
                // Records run together on bare CR line endings ("}\r{") read as one broken record.
                let bareCR = line.indices.dropLast().contains { line[$0] == 0x0D && line[$0 + 1] == UInt8(ascii: "{") }
                return reject(
                    .malformedJSON,
                    "invalid JSON: \(error.description)"
                        + (bareCR ? " (the lines seem to end in a bare CR: convert the line endings to LF or CRLF)" : ""))
            }
            var id: String?
            var text: ArraySlice<UInt8>?
            var html: HTMLContent?
            var url: String?
            var rawID, rawText, rawHTML, rawURL: ArraySlice<UInt8>?
            var undecodedText = false
            var entries: [Document.Entry] = []
            entries.reserveCapacity(members.count + 1)
            let base = range.lowerBound

            for member in members {
                // Whether this member is the text and a lone surrogate escape in it was repaired.
                var textHasRepair = false
                let keyBytes = UnsafeBufferPointer(rebasing: line[member.key])
                let valueRange = (member.value.lowerBound + base)..<(member.value.upperBound + base)
                let raw = storage[valueRange]
                // Keys are compared unescaped: `"te\u0078t"` is the text field, not another field
                // that a JSON reader downstream would take for it.
                // A lone surrogate decodes to U+FFFD: two such names would be written as one, and a reader
                // downstream would keep one of their values. Names are kept exact, as ids are.
                if member.keyHasEscapes && JSONString.hasLoneSurrogate(keyBytes) {
                    return reject(
                        .invalidField,
                        "a field name holds a lone UTF-16 surrogate escape (\\uD800 to \\uDFFF without its pair), which no "
                            + "text can hold; field names are kept exact, so fix the name")
                }
                let escapedKey = member.keyHasEscapes ? JSONString.decode(keyBytes, hasEscapes: true) : nil
                let role = if let escapedKey { role(of: escapedKey.utf8) } else { role(of: keyBytes) }
                guard let role else {
                    entries.append(.other(key: escapedKey ?? JSONString.decode(keyBytes, hasEscapes: false), json: raw))
                    continue
                }
                let name = self.name(of: role)
                if entries.contains(where: { if case .known(role) = $0 { true } else { false } }) {
                    return reject(.invalidField, "field '\(name)' appears twice")
                }
                let stringValue: String?
                switch member.kind {
                case .string where role == .text && !decodesText:
                    stringValue = nil
                    undecodedText = true
                case .string(let hasEscapes) where role == .text:
                    // Valid UTF-8 (the whole line was checked), so the text is a slice of the record
                    // unless escapes must be decoded.
                    let inner = (valueRange.lowerBound + 1)..<(valueRange.upperBound - 1)
                    var repaired = false
                    text =
                        hasEscapes
                        ? ArraySlice(JSONString.decodeUTF8(UnsafeBufferPointer(rebasing: whole[inner]), repairedSurrogate: &repaired))
                        : storage[inner]
                    // A lone surrogate escape is U+FFFD in the text, and written so: not passed on as read.
                    textHasRepair = repaired
                    stringValue = nil
                case .string(let hasEscapes):
                    let inner = UnsafeBufferPointer(rebasing: line[(member.value.lowerBound + 1)..<(member.value.upperBound - 1)])
                    // Decoded, a lone surrogate is U+FFFD, and two such ids would be one: ids must stay exact for joins.
                    if role == .id && hasEscapes && JSONString.hasLoneSurrogate(inner) {
                        return reject(
                            .invalidField,
                            "field '\(name)' holds a lone UTF-16 surrogate escape (\\uD800 to \\uDFFF without its pair), which no "
                                + "text can hold; ids are kept exact, so fix the id")
                    }
                    stringValue = JSONString.decode(inner, hasEscapes: hasEscapes)
                case .number where role == .id:
                    stringValue = String(decoding: raw, as: UTF8.self)
                case .null where role != .id:
                    // A null field is as good as an absent one; it is written back as null unless a stage sets it.
                    stringValue = nil
                default:
                    return reject(.invalidField, "field '\(name)' must be a string\(role == .id ? " or a number" : "")")
                }
                entries.append(.known(role))
                switch role {
                case .id: id = stringValue; rawID = raw
                case .text: rawText = textHasRepair ? nil : raw
                case .html: html = stringValue.map { HTMLContent.text($0) }; rawHTML = raw
                case .url: url = stringValue; rawURL = raw
                }
            }
            if requireText && text == nil && !undecodedText {
                if rawText != nil { return reject(.missingText, "field '\(fields.text)' is null") }
                let hint = html != nil ? " (the record has '\(fields.html)': start the pipeline with the clean stage)" : ""
                return reject(.missingText, "missing text field '\(fields.text)'\(hint)")
            }
            if !requireText && text == nil && !undecodedText && html == nil {
                return reject(.missingText, "missing both '\(fields.text)' and '\(fields.html)'")
            }
            if id == nil { entries.insert(.known(.id), at: 0) }
            return .success(
                Document(
                    origin: origin, offset: offset, id: id ?? origin.derivedID,
                    textUTF8: text, html: html, url: url, entries: entries,
                    rawID: rawID, rawText: rawText, rawHTML: rawHTML, rawURL: rawURL))
        }
    }

    private func role(of key: some Sequence<UInt8>) -> Document.Role? {
        if key.elementsEqual(textKey) { return .text }
        if key.elementsEqual(idKey) { return .id }
        if key.elementsEqual(urlKey) { return .url }
        if key.elementsEqual(htmlKey) { return .html }
        return nil
    }

    private func name(of role: Document.Role) -> String {
        switch role {
        case .id: fields.id
        case .text: fields.text
        case .html: fields.html
        case .url: fields.url
        }
    }
}
