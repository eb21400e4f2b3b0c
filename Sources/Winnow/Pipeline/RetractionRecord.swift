/// A retraction record's body after its origin: the first stage's key (8 bytes, little-endian), the
/// document's id (its length and UTF-8), then the second stage's contribution.
struct RetractionRecord {
    let key: UInt64
    let id: String
    let contribution: ArraySlice<UInt8>

    static func appendHead(key: UInt64, id: String, to output: inout [UInt8]) {
        FixedWidth.append(key, to: &output)
        Varint.appendCounted(id.utf8, to: &output)
    }

    init?(_ bytes: ArraySlice<UInt8>) {
        guard bytes.count >= FixedWidth.byteCount else { return nil }
        var index = bytes.startIndex + FixedWidth.byteCount
        key = FixedWidth.read(bytes, at: bytes.startIndex)
        guard let idBytes = Varint.readCounted(bytes, &index), let id = String(validating: bytes[idBytes], as: UTF8.self)
        else { return nil }
        self.id = id
        contribution = bytes[index...]
    }
}
