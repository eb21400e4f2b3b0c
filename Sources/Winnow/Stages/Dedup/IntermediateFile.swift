import Foundation

/// Reading the small JSONL files that the corpus stages' map, merge and apply steps exchange
/// (signatures, exact keepers): a header line naming the format and every parameter, then one JSON
/// object per line. A file whose header differs was made for another run and is refused.
enum IntermediateFile {
    /// Reads `path` (a `kind` file), checks that its first line is `header` (else `mismatch` is the
    /// message), and hands every later non-blank line, as a JSON object, to `record` with its `path:line`.
    static func readRecords(_ path: String, kind: String, header: [UInt8], mismatch: String,
                            _ record: ([String: Any], String) throws(WinnowError) -> Void) throws(WinnowError) {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .io("cannot read the \(kind) file", path: path)
        }
        guard !data.isEmpty else { throw .configuration("empty \(kind) file: it needs its header line", path: path) }
        guard !data.starts(with: [0x1F, 0x8B]) else {
            throw .configuration("the \(kind) file is gzip-compressed; write it without .gz, or gunzip it first", path: path)
        }
        for (index, line) in data.split(separator: 0x0A, omittingEmptySubsequences: false).enumerated() {
            let location = "\(path):\(index + 1)"
            if index == 0 {
                guard Array(line) == header else {
                    throw .configuration("\(mismatch); expected the header " + String(decoding: header, as: UTF8.self), path: location)
                }
                continue
            }
            if line.isEmpty { continue }
            guard let object = (try? JSONSerialization.jsonObject(with: Data(line))) as? [String: Any] else {
                throw .configuration("not a JSON object", path: location)
            }
            try record(object, location)
        }
    }
}
