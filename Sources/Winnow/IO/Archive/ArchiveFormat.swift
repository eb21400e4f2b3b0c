import CZlib

/// How a web archive is told apart from JSONL: by its first bytes (`WARC/1.0` or `WARC/1.1`, in the file
/// or in its first gzip member), or by its name when it is found in a folder.
enum ArchiveFormat {
    /// Names picked up in folders: WARC and WET files, plain or gzip.
    static let suffixes = [".warc", ".warc.gz", ".wet", ".wet.gz"]

    /// Bytes needed to tell: `WARC/1.`, a digit and a line break.
    static let sniffBytes = WARCHeader.versionPrefix.count + 2

    /// The first decompressed bytes of a file starting with `head` (as read, possibly gzip), up to `sniffBytes`.
    static func prefix(of head: [UInt8]) -> [UInt8] {
        InputOpener.isGzip(head) ? gunzippedPrefix(of: head, count: sniffBytes) : Array(head.prefix(sniffBytes))
    }

    /// `WARC/1.` and a digit.
    static func startsWithVersion(_ bytes: [UInt8]) -> Bool {
        let prefix = WARCHeader.versionPrefix
        guard bytes.count > prefix.count, bytes.starts(with: prefix) else { return false }
        let digit = bytes[prefix.count]
        return digit >= UInt8(ascii: "0") && digit <= UInt8(ascii: "9")
    }

    /// Whether `bytes` start a web archive record: `WARC/1.` and a digit, after any line breaks.
    static func startsWithRecord(_ bytes: some Collection<UInt8>) -> Bool {
        startsWithVersion(Array(bytes.drop { $0 == 0x0D || $0 == 0x0A }.prefix(sniffBytes)))
    }

    /// The first `count` decompressed bytes of the gzip members that `bytes` start with, after any line
    /// breaks, an empty member giving none (fewer when `bytes` hold less, or are damaged). At most 1 MiB
    /// is inflated, so that line breaks alone cannot run on.
    static func gunzippedStart(of bytes: ArraySlice<UInt8>, count: Int) -> [UInt8] {
        guard let inflater = ZlibInflater() else { return [] }
        var input = Array(bytes)
        var position = 0
        var chunk = [UInt8](repeating: 0, count: 4096)
        var result: [UInt8] = []
        var budget = 1 << 20
        while result.count < count && budget > 0 {
            let (status, consumed, written) = inflater.step(&input, from: position, into: &chunk, at: 0, count: chunk.count)
            position += consumed
            budget -= written
            for byte in chunk[..<written] where !result.isEmpty || (byte != 0x0D && byte != 0x0A) { result.append(byte) }
            if status == Z_STREAM_END && InputOpener.isGzip(input[position...]) {
                inflater.reset()
                continue
            }
            guard status == Z_OK, consumed + written > 0 else { break }
        }
        return Array(result.prefix(count))
    }

    /// The first `count` decompressed bytes of gzip data (fewer when `head` holds less, or is damaged).
    private static func gunzippedPrefix(of head: [UInt8], count: Int) -> [UInt8] {
        guard !head.isEmpty else { return [] }
        // zlib checks that its stream does not move between calls, so it gets memory of its own.
        let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        stream.initialize(to: z_stream())
        defer { stream.deallocate() }
        guard winnow_inflateInit2(stream, 15 + 16) == Z_OK else { return [] }
        defer { inflateEnd(stream) }
        var input = head
        var output = [UInt8](repeating: 0, count: count)
        let written = input.withUnsafeMutableBufferPointer { inBytes in
            output.withUnsafeMutableBufferPointer { outBytes in
                stream.pointee.next_in = inBytes.baseAddress
                stream.pointee.avail_in = UInt32(inBytes.count)
                stream.pointee.next_out = outBytes.baseAddress
                stream.pointee.avail_out = UInt32(outBytes.count)
                _ = inflate(stream, Z_SYNC_FLUSH)
                let written = outBytes.count - Int(stream.pointee.avail_out)
                stream.pointee.next_in = nil
                stream.pointee.next_out = nil
                return written
            }
        }
        return Array(output.prefix(written))
    }
}
