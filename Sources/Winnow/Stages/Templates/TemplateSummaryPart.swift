/// A shard's part of the template summary, written by `templates apply --summary-part`: per site the
/// figures of the shard's pages and every template line removed from them, so that the parts of all
/// shards merge exactly into the summary of the whole corpus:
///
///     {"format":"winnow.template-summary-part","version":2}
///     {"site":"news.example","pages":250,"bytes_in":91520,"pages_changed":40,"pages_removed":0,"bytes_removed":6210,"lines":[["00a1…",250,"Home | World"],…]}
///     {"end_of_file":1}
///
/// Sites and line keys in bytewise order, keys as 16 hex digits (JSON numbers lose precision above
/// 2^53). `pages` is the site's page count in the merged counts and a line's pages its merged count:
/// both are the same in every shard. The merge: add `bytes_in`, `pages_changed`, `pages_removed` and
/// `bytes_removed`; unite the lines by key, keeping the smallest spelling bytewise; then list the
/// `summary_lines` lines on most pages, ties by text bytewise (`TemplateSummary.site`).
enum TemplateSummaryPart {
    static let format = "winnow.template-summary-part"
    /// 2 since line keys hash words eight bytes at a time (`LineFolder.wordHash(of:)`).
    static let version = 2
    static let header = JSONValue.object([("format", .string(format)), ("version", .int(version))]).encoded()

    /// The part written whole to `path` but not yet renamed into place (`OutputFile.commit`).
    static func writing(
        _ tallies: [(site: String, tally: TemplateSummary.SiteTally)], to path: String
    ) throws(WinnowError) -> OutputFile {
        let file = try OutputFile(path: path)
        var buffer = header + [0x0A]
        for (site, tally) in tallies {
            buffer += Array("{\"site\":".utf8)
            JSONString.append(site, to: &buffer)
            buffer += Array(
                (",\"pages\":\(tally.pages),\"bytes_in\":\(tally.bytesIn),\"pages_changed\":\(tally.pagesChanged),"
                    + "\"pages_removed\":\(tally.pagesRemoved),\"bytes_removed\":\(tally.bytesRemoved),\"lines\":[").utf8)
            for (position, entry) in tally.lines.sorted(by: { $0.key < $1.key }).enumerated() {
                if position > 0 { buffer.append(UInt8(ascii: ",")) }
                buffer += Array("[\"".utf8)
                Hex.append(sixteenDigitsOf: entry.key, to: &buffer)
                buffer += Array("\",\(entry.value.pages),".utf8)
                JSONString.append(entry.value.text, to: &buffer)
                buffer.append(UInt8(ascii: "]"))
            }
            buffer += Array("]}\n".utf8)
            try file.drain(&buffer)
        }
        buffer += IntermediateFile.endLine(count: tallies.count)
        try file.drain(&buffer, atLeast: 0)
        try file.finish()
        return file
    }
}
