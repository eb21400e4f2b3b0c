/// A small file (a pipeline, a list of lines) read whole, opened by its name's bytes (`FileName`), so
/// a name that is not UTF-8 is found like any other; Foundation would look it up by its `\xHH` spelling.
package enum WholeFile {
    /// The most a side file read whole may hold (a pipeline, a run summary, a list of names): far more
    /// than any is, and a bound on memory when the name is a wrong one (`/dev/zero`, a corpus).
    package static let sideFileLimit = 64 << 20

    /// The file's bytes; an `.io` error, with the system's reason, when it cannot be opened or read, and a
    /// `.configuration` one naming `limit` when it holds more, as a stream without end does (read to there).
    package static func read(_ path: String, limit: Int) throws(WinnowError) -> [UInt8] {
        // `-` is a file of that name here, not standard input.
        let source = try FileByteSource(path: path == "-" ? "./-" : path)
        let size =
            limit >= 1 << 30 && limit % (1 << 30) == 0
            ? "\(limit >> 30) GiB" : limit >= 1 << 20 && limit % (1 << 20) == 0 ? "\(limit >> 20) MiB" : "\(limit) bytes"
        let tooLarge = WinnowError.configuration(
            "larger than \(size), the most Winnow reads of such a file: is it the right file?", path: path)
        if let known = source.size, known > limit { throw tooLarge }
        var bytes: [UInt8] = []
        while true {
            // One byte past the limit tells a file of just the limit from a longer one.
            let room = limit - bytes.count
            guard try source.read(into: &bytes, maxCount: room < 1 << 20 ? room + 1 : 1 << 20) > 0 else { return bytes }
            if bytes.count > limit { throw tooLarge }
        }
    }
}
