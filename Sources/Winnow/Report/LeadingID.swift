/// The id a JSONL line leads with, read without decoding the line, so that a pass looking for a few
/// ids can skip the lines that hold none of them. A line that starts `{"id":"VALUE"` (spaces allowed,
/// no escape in VALUE) is either refused by `DocumentDecoder` (a second id field, bad JSON or UTF-8
/// further on) or decoded with exactly the id VALUE; for any other line it says nothing.
struct LeadingID: Sendable {
    private let key: [UInt8]

    /// Nil when the id field's name is also another field's, which the decoder would take it for.
    init?(fields: FieldNames) {
        guard ![fields.text, fields.html, fields.url].contains(fields.id), !fields.id.utf8.contains(where: Self.needsEscape)
        else { return nil }
        key = Array(fields.id.utf8)
    }

    /// Where in `storage` the id of the line `storage[range]` is, when it leads with one as above.
    func idBytes(in storage: [UInt8], _ range: Range<Int>) -> Range<Int>? {
        var at = range.lowerBound
        func skipSpaces() {
            while at < range.upperBound, storage[at] == 0x20 || storage[at] == 0x09 { at += 1 }
        }
        func expect(_ byte: UInt8) -> Bool {
            guard at < range.upperBound, storage[at] == byte else { return false }
            at += 1
            return true
        }
        skipSpaces()
        guard expect(UInt8(ascii: "{")) else { return nil }
        skipSpaces()
        guard expect(UInt8(ascii: "\"")) else { return nil }
        for byte in key {
            guard expect(byte) else { return nil }
        }
        guard expect(UInt8(ascii: "\"")) else { return nil }
        skipSpaces()
        guard expect(UInt8(ascii: ":")) else { return nil }
        skipSpaces()
        guard expect(UInt8(ascii: "\"")) else { return nil }
        let start = at
        while at < range.upperBound, storage[at] != UInt8(ascii: "\"") {
            if Self.needsEscape(storage[at]) { return nil }
            at += 1
        }
        guard at < range.upperBound else { return nil }
        return start..<at
    }

    /// A hash of an id's UTF-8 bytes, the same for `hash(of:)` of the id: a pass looking for a few ids
    /// rules most lines out by the hash of `idBytes`, without making their id a string.
    static func hash(_ bytes: ArraySlice<UInt8>) -> Int {
        bytes.withUnsafeBufferPointer { hash(UnsafeRawBufferPointer($0)) }
    }

    static func hash(of id: String) -> Int {
        var id = id
        return id.withUTF8 { hash(UnsafeRawBufferPointer($0)) }
    }

    private static func hash(_ bytes: UnsafeRawBufferPointer) -> Int {
        var hasher = Hasher()
        hasher.combine(bytes: bytes)
        return hasher.finalize()
    }

    /// A backslash (an escape follows) or a byte a JSON string cannot hold as it is.
    private static func needsEscape(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "\\") || byte == UInt8(ascii: "\"") || byte < 0x20
    }
}
