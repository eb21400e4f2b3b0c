/// One page: the fields Winnow works on, typed, and every other field of the input record kept as
/// raw JSON so that it is written back byte for byte, in its original order.
public struct Document: Sendable {
    /// The document's id: from the record, or `source:line` when the record has none.
    public var id: String { didSet { rawID = nil } }
    /// The plain text; nil until a stage (such as HTML cleanup) produces it when the record had none.
    /// Held as UTF-8 (`textUTF8`), so each read makes a new string: stages read `withTextUTF8`.
    public var text: String? {
        get { textUTF8.map { String(decoding: $0, as: UTF8.self) } }
        set { setText(validUTF8: newValue.map { ArraySlice($0.utf8) }) }
    }
    /// The text's bytes, always valid UTF-8: a slice of the batch it was read in (the record, when
    /// the JSON string had no escapes, or the spool), or bytes a stage made; passes read it where it lies.
    public private(set) var textUTF8: ArraySlice<UInt8>?
    /// The page's HTML, when the record has it.
    public var html: HTMLContent? { didSet { rawHTML = nil; ensureEntry(.html) } }
    /// The page's URL, when the record has it.
    public var url: String? { didSet { rawURL = nil; ensureEntry(.url) } }
    /// Where the record was read.
    public let origin: DocumentOrigin
    /// Byte offset of the record in its (decompressed) input.
    public let offset: Int

    /// Fields in output order: known fields by role, others as raw JSON.
    var entries: [Entry]
    /// The raw JSON of a known field as read; written back as long as the field was not changed.
    var rawID: ArraySlice<UInt8>?
    var rawText: ArraySlice<UInt8>?
    var rawHTML: ArraySlice<UInt8>?
    var rawURL: ArraySlice<UInt8>?
    /// What the previous pass's map step computed from this text for its apply step (`CorpusStage.mapCarrying`),
    /// read from the spool; nil when none was carried or the text changed since.
    var carriedKey: UInt64?
    /// Bytes carried the same way (`CarriedValue.bytes`: templates' folded lines); nil when none or the text changed.
    var carriedBytes: [UInt8]?

    enum Role: Sendable, Equatable {
        case id, text, html, url
    }

    enum Entry: Sendable {
        case known(Role)
        case other(key: String, json: ArraySlice<UInt8>)
    }

    /// Calls `body` with the text's UTF-8 bytes; nil without text.
    public func withTextUTF8<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result? {
        try textUTF8?.withUnsafeBufferPointer(body)
    }

    /// Replaces the text with bytes the caller knows are valid UTF-8 (made from valid text by cutting
    /// it at line breaks, say).
    mutating func setText(validUTF8 bytes: ArraySlice<UInt8>?) {
        assert(bytes.map { UTF8Validation.isValid($0) } != false, "a text set as valid UTF-8 is not")
        textUTF8 = bytes
        rawText = nil
        carriedKey = nil
        carriedBytes = nil
        ensureEntry(.text)
    }

    /// A known field set after reading (text made from HTML, say) is written after the others.
    private mutating func ensureEntry(_ role: Role) {
        guard !entries.contains(where: { if case .known(role) = $0 { true } else { false } }) else { return }
        entries.append(.known(role))
    }

    /// The keys of the fields that are not id, text, html or url, in input order.
    public var otherFieldKeys: [String] {
        entries.compactMap { if case .other(let key, _) = $0 { return key } else { return nil } }
    }

    /// The text's UTF-8 length (0 without text), counted on the raw field when it was not decoded.
    public var textByteCount: Int {
        if let textUTF8 { return textUTF8.count }
        return rawTextString { JSONString.decodedCount($0, hasEscapes: $1) } ?? 0
    }

    /// The text, decoded from the raw field when the decoder left it raw (`DocumentDecoder.decodesText`).
    public var decodedText: String? {
        text ?? rawTextString { JSONString.decode($0, hasEscapes: $1) }
    }

    private func rawTextString<T>(_ body: (UnsafeBufferPointer<UInt8>, Bool) -> T) -> T? {
        guard let json = rawText, json.count >= 2, json.first == UInt8(ascii: "\""), json.last == UInt8(ascii: "\"") else { return nil }
        return json.dropFirst().dropLast().withUnsafeBufferPointer {
            body($0, ByteSearch.firstOffset(of: UInt8(ascii: "\\"), in: $0, from: 0) != nil)
        }
    }

    /// The raw JSON text of another field, exactly as read or set.
    public func rawField(_ key: String) -> String? {
        for case .other(let name, let json) in entries where name == key {
            return String(decoding: json, as: UTF8.self)
        }
        return nil
    }

    /// Adds a field, or replaces it where it first is (dropping any repeat of the key, so that no
    /// reader downstream sees a stale value); known keys are set through their properties.
    public mutating func setField(_ key: String, _ value: JSONValue) {
        setField(key, json: ArraySlice(value.encoded()))
    }

    /// The same with the value already encoded: one compact JSON value, written out as it is.
    mutating func setField(_ key: String, json: ArraySlice<UInt8>) {
        func isKey(_ entry: Entry) -> Bool { if case .other(let name, _) = entry { name == key } else { false } }
        if let index = entries.firstIndex(where: isKey) {
            entries[index] = .other(key: key, json: json)
            if entries[(index + 1)...].contains(where: isKey) {
                entries = entries[...index] + entries[(index + 1)...].filter { !isKey($0) }
            }
        } else {
            entries.append(.other(key: key, json: json))
        }
    }

    /// Removes another field if the document has it.
    public mutating func removeField(_ key: String) {
        func isKey(_ entry: Entry) -> Bool { if case .other(let name, _) = entry { name == key } else { false } }
        guard entries.contains(where: isKey) else { return }
        entries.removeAll(where: isKey)
    }

    /// Drops `removed_by` and `removed_reason` when `removed_by` is `stage` (its JSON): a document an
    /// earlier run's same stage removed, kept by this run's. Mutating, so that a document in a buffer
    /// is read in place rather than copied.
    mutating func dropRemoval(by stage: ArraySlice<UInt8>) {
        let removedBy = FieldNames.removedBy, removedReason = FieldNames.removedReason
        guard
            entries.contains(where: {
                if case .other(let name, let json) = $0 { name == removedBy && json.elementsEqual(stage) } else { false }
            })
        else { return }
        entries.removeAll { if case .other(let name, _) = $0 { name == removedBy || name == removedReason } else { false } }
    }
}

// The initialisers are in an extension so that the struct keeps its memberwise initialiser, which the
// decoders' initialiser calls: assigned field by field, the document was built in a temporary and copied
// out of it (each of its strings and slices retained and released once more).
extension Document {
    /// A document built in code (tests, HTML files); `id` becomes a written field.
    public init(
        id: String, text: String?, html: HTMLContent? = nil, url: String? = nil, origin: DocumentOrigin,
        offset: Int = 0
    ) {
        self.id = id
        self.offset = offset
        self.textUTF8 = text.map { ArraySlice($0.utf8) }
        self.html = html
        self.url = url
        self.origin = origin
        var entries: [Entry] = [.known(.id)]
        if url != nil { entries.append(.known(.url)) }
        if text != nil { entries.append(.known(.text)) }
        if html != nil { entries.append(.known(.html)) }
        self.entries = entries
    }

    /// A document read by a decoder (with what a spool carried); `textUTF8` must be valid UTF-8.
    init(
        origin: DocumentOrigin, offset: Int, id: String, textUTF8: ArraySlice<UInt8>?, html: HTMLContent?, url: String?,
        entries: [Entry], rawID: ArraySlice<UInt8>?, rawText: ArraySlice<UInt8>?,
        rawHTML: ArraySlice<UInt8>?, rawURL: ArraySlice<UInt8>?, carriedKey: UInt64? = nil, carriedBytes: [UInt8]? = nil
    ) {
        assert(textUTF8.map { UTF8Validation.isValid($0) } != false, "a decoder's text is not valid UTF-8")
        self.init(
            id: id, textUTF8: textUTF8, html: html, url: url, origin: origin, offset: offset, entries: entries,
            rawID: rawID, rawText: rawText, rawHTML: rawHTML, rawURL: rawURL, carriedKey: carriedKey,
            carriedBytes: carriedBytes)
    }
}

/// HTML as it arrived: decoded text from a JSON field, or the undecoded bytes of an HTML file
/// (whose encoding the cleanup stage detects).
public enum HTMLContent: Sendable, Equatable {
    case text(String)
    case bytes([UInt8])
}

extension Document {
    /// The value of another field when it is a JSON string (a `site` or `lang` field, say); nil otherwise.
    public func stringField(_ key: String) -> String? {
        for case .other(let name, let json) in entries where name == key {
            guard json.count >= 2, json.first == UInt8(ascii: "\""), json.last == UInt8(ascii: "\"") else { return nil }
            let inner = json.dropFirst().dropLast()
            return inner.withUnsafeBufferPointer { JSONString.decode($0, hasEscapes: $0.contains(UInt8(ascii: "\\"))) }
        }
        return nil
    }
}
