/// A retraction record's body after its origin: the first stage's key (8 bytes, little-endian), the
/// document's id (its length and UTF-8), then the second stage's contribution.
struct RetractionRecord {
    let key: UInt64
    let id: String
    let contribution: ArraySlice<UInt8>

    static func appendHead(key: UInt64, id: String, to output: inout [UInt8]) {
        for byte in 0..<8 { output.append(UInt8(truncatingIfNeeded: key >> UInt64(8 * byte))) }
        Varint.append(UInt64(id.utf8.count), to: &output)
        output.append(contentsOf: id.utf8)
    }

    init?(_ bytes: ArraySlice<UInt8>) {
        guard bytes.count >= 8 else { return nil }
        var index = bytes.startIndex + 8
        key = (0..<8).reduce(0) { $0 | UInt64(bytes[bytes.startIndex + $1]) << UInt64(8 * $1) }
        guard let length = Varint.read(bytes, &index), length <= UInt64(bytes.endIndex - index),
            let id = String(validating: bytes[index..<(index + Int(length))], as: UTF8.self)
        else { return nil }
        self.id = id
        contribution = bytes[(index + Int(length))...]
    }
}
