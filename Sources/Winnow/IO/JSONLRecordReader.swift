import Glibc

/// Splits one JSONL input into batches of lines. Memory stays bounded: a line longer than the limit
/// is skipped as it streams past and reported as oversized, never buffered whole. Open to the fuzz
/// targets (`Fuzz/`), which feed it from sources that hand out bytes in small chunks.
@_spi(Fuzzing) public final class JSONLRecordReader {
    private let source: any ByteSource
    private let name: String
    private let maxRecordBytes: Int
    private var carry: [UInt8] = []
    private var lineNumber = 0
    private var nextLineOffset = 0
    /// Bytes of the input consumed so far: every line handed out, with its line ending.
    @_spi(Fuzzing) public var bytesConsumed: Int { nextLineOffset }
    private var discarded: Int?
    private var ended = false
    private static var readSize: Int { 1 << 20 }

    @_spi(Fuzzing) public init(source: any ByteSource, name: String, maxRecordBytes: Int) {
        self.source = source
        self.name = name
        self.maxRecordBytes = maxRecordBytes
    }

    /// Appends complete records to `batch` until it holds about `targetBytes`; false at the end of input.
    @_spi(Fuzzing) public func fill(_ batch: inout RecordBatch, targetBytes: Int) -> Bool {
        guard !ended else { return false }
        var lineStart = batch.storage.count
        batch.storage.append(contentsOf: carry)
        carry.removeAll(keepingCapacity: true)
        var scanFrom = batch.storage.count
        while lineStart < targetBytes || batch.records.isEmpty {
            let got: Int
            do {
                got = try source.read(into: &batch.storage, maxCount: Self.readSize)
            } catch {
                ended = true
                lineNumber += 1
                let partial = lineStart..<batch.storage.count
                batch.records.append(RawRecord(
                    origin: DocumentOrigin(source: name, line: lineNumber), offset: nextLineOffset,
                    content: .unreadable(message: error.message, partial: partial)))
                return true
            }
            if got == 0 {
                ended = true
                if lineStart < batch.storage.count || discarded != nil {
                    finishLine(lineStart..<batch.storage.count, in: &batch, hasLineEnding: false)
                }
                return true
            }
            scanLines(in: &batch, from: scanFrom, lineStart: &lineStart)
            let pending = batch.storage.count - lineStart
            if let skipped = discarded {
                discarded = skipped + pending
                batch.storage.removeSubrange(lineStart...)
            } else if pending > maxRecordBytes {
                discarded = pending
                batch.storage.removeSubrange(lineStart...)
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
                  let hit = memchr(base + position, 0x0A, bytes.count - position) {
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
        let length = (discarded ?? 0) + range.count
        nextLineOffset += length + (hasLineEnding ? 1 : 0)
        if discarded != nil || range.count > maxRecordBytes {
            discarded = nil
            batch.records.append(RawRecord(origin: origin, offset: offset,
                                           content: .oversized(length: length, limit: maxRecordBytes)))
            return
        }
        var end = range.upperBound
        if end > range.lowerBound && batch.storage[end - 1] == 0x0D { end -= 1 }
        // Blank lines separate nothing in JSONL; they are skipped, not counted as records.
        let isBlank = !batch.storage[range.lowerBound..<end].contains { $0 != 0x20 && $0 != 0x09 }
        guard !isBlank else { return }
        batch.records.append(RawRecord(origin: origin, offset: offset, content: .jsonLine(range.lowerBound..<end)))
    }
}
