/// How a document is written to the spool between passes and read back. Binary, with strings as
/// plain UTF-8 rather than JSON, so that the next pass neither scans nor unescapes them (the text is
/// only checked as UTF-8, and read where it lies); a field read
/// unchanged keeps its raw JSON beside its value (a text, only when its value would be written back
/// otherwise), so the output is written back byte for byte.
///
/// A record is its body's length (8 bytes, little-endian), then the body: the origin (the input's
/// number, line and byte offset, `Varint`s), what the map steps carried (`CarriedValue`), and the
/// fields in output order (`Field`). A string is its length and bytes; an optional one, a 0 or 1 first.
enum SpoolCodec {
    /// Bytes of the length before each body.
    static let lengthBytes = FixedWidth.byteCount

    /// The tag before each field of the body.
    private enum Field: UInt8 {
        /// Another field: its key and raw JSON.
        case other = 0
        /// The id and its raw JSON, if read unchanged.
        case id
        /// The text, optional, and its raw JSON, optional (so for url and html).
        case text
        case url
        /// The HTML: a kind (none, text, bytes), its bytes, and its raw JSON, optional.
        case html
    }

    /// Appends one record: `document` from input number `source`, with what its map step computed.
    static func append(_ document: Document, source: Int, carrying carried: CarriedValue?, to output: inout [UInt8]) {
        appendRecord(source: source, line: document.origin.line, offset: document.offset, to: &output) { output in
            appendFields(of: document, carrying: carried, to: &output)
        }
    }

    /// Appends one record whose body, after the origin, is what `body` appends: documents, and the
    /// records a shared map spools beside them (`SharedMap`), which `SpoolRecordReader` splits alike.
    static func appendRecord(
        source: Int, line: Int, offset: Int, to output: inout [UInt8], body: (inout [UInt8]) -> Void
    ) {
        let lengthAt = output.count
        output.append(contentsOf: repeatElement(0, count: lengthBytes))
        let bodyAt = output.count
        Varint.append(UInt64(source), to: &output)
        Varint.append(UInt64(line), to: &output)
        Varint.append(UInt64(offset), to: &output)
        body(&output)
        let length = UInt64(output.count - bodyAt)
        FixedWidth.store(length, into: &output, at: lengthAt)
    }

    /// What the map steps carried, then the fields in output order.
    private static func appendFields(of document: Document, carrying carried: CarriedValue?, to output: inout [UInt8]) {
        // Which values follow: 1 a key, 2 bytes, 3 both.
        output.append((carried?.key == nil ? 0 : 1) | (carried?.bytes == nil ? 0 : 2))
        if let key = carried?.key { FixedWidth.append(key, to: &output) }
        if let bytes = carried?.bytes { Varint.appendCounted(bytes, to: &output) }
        Varint.append(UInt64(document.entries.count), to: &output)
        for entry in document.entries {
            switch entry {
            case .other(let key, let json):
                output.append(Field.other.rawValue)
                appendString(key, to: &output)
                appendBytes(json, to: &output)
            case .known(.id):
                output.append(Field.id.rawValue)
                appendString(document.id, to: &output)
                appendOptional(document.rawID, to: &output)
            case .known(.text):
                output.append(Field.text.rawValue)
                appendOptional(document.textUTF8, to: &output)
                // Texts read unchanged are most of a spool: their raw JSON is kept only when the
                // text alone would not be written back as it (`\u00e9` for é, say).
                appendOptional(document.textUTF8 != nil && Self.isCanonical(document.rawText) ? nil : document.rawText, to: &output)
            case .known(.url):
                output.append(Field.url.rawValue)
                appendOptional(document.url, to: &output)
                appendOptional(document.rawURL, to: &output)
            case .known(.html):
                output.append(Field.html.rawValue)
                switch document.html {
                case nil: output.append(0)
                case .text(let html):
                    output.append(1)
                    appendString(html, to: &output)
                case .bytes(let bytes):
                    output.append(2)
                    appendBytes(bytes, to: &output)
                }
                appendOptional(document.rawHTML, to: &output)
            }
        }
    }

    /// The body's length from the bytes before it; nil when fewer than `lengthBytes` are given.
    static func bodyLength(_ bytes: ArraySlice<UInt8>) -> UInt64? {
        guard bytes.count >= lengthBytes else { return nil }
        return FixedWidth.read(bytes, at: bytes.startIndex)
    }

    /// The origin at the start of the body `storage[body]`: input number, line, offset, and where the rest begins.
    static func origin(_ storage: [UInt8], _ body: Range<Int>) -> (source: Int, line: Int, offset: Int, rest: Int)? {
        let bytes = storage[body]
        var index = body.lowerBound
        guard let source = Varint.read(bytes, &index), let line = Varint.read(bytes, &index),
            let offset = Varint.read(bytes, &index), source <= Int.max, line <= Int.max, offset <= Int.max
        else { return nil }
        return (Int(source), Int(line), Int(offset), index)
    }

    /// The document whose fields are `storage[range]` (the body after its origin); raw JSON stays a
    /// slice of `storage`. Nil when the bytes are damaged.
    static func document(_ storage: [UInt8], _ range: Range<Int>, origin: DocumentOrigin, offset: Int) -> Document? {
        var reader = Reader(storage: storage, index: range.lowerBound, end: range.upperBound)
        return reader.document(origin: origin, offset: offset)
    }

    /// Whether `raw` is a string literal that `JSONString.append` writes exactly so from its value.
    private static func isCanonical(_ raw: ArraySlice<UInt8>?) -> Bool {
        guard let raw, raw.count >= 2 else { return false }
        return raw.withUnsafeBufferPointer { JSONString.isCanonical(UnsafeBufferPointer(rebasing: $0.dropFirst().dropLast())) }
    }

    private static func appendBytes(_ bytes: some Collection<UInt8>, to output: inout [UInt8]) {
        Varint.appendCounted(bytes, to: &output)
    }

    private static func appendString(_ string: String, to output: inout [UInt8]) {
        Varint.appendCounted(string.utf8, to: &output)
    }

    private static func appendOptional(_ string: String?, to output: inout [UInt8]) {
        guard let string else { return output.append(0) }
        output.append(1)
        appendString(string, to: &output)
    }

    private static func appendOptional(_ bytes: ArraySlice<UInt8>?, to output: inout [UInt8]) {
        guard let bytes else { return output.append(0) }
        output.append(1)
        appendBytes(bytes, to: &output)
    }

    /// Reads a body's fields, checking every length against the body's end.
    private struct Reader {
        let storage: [UInt8]
        var index: Int
        let end: Int

        mutating func document(origin: DocumentOrigin, offset: Int) -> Document? {
            var carriedKey: UInt64?
            var carriedBytes: [UInt8]?
            guard let carried = byte(), carried <= 3 else { return nil }
            if carried & 1 != 0 {
                guard let range = span(FixedWidth.byteCount) else { return nil }
                carriedKey = FixedWidth.read(storage, at: range.lowerBound)
            }
            if carried & 2 != 0 {
                guard let range = counted() else { return nil }
                carriedBytes = Array(storage[range])
            }
            guard let count = Varint.read(storage[..<end], &index), count <= UInt64(end - index) else { return nil }
            var entries: [Document.Entry] = []
            entries.reserveCapacity(Int(count))
            var id: String?
            var text: ArraySlice<UInt8>?
            var url: String?
            var html: HTMLContent?
            var rawID, rawText, rawURL, rawHTML: ArraySlice<UInt8>?
            for _ in 0..<count {
                guard let tag = byte().flatMap(Field.init(rawValue:)) else { return nil }
                // Another field may repeat its key; a known one may come only once.
                if tag != .other, entries.contains(where: { Self.field(of: $0) == tag }) { return nil }
                switch tag {
                case .other:
                    guard let key = counted(), let json = counted() else { return nil }
                    entries.append(.other(key: string(key), json: storage[json]))
                    continue
                case .id:
                    guard let value = counted(), let raw = optional() else { return nil }
                    id = string(value)
                    rawID = raw.map { storage[$0] }
                    entries.append(.known(.id))
                case .text:
                    guard let value = optional(), let raw = optional() else { return nil }
                    // The text stays a slice of the spool's bytes, checked as valid UTF-8 as a string's would be.
                    if let value {
                        guard UTF8Validation.isValid(storage[value]) else { return nil }
                        text = storage[value]
                    }
                    rawText = raw.map { storage[$0] }
                    entries.append(.known(.text))
                case .url:
                    guard let value = optional(), let raw = optional() else { return nil }
                    url = value.map(string)
                    rawURL = raw.map { storage[$0] }
                    entries.append(.known(.url))
                case .html:
                    switch byte() {
                    case 0: html = nil
                    case 1:
                        guard let value = counted() else { return nil }
                        html = .text(string(value))
                    case 2:
                        guard let value = counted() else { return nil }
                        html = .bytes(Array(storage[value]))
                    default: return nil
                    }
                    guard let raw = optional() else { return nil }
                    rawHTML = raw.map { storage[$0] }
                    entries.append(.known(.html))
                }
            }
            guard let id, index == end else { return nil }
            return Document(
                origin: origin, offset: offset, id: id, textUTF8: text, html: html, url: url, entries: entries,
                rawID: rawID, rawText: rawText, rawHTML: rawHTML, rawURL: rawURL, carriedKey: carriedKey,
                carriedBytes: carriedBytes)
        }

        private static func field(of entry: Document.Entry) -> Field {
            switch entry {
            case .other: .other
            case .known(.id): .id
            case .known(.text): .text
            case .known(.url): .url
            case .known(.html): .html
            }
        }

        private mutating func byte() -> UInt8? {
            guard index < end else { return nil }
            index += 1
            return storage[index - 1]
        }

        private mutating func span(_ count: Int) -> Range<Int>? {
            guard count <= end - index else { return nil }
            index += count
            return (index - count)..<index
        }

        /// A length, then that many bytes.
        private mutating func counted() -> Range<Int>? {
            Varint.readCounted(storage[..<end], &index)
        }

        /// A 0 (none: `.some(nil)`), or a 1 and counted bytes; nil when damaged.
        private mutating func optional() -> Range<Int>?? {
            switch byte() {
            case 0: return .some(nil)
            case 1:
                guard let range = counted() else { return nil }
                return .some(range)
            default: return nil
            }
        }

        private func string(_ range: Range<Int>) -> String {
            storage.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[range]), as: UTF8.self) }
        }
    }
}
