import CZlib

/// Streams the decompressed bytes of gzip data from another source; handles multi-member files
/// (concatenated gzip streams, as `cat a.gz b.gz` or parallel compressors write them).
public final class GzipByteSource<Compressed: ByteSource>: ByteSource {
    private let compressed: Compressed
    private let inflater: ZlibInflater
    private var input: [UInt8] = []
    private var inputOffset = 0
    private var compressedEnded = false
    private var finished = false
    /// An error met after some bytes were decoded in the same call: those are handed out first.
    private var deferredError: WinnowError?
    /// Compressed bytes read from the source so far, to say where in the file an error is.
    private var compressedBytesRead = 0
    private let displayName: String
    /// What the stream holds, which its error messages say is lost.
    private let content: GzipContent
    /// Whether the whole-file fast path has been tried (at the first read).
    private var triedWhole = false
    private static var chunkSize: Int { 256 * 1024 }
    /// A file up to this size (compressed) is first inflated whole with libdeflate.
    private static var maxWholeInput: Int { 1 << 20 }

    /// Wraps `compressed`, which must start with a gzip header. `displayName` names it in messages,
    /// which say what is lost in the words of `content`.
    init(_ compressed: Compressed, displayName: String, content: GzipContent) throws(WinnowError) {
        self.compressed = compressed
        self.displayName = displayName
        self.content = content
        guard let inflater = ZlibInflater() else { throw .io("cannot initialise the gzip decoder", path: displayName) }
        self.inflater = inflater
    }

    /// The offset in the compressed file of the next byte zlib will read.
    private var compressedOffset: Int { compressedBytesRead - (input.count - inputOffset) }

    /// Appends decoded bytes. An error is thrown only once every byte decoded before it was handed
    /// out, so a reader keeps all the records that precede damage.
    public func read(into buffer: inout [UInt8], maxCount: Int) throws(WinnowError) -> Int {
        if let deferredError {
            self.deferredError = nil
            throw deferredError
        }
        guard !finished, maxCount > 0 else { return 0 }
        do {
            return try decode(into: &buffer, maxCount: maxCount)
        } catch {
            guard let produced = error.produced, produced > 0 else { throw error.error }
            deferredError = error.error
            return produced
        }
    }

    /// A decoding error, with how many bytes the failing call had decoded before it.
    private struct Failure: Error {
        let error: WinnowError
        var produced: Int?
    }

    /// Wraps `compressed`, a gzip stream of records (JSONL), as `init(_:displayName:content:)` does.
    public convenience init(_ compressed: Compressed, displayName: String) throws(WinnowError) {
        try self.init(compressed, displayName: displayName, content: .records)
    }

    private func decode(into buffer: inout [UInt8], maxCount: Int) throws(Failure) -> Int {
        let start = buffer.count
        if !triedWhole {
            triedWhole = true
            do throws(WinnowError) {
                if try inflateWhole(into: &buffer, maxCount: maxCount) { return buffer.count - start }
            } catch {
                throw Failure(error: error, produced: 0)
            }
        }
        buffer.append(contentsOf: repeatElement(0, count: maxCount))
        var produced = 0
        defer { buffer.removeLast(maxCount - produced) }
        while produced == 0 && !finished {
            if inputOffset == input.count && !compressedEnded {
                do throws(WinnowError) { try refill() } catch { throw Failure(error: error, produced: produced) }
            }
            let (status, consumed, written) = inflater.step(
                &input, from: inputOffset, into: &buffer, at: start + produced,
                count: maxCount - produced)
            inputOffset += consumed
            produced += written
            switch status {
            case Z_OK:
                continue
            case Z_BUF_ERROR:
                // No progress was possible: zlib wants input that the file no longer has.
                if inputOffset == input.count && compressedEnded && written == 0 {
                    finished = true
                    throw Failure(
                        error: .io(
                            "gzip data is truncated: the file ends at compressed byte \(compressedOffset), "
                                + "inside a compressed stream; \(content.lostToTruncation)", path: displayName),
                        produced: produced)
                }
            case Z_STREAM_END:
                do throws(WinnowError) { try startNextMember() } catch { throw Failure(error: error, produced: produced) }
            default:
                finished = true
                let detail = inflater.message ?? "code \(status)"
                throw Failure(
                    error: WinnowError(
                        .damagedInput,
                        stoppingRun: "gzip data is corrupt at compressed byte \(compressedOffset) "
                            + "(\(detail)): \(content.leftByCorruption)",
                        path: displayName), produced: produced)
            }
        }
        return produced
    }

    /// A small file whose members all inflate whole, with their output within `maxCount` (one HTML
    /// page, one `.html.gz`): libdeflate, about twice zlib's speed. Anything else is left, with the
    /// compressed bytes read so far, to zlib's streaming path, which reads it the same and says what is wrong.
    private func inflateWhole(into buffer: inout [UInt8], maxCount: Int) throws(WinnowError) -> Bool {
        while input.count < Self.maxWholeInput {
            let count = try compressed.read(into: &input, maxCount: Self.chunkSize)
            compressedBytesRead += count
            if count == 0 {
                compressedEnded = true
                break
            }
        }
        guard compressedEnded, let whole = WholeBufferInflater() else { return false }
        let start = buffer.count
        // The last member's uncompressed size (mod 2^32) from its trailer: exact for a one-member file.
        let size = input.count >= 4 ? input[(input.count - 4)...].reversed().reduce(0) { $0 << 8 | Int($1) } : 0
        var offset = 0
        while offset < input.count {
            // A header CRC (FHCRC) is left to zlib, which checks it where libdeflate skips it.
            guard input[offset] == 0x1f, offset + 3 < input.count, input[offset + 3] & 0x02 == 0,
                case .success(let consumed) = whole.inflate(
                    .gzip, input, from: offset, appendingTo: &buffer, maxOutput: maxCount - (buffer.count - start),
                    sizeHint: max(size, 4096))
            else {
                buffer.removeSubrange(start...)
                return false
            }
            offset += consumed
        }
        inputOffset = input.count
        finished = true
        return true
    }

    private func refill() throws(WinnowError) {
        input.removeAll(keepingCapacity: true)
        inputOffset = 0
        let count = try compressed.read(into: &input, maxCount: Self.chunkSize)
        compressedBytesRead += count
        if count == 0 { compressedEnded = true }
    }

    /// After one gzip member ends, another may follow; anything else after it is an error.
    private func startNextMember() throws(WinnowError) {
        if inputOffset == input.count && !compressedEnded { try refill() }
        if inputOffset == input.count {
            finished = true
            return
        }
        guard input[inputOffset] == 0x1f else {
            finished = true
            throw .io(
                "unexpected data after the end of the gzip stream, from compressed byte \(compressedOffset); "
                    + content.leftByTrailingData, path: displayName)
        }
        inflater.reset()
    }
}
