import CZlib

/// How a web archive is told apart from JSONL: by its first bytes (`WARC/1.0` or `WARC/1.1`, in the file
/// or in its first gzip member, after any line breaks and empty members, or in a gzip member after a few
/// stray bytes), or by its name (`.warc`, `.warc.gz`, ...).
enum ArchiveFormat {
    /// Names picked up in folders: WARC and WET files, plain or gzip.
    static let suffixes = [".warc", ".warc.gz", ".wet", ".wet.gz"]

    /// Bytes needed to tell: `WARC/1.`, a digit and a line break.
    static let sniffBytes = WARCHeader.versionPrefix.count + 2

    /// The most bytes read to tell: stray bytes before an archive's first gzip member are found within them.
    static let maxSniffBytes = 64 << 10

    /// What an input holds, as told from its first bytes and its name.
    struct Detection: Equatable {
        let isArchive: Bool
        /// Gzip data (for an archive, perhaps after stray bytes, which its reader reports).
        let isGzip: Bool
    }

    /// Tells what an input starting with `head` is (all of it when `ended`): a web archive when its first
    /// bytes say so after any line breaks, plain or in the first gzip member that is not empty, or in a
    /// gzip member found a few stray bytes on (a damaged first member's, say); or, failing that, when its
    /// name says so (`namedArchive`), gzip when the name ends in `.gz` (`namedGzip`) unless a record's
    /// version line shows in `head`. Nil when more bytes are needed: `head` holds fewer than
    /// `maxSniffBytes`, and what it holds does not settle it (JSON settles it at once, so that a slow
    /// pipe of JSONL is not waited on).
    static func detect(_ head: [UInt8], ended: Bool, namedArchive: Bool, namedGzip: Bool) -> Detection? {
        let complete = ended || head.count >= maxSniffBytes
        let start = head.firstIndex { $0 != 0x0D && $0 != 0x0A } ?? head.count
        let rest = head[start...]
        if InputOpener.isGzip(rest) {
            let first = gunzippedStart(of: rest, count: sniffBytes)
            if startsWithVersion(first) { return Detection(isArchive: true, isGzip: true) }
            // A first member that gives bytes but no record: JSONL, or an archive as its name says.
            if first.count >= sniffBytes { return Detection(isArchive: namedArchive, isGzip: start == 0 || namedArchive) }
            if !complete { return nil }
        } else {
            let plain = Array(rest.prefix(sniffBytes))
            if startsWithVersion(plain) { return Detection(isArchive: true, isGzip: false) }
            if !namedArchive && looksLikeJSON(rest) { return Detection(isArchive: false, isGzip: false) }
            if plain.count < sniffBytes && !complete { return nil }
        }
        // Stray bytes then a member, looked for only in a whole head, so that reads split anywhere tell alike.
        if !complete { return nil }
        if gzipRecordFollowsStrayBytes(head) { return Detection(isArchive: true, isGzip: true) }
        guard namedArchive else { return Detection(isArchive: false, isGzip: InputOpener.isGzip(head)) }
        return Detection(isArchive: true, isGzip: InputOpener.isGzip(rest) || (namedGzip && !holdsVersionLine(head)))
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

    /// Whether gzip's magic bytes past the start of `head` begin a member whose bytes start a record.
    private static func gzipRecordFollowsStrayBytes(_ head: [UInt8]) -> Bool {
        var index = 1
        while index + 3 <= head.count {
            if head[index] == 0x1F && head[index + 1] == 0x8B && head[index + 2] == 0x08
                && startsWithVersion(gunzippedStart(of: head[index...], count: sniffBytes))
            {
                return true
            }
            index += 1
        }
        return false
    }

    /// Whether `bytes` open a JSON value: `{` or `[` after an optional byte order mark and white space.
    private static func looksLikeJSON(_ bytes: ArraySlice<UInt8>) -> Bool {
        let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes.dropFirst(3) : bytes
        let first = body.first { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D && $0 != 0x0A }
        return first == UInt8(ascii: "{") || first == UInt8(ascii: "[")
    }

    /// Whether a line of `head` starts with a record's version line (`WARC/1.`, a digit, a line break).
    private static func holdsVersionLine(_ head: [UInt8]) -> Bool {
        var index = 0
        while index < head.count {
            let line = head[index...].prefix(sniffBytes)
            if startsWithVersion(Array(line)) && line.count == sniffBytes && (line.last == 0x0D || line.last == 0x0A) {
                return true
            }
            index = (head[index...].firstIndex(of: 0x0A) ?? head.count) + 1
        }
        return false
    }
}
