/// Records framed with their origin: `INPUT LINE OFFSET ` (the input's number among the run's inputs,
/// the record's line and byte offset, in decimal) before the record's JSON. A cluster engine's tasks
/// hand records to the binary and take them back so (`RunConfiguration.framedSources`), and the spool
/// numbers inputs alike, so that every step names and ranks documents by where the user's records were.
struct Framing: Sendable {
    /// The origin names of the run's inputs, numbered as the prefixes number them.
    let sources: [String]
    /// By name compared bytewise: two spellings of "café" are two inputs.
    private let numbers: [ByteString: Int]

    init(sources: [String]) {
        self.sources = sources
        numbers = Dictionary(sources.enumerated().map { (ByteString($1), $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The number of an input. An origin that is not one of the run's inputs cannot arise; if it did,
    /// its number is out of range and the next reader refuses the record as damaged.
    func number(of source: String) -> Int {
        // A run of a few inputs (most often one) compares the name with each: cheaper than hashing it
        // for every document. The first equal one, as the table keeps.
        if sources.count <= 4 { return sources.firstIndex { BytewiseOrder.equal($0, source) } ?? sources.count }
        return numbers[ByteString(source)] ?? sources.count
    }

    /// Appends the origin prefix of `document`.
    func appendPrefix(of document: Document, to output: inout [UInt8]) {
        output.append(contentsOf: "\(number(of: document.origin.source)) \(document.origin.line) \(document.offset) ".utf8)
    }

    /// Reads the prefix of a framed line: the record's origin and offset, and where its JSON starts.
    func parsePrefix(_ bytes: ArraySlice<UInt8>) -> (origin: DocumentOrigin, offset: Int, json: Int)? {
        var fields: [Int] = []
        var value = 0, digits = 0
        var index = bytes.startIndex
        while index < bytes.endIndex && fields.count < 3 {
            let byte = bytes[index]
            index += 1
            if byte == UInt8(ascii: " ") {
                guard digits > 0 else { return nil }
                fields.append(value)
                value = 0
                digits = 0
            } else if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") && digits < 18 {
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
                digits += 1
            } else {
                return nil
            }
        }
        guard fields.count == 3, fields[0] < sources.count else { return nil }
        return (DocumentOrigin(source: sources[fields[0]], line: fields[1]), fields[2], index)
    }
}
