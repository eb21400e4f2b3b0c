import CZlib
import Foundation

/// Undoes HTTP content encodings that zlib can: `gzip` (and `x-gzip`) and `deflate` (zlib-wrapped or
/// raw, as servers send both). The output is bounded, so a small payload cannot inflate past the limit.
/// `identity` and `none` are no coding; a charset or transfer word put in their place (`utf-8`,
/// `binary`) is none either on a payload that reads as text, as browsers take it.
enum ContentDecoder {
    enum Problem: Error, Sendable, Equatable {
        /// An encoding Winnow cannot undo (`br`, `zstd`, `compress`, ...).
        case unsupported(String)
        /// A word that names no coding (`utf-8`, `binary`) on a payload that does not read as text: it
        /// may be compressed in a way the header does not say.
        case notACoding(String)
        /// The compressed data is damaged.
        case corrupt(String)
        /// The decoded payload would pass the limit.
        case tooLarge(limit: Int)
        /// The compressed data breaks off before its end, after `decoded` bytes (not thrown with `keepCut`).
        case cut(decoded: Int)
    }

    /// The payload with every coding of `encodings` (a `Content-Encoding` value, applied in order)
    /// undone; `payload` itself when there is none. A payload that breaks off is `.cut`, or with
    /// `keepCut` (a record marked truncated) gives what it holds. An empty payload is empty whatever
    /// its encodings (a 204, or a 200 with no body, still labelled gzip): there is nothing to undo, and
    /// no stream that breaks off.
    static func decode(_ payload: [UInt8], encodings: String?, limit: Int, keepCut: Bool = false) throws(Problem) -> [UInt8] {
        guard let encodings, !payload.isEmpty else { return payload }
        let codings = encodings.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && $0 != "identity" && $0 != "none" }
        var data = payload
        for coding in codings.reversed() {
            switch coding {
            case _ where misplacedWords.contains(coding):
                guard looksLikeText(data) else { throw .notACoding(coding) }
            case "gzip", "x-gzip":
                data = try inflateAll(data, windowBits: 15 + 32, limit: limit, keepCut: keepCut)
            case "deflate":
                do {
                    data = try inflateAll(data, windowBits: 15, limit: limit, keepCut: keepCut)
                } catch .corrupt(let detail) {
                    // zlib data whose Adler-32 fails read it whole: damage, not raw deflate.
                    if detail == "incorrect data check" { throw .corrupt(detail) }
                    data = try inflateAll(data, windowBits: -15, limit: limit, keepCut: keepCut)
                } catch .cut(let decoded) {
                    // Raw deflate may pass zlib's two-byte header check by chance: cut only if it is not whole as raw.
                    guard let raw = try? inflateAll(data, windowBits: -15, limit: limit, keepCut: false) else {
                        throw .cut(decoded: decoded)
                    }
                    data = raw
                }
            default:
                throw .unsupported(coding)
            }
        }
        return data
    }

    /// Charsets and transfer words that servers put in Content-Encoding by mistake: no content coding.
    static let misplacedWords: Set<String> = ["utf-8", "utf8", "us-ascii", "ascii", "iso-8859-1", "binary", "8bit", "7bit"]

    /// Whether `payload` reads as text rather than compressed data: it opens with no gzip or zlib header,
    /// and its first 1,445 bytes (what the WHATWG MIME sniffing standard looks at) hold none of the bytes
    /// that standard calls binary (controls but tab, line breaks, form feed and escape), which compressed
    /// data (brotli and zstd too) holds all but certainly.
    static func looksLikeText(_ payload: [UInt8]) -> Bool {
        if payload.starts(with: [0x1F, 0x8B]) { return false }
        if payload.count >= 2 && payload[0] == 0x78 && [0x01, 0x5E, 0x9C, 0xDA].contains(payload[1]) { return false }
        return !payload.prefix(1445).contains { byte in
            byte <= 0x08 || byte == 0x0B || (0x0E...0x1A).contains(byte) || (0x1C...0x1F).contains(byte)
        }
    }

    /// Inflates `input` whole (gzip members one after another too), at most `limit` bytes of output: with
    /// libdeflate when the data is whole and sound, else with zlib, which keeps what a cut payload holds.
    private static func inflateAll(_ input: [UInt8], windowBits: Int32, limit: Int, keepCut: Bool) throws(Problem) -> [UInt8] {
        if let inflater = WholeBufferInflater() {
            let isGzip = input.count > 1 && input[0] == 0x1F && input[1] == 0x8B
            let format: WholeBufferInflater.Format = windowBits < 0 ? .raw : windowBits > 15 && isGzip ? .gzip : .zlib
            var output: [UInt8] = []
            var offset = 0
            // A gzip payload of one member says its size in its last four bytes: the output is allocated once.
            let statedSize =
                format == .gzip && input.count >= 18
                ? input[(input.count - 4)...].reversed().reduce(0) { $0 << 8 | Int($1) } : nil
            decoding: while true {
                let sizeHint = offset == 0 ? statedSize ?? input.count * 6 : (input.count - offset) * 6
                switch inflater.inflate(
                    format, input, from: offset, appendingTo: &output, maxOutput: limit - output.count,
                    sizeHint: sizeHint)
                {
                case .tooLarge:
                    throw .tooLarge(limit: limit)
                case .badData:
                    break decoding
                case .success(let consumed):
                    offset += consumed
                    // Another gzip member may follow; anything else after the stream is ignored, as zlib does.
                    let another = format == .gzip && offset + 1 < input.count && input[offset] == 0x1F && input[offset + 1] == 0x8B
                    if !another { return output }
                }
            }
        }
        return try streamingInflate(input, windowBits: windowBits, limit: limit, keepCut: keepCut)
    }

    /// zlib's streaming inflate, for payloads that are cut short or damaged.
    private static func streamingInflate(_ input: [UInt8], windowBits: Int32, limit: Int, keepCut: Bool) throws(Problem) -> [UInt8] {
        // zlib checks that its stream does not move between calls, so it gets memory of its own.
        let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        stream.initialize(to: z_stream())
        defer { stream.deallocate() }
        guard winnow_inflateInit2(stream, windowBits) == Z_OK else { throw .corrupt("cannot initialise zlib") }
        defer { inflateEnd(stream) }
        // Room for one byte past the limit shows that the output passes it; a limit of Int.max has none.
        let room = limit < Int.max ? limit + 1 : limit
        var output = [UInt8](repeating: 0, count: min(room, max(1 << 16, input.count * 4)))
        var written = 0
        var consumed = 0
        /// What a payload that breaks off gives: the bytes it holds when cuts are kept, else `.cut`.
        func broken() throws(Problem) -> [UInt8] {
            guard keepCut else { throw .cut(decoded: written) }
            return Array(output[0..<written])
        }
        while true {
            if written == output.count {
                guard output.count <= limit else { throw .tooLarge(limit: limit) }
                output.append(contentsOf: repeatElement(0, count: min(room, output.count * 2) - output.count))
            }
            let (status, used, produced) = input.withUnsafeBufferPointer { inBytes in
                output.withUnsafeMutableBufferPointer { outBytes in
                    stream.pointee.next_in = UnsafeMutablePointer(mutating: inBytes.baseAddress.map { $0 + consumed })
                    stream.pointee.avail_in = UInt32(inBytes.count - consumed)
                    stream.pointee.next_out = outBytes.baseAddress.map { $0 + written }
                    stream.pointee.avail_out = UInt32(outBytes.count - written)
                    let status = inflate(stream, Z_NO_FLUSH)
                    let used = inBytes.count - consumed - Int(stream.pointee.avail_in)
                    let produced = outBytes.count - written - Int(stream.pointee.avail_out)
                    stream.pointee.next_in = nil
                    stream.pointee.next_out = nil
                    return (status, used, produced)
                }
            }
            consumed += used
            written += produced
            switch status {
            case Z_OK:
                continue
            case Z_STREAM_END:
                // Another gzip member may follow; anything else after the stream is ignored.
                guard windowBits > 15, consumed + 1 < input.count, input[consumed] == 0x1F, input[consumed + 1] == 0x8B else {
                    return Array(output[0..<written])
                }
                inflateReset(stream)
            case Z_BUF_ERROR where consumed == input.count:
                // The payload breaks off (the record was truncated).
                return try broken()
            case Z_BUF_ERROR:
                if used == 0 && produced == 0 && written < output.count { return try broken() }
            default:
                let detail = stream.pointee.msg.map { String(cString: $0) } ?? "code \(status)"
                // A trailer whose check or size is wrong ("incorrect length check") is damage, not a cut.
                if written > 0 && consumed == input.count && !detail.hasSuffix(" check") { return try broken() }
                throw .corrupt(detail)
            }
        }
    }
}
