/// A small file (a pipeline, a list of lines) read whole, opened by its name's bytes (`FileName`), so
/// a name that is not UTF-8 is found like any other; Foundation would look it up by its `\xHH` spelling.
package enum WholeFile {
    /// The file's bytes; an `.io` error, with the system's reason, when it cannot be opened or read.
    package static func read(_ path: String) throws(WinnowError) -> [UInt8] {
        // `-` is a file of that name here, not standard input.
        let source = try FileByteSource(path: path == "-" ? "./-" : path)
        var bytes: [UInt8] = []
        while try source.read(into: &bytes, maxCount: 1 << 20) > 0 {}
        return bytes
    }
}
