/// Opens an input and picks its reader by content, as gzip is detected: a web archive (WARC or WET,
/// plain or gzip) when it starts with `WARC/1.`, or when its name says so; JSONL otherwise.
enum RecordSourceOpener {
    /// Compressed bytes read, at most, to find the first decompressed bytes of a gzip input.
    private static let maxSniffBytes = 4096

    /// `name` is the records' origin source; `file`, the input as given, is what archive documents name.
    static func open(
        _ path: String, name: String, file: String, archive: Bool,
        maxRecordBytes: Int
    ) throws(WinnowError) -> any RecordSource {
        let opened = try FileByteSource(path: path)
        var head: [UInt8] = []
        // Read only what telling the format needs, so a slow pipe is not waited on for more.
        while ArchiveFormat.prefix(of: head).count < ArchiveFormat.sniffBytes && head.count < maxSniffBytes {
            if try opened.read(into: &head, maxCount: 64 * 1024) == 0 { break }
        }
        try ForeignCompression.refuse(head, path: path)
        let replay = ReplayByteSource(head: head, rest: opened)
        let isGzip = InputOpener.isGzip(head)
        if archive || ArchiveFormat.startsWithVersion(ArchiveFormat.prefix(of: head)) {
            let stream = try ArchiveByteStream(source: replay, isGzip: isGzip, displayName: name)
            // Standard input may start anywhere in the file it is redirected from: its size says nothing.
            return WARCRecordReader(
                stream: stream, name: name, file: file, maxRecordBytes: maxRecordBytes,
                plainFile: isGzip || path == "-" ? nil : opened)
        }
        let source: any ByteSource = isGzip ? try GzipByteSource(replay, displayName: name) : replay
        return JSONLRecordReader(source: source, name: name, maxRecordBytes: maxRecordBytes)
    }
}
