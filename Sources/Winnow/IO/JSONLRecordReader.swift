import Glibc

/// Splits one JSONL input into batches of lines. Memory stays bounded: a line longer than the limit
/// is skipped as it streams past and reported as oversized, never buffered whole; so is every line
/// after the first of an input that is one JSON document (`JSONDocumentLine`). Open to the fuzz
/// targets (`Fuzz/`), which feed it from sources that hand out bytes in small chunks.
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
    /// Set once the first line shows the input is one JSON document: later lines are counted, not kept.
    private var readingPast = false
    /// Where the lines read past start in the batch's buffer: no record refers to the bytes from there on.
    private var pastFrom = 0
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
        pastFrom = lineStart
        while lineStart < targetBytes || batch.records.isEmpty {
            let got: Int
            do {
                got = try source.read(into: &batch.storage, maxCount: Self.readSize)
            } catch {
                if error.kind == .damagedInput { throw error }
                ended = true
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
                return true
            }
            scanLines(in: &batch, from: scanFrom, lineStart: &lineStart)
            if readingPast && lineStart > pastFrom {
                // Lines read past are counted; their bytes go as soon as they are.
                batch.storage.removeSubrange(pastFrom..<lineStart)
                lineStart = pastFrom
            }
            if batch.records.isEmpty && lineStart >= Self.readSize {
                // Only blank lines so far, and no record refers to the buffer: let them go, so that
                // memory stays bounded however many there are.
                batch.storage.removeSubrange(..<lineStart)
                lineStart = 0
                pastFrom = 0
            }
            if skipped != nil {
                skipped?.add(batch.storage[lineStart...])
                batch.storage.removeSubrange(lineStart...)
            } else {
                let mark = lineNumber == 0 ? Self.byteOrderMark(batch.storage[lineStart...]) : 0
                // One byte more may be the CR of a CRLF line end, which is no part of the record.
                if batch.storage.count - lineStart - mark - 1 > maxRecordBytes {
                    skipped = SkippedLine(byteOrderMark: mark)
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
        guard !readingPast else { return }
        if var line {
            line.add(batch.storage[range])
            // Blank lines are no records whatever their length.
            guard !line.isBlank else { return }
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
        guard !isBlank else { return }
        if end - start > maxRecordBytes {
            batch.records.append(
                RawRecord(
                    origin: origin, offset: offset,
                    content: .oversized(length: range.upperBound - start, limit: maxRecordBytes)))
            return
        }
        if lineNumber == 1 {
            // A framed input's first line is some input's line, not the start of a file.
            if framing == nil, let opening = JSONDocumentLine.opening(batch.storage[start..<end]) {
                readingPast = true
                pastFrom = range.upperBound + (hasLineEnding ? 1 : 0)
                batch.records.append(
                    RawRecord(
                        origin: origin, offset: offset, content: .jsonDocument(firstLine: start..<end, opening: opening)))
                return
            }
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

    /// 3 when `bytes` start with a UTF-8 byte order mark, else 0.
    private static func byteOrderMark(_ bytes: ArraySlice<UInt8>) -> Int {
        bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    }
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

    init(byteOrderMark: Int) {
        self.byteOrderMark = byteOrderMark
    }

    mutating func add(_ bytes: ArraySlice<UInt8>) {
        length += bytes.count
        guard isBlank, let last = bytes.last else { return }
        // A CR with more bytes after it is inside the line, not its end.
        isBlank = !endsInCR && bytes.dropLast().allSatisfy { $0 == 0x20 || $0 == 0x09 } && [0x20, 0x09, 0x0D].contains(last)
        endsInCR = last == 0x0D
    }
}
