import Foundation

/// The temporary file that holds a run's documents between passes while a corpus stage merges its
/// tally. Each line is `INPUT LINE OFFSET ` (the document's origin: the input's number among the
/// run's inputs, its line and byte offset, in decimal), optionally `#KEY ` (16 hex digits) or `~BYTES `
/// (base 64, `SpoolBase64`): what the map step computed for the apply step (`CarriedValue`), and then its JSON, so that the
/// next pass names and ranks documents by where the user's records were, not by where the spool holds them.
struct Spool: Sendable {
    /// The origin names of the run's inputs, numbered as the prefixes number them.
    let sources: [String]
    private let numbers: [String: Int]

    init(sources: [String]) {
        self.sources = sources
        numbers = Dictionary(sources.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// Host and process id in the name say whose a spool file is, so that `removeStale` can tell a
    /// killed run's spool files from a live run's.
    static func path(in directory: String, phase: Int) -> String {
        "\(directory)/\(namePrefix)\(getpid())-\(phase).jsonl"
    }

    private static var namePrefix: String { "winnow-spool-\(TemporaryName.host)-" }

    /// Deletes the spool files (and their half-written temporaries) that runs on this host which have
    /// ended, killed before they could, left in `directory`.
    static func removeStale(in directory: String) {
        TemporaryName.removeEnded(in: directory, startingWith: namePrefix, endingWith: ".jsonl")
        TemporaryName.removeEnded(in: directory, startingWith: "." + namePrefix, endingWith: ".tmp")
    }

    /// Marks a finished spool file as the run's, so that an interrupted run deletes it.
    static func register(_ path: String) {
        TemporaryFiles.shared.add(path)
    }

    static func remove(_ path: String) {
        try? FileManager.default.removeItem(atPath: path)
        TemporaryFiles.shared.remove(path)
    }

    /// Appends the origin prefix of `document`. An origin that is not one of the run's inputs cannot
    /// arise; if it did, its number is out of range and the next pass rejects the line as damaged.
    func appendPrefix(of document: Document, key: UInt64? = nil, bytes: [UInt8]? = nil, to output: inout [UInt8]) {
        let number = numbers[document.origin.source] ?? sources.count
        output.append(contentsOf: "\(number) \(document.origin.line) \(document.offset) ".utf8)
        if let bytes {
            output.append(UInt8(ascii: "~"))
            SpoolBase64.append(bytes, to: &output)
            output.append(UInt8(ascii: " "))
        }
        guard let key else { return }
        output.append(UInt8(ascii: "#"))
        Hex.append(sixteenDigitsOf: key, to: &output)
        output.append(UInt8(ascii: " "))
    }

    /// Appends the origin prefix of `document` and what its map step carries for the apply step.
    func appendPrefix(of document: Document, carrying carried: CarriedValue?, to output: inout [UInt8]) {
        switch carried {
        case .key(let key): appendPrefix(of: document, key: key, to: &output)
        case .bytes(let bytes): appendPrefix(of: document, bytes: bytes, to: &output)
        case nil: appendPrefix(of: document, to: &output)
        }
    }

    /// Reads the prefix of a spool line: the record's origin and offset, the key or bytes it
    /// carries, and where its JSON starts.
    func parsePrefix(
        _ bytes: ArraySlice<UInt8>
    ) -> (
        origin: DocumentOrigin, offset: Int, key: UInt64?, carried: [UInt8]?, json: Int
    )? {
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
        var carried: [UInt8]?
        if index < bytes.endIndex && bytes[index] == UInt8(ascii: "~") {
            guard let space = bytes[(index + 1)...].firstIndex(of: UInt8(ascii: " ")),
                let decoded = SpoolBase64.decode(bytes[(index + 1)..<space])
            else { return nil }
            carried = decoded
            index = space + 1
        }
        var key: UInt64?
        if index < bytes.endIndex && bytes[index] == UInt8(ascii: "#") {
            guard bytes.endIndex - index >= 18, bytes[index + 17] == UInt8(ascii: " "),
                let value = Hex.parse(bytes[(index + 1)..<(index + 17)], digits: 16)?.first
            else { return nil }
            key = value
            index += 18
        }
        return (DocumentOrigin(source: sources[fields[0]], line: fields[1]), fields[2], key, carried, index)
    }
}
