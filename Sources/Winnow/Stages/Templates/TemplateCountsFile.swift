import Foundation

/// The intermediate file between the templates stage's map and merge steps, one JSON object per line:
///
///     {"format":"winnow.template-counts","version":3,"site_mode":"host","site_field":"site"}
///     {"site":"docs.example.org","pages":250,"lines":[["00a1…",250],["0b7f…",3],…]}
///     {"end_of_file":1}
///
/// The header names the options the counts depend on; then one line per site, sites and line keys in
/// bytewise order, keys as 16 hex digits (JSON numbers lose precision above 2^53). Pages counts how
/// many pages of the site were seen; each line pair is a folded line's key and the number of those
/// pages that have it. Files merge by adding counts, so merging shard files in any grouping gives
/// the same file.
public enum TemplateCountsFile {
    public static let format = "winnow.template-counts"
    /// 3 since line keys hash words eight bytes at a time (`LineFolder.wordHash(of:)`): older counts hold other keys.
    public static let version = 3

    public static func write(_ counts: TemplateCounts, options: TemplateOptions, to path: String) throws(WinnowError) {
        let file = try OutputFile(path: path)
        var header: [UInt8] = []
        JSONValue.object([
            ("format", .string(format)), ("version", .int(version)),
            ("site_mode", .string(options.site.rawValue)), ("site_field", .string(options.siteField)),
        ])
        .encode(into: &header)
        header.append(0x0A)
        try file.write(header)
        for name in counts.sites.keys.sorted() {
            let site = counts.sites[name]!
            var line: [UInt8] = []
            line.reserveCapacity(40 + site.lines.count * 26)
            line += Array("{\"site\":".utf8)
            JSONString.append(name.string, to: &line)
            line += Array(",\"pages\":\(site.pages),\"lines\":[".utf8)
            for (position, entry) in site.lines.sorted(by: { $0.key < $1.key }).enumerated() {
                if position > 0 { line.append(UInt8(ascii: ",")) }
                line += Array("[\"\(StableHash.hex(entry.key))\",\(entry.pages)]".utf8)
            }
            line += Array("]}\n".utf8)
            try file.write(line)
        }
        try file.write(IntermediateFile.endLine(count: counts.sites.count))
        try file.commit()
    }

    /// The counts of `paths` added up (`templates merge`), refusing a file given twice (an overlapping
    /// glob, or two spellings of one path): counts add, so its pages would count twice, and a site of
    /// one page would look like two pages alike, every line a template line. The file holds no page
    /// identities, so a copy under another name is not caught.
    public static func merge(_ paths: [String], options: TemplateOptions) throws(WinnowError) -> TemplateCounts {
        var given: [String: String] = [:]
        for path in paths {
            guard path != "-", let key = OutputTarget.identity(of: path) else { continue }
            if let earlier = given.updateValue(path, forKey: key) {
                throw .configuration(
                    "the counts file \(path) is given twice" + (earlier == path ? "" : " (also as \(earlier))")
                        + ": counts add, so its pages would count twice; give each counts file once (nothing was written)",
                    path: path)
            }
        }
        var merged = TemplateCounts()
        for path in paths { merged.merge(try read(path, options: options)) }
        return merged
    }

    /// Reads a counts file (plain or gzip), checking that it was made with the same site grouping as `options`.
    public static func read(_ path: String, options: TemplateOptions) throws(WinnowError) -> TemplateCounts {
        var counts = TemplateCounts()
        try IntermediateFile.readRecords(
            path, kind: "template counts",
            checkHeader: { line, location throws(WinnowError) in
                guard let object = (try? JSONSerialization.jsonObject(with: Data(line))) as? [String: Any],
                    object["format"] as? String == format
                else {
                    throw .configuration("not a \(format) version \(version) file", path: location)
                }
                guard object["version"] as? Int == version else {
                    throw .configuration(
                        "a \(format) file of version \((object["version"] as? Int).map(String.init) ?? "?"), made by another winnow whose line keys "
                            + "differ; this one reads version \(version): count again with it", path: location)
                }
                let mode = object["site_mode"] as? String, field = object["site_field"] as? String
                guard mode == options.site.rawValue, options.site != .field || field == options.siteField else {
                    throw .configuration(
                        "counts were made with site grouping '\(mode ?? "?")' (field '\(field ?? "?")'), "
                            + "not '\(options.site.rawValue)' (field '\(options.siteField)'): use the same --site options", path: location)
                }
            }
        ) { record throws(WinnowError) in
            guard let object = record.object else { throw .configuration("not a JSON object", path: record.location) }
            guard let name = object["site"] as? String, let pages = object["pages"] as? Int,
                let pairs = object["lines"] as? [[Any]]
            else {
                throw .configuration("a site line needs 'site', 'pages' and 'lines'", path: record.location)
            }
            guard counts.sites[ByteString(name)] == nil else {
                throw .configuration("site '\(name)' appears twice: a counts file has one line per site", path: record.location)
            }
            var site = TemplateCounts.Site(pages: pages)
            site.lines = LineCounts(minimumCapacity: pairs.count)
            for pair in pairs {
                guard pair.count == 2, let hex = pair[0] as? String, let key = StableHash.parseHex(hex),
                    let count = pair[1] as? Int, count > 0, count <= pages, let pagesWithLine = UInt32(exactly: count)
                else {
                    throw .configuration("a line entry must be [\"16 hex digits\", pages seen]", path: record.location)
                }
                site.lines.set(key, pagesWithLine)
            }
            var single = TemplateCounts()
            single.sites[ByteString(name)] = site
            counts.merge(single)
        }
        return counts
    }
}
