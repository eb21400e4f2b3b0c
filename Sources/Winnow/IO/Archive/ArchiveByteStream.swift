import CZlib

/// The decompressed bytes of a web archive, plain or gzip (one member per record, the standard, or one
/// for the whole file). It notes where each gzip member starts, so a record can be found again in the
/// file, and where the compressed data is damaged, so the record reader can resynchronise after it.
final class ArchiveByteStream {
    /// Something the record reader needs to know about a position in the decompressed bytes.
    enum Event: Sendable, Equatable {
        /// A gzip member starts at `decompressed` in the output and at `compressed` in the file.
        case memberStart(decompressed: Int, compressed: Int)
        /// The compressed data is damaged at file offset `compressed`: the output breaks off at
        /// `decompressed`, and whatever follows comes from the next intact gzip member.
        case damage(decompressed: Int, compressed: Int, message: String)
        /// The gzip member that starts at `decompressed` (at `compressed` in the file) is damaged, as
        /// `message` says, and was inflated whole before a byte of it was handed out: none of its bytes
        /// can be trusted. Right after the member's start; its `damage` follows its bytes.
        case untrusted(decompressed: Int, compressed: Int, message: String)

        var decompressed: Int {
            switch self {
            case .memberStart(let position, _), .damage(let position, _, _), .untrusted(let position, _, _): position
            }
        }

        var isDamage: Bool {
            if case .damage = self { return true }
            return false
        }
    }

    let isGzip: Bool
    /// The compressed offset of the gzip member the end of the file cuts, if one is: its bytes are as
    /// they were written, only incomplete (a member that fails its check or its inflate is damaged).
    private(set) var cutMember: Int?
    private var events: [Event] = []
    /// Decompressed bytes handed out so far.
    private(set) var produced = 0
    private let source: any ByteSource
    private let displayName: String
    private let inflater: ZlibInflater?
    private var input: [UInt8] = []
    private var inputPosition = 0
    /// File offset of `input[0]`.
    private var inputBase = 0
    private var sourceEnded = false
    private var inMember = false
    private var memberStart = 0
    private var finished = false
    private let whole = WholeBufferInflater()
    private static var readSize: Int { 4 << 20 }
    /// Members up to this size (compressed, and decompressed) take the fast path; larger ones stream.
    private static var maxWholeInput: Int { 16 << 20 }
    private static var maxWholeOutput: Int { 16 << 20 }
    /// A read stops once it has noted this many events (gzip members of a few bytes each), so that the
    /// events waiting for the reader stay few whatever the members' size.
    static var maxEventsPerRead: Int { 4096 }
    /// Compressed bytes kept behind the read position, to look for the next member after damage.
    private static var lookBehind: Int { 1 << 16 }

    /// `source` starts at the beginning of the file; `isGzip` says whether it is gzip (stray bytes before
    /// its first member are reported as garbage).
    init(source: any ByteSource, isGzip: Bool, displayName: String) throws(WinnowError) {
        self.source = source
        self.isGzip = isGzip
        self.displayName = displayName
        guard isGzip else {
            inflater = nil
            return
        }
        guard let inflater = ZlibInflater() else { throw .io("cannot initialise the gzip decoder", path: displayName) }
        self.inflater = inflater
    }

    /// The events since the last call, in output order.
    func takeEvents() -> [Event] {
        defer { events.removeAll(keepingCapacity: true) }
        return events
    }

    /// Appends decompressed bytes to `buffer`: about `maxCount`, or more to finish a gzip member, or fewer
    /// once the read has noted `maxEventsPerRead` events; 0 only at the end of the file. Damage is not an
    /// error here but an event; only a failing read throws.
    func read(into buffer: inout [UInt8], maxCount: Int) throws(WinnowError) -> Int {
        let start = buffer.count
        let got = try read(into: &buffer, at: start, maxCount: maxCount)
        buffer.removeLast(buffer.count - (start + got))
        return got
    }

    /// Writes decompressed bytes into `buffer` from index `end` on (it grows when it lacks room; what
    /// lies past the bytes written is room, not data) and returns how many were written, as `read` does.
    func read(into buffer: inout [UInt8], at end: Int, maxCount: Int) throws(WinnowError) -> Int {
        guard maxCount > 0, !finished else { return 0 }
        guard isGzip else {
            buffer.removeLast(buffer.count - end)
            let got = try source.read(into: &buffer, maxCount: maxCount)
            produced += got
            if got == 0 { finished = true }
            return got
        }
        var written = end
        let eventsBefore = events.count
        while written - end < maxCount && !finished && (events.count - eventsBefore < Self.maxEventsPerRead || written == end) {
            if !inMember {
                try startMember()
                if !finished, let got = try inflateWhole(into: &buffer, at: written) {
                    written += got
                    inMember = false
                }
                continue
            }
            buffer.removeLast(buffer.count - written)
            try inflateStreaming(into: &buffer, maxCount: maxCount - (written - end))
            written = buffer.count
        }
        return written - end
    }

    /// The fast path for a member that fits in memory (every member of a per-record archive): libdeflate
    /// on the whole member, straight into `buffer` at `end`. Nil when it cannot (too large, cut short,
    /// damaged): zlib then streams it.
    private func inflateWhole(into buffer: inout [UInt8], at end: Int) throws(WinnowError) -> Int? {
        guard let whole else { return nil }
        while true {
            let (outcome, written) = whole.inflate(
                .gzip, input, from: inputPosition, into: &buffer, at: end,
                maxOutput: Self.maxWholeOutput)
            switch outcome {
            case .success(let consumed):
                inputPosition += consumed
                produced += written
                return written
            case .tooLarge:
                return nil
            case .badData:
                // Perhaps only cut off by the end of what was read: read more, up to a bound.
                guard !sourceEnded, input.count - inputPosition < Self.maxWholeInput else {
                    return try inflateDamaged(into: &buffer, at: end)
                }
                try refill()
            }
        }
    }

    /// A member libdeflate refused though all of it is in memory: zlib inflates it whole, to say what is
    /// wrong before any of it is handed out. Damaged (a bad deflate stream, or a check that fails), its
    /// bytes go out after an `untrusted` event, so that each record in them is a reject rather than a
    /// document read from bytes that fail their check; reading then resumes at the next member. Nil
    /// when zlib needs more (a member cut by the end of the file, or over the fast path's limits): it streams.
    private func inflateDamaged(into buffer: inout [UInt8], at end: Int) throws(WinnowError) -> Int? {
        guard let inflater else { return nil }
        var written = 0
        var consumed = 0
        var room = 1 << 16
        var status = Z_OK
        while written <= Self.maxWholeOutput {
            let count = min(room, Self.maxWholeOutput + 1 - written)
            if buffer.count < end + written + count {
                buffer.append(contentsOf: repeatElement(0, count: end + written + count - buffer.count))
            }
            let step = inflater.step(&input, from: inputPosition + consumed, into: &buffer, at: end + written, count: count)
            consumed += step.consumed
            written += step.written
            status = step.status
            // Out of room: more; anything else (the end, damage, or input wanted) settles it.
            guard status == Z_OK || status == Z_BUF_ERROR, step.written == count else { break }
            room *= 2
        }
        switch status {
        case Z_STREAM_END where written <= Self.maxWholeOutput:
            inputPosition += consumed
            produced += written
            return written
        case Z_OK, Z_BUF_ERROR, Z_STREAM_END:
            inflater.reset()
            return nil
        default:
            let message = "the gzip member at offset \(memberStart) is corrupt (\(inflater.message ?? "code \(status)"))"
            events.append(.untrusted(decompressed: produced, compressed: memberStart, message: message))
            produced += written
            events.append(.damage(decompressed: produced, compressed: memberStart, message: message))
            // Look for the next member from just after the start of the broken one.
            inputPosition = max(memberStart + 1, inputBase) - inputBase
            try seekMagic(reportingGarbage: false)
            return written
        }
    }

    /// One step of zlib's streaming inflate: appends up to `maxCount` bytes, and notes the member's end or damage.
    private func inflateStreaming(into buffer: inout [UInt8], maxCount: Int) throws(WinnowError) {
        if inputPosition == input.count && !sourceEnded { try refill() }
        let start = buffer.count
        buffer.append(contentsOf: repeatElement(0, count: maxCount))
        let (status, consumed, output) =
            inflater?.step(&input, from: inputPosition, into: &buffer, at: start, count: maxCount)
            ?? (Z_STREAM_ERROR, 0, 0)
        buffer.removeLast(maxCount - output)
        inputPosition += consumed
        produced += output
        switch status {
        case Z_OK:
            break
        case Z_STREAM_END:
            inMember = false
        case Z_BUF_ERROR where !(inputPosition == input.count && sourceEnded):
            break
        case Z_BUF_ERROR:
            cutMember = memberStart
            events.append(
                .damage(
                    decompressed: produced, compressed: memberStart,
                    message: "the gzip member at offset \(memberStart) is truncated (the file ends inside it)"))
            finished = true
        default:
            let detail = inflater?.message ?? "code \(status)"
            events.append(
                .damage(
                    decompressed: produced, compressed: memberStart,
                    message: "the gzip member at offset \(memberStart) is corrupt (\(detail))"))
            // Look for the next member from just after the start of the broken one.
            inputPosition = max(memberStart + 1, inputBase) - inputBase
            inMember = false
            try seekMagic(reportingGarbage: false)
        }
    }

    /// Between members: the next must start with gzip's magic bytes; anything else is skipped up to the
    /// next member (or the end of the file) and reported as damage.
    private func startMember() throws(WinnowError) {
        try ensureInput(3)
        if inputPosition == input.count {
            finished = true
            return
        }
        if !isMagic(at: inputPosition) {
            try seekMagic(reportingGarbage: true)
            if finished { return }
        }
        memberStart = inputBase + inputPosition
        // An empty member just before is nowhere in the output: this one starts what is there. Dropped, so
        // that a run of empty members keeps no event each (memory a read would not bound).
        if case .memberStart(let previous, _) = events.last, previous == produced { events.removeLast() }
        events.append(.memberStart(decompressed: produced, compressed: memberStart))
        inflater?.reset()
        inMember = true
    }

    /// Moves the input to the next gzip member, or to the end of the file (then finished). Magic bytes
    /// that do not start a member of the archive (`startsMember`) are skipped with the rest.
    private func seekMagic(reportingGarbage: Bool) throws(WinnowError) {
        let garbageStart = inputBase + inputPosition
        while true {
            try ensureInput(3)
            while inputPosition + 3 <= input.count {
                if isMagic(at: inputPosition) { break }
                inputPosition += 1
            }
            if inputPosition + 3 <= input.count {
                if try startsMember() { break }
                inputPosition += 1
            } else if sourceEnded {
                break
            }
        }
        let foundMagic = inputPosition + 3 <= input.count
        if !foundMagic { inputPosition = input.count }
        let skipped = inputBase + inputPosition - garbageStart
        if reportingGarbage && skipped > 0 {
            events.append(
                .damage(
                    decompressed: produced, compressed: garbageStart,
                    message: "\(skipped) bytes at offset \(garbageStart) are not gzip data "
                        + (garbageStart == 0 ? "(garbage before the first member)" : "(garbage between members)")))
        }
        if !foundMagic { finished = true }
    }

    /// Whether the magic bytes at `inputPosition`, found past garbage or damage, start a member of the
    /// archive rather than bytes that only look like one (a gzip file archived in a record's payload, which
    /// a broken member around it no longer hides, or chance): the member inflates whole to a WARC record
    /// (after any line breaks) and ends where another member or the file does. One too large, damaged or
    /// long to inflate whole here must at least start with a record.
    private func startsMember() throws(WinnowError) -> Bool {
        guard let whole else { return true }
        var output: [UInt8] = []
        output.reserveCapacity(1 << 16)
        while true {
            output.removeAll(keepingCapacity: true)
            switch whole.inflate(.gzip, input, from: inputPosition, appendingTo: &output, maxOutput: Self.maxWholeOutput) {
            case .success(let consumed):
                guard ArchiveFormat.startsWithRecord(output) else { return false }
                let end = inputBase + inputPosition + consumed
                while input.count - (end - inputBase) < 3 && !sourceEnded { try refill() }
                return end - inputBase == input.count || isMagic(at: end - inputBase)
            case .badData where !sourceEnded && input.count - inputPosition < Self.maxWholeInput:
                try refill()
            case .badData, .tooLarge:
                let start = ArchiveFormat.gunzippedStart(
                    of: input[inputPosition..<min(input.count, inputPosition + (1 << 16))], count: ArchiveFormat.sniffBytes)
                return ArchiveFormat.startsWithVersion(start)
            }
        }
    }

    /// Whether gzip's magic bytes start at `index`; not when the file ends before all three.
    private func isMagic(at index: Int) -> Bool {
        index + 3 <= input.count && input[index] == 0x1F && input[index + 1] == 0x8B && input[index + 2] == 0x08
    }

    /// Reads until at least `count` unread bytes are in `input`, or the file ends.
    private func ensureInput(_ count: Int) throws(WinnowError) {
        while input.count - inputPosition < count && !sourceEnded { try refill() }
    }

    /// Reads more compressed bytes, keeping a little of what was read before for `seekMagic`.
    private func refill() throws(WinnowError) {
        let keepFrom = max(0, min(inputPosition, max(memberStart - inputBase, inputPosition - Self.lookBehind)))
        if keepFrom > 0 {
            input.removeFirst(keepFrom)
            inputBase += keepFrom
            inputPosition -= keepFrom
        }
        if try source.read(into: &input, maxCount: Self.readSize) == 0 { sourceEnded = true }
    }
}
