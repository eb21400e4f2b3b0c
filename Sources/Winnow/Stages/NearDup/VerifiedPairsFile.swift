/// The verified pairs of the `neardup` stage's buckets, as an engine exchanges them between its two
/// clustering steps (`winnow neardup pairs`, then `winnow neardup link`): a header line naming the format
/// and the signatures' parameters, one line per pair by the two documents' origins, the earlier in keep
/// order first, and the end line:
///
///     {"format":"winnow.verified-pairs","version":2,"signatures_version":9,"shingle_words":5,…}
///     {"earlier_source":"shard-1.jsonl","earlier_line":4,"later_source":"shard-3.jsonl","later_line":12}
///     {"end_of_file":1}
enum VerifiedPairsFile {
    static let format = "winnow.verified-pairs"
    /// 2 since the header names the version of the signatures the pairs were judged from, whose words
    /// may differ between builds.
    static let version = 2

    static func header(_ options: NearDupOptions) -> [UInt8] {
        let parameters = SignaturesFile.header(options).filter { $0.0 != "format" && $0.0 != "version" }
        return JSONValue.object(
            [("format", .string(format)), ("version", .int(version)), ("signatures_version", .int(SignaturesFile.version))]
                + parameters
        ).encoded()
    }

    /// Writes `pairs` (earlier, later) of documents by origin.
    static func write(
        _ pairs: [(earlier: DocumentOrigin, later: DocumentOrigin)], options: NearDupOptions,
        to path: String
    ) throws(WinnowError) {
        let file = try OutputFile(path: path)
        var buffer = header(options) + [0x0A]
        for pair in pairs {
            buffer += Array("{\"earlier_source\":".utf8)
            JSONString.append(pair.earlier.source, to: &buffer)
            buffer += Array(",\"earlier_line\":\(pair.earlier.line),\"later_source\":".utf8)
            JSONString.append(pair.later.source, to: &buffer)
            buffer += Array(",\"later_line\":\(pair.later.line)}\n".utf8)
            try file.drain(&buffer)
        }
        buffer += IntermediateFile.endLine(count: pairs.count)
        try file.drain(&buffer, atLeast: 0)
        try file.commit()
    }

    /// Reads a pairs file made with the same parameters as `options`, calling `pair` for each.
    static func read(
        _ path: String, options: NearDupOptions,
        pair: (_ earlier: DocumentOrigin, _ later: DocumentOrigin) throws(WinnowError) -> Void
    ) throws(WinnowError) {
        try IntermediateFile.readRecords(
            path, kind: "pairs", header: header(options),
            mismatch: "pairs were made with other parameters"
        ) { record throws(WinnowError) in
            guard let earlierSource = record.string("earlier_source"), let earlierLine = record.count("earlier_line"),
                let laterSource = record.string("later_source"), let laterLine = record.count("later_line")
            else {
                throw .configuration(
                    "a pair line needs 'earlier_source', 'earlier_line', 'later_source' and 'later_line'",
                    path: record.location)
            }
            try pair(DocumentOrigin(source: earlierSource, line: earlierLine), DocumentOrigin(source: laterSource, line: laterLine))
        }
    }
}
