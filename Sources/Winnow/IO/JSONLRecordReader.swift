import Glibc

/// Splits one JSONL input into batches of lines. Memory stays bounded: a line longer than the limit
/// is skipped as it streams past and reported as oversized, never buffered whole; so are the lines of
/// a JSON value written over many lines (`JSONDocumentSpan`), which an input may start with: one after
/// another (a stream of pretty-printed objects), each one record, until any other line. Open to the
/// fuzz targets (`Fuzz/`), which feed it from sources that hand out bytes in small chunks.
@_spi(Fuzzing) public final class JSONLRecordReader {
    private let source: any ByteSource
    private let name: String
    private let maxRecordBytes: Int
    /// Set when the input is framed: each line starts with its record's origin.
    private let framing: Framing?
    private var carry: [UInt8] = []
    private var lineNumber = 0
    private var nextLineOffset = 0
    /// Bytes of the input consumed so far: every line handed out or read past, with its line ending.
    @_spi(Fuzzing) public var bytesConsumed: Int { nextLineOffset }
    /// The line being streamed past because it is over the limit, while it lasts.
    private var skipped: SkippedLine?
    /// Where the input stands as to JSON values written over many lines.
    private var documents: Documents
    /// Where the lines read past (those of such values, and blank ones after them) start in the batch's
    /// buffer, while no record refers to the bytes from there on.
    private var pastFrom: Int?
    private var ended = false
    private static var readSize: Int { 1 << 20 }

    @_spi(Fuzzing) public convenience init(source: any ByteSource, name: String, maxRecordBytes: Int) {
        self.init(source: source, name: name, maxRecordBytes: maxRecordBytes, framing: nil)
    }

    init(source: any ByteSource, name: String, maxRecordBytes: Int, framing: Framing?) {
        self.source = source
        self.name = name
        self.maxRecordBytes = maxRecordBytes
        self.framing = framing
        // A framed input's first line is some input's line, not the start of a file.
        documents = framing == nil ? .looking : .over
    }

    /// Appends complete records to `batch` until it holds about `targetBytes`; false at the end of input.
    /// A read error becomes an `unreadable` record holding the incomplete line it cut (every complete
    /// line before it is a record as usual); only damage that puts earlier records in doubt is thrown.
    @_spi(Fuzzing) public func fill(_ batch: inout RecordBatch, targetBytes: Int) throws(WinnowError) -> Bool {
        guard !ended else { return false }
        var lineStart = batch.storage.count
        batch.storage.append(contentsOf: carry)
        carry.removeAll(keepingCapacity: true)
        var scanFrom = batch.storage.count
        if pastFrom != nil { pastFrom = lineStart }
        // While lines are read past, the batch goes as soon as it has a record: a stream of values over
        // many lines would otherwise pile up its records in one batch, none of them holding a byte of it.
        while (lineStart < targetBytes && pastFrom == nil) || batch.records.isEmpty {
            let got: Int
            do {
                got = try source.read(into: &batch.storage, maxCount: Self.readSize)
            } catch {
                if error.kind == .damagedInput { throw error }
                ended = true
                endDocument(.cut, in: &batch)
                lineNumber += 1
                let partial = lineStart..<batch.storage.count
                batch.records.append(
                    RawRecord(
                        origin: DocumentOrigin(source: name, line: lineNumber), offset: nextLineOffset,
                        content: .unreadable(message: error.message, partial: partial)))
                return true
            }
            if got == 0 {
                ended = true
                if lineStart < batch.storage.count || skipped != nil {
                    finishLine(lineStart..<batch.storage.count, in: &batch, hasLineEnding: false)
                }
                endDocument(.cut, in: &batch)
                return true
            }
            scanLines(in: &batch, from: scanFrom, lineStart: &lineStart)
            if let from = pastFrom, lineStart > from {
                // Lines read past are counted; their bytes go as soon as they are.
                batch.storage.removeSubrange(from..<lineStart)
                lineStart = from
            }
            if batch.records.isEmpty && lineStart >= Self.readSize {
                // Only blank lines so far, and no record refers to the buffer: let them go, so that
                // memory stays bounded however many there are.
                batch.storage.removeSubrange(..<lineStart)
                lineStart = 0
                if pastFrom != nil { pastFrom = 0 }
            }
            if skipped != nil {
                skipped?.add(batch.storage[lineStart...])
                batch.storage.removeSubrange(lineStart...)
            } else {
                let mark = lineNumber == 0 ? Self.byteOrderMark(batch.storage[lineStart...]) : 0
                // One byte more may be the CR of a CRLF line end, which is no part of the record.
                if batch.storage.count - lineStart - mark - 1 > maxRecordBytes {
                    skipped = SkippedLine(byteOrderMark: mark, document: openDocument?.scanner)
                    skipped?.add(batch.storage[(lineStart + mark)...])
                    batch.storage.removeSubrange(lineStart...)
                }
            }
            scanFrom = batch.storage.count
        }
        carry.append(contentsOf: batch.storage[lineStart...])
        batch.storage.removeSubrange(lineStart...)
        return true
    }

    private func scanLines(in batch: inout RecordBatch, from start: Int, lineStart: inout Int) {
        var newlines: [Int] = []
        batch.storage.withUnsafeBufferPointer { bytes in
            guard let base = bytes.baseAddress else { return }
            var position = start
            while position < bytes.count,
                let hit = memchr(base + position, 0x0A, bytes.count - position)
            {
                let index = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                newlines.append(index)
                position = index + 1
            }
        }
        for newline in newlines {
            finishLine(lineStart..<newline, in: &batch)
            lineStart = newline + 1
        }
    }

    /// Records one complete line (its bytes are `range`, plus whatever was skipped of it before).
    private func finishLine(_ range: Range<Int>, in batch: inout RecordBatch, hasLineEnding: Bool = true) {
        lineNumber += 1
        let origin = DocumentOrigin(source: name, line: lineNumber)
        let offset = nextLineOffset
        let line = skipped
        skipped = nil
        nextLineOffset += (line.map { $0.byteOrderMark + $0.length } ?? 0) + range.count + (hasLineEnding ? 1 : 0)
        if var document = openDocument {
            var scanner: JSONDocumentScanner
            if var line {
                line.add(batch.storage[range])
                scanner = line.document ?? document.scanner
            } else {
                scanner = document.scanner
                scanner.feed(batch.storage[range])
            }
            scanner.endLine()
            if scanner.state != .broken {
                if scanner.content > document.scanner.content { document.lastLine = lineNumber }
                document.scanner = scanner
                documents = .inside(document)
                if scanner.state == .closed { endDocument(.closed, in: &batch) }
                return
            }
            // This line is not the value's: it is read as any line after the value.
            endDocument(.interrupted(line: lineNumber), in: &batch)
        }
        if var line {
            line.add(batch.storage[range])
            // Blank lines are no records whatever their length.
            guard !line.isBlank else {
                if lineNumber == 1 { noDocumentsAfter() }
                return
            }
            noDocumentsAfter()
            batch.records.append(
                RawRecord(origin: origin, offset: offset, content: .oversized(length: line.length, limit: maxRecordBytes)))
            return
        }
        let lineEnd = range.count > 0 && batch.storage[range.upperBound - 1] == 0x0D ? 1 : 0
        var start = range.lowerBound, end = range.upperBound - lineEnd
        // A byte order mark opens some files written on Windows: it is not part of the first record.
        if lineNumber == 1 { start += Self.byteOrderMark(batch.storage[start..<end]) }
        // Blank lines separate nothing in JSONL; they are skipped, not counted as records.
        let isBlank = !batch.storage[start..<end].contains { $0 != 0x20 && $0 != 0x09 }
        guard !isBlank else {
            // A value over many lines starts the input, or follows one.
            if lineNumber == 1 { noDocumentsAfter() }
            return
        }
        if end - start > maxRecordBytes {
            noDocumentsAfter()
            batch.records.append(
                RawRecord(
                    origin: origin, offset: offset,
                    content: .oversized(length: range.upperBound - start, limit: maxRecordBytes)))
            return
        }
        if case .looking = documents {
            if let opening = JSONDocumentLine.opening(batch.storage[start..<end]) {
                if pastFrom == nil { pastFrom = range.lowerBound }
                documents = .inside(
                    OpenDocument(
                        scanner: JSONDocumentScanner(opening: opening), firstLine: Array(batch.storage[start..<end]),
                        opening: opening, origin: origin, offset: offset, lastLine: lineNumber))
                return
            }
            noDocumentsAfter()
        }
        guard let framing else {
            batch.records.append(RawRecord(origin: origin, offset: offset, content: .jsonLine(start..<end)))
            return
        }
        guard let prefix = framing.parsePrefix(batch.storage[start..<end]) else {
            batch.records.append(
                RawRecord(
                    origin: origin, offset: offset,
                    content: .unreadable(
                        message: "a framed line must start with its input's number, line and offset", partial: start..<end)))
            return
        }
        // A framed line holds an input line as it was: the blank lines and byte order mark of the
        // user's input are dropped here, as they would have been when read directly.
        var json = prefix.json
        if prefix.origin.line == 1 && batch.storage[json..<end].starts(with: [0xEF, 0xBB, 0xBF]) { json += 3 }
        guard batch.storage[json..<end].contains(where: { $0 != 0x20 && $0 != 0x09 }) else { return }
        batch.records.append(
            RawRecord(
                origin: prefix.origin, offset: prefix.offset, content: .jsonLine(json..<end)))
    }

    /// The value over many lines being read, if any.
    private var openDocument: OpenDocument? {
        if case .inside(let document) = documents { return document }
        return nil
    }

    /// Ends the value being read, if any, as one record; a first line that no line continued is read
    /// as any line, and ends the looking for values.
    private func endDocument(_ ending: JSONDocumentSpan.Ending, in batch: inout RecordBatch) {
        guard let document = openDocument else { return }
        let span = JSONDocumentSpan(
            firstLine: document.firstLine, opening: document.opening, lines: document.origin.line...document.lastLine,
            ending: ending)
        batch.records.append(RawRecord(origin: document.origin, offset: document.offset, content: .jsonDocument(span)))
        documents = .looking
        if span.isLone { noDocumentsAfter() }
    }

    /// A line that is no value over many lines: the rest of the input is JSON Lines, and its records
    /// refer to the batch's buffer.
    private func noDocumentsAfter() {
        documents = .over
        pastFrom = nil
    }

    /// 3 when `bytes` start with a UTF-8 byte order mark, else 0.
    private static func byteOrderMark(_ bytes: ArraySlice<UInt8>) -> Int {
        bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    }
}

/// Where an input stands as to JSON values written over many lines: looked for at its first line and
/// right after one, until any other line.
private enum Documents {
    case looking
    case inside(OpenDocument)
    case over
}

/// A value over many lines being read: what its record will need.
private struct OpenDocument {
    var scanner: JSONDocumentScanner
    let firstLine: [UInt8]
    let opening: UInt8
    let origin: DocumentOrigin
    let offset: Int
    /// The last line that added to the value, not a blank one.
    var lastLine: Int
}

/// A line over the limit, streamed past in pieces: its length (with the CR of a CRLF end, as the
/// message counts it) and whether it is blank so far, since a blank line is no record whatever its length.
private struct SkippedLine {
    /// The byte order mark before the first line: read past, but no part of the record.
    let byteOrderMark: Int
    var length = 0
    /// Only spaces and tabs so far, but for a last CR that may be the line end's.
    private(set) var isBlank = true
    private var endsInCR = false
    /// The value over many lines it may go on, reading it.
    private(set) var document: JSONDocumentScanner?

    init(byteOrderMark: Int, document: JSONDocumentScanner?) {
        self.byteOrderMark = byteOrderMark
        self.document = document
    }

    mutating func add(_ bytes: ArraySlice<UInt8>) {
        document?.feed(bytes)
        length += bytes.count
        guard isBlank, let last = bytes.last else { return }
        // A CR with more bytes after it is inside the line, not its end.
        isBlank = !endsInCR && bytes.dropLast().allSatisfy { $0 == 0x20 || $0 == 0x09 } && [0x20, 0x09, 0x0D].contains(last)
        endsInCR = last == 0x0D
    }
}
