/// WARC `response` records built alike for the archive tests: a header (its type, `WARC-Record-ID:
/// <urn:ID>` when an id is given, its Content-Length), a block of an HTTP head and body, then line breaks.
enum ResponseRecord {
    /// The HTTP head of an HTML page served whole: `200 OK`, `text/html`.
    static let pageHead = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n"

    /// The block of a small page: `pageHead`, then `<p>page NAME</p>`.
    static func pageBlock(_ name: some CustomStringConvertible) -> String { pageHead + "<p>page \(name)</p>" }

    /// The record of the small page `name` (`pageBlock`); see `record` for the rest.
    static func page(
        _ name: some CustomStringConvertible, id: String? = nil, type: String = "response", lengthError: Int = 0,
        trailer: String = "\r\n\r\n"
    ) -> [UInt8] {
        record(Array(pageBlock(name).utf8), id: id, type: type, lengthError: lengthError, trailer: trailer)
    }

    /// The record of `block`, whose Content-Length is `lengthError` bytes off the block's (a wrong claim
    /// unless 0), and which `trailer` ends (the empty line, or what a sloppy or cut archive has).
    static func record(
        _ block: [UInt8], id: String? = nil, type: String = "response", lengthError: Int = 0, trailer: String = "\r\n\r\n"
    ) -> [UInt8] {
        let idField = id.map { "WARC-Record-ID: <urn:\($0)>\r\n" } ?? ""
        return Array("WARC/1.0\r\nWARC-Type: \(type)\r\n\(idField)Content-Length: \(block.count + lengthError)\r\n\r\n".utf8) + block
            + Array(trailer.utf8)
    }
}
