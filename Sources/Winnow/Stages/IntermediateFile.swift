import Foundation

/// Reading the JSONL files that the corpus stages' map, merge and apply steps exchange (signatures,
/// exact keepers, clusters, template counts): a header line naming the format and every parameter,
/// one JSON object per line, and an end line counting them (`{"end_of_file":N}`), so that a file cut
/// short, even at a line boundary, is refused rather than merged. A file whose header differs was made
/// for another run and is refused. Files are streamed (plain or gzip) and parsed with Winnow's own
/// scanner, so a merge of many shards stays fast and holds one batch of lines at a time.
enum IntermediateFile {
    /// One line's JSON object, with typed access to its top-level members.
    struct Record {
        let path: String
        let line: Int
        private let bytes: ArraySlice<UInt8>
        private let members: [JSONMember]

        fileprivate init(path: String, line: Int, bytes: ArraySlice<UInt8>, members: [JSONMember]) {
            self.path = path
            self.line = line
            self.bytes = bytes
            self.members = members
        }

        /// `path:line`, for messages.
        var location: String { "\(path):\(line)" }

        /// The whole line, for formats whose records nest (parsed with Foundation's JSON reader).
        var object: [String: Any]? {
            (try? JSONSerialization.jsonObject(with: Data(bytes))) as? [String: Any]
        }

        private func member(_ key: String) -> JSONMember? {
            let base = bytes.startIndex
            return members.first { member in
                !member.keyHasEscapes && bytes[(base + member.key.lowerBound)..<(base + member.key.upperBound)].elementsEqual(key.utf8)
            }
        }

        /// Whether the line has a member `key`.
        func has(_ key: String) -> Bool {
            member(key) != nil
        }

        /// The whole line decoded as `type`, for formats read into Codable values.
        func decoded<T: Decodable>(_ type: T.Type, using decoder: JSONDecoder, kind: String) throws(WinnowError) -> T {
            do {
                return try decoder.decode(type, from: Data(bytes))
            } catch {
                throw .configuration("not a \(kind) line: \(error)", path: location)
            }
        }

        /// The line read by `read` from its members as scanned (`JSONObjectView`), for formats read
        /// without Foundation's decoder; what `read` finds wrong is named with the line's place.
        func decoded<T>(kind: String, _ read: (JSONObjectView) throws(JSONFieldError) -> T) throws(WinnowError) -> T {
            let result: Result<T, JSONFieldError> = bytes.withUnsafeBufferPointer { buffer in
                Result { () throws(JSONFieldError) -> T in try read(JSONObjectView(buffer, members: members)) }
            }
            switch result {
            case .success(let value): return value
            case .failure(let error): throw .configuration("not a \(kind) line: \(error.message)", path: location)
            }
        }

        /// The raw bytes inside the quotes of a string member without escapes (hex digits, say).
        func plainString(_ key: String) -> ArraySlice<UInt8>? {
            guard let member = member(key), case .string(hasEscapes: false) = member.kind else { return nil }
            let base = bytes.startIndex
            return bytes[(base + member.value.lowerBound + 1)..<(base + member.value.upperBound - 1)]
        }

        /// A string member, decoded.
        func string(_ key: String) -> String? {
            guard let member = member(key), case .string(let hasEscapes) = member.kind else { return nil }
            let base = bytes.startIndex
            return bytes[(base + member.value.lowerBound + 1)..<(base + member.value.upperBound - 1)]
                .withUnsafeBufferPointer { JSONString.decode($0, hasEscapes: hasEscapes) }
        }

        /// A member that is a non-negative integer written in digits, at most `maxCount`.
        func count(_ key: String) -> Int? {
            guard let member = member(key), case .number = member.kind else { return nil }
            let base = bytes.startIndex
            var value = 0
            for byte in bytes[(base + member.value.lowerBound)..<(base + member.value.upperBound)] {
                guard byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
                guard value <= IntermediateFile.maxCount else { return nil }
            }
            return value
        }
    }

    /// The largest count (a line number, a size, a number of pages) a state file may hold: 2^53 - 1,
    /// the largest integer every JSON reader reads exactly, and far from overflowing when added up.
    static let maxCount = (1 << 53) - 1

    /// The last line of a state file of `count` records.
    static func endLine(count: Int) -> [UInt8] {
        Array("{\"end_of_file\":\(count)}\n".utf8)
    }

    /// The record count of an end line, or nil when `line` is not one.
    static func endCount(_ line: some BidirectionalCollection<UInt8>) -> Int? {
        let prefix = Array("{\"end_of_file\":".utf8)
        guard line.starts(with: prefix), line.last == UInt8(ascii: "}") else { return nil }
        let digits = line.dropFirst(prefix.count).dropLast()
        guard !digits.isEmpty, digits.count < 19, digits.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
        return digits.reduce(0) { $0 * 10 + Int($1 - 48) }
    }

    /// Checks, after the last line, that the file ended with an end line counting `records`.
    static func requireEnd(_ end: Int?, records: Int, kind: String, path: String) throws(WinnowError) {
        guard let end else {
            throw .configuration(
                "the \(kind) file has no end line: it was cut short (or written by an older winnow); "
                    + "make it again", path: path)
        }
        guard end == records else {
            throw .configuration(
                "the \(kind) file's end line counts \(end) lines but it holds \(records): "
                    + "it was damaged; make it again", path: path)
        }
    }

    /// No line of these files comes near this; a longer one means the file is something else.
    static let maxLineBytes = 64 << 20

    /// Reads `path` (a `kind` file), checks that its first line is `header` (else `mismatch` is the
    /// message), and hands every later non-blank line to `record`.
    static func readRecords(
        _ path: String, kind: String, header: [UInt8], mismatch: String, maxLineBytes: Int = maxLineBytes,
        _ record: (Record) throws(WinnowError) -> Void
    ) throws(WinnowError) {
        try readRecords(
            path, kind: kind, maxLineBytes: maxLineBytes,
            checkHeader: { line, location throws(WinnowError) in
                guard line.elementsEqual(header) else {
                    throw .configuration("\(mismatch); expected the header " + String(decoding: header, as: UTF8.self), path: location)
                }
            }, record)
    }

    /// Reads `path` (a `kind` file, plain or gzip), hands its first line to `checkHeader` and every
    /// later non-blank line but the end line to `record`, and checks the end line's count.
    static func readRecords(
        _ path: String, kind: String, maxLineBytes: Int = maxLineBytes,
        checkHeader: (ArraySlice<UInt8>, String) throws(WinnowError) -> Void,
        _ record: (Record) throws(WinnowError) -> Void
    ) throws(WinnowError) {
        let reader = RecordReader(inputs: [.jsonl(path: path, name: path)], maxRecordBytes: maxLineBytes)
        var sawHeader = false
        var records = 0
        var end: Int?
        while let batch = try reader.nextBatch() {
            for raw in batch.records {
                func location() -> String { "\(path):\(raw.origin.line)" }
                let range: Range<Int>
                switch raw.content {
                case .jsonLine(let line): range = line
                case .unreadable(let message, _): throw .io(message, path: location())
                case .oversized: throw .configuration("a line over \(maxLineBytes >> 20) MiB is not a \(kind) line", path: location())
                case .jsonDocument(let span):
                    throw .configuration(
                        span.isLone ? "not a JSON object" : "one JSON value over many lines, not a \(kind) file", path: location())
                case .htmlFile, .spooled, .archive, .skipped, .damaged:
                    throw .configuration("not a line of a \(kind) file", path: location())
                }
                let line = batch.storage[range]
                if !sawHeader {
                    // Blank lines are skipped by the reader: the header must be line 1 itself.
                    guard raw.origin.line == 1 else {
                        throw .configuration("the \(kind) file must start with its header line", path: location())
                    }
                    try checkHeader(line, location())
                    sawHeader = true
                    continue
                }
                if end != nil { throw .configuration("a line after the end line", path: location()) }
                if let count = Self.endCount(line) {
                    end = count
                    continue
                }
                records += 1
                let members: [JSONMember]? = line.withUnsafeBufferPointer { bytes in
                    guard UTF8Validation.firstInvalidOffset(bytes) == nil else { return nil }
                    return try? JSONObjectScanner.members(of: bytes)
                }
                guard let members else { throw .configuration("not a JSON object", path: location()) }
                try record(Record(path: path, line: raw.origin.line, bytes: line, members: members))
            }
            reader.recycle(batch)
        }
        guard sawHeader else { throw .configuration("empty \(kind) file: it needs its header line", path: path) }
        try requireEnd(end, records: records, kind: kind, path: path)
    }
}
