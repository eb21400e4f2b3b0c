// The JSONL reader and the document decoder. Settings bytes: the record size limit, the batch size,
// the chunk sizes of the source (and whether it fails at the end), the field names and whether text
// is required. Invariants: the reader's records are exactly the input's non-blank lines (or oversized
// lines), each once, with the right line number, offset and bytes, in order, but for JSON values written
// over many lines that the input starts with (a first line that is a bare `{` or `[`, and each such line
// right after a value): one record each, naming its lines, as whole lines read one by one with
// `JSONDocumentScanner` tell them; it consumes the whole input; a reader failure is one `unreadable`
// record holding the unfinished line. Every decoded document encodes to one line of valid UTF-8 that
// decodes to the same fields and encodes the same.
import FuzzSupport
@_spi(Fuzzing) import Winnow

/// What the reader must report for one line, computed directly from the input.
enum Expected: Equatable {
    case line(number: Int, offset: Int, bytes: [UInt8])
    case oversized(number: Int, offset: Int, length: Int)
    case document(number: Int, offset: Int, firstLine: [UInt8], lines: ClosedRange<Int>, ending: JSONDocumentSpan.Ending)
    case unreadable(number: Int, offset: Int, partial: [UInt8])
}

/// The records a correct reader gives for `data`, read a whole line at a time: a blank line (spaces and
/// tabs, an optional CR) is none, whatever its length; every other line over `limit` bytes (a CR that
/// ends it and a first line's byte order mark not counted) is oversized, and every other line a record
/// without its line ending; but a value over many lines (`Model`) is one record.
func expectedRecords(_ data: [UInt8], limit: Int, failsAtEnd: Bool) -> [Expected] {
    var model = Model(data: data, limit: limit)
    var start = 0
    var number = 0
    while start < data.count {
        guard let newline = data[start...].firstIndex(of: 0x0A) else { break }
        number += 1
        model.line(start..<newline, number: number)
        start = newline + 1
    }
    if failsAtEnd {
        model.end(.cut)
        let rest = Array(data[start...])
        // The reader holds an unfinished line of up to one byte over the limit: that byte may be a CR.
        model.expected.append(.unreadable(number: number + 1, offset: start, partial: rest.count > limit + 1 ? [] : rest))
    } else {
        if start < data.count {
            number += 1
            model.line(start..<data.count, number: number)
        }
        model.end(.cut)
    }
    return model.expected
}

/// Where the input stands as to values over many lines: looked for at line 1 and right after one, until
/// any other line; a value ends at the line that closes it, before a line that cannot continue it, or
/// with the input; a first line that no line continued is a line like any other.
struct Model {
    let data: [UInt8]
    let limit: Int
    var expected: [Expected] = []
    var looking = true
    var open: (scanner: JSONDocumentScanner, number: Int, offset: Int, firstLine: [UInt8], last: Int)?

    init(data: [UInt8], limit: Int) {
        self.data = data
        self.limit = limit
    }

    mutating func line(_ range: Range<Int>, number: Int) {
        if var document = open {
            var scanner = document.scanner
            scanner.feed(data[range])
            scanner.endLine()
            if scanner.state != .broken {
                if scanner.content > document.scanner.content { document.last = number }
                document.scanner = scanner
                open = document
                if scanner.state == .closed { end(.closed) }
                return
            }
            end(.interrupted(line: number))
        }
        var start = range.lowerBound, end = range.upperBound
        if end > start && data[end - 1] == 0x0D { end -= 1 }
        // A byte order mark before the first record is not part of it, nor of its size.
        if number == 1 && data[start..<end].starts(with: [0xEF, 0xBB, 0xBF]) { start += 3 }
        // A blank line is no record, whatever its length.
        guard data[start..<end].contains(where: { $0 != 0x20 && $0 != 0x09 }) else {
            if number == 1 { looking = false }
            return
        }
        if end - start > limit {
            looking = false
            expected.append(.oversized(number: number, offset: range.lowerBound, length: range.upperBound - start))
            return
        }
        if looking {
            let marks = data[start..<end].filter { ![0x20, 0x09, 0x0D].contains($0) }
            if marks == [UInt8(ascii: "{")] || marks == [UInt8(ascii: "[")] {
                open = (JSONDocumentScanner(opening: marks[0]), number, range.lowerBound, Array(data[start..<end]), number)
                return
            }
            looking = false
        }
        expected.append(.line(number: number, offset: range.lowerBound, bytes: Array(data[start..<end])))
    }

    mutating func end(_ ending: JSONDocumentSpan.Ending) {
        guard let document = open else { return }
        open = nil
        guard document.last > document.number else {
            looking = false
            expected.append(.line(number: document.number, offset: document.offset, bytes: document.firstLine))
            return
        }
        expected.append(
            .document(
                number: document.number, offset: document.offset, firstLine: document.firstLine,
                lines: document.number...document.last, ending: ending))
    }
}

/// One fill of the reader. A plain read failure is a record, never thrown: only damage that puts
/// earlier records in doubt is, and this source fails with plain read errors only.
func fill(_ reader: JSONLRecordReader, _ batch: inout RecordBatch, targetBytes: Int) -> Bool {
    do {
        return try reader.fill(&batch, targetBytes: targetBytes)
    } catch {
        require(false, "the reader threw \(error) on a plain read failure")
        return false
    }
}

func checkRoundTrip(_ document: Document, decoder: DocumentDecoder, encoder: DocumentEncoder) {
    var line: [UInt8] = []
    encoder.encode(document, into: &line)
    require(line.last == 0x0A && line.dropLast().firstIndex(of: 0x0A) == nil, "an encoded document is not one line")
    require(String(validating: line, as: UTF8.self) != nil, "an encoded document is not valid UTF-8")
    let origin = DocumentOrigin(source: "again", line: 1)
    guard case .success(let again) = decoder.decode(line, 0..<(line.count - 1), origin: origin, offset: 0) else {
        require(false, "a document's own encoding does not decode: \(String(decoding: line, as: UTF8.self))")
        return
    }
    require(
        again.id == document.id && again.text == document.text && again.html == document.html
            && again.url == document.url, "known fields change through encoding: \(String(decoding: line, as: UTF8.self))")
    require(again.otherFieldKeys == document.otherFieldKeys, "other field keys change through encoding")
    for key in document.otherFieldKeys {
        require(again.rawField(key) == document.rawField(key), "field '\(key)' changes through encoding")
    }
    var second: [UInt8] = []
    encoder.encode(again, into: &second)
    require(second == line, "encoding is not stable: \(String(decoding: line, as: UTF8.self))")
}

FuzzDriver.run { start, count in
    var input = FuzzInput(start, count)
    let limitByte = input.byte(), batchByte = input.byte(), chunkByte = input.byte(), flags = input.byte()
    let data = input.rest
    // Mostly a limit no record reaches, so that records get decoded; sometimes a tiny one.
    let limit = limitByte & 3 == 0 ? Int(limitByte >> 2) + 1 : 1 << 20
    let targetBytes = batchByte & 1 == 0 ? Int(batchByte >> 1) + 1 : 1 << 20
    let failsAtEnd = flags & 1 != 0
    let fields = flags & 2 != 0 ? FieldNames(id: "doc_id", text: "body", html: "raw_html", url: "link") : .standard
    let decoder = DocumentDecoder(fields: fields, requireText: flags & 4 == 0)
    let encoder = DocumentEncoder(fields: fields)

    let source = ChunkedByteSource(data, chunkSeed: chunkByte, failsAtEnd: failsAtEnd)
    let reader = JSONLRecordReader(source: source, name: "fuzz", maxRecordBytes: limit)
    var found: [Expected] = []
    var fills = 0
    while true {
        var batch = RecordBatch()
        guard fill(reader, &batch, targetBytes: targetBytes) else { break }
        fills += 1
        require(fills <= data.count + 2, "the reader keeps returning batches after the input ended")
        for record in batch.records {
            require(record.origin.source == "fuzz", "a record names another source")
            let number = record.origin.line, offset = record.offset
            switch record.content {
            case .jsonLine(let range):
                require(range.lowerBound >= 0 && range.upperBound <= batch.storage.count, "a record's range is outside its batch")
                found.append(.line(number: number, offset: offset, bytes: Array(batch.storage[range])))
                switch decoder.decode(batch.storage, range, origin: record.origin, offset: offset) {
                case .success(let document):
                    require(document.origin == record.origin, "a document lost its origin")
                    checkRoundTrip(document, decoder: decoder, encoder: encoder)
                case .failure(let reject):
                    require(reject.origin == record.origin && reject.offset == offset, "a reject lost its origin")
                    require(reject.raw.map(Array.init) == Array(batch.storage[range]), "a reject does not carry the record's bytes")
                }
            case .oversized(let length, let recordLimit):
                require(recordLimit == limit, "an oversized record names another limit")
                found.append(.oversized(number: number, offset: offset, length: length))
            case .unreadable(_, let partial):
                found.append(.unreadable(number: number, offset: offset, partial: Array(batch.storage[partial])))
            case .jsonDocument(let span):
                require(span.opening == UInt8(ascii: "{") || span.opening == UInt8(ascii: "["), "a document opened by \(span.opening)")
                require(span.lines.lowerBound == number, "a document's lines start at \(span.lines.lowerBound), not its line \(number)")
                guard span.isLone else {
                    found.append(
                        .document(number: number, offset: offset, firstLine: span.firstLine, lines: span.lines, ending: span.ending))
                    break
                }
                found.append(.line(number: number, offset: offset, bytes: span.firstLine))
                if case .failure(let reject) = decoder.decode(
                    span.firstLine, 0..<span.firstLine.count, origin: record.origin, offset: offset)
                {
                    require(reject.raw.map(Array.init) == span.firstLine, "a reject does not carry the record's bytes")
                } else {
                    require(false, "a bare bracket decoded as a document")
                }
            case .htmlFile, .spooled, .archive, .skipped, .damaged:
                require(false, "the JSONL reader made a record of another kind: \(record.content)")
            }
        }
    }
    var after = RecordBatch()
    require(!fill(reader, &after, targetBytes: targetBytes) && after.records.isEmpty, "the reader returns records after it ended")
    let expected = expectedRecords(data, limit: limit, failsAtEnd: failsAtEnd)
    require(found == expected, "records differ from the input's lines:\n  found    \(found)\n  expected \(expected)")
    // Every line handed out counts, with its line ending; an unfinished line cut by a failure does not.
    var consumed = data.count
    if case .unreadable(_, let offset, _)? = expected.last { consumed = offset }
    require(reader.bytesConsumed == consumed, "consumed \(reader.bytesConsumed) bytes, not \(consumed)")
    return 0
}
