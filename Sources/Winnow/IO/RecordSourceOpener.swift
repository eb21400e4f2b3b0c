/// Opens an input and picks its reader by content, as gzip is detected: a web archive (WARC or WET,
/// plain or gzip) when it starts with `WARC/1.` (`ArchiveFormat.detect`), or when its name says so;
/// JSONL otherwise.
enum RecordSourceOpener {
    /// `name` is the records' origin source; `file`, the input as given, is what archive documents name.
    static func open(
        _ path: String, name: String, file: String, archive: Bool,
        maxRecordBytes: Int
    ) throws(WinnowError) -> any RecordSource {
        let opened = try FileByteSource(path: path)
        var head: [UInt8] = []
        var ended = false
        // Read only what telling the format needs, so a slow pipe is not waited on for more.
        var detection: ArchiveFormat.Detection
        while true {
            if let found = ArchiveFormat.detect(
                head, ended: ended, namedArchive: archive, namedGzip: archive && FileNameEnding.hasSuffix(path, in: [".gz"]))
            {
                detection = found
                break
            }
            if try opened.read(into: &head, maxCount: 64 * 1024) == 0 { ended = true }
        }
        try ForeignCompression.refuse(head, path: path)
        let replay = ReplayByteSource(head: head, rest: opened)
        if detection.isArchive {
            let stream = try ArchiveByteStream(source: replay, isGzip: detection.isGzip, displayName: name)
            // Standard input may start anywhere in the file it is redirected from: its size says nothing.
            return WARCRecordReader(
                stream: stream, name: name, file: file, maxRecordBytes: maxRecordBytes,
                plainFile: detection.isGzip || path == "-" ? nil : opened)
        }
        let source: any ByteSource = detection.isGzip ? try GzipByteSource(replay, displayName: name) : replay
        return JSONLRecordReader(source: source, name: name, maxRecordBytes: maxRecordBytes)
    }
}
