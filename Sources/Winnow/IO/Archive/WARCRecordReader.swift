/// Splits one web archive (WARC or WET; plain, gzip per record, or gzip as a whole) into records.
/// The blocks of `response` and `conversion` records go to the batch for the workers; every other record
/// is counted as skipped; damage (a bad header, a wrong Content-Length, garbage, a broken gzip member)
/// becomes a reject naming its byte offset, and reading resumes at the next record. Memory stays
/// bounded by the size limit: a longer record streams past without being held (in a plain file, only
/// once the file shows a record end where it claims one).
final class WARCRecordReader: RecordSource {
    private let stream: ArchiveByteStream
    private let name: String
    private let file: String
    private let maxRecordBytes: Int
    /// A plain archive file, read ahead where a record too large to hold claims to end: a claim wrong
    /// there (past the file's end, or with no record end) is known at its header, so reading resumes
    /// after the header, as for a smaller record, instead of streaming past the records the claim covers.
    private let plainFile: (any PositionalByteSource)?
    /// Decompressed bytes read and not yet passed; `window[0]` is at offset `windowBase` of the stream.
    private var window: [UInt8] = []
    private var windowBase = 0
    /// How much of `window` holds bytes read; past it is room the stream inflates into.
    private var windowEnd = 0
    /// Index in `window` of the next byte to parse.
    private var position = 0
    private var streamEnded = false
    /// Member starts and damage not yet passed, in stream order.
    private var events = ArchiveEventQueue()
    private var recordNumber = 0
    private var ended = false
    /// The damaged gzip member (inflated whole before any of it was handed out) the last record started
    /// in or ran into: its records are rejects that say so, and its damage is no reject of its own.
    private var distrustedMember: Int?
    /// The gzip member holding the end of the last record handed on (a document or a skip): damage found
    /// in it later, once it streamed past (too large to inflate whole first), puts that record in doubt.
    private var handedOutMember: Int?
    /// Damage that puts records already handed on in doubt: the run stops, writing nothing.
    private var fatal: WinnowError?
    var bytesConsumed: Int { windowBase + position }
    /// How many member starts and damage events wait to be passed: few, whatever the gzip members' size.
    var pendingEvents: Int { events.count }

    /// A header longer than this is damage, not a header.
    static let maxHeaderBytes = 1 << 16
    /// A batch holds at most this many records, so that a run of skipped records stays small.
    static let maxBatchRecords = 4096
    private static var readSize: Int { 1 << 20 }
    private static let recordEnd = RecordBoundary.recordEnd
    private static let recordStartLength = RecordBoundary.recordStartLength

    /// `name` is the source of the records' origins; `file` the archive as given (`name` when nil);
    /// `plainFile` the file `stream` reads, when it is a plain (uncompressed) archive file read from its start.
    init(
        stream: ArchiveByteStream, name: String, file: String? = nil, maxRecordBytes: Int,
        plainFile: (any PositionalByteSource)? = nil
    ) {
        self.stream = stream
        self.name = name
        self.file = file ?? name
        self.maxRecordBytes = maxRecordBytes
        self.plainFile = plainFile
    }

    func fill(_ batch: inout RecordBatch, targetBytes: Int) throws(WinnowError) -> Bool {
        guard !ended else { return false }
        while batch.storage.count < targetBytes && batch.records.count < Self.maxBatchRecords {
            do throws(WinnowError) {
                let more = try step(&batch)
                if let fatal {
                    ended = true
                    throw fatal
                }
                if !more {
                    ended = true
                    return true
                }
            } catch  where error.kind == .damagedInput {
                throw error
            } catch {
                ended = true
                recordNumber += 1
                batch.records.append(
                    RawRecord(
                        origin: origin, offset: fileOffset(bytesConsumed),
                        content: .unreadable(message: error.message, partial: batch.storage.count..<batch.storage.count)))
                return true
            }
        }
        return true
    }

    private var origin: DocumentOrigin { DocumentOrigin(source: name, line: recordNumber) }

    /// Reads one record (or one stretch of damage); false at the end of the input.
    private func step(_ batch: inout RecordBatch) throws(WinnowError) -> Bool {
        // Records end with an empty line; tolerate extra line breaks between them.
        while true {
            if position == windowEnd {
                try load(upTo: bytesConsumed + 1)
                if position == windowEnd { break }
            }
            guard window[position] == 0x0D || window[position] == 0x0A else { break }
            position += 1
        }
        try load(upTo: bytesConsumed + 16)
        reportDamage(upTo: bytesConsumed, into: &batch)
        if position == windowEnd { return false }

        let recordStart = bytesConsumed
        guard startsRecord(at: position) else {
            recordNumber += 1
            let garbageOrigin = origin
            let offset = fileOffset(recordStart)
            noteStart(at: recordStart)
            try resync(from: recordStart + 1)
            let skipped = bytesConsumed - recordStart
            batch.records.append(
                RawRecord(
                    origin: garbageOrigin, offset: offset,
                    content: .damaged(
                        message: "\(skipped) bytes at \(offset) are not a WARC record (garbage between records); "
                            + (position < windowEnd ? "reading resumes at the next record" : "the file ends there"))))
            return true
        }

        let headerStop = try scanHeader(from: recordStart)
        recordNumber += 1
        let recordOrigin = origin
        let offset = fileOffset(recordStart)
        noteStart(at: recordStart)
        let headerEnd: Int
        switch headerStop {
        case .end(let end):
            headerEnd = end
        case .nextRecord(let next):
            // Cut short, the header would take in the next record's fields (and swallow that record).
            reject(
                interruption(after: recordStart, before: next + 1) ?? (next, nil), recordAt: offset, length: nil,
                origin: recordOrigin, into: &batch)
            return true
        case .tooLong, .cutByEnd:
            // Damage that cut the header (a gzip member cut or corrupt in it) is the one reason, not a second reject.
            let reach = headerStop == .tooLong ? recordStart + Self.maxHeaderBytes : windowBase + windowEnd + 1
            if let stop = interruption(after: recordStart, before: reach) {
                reject(stop, recordAt: offset, length: nil, origin: recordOrigin, into: &batch)
                return true
            }
            batch.records.append(
                RawRecord(
                    origin: recordOrigin, offset: offset,
                    content: .damaged(
                        message: headerStop == .cutByEnd
                            ? "the WARC header at \(offset) breaks off at the end of the file"
                            : "the WARC header at \(offset) has no end within \(Self.maxHeaderBytes) bytes")))
            try resync(from: recordStart + 1)
            return true
        }
        if let stop = interruption(after: recordStart, before: headerEnd) {
            reject(stop, recordAt: offset, length: nil, origin: recordOrigin, into: &batch)
            return true
        }
        let header: WARCHeader
        do throws(WARCHeader.Problem) {
            header = try window.withUnsafeBufferPointer { bytes throws(WARCHeader.Problem) in
                try WARCHeader.parse(UnsafeBufferPointer(rebasing: bytes[(recordStart - windowBase)..<(headerEnd - windowBase)]))
            }
        } catch {
            batch.records.append(
                RawRecord(
                    origin: recordOrigin, offset: offset,
                    content: .damaged(
                        message: "bad WARC header at \(offset): \(error.message)")))
            try resync(from: recordStart + 1)
            return true
        }

        let blockEnd = headerEnd + header.contentLength
        let kind: ArchiveRecord.Kind? =
            switch header.type {
            case "response": .response
            case "conversion": .conversion
            default: nil
            }
        if header.contentLength > maxRecordBytes, let plainFile, let plainSize = plainFile.size {
            // Streamed past, a wrong claim would drop the records it covers before its end showed it wrong.
            if blockEnd > plainSize {
                shortOfFile(
                    recordAt: offset, claiming: header.contentLength, shortBy: blockEnd - plainSize, origin: recordOrigin, into: &batch)
                try resync(from: headerEnd)
                return true
            }
            let after = try plainFile.bytes(at: blockEnd, count: RecordBoundary.lookahead)
            if RecordBoundary.trailerLength(
                after: after[...], inputEnds: after.count < RecordBoundary.lookahead, memberStartsAt: { _ in false })
                == nil
            {
                try rejectWrongEnd(
                    header, recordStart: recordStart, recordEnd: blockEnd + Self.recordEnd.count, offset: offset,
                    origin: recordOrigin, resumingAt: headerEnd, into: &batch)
                return true
            }
        }
        if header.contentLength > maxRecordBytes {
            try streamPast(
                header, kind: kind, recordStart: recordStart, headerEnd: headerEnd, blockEnd: blockEnd, offset: offset,
                origin: recordOrigin, into: &batch)
            return true
        }
        let recordEnd = blockEnd + Self.recordEnd.count
        try load(upTo: recordEnd, unlessInterruptedAfter: recordStart)
        if let stop = interruption(after: recordStart, before: blockEnd) {
            reject(stop, recordAt: offset, length: header.contentLength, origin: recordOrigin, into: &batch)
            if stop.damage == nil {
                // A wrong length that runs into the next record's gzip member: records may lie before that
                // member, in the one this record starts (still read): resume after the header, as in a plain file.
                position = headerEnd - windowBase
                try resync(from: headerEnd)
            }
            return true
        }
        try load(upTo: recordEnd + Self.recordStartLength)
        let loadedEnd = windowBase + windowEnd
        let trailer = trailerLength(at: blockEnd)
        if loadedEnd < blockEnd || trailer == nil, let damage = damageInMember(after: recordStart, near: recordEnd) {
            // The gzip member holding the record broke (its end is missing): that is the reason, not the length.
            reject(damage, recordAt: offset, length: header.contentLength, origin: recordOrigin, into: &batch)
            return true
        }
        guard loadedEnd >= blockEnd else {
            shortOfFile(recordAt: offset, claiming: header.contentLength, shortBy: blockEnd - loadedEnd, origin: recordOrigin, into: &batch)
            try resync(from: headerEnd)
            return true
        }
        guard let trailer else {
            try rejectWrongEnd(
                header, recordStart: recordStart, recordEnd: recordEnd, offset: offset, origin: recordOrigin,
                resumingAt: headerEnd, into: &batch)
            return true
        }
        if let damage = try damageEndingMember(of: recordStart, by: blockEnd + trailer) {
            // Its member failed its check (or was cut in its last bytes): the block cannot be trusted.
            reject(damage, recordAt: offset, length: nil, origin: recordOrigin, into: &batch, damageMeans: "is in a damaged gzip member")
            return true
        }
        if rejectDistrusted(recordStart..<blockEnd, recordAt: offset, origin: recordOrigin, into: &batch) {
            position = blockEnd + trailer - windowBase
            return true
        }
        handedOutMember = events.member(at: max(recordStart, blockEnd - 1))?.compressed
        if let kind {
            let start = batch.storage.count
            batch.storage.append(contentsOf: window[(headerEnd - windowBase)..<(blockEnd - windowBase)])
            batch.records.append(
                RawRecord(
                    origin: recordOrigin, offset: offset,
                    content: .archive(
                        ArchiveRecord(
                            kind: kind, block: start..<batch.storage.count, file: file, recordID: header.recordID,
                            recordIDIsUTF8: header.recordIDIsUTF8, targetURI: header.targetURI,
                            targetURIIsUTF8: header.targetURIIsUTF8,
                            date: header.date, truncated: header.truncated, language: header.identifiedLanguage,
                            segmentNumber: header.segmentNumber))))
        } else {
            batch.records.append(RawRecord(origin: recordOrigin, offset: offset, content: .skipped(reason: Self.skipReason(header.type))))
        }
        position = blockEnd + trailer - windowBase
        return true
    }

    /// A record longer than the limit: its bytes are read and dropped as they come, never held whole, and
    /// so are the starts of the gzip members inside it. The record starts among them are counted: when
    /// the claim proves wrong, those records are lost.
    private func streamPast(
        _ header: WARCHeader, kind: ArchiveRecord.Kind?, recordStart: Int, headerEnd: Int, blockEnd: Int,
        offset: ArchiveOffset, origin: DocumentOrigin, into batch: inout RecordBatch
    ) throws(WinnowError) {
        let recordEnd = blockEnd + Self.recordEnd.count
        var covered: (count: Int, first: ArchiveOffset, last: ArchiveOffset) = (0, ArchiveOffset(file: 0), ArchiveOffset(file: 0))
        var counted = headerEnd
        /// Counts the records that start (a version line at the start of a line) in `counted..<end`.
        func count(upTo end: Int) {
            let first = WARCHeader.versionPrefix[0]
            var index = counted - windowBase
            while index < end - windowBase, let found = window[index..<(end - windowBase)].firstIndex(of: first) {
                if startsRecord(at: found) && (found + windowBase == headerEnd || window[found - 1] == 0x0A) {
                    // Named now: the member starts before `counted` are dropped as the record streams past.
                    covered.last = fileOffset(found + windowBase)
                    if covered.count == 0 { covered.first = covered.last }
                    covered.count += 1
                }
                index = found + 1
            }
            counted = max(counted, end)
        }
        while true {
            let loadedEnd = windowBase + windowEnd
            if let stop = interruption(after: recordStart, before: min(blockEnd, loadedEnd)) {
                // Run into the next record's gzip member: records before it in this one went past with the bytes.
                if stop.damage == nil { count(upTo: stop.position) }
                reject(
                    stop, recordAt: offset, length: header.contentLength, origin: origin, into: &batch,
                    lost: stop.damage == nil ? lostRecords(covered, claim: header.contentLength) : "")
                return
            }
            if loadedEnd >= recordEnd || streamEnded { break }
            let judged = min(blockEnd, loadedEnd - Self.recordStartLength)
            count(upTo: judged)
            events.dropMemberStarts(after: recordStart, before: judged)
            // Drop what is loaded, keeping a few bytes so that a record start split across reads is seen;
            // then one read, so that the events of what was dropped are dropped before more come.
            let keep = min(windowEnd, 16)
            position = windowEnd - keep
            try load(upTo: min(recordEnd, loadedEnd + 1))
        }
        try load(upTo: recordEnd + Self.recordStartLength)
        let loadedEnd = windowBase + windowEnd
        count(upTo: min(blockEnd, loadedEnd))
        guard loadedEnd >= blockEnd else {
            shortOfFile(
                recordAt: offset, claiming: header.contentLength, shortBy: blockEnd - loadedEnd, origin: origin, into: &batch,
                lost: lostRecords(covered, claim: header.contentLength))
            position = windowEnd
            return
        }
        guard let trailer = trailerLength(at: blockEnd) else {
            try rejectWrongEnd(
                header, recordStart: recordStart, recordEnd: recordEnd, offset: offset, origin: origin,
                resumingAt: blockEnd, into: &batch, lost: lostRecords(covered, claim: header.contentLength))
            return
        }
        if let damage = try damageEndingMember(of: recordStart, by: blockEnd + trailer) {
            // Its own member failed its check: one reject, not a record passed on and then put in doubt.
            reject(damage, recordAt: offset, length: nil, origin: origin, into: &batch, damageMeans: "is in a damaged gzip member")
            return
        }
        position = blockEnd + trailer - windowBase
        if rejectDistrusted(recordStart..<blockEnd, recordAt: offset, origin: origin, into: &batch) { return }
        if kind != nil {
            batch.records.append(
                RawRecord(
                    origin: origin, offset: offset,
                    content: .oversized(length: header.contentLength, limit: maxRecordBytes)))
        } else {
            handedOutMember = events.member(at: max(recordStart, blockEnd - 1))?.compressed
            batch.records.append(RawRecord(origin: origin, offset: offset, content: .skipped(reason: Self.skipReason(header.type))))
        }
    }

    /// Notes a record (or garbage) starting at `start` in a gzip member found damaged before it was
    /// handed out: that member's damage is then told by its records' rejects.
    private func noteStart(at start: Int) {
        if let member = events.member(at: start), member.damage != nil { distrustedMember = member.compressed }
    }

    /// A record whose bytes (`range` of the stream) come from a gzip member found damaged before it was
    /// handed out is one reject that says so, not a document read from bytes that fail their check.
    private func rejectDistrusted(
        _ range: Range<Int>, recordAt offset: ArchiveOffset, origin: DocumentOrigin, into batch: inout RecordBatch
    ) -> Bool {
        var found: (member: Int, message: String)?
        if let member = events.member(at: range.lowerBound), let damage = member.damage {
            found = (member.compressed, damage)
        } else {
            for event in events.after(range.lowerBound) {
                guard event.decompressed < range.upperBound else { break }
                if case .untrusted(_, let compressed, let message) = event {
                    found = (compressed, message)
                    break
                }
            }
        }
        guard let found else { return false }
        distrustedMember = found.member
        batch.records.append(
            RawRecord(
                origin: origin, offset: offset,
                content: .damaged(message: "the record at \(offset) is in a damaged gzip member: \(found.message)")))
        return true
    }

    /// Damage in the gzip member at `member` (its compressed offset): when a record read from that member
    /// was handed on (it streamed, too large to inflate whole first), that record cannot be trusted and
    /// the run stops. Bytes the end of the file cuts off are not in doubt: they are as written.
    private func doubt(member: Int, _ message: String) {
        guard fatal == nil, member == handedOutMember, member != stream.cutMember else { return }
        fatal = WinnowError(
            .damagedInput,
            "\(message), and records read from that member were already passed on: they cannot be trusted, so "
                + "nothing was written; fetch the file again, or leave it out of the inputs",
            path: file)
    }

    /// A record whose block is not followed by its end. A gzip member that starts the next record within
    /// the four bytes the end takes cuts it there (its length is a few bytes short); otherwise reading
    /// resumes at `resumingAt` (the header's end, or the block's end when the block was streamed past:
    /// `lost` then says what went with it).
    private func rejectWrongEnd(
        _ header: WARCHeader, recordStart: Int, recordEnd: Int, offset: ArchiveOffset, origin: DocumentOrigin, resumingAt resume: Int,
        into batch: inout RecordBatch, lost: String = ""
    ) throws(WinnowError) {
        if let stop = interruption(after: recordStart, before: recordEnd) {
            reject(stop, recordAt: offset, length: header.contentLength, origin: origin, into: &batch)
            return
        }
        let message =
            "the record at \(offset) does not end where its Content-Length \(header.contentLength) says (no empty line after the block)"
            + lost
        batch.records.append(RawRecord(origin: origin, offset: offset, content: .damaged(message: message)))
        try resync(from: resume)
    }

    /// A record whose Content-Length runs past the end of the file (`lost`: what went with it, streamed past).
    private func shortOfFile(
        recordAt offset: ArchiveOffset, claiming length: Int, shortBy missing: Int, origin: DocumentOrigin, into batch: inout RecordBatch,
        lost: String = ""
    ) {
        let message =
            "the record at \(offset) claims \(length) bytes (Content-Length) but the file ends \(missing) bytes short of that"
            + lost
        batch.records.append(RawRecord(origin: origin, offset: offset, content: .damaged(message: message)))
    }

    /// What a wrong claim streamed past took with it, for its reject's message: the records that started
    /// in its bytes, which an input read once (standard input, gzip) cannot give again, and how to read
    /// them (a limit over the claim reads the record whole and resumes after its header). Empty when none did.
    /// The records are named as rejects name theirs: their gzip member's compressed offset, and their offset in it.
    private func lostRecords(_ covered: (count: Int, first: ArchiveOffset, last: ArchiveOffset), claim: Int) -> String {
        guard covered.count > 0 else { return "" }
        let which =
            covered.count == 1
            ? "the record at \(covered.first) is"
            : "the \(covered.count) records \(covered.first.span(to: covered.last)) are"
        return "; over the size limit, it was streamed past before that showed, and this input cannot be read again "
            + "(standard input, or gzip holding more than one record in a member): \(which) lost with it"
            + "; to read \(covered.count == 1 ? "it" : "them"), run again with --max-record-bytes \(claim) or more, "
            + "or on the archive as a plain file"
    }

    /// A record cut by damage in the compressed data, or by the start of the next record (in the next gzip
    /// member) before its Content-Length is reached: one reject (`lost`: what went with it, streamed past),
    /// and reading resumes where it was cut.
    private func reject(
        _ stop: (position: Int, damage: String?), recordAt offset: ArchiveOffset, length: Int?,
        origin: DocumentOrigin, into batch: inout RecordBatch, damageMeans: String = "breaks off", lost: String = ""
    ) {
        let message: String
        if let damage = stop.damage {
            message = "the record at \(offset) \(damageMeans): \(damage)"
        } else {
            message =
                "the record at \(offset) runs into the next record at \(fileOffset(stop.position))"
                + (length.map { " (its Content-Length \($0) is wrong)" } ?? " (its header has no end)") + lost
        }
        batch.records.append(RawRecord(origin: origin, offset: offset, content: .damaged(message: message)))
        for case .damage(_, let member, let damage) in events.at(stop.position) where damage == stop.damage {
            doubt(member: member, damage)
        }
        events.pass(to: stop.position)
        position = stop.position - windowBase
    }

    /// Damage at or before `end` that no record was reading through: a reject of its own. A member start
    /// at `end` stays for the offset of the record that starts there, unless damage at `end` follows it:
    /// that member broke before giving a byte (at the end of the file, nothing else would report it).
    private func reportDamage(upTo end: Int, into batch: inout RecordBatch) {
        while let first = events.first, first.decompressed <= end {
            if case .damage(_, let compressed, let message) = first {
                events.removeFirst()
                // The records of a member found damaged before it was handed out were rejects that say so.
                if compressed == distrustedMember { continue }
                doubt(member: compressed, message)
                recordNumber += 1
                batch.records.append(RawRecord(origin: origin, offset: compressed, content: .damaged(message: message)))
            } else if first.decompressed < end || events.hasDamage(at: end) {
                events.removeFirst()
            } else {
                break
            }
        }
    }

    /// The first place in `(start, end)` where a record cannot go on: damage, or a gzip member that
    /// starts a new record.
    private func interruption(after start: Int, before end: Int) -> (position: Int, damage: String?)? {
        for event in events.after(start) {
            guard event.decompressed < end else { return nil }
            switch event {
            case .damage(let at, _, let message): return (at, message)
            case .memberStart(let at, _): if startsRecord(at: at - windowBase) { return (at, nil) }
            case .untrusted: break
            }
        }
        return nil
    }

    /// Damage in the gzip member that holds a record starting at `start` (before the next member starts),
    /// close enough after the record's claimed end (64 KiB) to be what cut it.
    private func damageInMember(after start: Int, near end: Int) -> (position: Int, damage: String?)? {
        for event in events.after(start) {
            switch event {
            case .damage(let at, _, let message): return at <= end + (1 << 16) ? (at, message) : nil
            case .memberStart: return nil
            case .untrusted: continue
            }
        }
        return nil
    }

    /// Damage that ends the gzip member starting at `start`, a record's own (its check fails, or the file
    /// cuts its last bytes), found before another member starts and within 64 KiB of the record's end at
    /// `end`, with no record between (a member that holds more records is not the record's own). Reads
    /// on until the member is seen to end within that reach, so that reads split anywhere judge alike.
    private func damageEndingMember(of start: Int, by end: Int) throws(WinnowError) -> (position: Int, damage: String?)? {
        let reach = end + (1 << 16)
        while true {
            var member: Int?
            for event in events.from(start) {
                switch event {
                case .memberStart(let at, let compressed):
                    guard at == start else { return nil }
                    member = compressed
                case .damage(let at, let compressed, let message):
                    // Damage at the same place in the output can be the next member's, which starts there.
                    guard compressed == member, at <= reach, at <= end || !recordStarts(in: end..<at) else { return nil }
                    return (at, message)
                case .untrusted: break
                }
            }
            guard member != nil, !streamEnded, windowBase + windowEnd <= reach else { return nil }
            try load(upTo: windowBase + windowEnd + 1)
        }
    }

    /// Whether a record starts in `range` of the stream (bytes in the window).
    private func recordStarts(in range: Range<Int>) -> Bool {
        var index = range.lowerBound - windowBase
        while let found = window[index..<(range.upperBound - windowBase)].firstIndex(of: WARCHeader.versionPrefix[0]) {
            if startsRecord(at: found) { return true }
            index = found + 1
        }
        return false
    }

    /// Where the byte at `position` of the stream is in the file: the compressed offset of the gzip member
    /// it comes from and its offset in that member's bytes, or its offset in a plain archive.
    private func fileOffset(_ position: Int) -> ArchiveOffset {
        guard let member = events.member(at: position) else { return ArchiveOffset(file: position) }
        return ArchiveOffset(file: member.compressed, inMember: position - member.decompressed)
    }

    /// Whether `window[index...]` starts with `WARC/1.` and a digit and a line break.
    private func startsRecord(at index: Int) -> Bool {
        RecordBoundary.startsRecord(window[..<windowEnd], at: index)
    }

    /// How many bytes of line breaks end the record whose block ends at `blockEnd` (see
    /// `RecordBoundary.trailerLength`); nil when the Content-Length is wrong, or the block is not all read.
    private func trailerLength(at blockEnd: Int) -> Int? {
        let index = blockEnd - windowBase
        guard index <= windowEnd else { return nil }
        return RecordBoundary.trailerLength(after: window[index..<windowEnd], inputEnds: streamEnded) { count in
            for case .memberStart in events.at(blockEnd + count) { return true }
            return false
        }
    }

    /// Where the header starting at `start` stops.
    private enum HeaderStop: Equatable {
        /// Just past the empty line that ends it.
        case end(Int)
        /// At a record start inside it (a version line, perhaps right after a line cut short): the header
        /// breaks off there and the next record starts.
        case nextRecord(Int)
        /// Neither within `maxHeaderBytes` of its start.
        case tooLong
        /// Neither before the end of the input.
        case cutByEnd
    }

    /// Scans the header starting at `start` for the empty line that ends it, stopping at a record start
    /// on the way: `resync` would stop there too, so no byte of a header is scanned twice. The size limit
    /// counts from `start`, so a header is judged alike wherever the reads happen to split the input.
    /// A version line that starts a line starts the next record; one inside a line (a field's value may
    /// end in "WARC/1.0") does only when the header cannot be one record's: it repeats a field every
    /// record has once, or it has no end before another version line, the size limit or the input's end.
    private func scanHeader(from start: Int) throws(WinnowError) -> HeaderStop {
        let limit = start + Self.maxHeaderBytes
        var insideLine: Int?
        func settled(_ stop: HeaderStop) -> HeaderStop {
            guard let insideLine else { return stop }
            guard case .end(let end) = stop else { return .nextRecord(insideLine) }
            let repeats = window.withUnsafeBufferPointer {
                WARCHeader.repeatsRecordFields(UnsafeBufferPointer(rebasing: $0[(start - windowBase)..<(end - windowBase)]))
            }
            return repeats ? .nextRecord(insideLine) : stop
        }
        func fitting(_ end: Int) -> HeaderStop { settled(end - start <= Self.maxHeaderBytes ? .end(end) : .tooLong) }
        var index = start + 1 - windowBase
        var startsLine = false
        while true {
            // Keep the bytes an empty line or a record start takes in reach, until the input ends.
            let scanEnd = min(limit - windowBase, streamEnded ? windowEnd : windowEnd - Self.recordStartLength)
            while index < scanEnd {
                let byte = window[index]
                if byte == 0x0A {
                    if index + 1 < windowEnd && window[index + 1] == 0x0A { return fitting(windowBase + index + 2) }
                    if index + 2 < windowEnd && window[index + 1] == 0x0D && window[index + 2] == 0x0A {
                        return fitting(windowBase + index + 3)
                    }
                } else if byte == WARCHeader.versionPrefix[0] && startsRecord(at: index) {
                    // Past a first one inside a line, any other ends the header too: one scan a record start.
                    if startsLine || insideLine != nil { return .nextRecord(insideLine ?? windowBase + index) }
                    insideLine = windowBase + index
                }
                startsLine = byte == 0x0A
                index += 1
            }
            if windowBase + index >= limit { return settled(.tooLong) }
            if streamEnded { return settled(.cutByEnd) }
            let scanned = windowBase + index
            try load(upTo: windowBase + windowEnd + 1)
            index = scanned - windowBase
        }
    }

    /// Moves to the next `WARC/1.x` line at or after `start` (or to the end of the input).
    private func resync(from start: Int) throws(WinnowError) {
        position = max(position, start - windowBase)
        let needed = WARCHeader.versionPrefix.count + 2
        let first = WARCHeader.versionPrefix[0]
        while true {
            while position + needed <= windowEnd {
                if startsRecord(at: position) { return }
                position = window[(position + 1)..<windowEnd].firstIndex(of: first) ?? windowEnd
            }
            if streamEnded {
                position = windowEnd
                return
            }
            try load(upTo: windowBase + windowEnd + 1)
        }
    }

    /// Reads until the stream has been read up to offset `end` or has ended, dropping the bytes before
    /// `position` first. With `unlessInterruptedAfter`, stops early once a record is cut after that offset.
    private func load(upTo end: Int, unlessInterruptedAfter start: Int? = nil) throws(WinnowError) {
        // Events before this were judged with a record start's bytes after them: each read looks at the new ones only.
        var judged = start
        while windowBase + windowEnd < end && !streamEnded {
            if position > 0 && (position >= windowEnd / 2 || position >= Self.readSize) {
                // Move the unread bytes to the front, keeping the room behind them.
                let kept = windowEnd - position
                window.withUnsafeMutableBytes { bytes in
                    bytes.baseAddress!.copyMemory(from: bytes.baseAddress! + position, byteCount: kept)
                }
                windowBase += position
                windowEnd = kept
                position = 0
            }
            let got = try stream.read(into: &window, at: windowEnd, maxCount: Self.readSize)
            windowEnd += got
            events.append(contentsOf: stream.takeEvents())
            if got == 0 { streamEnded = true }
            if let start, let from = judged {
                if interruption(after: from, before: windowBase + windowEnd) != nil { return }
                judged = max(start, windowBase + windowEnd - Self.recordStartLength)
            }
        }
    }

    /// The skip reason for a record type that is not a document: the type itself (`request`, `metadata`, ...).
    static func skipReason(_ type: String) -> String {
        let allowed = type.utf8.allSatisfy { ASCIIByte.isLowercaseAlphanumeric($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") }
        return allowed && type.utf8.count <= 32 ? type : "unknown_type"
    }
}
