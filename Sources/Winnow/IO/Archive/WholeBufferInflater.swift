import CLibDeflate

/// Decompresses a whole gzip member, zlib stream or raw DEFLATE stream that is entirely in memory, with
/// libdeflate (about twice zlib's speed). It cannot stream: data that is cut short or damaged comes back
/// as `.badData`, and the caller falls back to zlib, which streams and says what is wrong.
final class WholeBufferInflater {
    enum Format: Sendable {
        case gzip, zlib, raw
    }

    enum Outcome: Sendable, Equatable {
        /// The stream was whole: `consumed` input bytes, its output appended.
        case success(consumed: Int)
        /// The output would pass the limit.
        case tooLarge
        /// Cut short, corrupt, or not of the format.
        case badData
    }

    private let decompressor: OpaquePointer
    /// Output is written here first, so the caller's buffer grows by what was produced, never zero-filled
    /// ahead; allocated at the first use, at the size that needs.
    private var scratch = UnsafeMutableRawBufferPointer(start: nil, count: 0)
    /// Output size of the last stream, to size the next first try.
    private var lastOutput = 0

    init?() {
        guard let decompressor = libdeflate_alloc_decompressor() else { return nil }
        self.decompressor = decompressor
    }

    deinit {
        libdeflate_free_decompressor(decompressor)
        if scratch.baseAddress != nil { scratch.deallocate() }
    }

    /// Decompresses the stream starting at `input[offset]` (more data may follow it) and appends at most
    /// `maxOutput` bytes to `output`. `sizeHint`: the output size to try first, when nothing better is known.
    func inflate(
        _ format: Format, _ input: [UInt8], from offset: Int, appendingTo output: inout [UInt8],
        maxOutput: Int, sizeHint: Int = 1 << 20
    ) -> Outcome {
        if output.isEmpty && output.capacity == 0 {
            return inflateNew(format, input, from: offset, into: &output, maxOutput: maxOutput, sizeHint: sizeHint)
        }
        let initial = min(maxOutput, max(scratch.count, lastOutput * 2, sizeHint, 4096))
        let (outcome, produced) = withGrowingRoom(initial, maxOutput: maxOutput) { room, consumed, produced in
            if scratch.count < room {
                if scratch.baseAddress != nil { scratch.deallocate() }
                scratch = .allocate(byteCount: room, alignment: 64)
            }
            return input.withUnsafeBytes { bytes in
                decompress(format, bytes, from: offset, into: scratch.baseAddress, room, &consumed, &produced)
            }
        }
        if case .success = outcome {
            output.append(
                contentsOf: UnsafeBufferPointer(
                    start: scratch.baseAddress?.assumingMemoryBound(to: UInt8.self),
                    count: produced))
        }
        return outcome
    }

    /// Decompresses the stream starting at `input[offset]` straight into `output` from index `end` on,
    /// growing it (zero-filled) when the room past `end` is too small; returns the outcome and bytes written.
    func inflate(
        _ format: Format, _ input: [UInt8], from offset: Int, into output: inout [UInt8], at end: Int,
        maxOutput: Int
    ) -> (Outcome, written: Int) {
        let initial = min(maxOutput, max(output.count - end, lastOutput * 2, 1 << 20))
        return withGrowingRoom(initial, maxOutput: maxOutput) { room, consumed, produced in
            if output.count - end < room { output.append(contentsOf: repeatElement(0, count: room - (output.count - end))) }
            return input.withUnsafeBytes { bytes in
                output.withUnsafeMutableBytes { target in
                    decompress(format, bytes, from: offset, into: target.baseAddress! + end, room, &consumed, &produced)
                }
            }
        }
    }

    /// Into a new array, written in place (no scratch copy): a payload decoded on its own.
    private func inflateNew(
        _ format: Format, _ input: [UInt8], from offset: Int, into output: inout [UInt8],
        maxOutput: Int, sizeHint: Int
    ) -> Outcome {
        var decoded: [UInt8] = []
        let (outcome, _) = withGrowingRoom(min(maxOutput, max(sizeHint, 4096)), maxOutput: maxOutput) { room, consumed, produced in
            var result = LIBDEFLATE_SUCCESS
            decoded = [UInt8](unsafeUninitializedCapacity: room) { target, count in
                result = input.withUnsafeBytes { bytes in
                    decompress(format, bytes, from: offset, into: target.baseAddress, room, &consumed, &produced)
                }
                count = result == LIBDEFLATE_SUCCESS ? produced : 0
            }
            return result
        }
        if case .success = outcome { output = decoded }
        return outcome
    }

    /// Calls `attempt` with room for `initial` output bytes, doubling the room up to `maxOutput` while
    /// the output does not fit; the last attempt's outcome, with the bytes it produced.
    private func withGrowingRoom(
        _ initial: Int, maxOutput: Int,
        _ attempt: (_ room: Int, _ consumed: inout Int, _ produced: inout Int) -> libdeflate_result
    )
        -> (Outcome, written: Int)
    {
        var room = initial
        while true {
            var consumed = 0
            var produced = 0
            switch attempt(room, &consumed, &produced) {
            case LIBDEFLATE_SUCCESS:
                lastOutput = produced
                return (.success(consumed: consumed), produced)
            case LIBDEFLATE_INSUFFICIENT_SPACE:
                guard room < maxOutput else { return (.tooLarge, 0) }
                room = min(maxOutput, room * 2)
            default:
                return (.badData, 0)
            }
        }
    }

    /// One libdeflate call: the stream at `input[offset...]` into the `available` bytes at `target`.
    private func decompress(
        _ format: Format, _ input: UnsafeRawBufferPointer, from offset: Int, into target: UnsafeMutableRawPointer?,
        _ available: Int, _ consumed: inout Int, _ produced: inout Int
    ) -> libdeflate_result {
        let start = input.baseAddress.map { $0 + offset }
        let length = input.count - offset
        return switch format {
        case .gzip: libdeflate_gzip_decompress_ex(decompressor, start, length, target, available, &consumed, &produced)
        case .zlib: libdeflate_zlib_decompress_ex(decompressor, start, length, target, available, &consumed, &produced)
        case .raw: libdeflate_deflate_decompress_ex(decompressor, start, length, target, available, &consumed, &produced)
        }
    }
}
