import Foundation

/// The intermediate file between the templates stage's map and merge steps, one JSON object per line:
///
///     {"format":"winnow.template-counts","version":5,"site_mode":"host","site_field":"site"}
///     {"input":"shard-3.jsonl","lines":[[1,4999],[5001,5200]]}
///     {"site":"docs.example.org","pages":250,"lines":[["00a1…",250],["0b7f…",3],…],"copies":[["03c2…",1],…]}
///     {"end_of_file":2}
///
/// The header names the options the counts depend on; then one line per input counted, with the
/// input lines of its documents as ranges (`CoveredLines`); then one line per site, inputs, sites and
/// line keys in bytewise order, keys as 16 hex digits (JSON numbers lose precision above 2^53). Pages
/// counts how many pages of the site were seen; each line pair is a folded line's key and the number
/// of those pages that have it; each copies pair a page's fingerprint and the number of pages with
/// it. Files merge by adding counts, so merging shard files in any grouping gives the same counts;
/// merge refuses two files that cover one input line, whose pages would count twice.
public enum TemplateCountsFile {
    public static let format = "winnow.template-counts"
    /// 5 since sites count their pages' copies and line keys fold the date names of six more languages;
    /// 4 since the file records the input lines it covers; 3 since line keys hash words eight bytes at a
    /// time (`LineFolder.wordHash(of:)`).
    public static let version = 5

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
        var records = 0
        for name in counts.covered.inputs.keys.sorted() {
            var line: [UInt8] = Array("{\"input\":".utf8)
            JSONString.append(name.string, to: &line)
            line += Array(",\"lines\":[".utf8)
            for (position, range) in counts.covered.inputs[name]!.enumerated() {
                line += Array("\(position > 0 ? "," : "")[\(range.lowerBound),\(range.upperBound)]".utf8)
            }
            line += Array("]}\n".utf8)
            try file.write(line)
            records += 1
        }
        for name in counts.sites.keys.sorted() {
            let site = counts.sites[name]!
            var line: [UInt8] = []
            line.reserveCapacity(50 + (site.lines.count + site.copies.count) * 26)
            line += Array("{\"site\":".utf8)
            JSONString.append(name.string, to: &line)
            line += Array(",\"pages\":\(site.pages),\"lines\":".utf8)
            appendPairs(site.lines, to: &line)
            line += Array(",\"copies\":".utf8)
            appendPairs(site.copies, to: &line)
            line += Array("}\n".utf8)
            try file.write(line)
        }
        try file.write(IntermediateFile.endLine(count: records + counts.sites.count))
        try file.commit()
    }

    /// `[["<16 hex digits>",count],…]` in ascending order of the keys.
    private static func appendPairs(_ counts: LineCounts, to line: inout [UInt8]) {
        line.append(UInt8(ascii: "["))
        for (position, entry) in counts.sorted(by: { $0.key < $1.key }).enumerated() {
            if position > 0 { line.append(UInt8(ascii: ",")) }
            line += Array("[\"\(StableHash.hex(entry.key))\",\(entry.pages)]".utf8)
        }
        line.append(UInt8(ascii: "]"))
    }

    /// The counts of `paths` added up (`templates merge`), refusing two files that cover one input line
    /// (a file given twice, a merged file beside one of its parts, two shards mapped under one name):
    /// counts add, so its page would count twice, and a site of one page would look like two pages
    /// alike, every line a template line.
    public static func merge(_ paths: [String], options: TemplateOptions) throws(WinnowError) -> TemplateCounts {
        var merged = TemplateCounts()
        // What each file read so far covers, to name the earlier of two that cover one line.
        var earlier: [(path: String, covered: CoveredLines)] = []
        for path in paths {
            let counts = try read(path, options: options)
            guard counts.pageCount == 0 || !counts.covered.isEmpty else {
                throw .configuration(
                    "this counts file holds pages but records no input lines they were counted from, so a merge "
                        + "cannot tell whether they are counted twice: merge the counts files 'templates map' wrote "
                        + "(nothing was written)", path: path)
            }
            if let origin = merged.covered.firstShared(with: counts.covered) {
                let other = earlier.first { $0.covered.firstShared(with: counts.covered) != nil }?.path ?? "?"
                throw .configuration(
                    "\(other) and this counts file both count the page read at \(origin): counts add, so its lines "
                        + "would count twice; give each counts file once (an overlapping glob names one twice, a merged "
                        + "file holds its parts), and map each input under a name of its own; nothing was written",
                    path: path)
            }
            earlier.append((path, counts.covered))
            merged.merge(counts)
        }
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
                        "a \(format) file of version \((object["version"] as? Int).map(String.init) ?? "?"), made by another "
                            + "winnow; this one reads version \(version), whose files record the input lines they count "
                            + "(so that merge refuses counts given twice) and whose line keys differ from version 2's: "
                            + "run 'templates map' again with this winnow (version 5 counts copies of a page as one, and folds more date names)",
                        path: location)
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
            if object["input"] != nil {
                try readInput(object, location: record.location, into: &counts.covered)
                return
            }
            guard let name = object["site"] as? String, let written = object["pages"], let pairs = object["lines"] as? [[Any]],
                let copies = object["copies"] as? [[Any]]
            else {
                throw .configuration("a site line needs 'site', 'pages', 'lines' and 'copies'", path: record.location)
            }
            guard let pages = written as? Int, pages >= 0, pages <= IntermediateFile.maxCount else {
                throw .configuration(
                    "a site's 'pages' must be a whole number from 0 to \(IntermediateFile.maxCount), not \(written)",
                    path: record.location)
            }
            guard counts.sites[ByteString(name)] == nil else {
                throw .configuration("site '\(name)' appears twice: a counts file has one line per site", path: record.location)
            }
            var site = TemplateCounts.Site(pages: pages)
            site.lines = try keyCounts(pairs, atMost: pages, entry: "a line", location: record.location)
            site.copies = try keyCounts(copies, atMost: pages, entry: "a copy", location: record.location)
            var single = TemplateCounts()
            single.sites[ByteString(name)] = site
            counts.merge(single)
        }
        return counts
    }

    /// A site's `lines` or `copies` pairs, each count between 1 and the site's pages.
    private static func keyCounts(_ pairs: [[Any]], atMost pages: Int, entry: String, location: String) throws(WinnowError) -> LineCounts {
        var counts = LineCounts(minimumCapacity: pairs.count)
        for pair in pairs {
            guard pair.count == 2, let hex = pair[0] as? String, let key = StableHash.parseHex(hex),
                let count = pair[1] as? Int, count > 0, count <= pages, let pagesWithKey = UInt32(exactly: count)
            else {
                throw .configuration("\(entry) entry must be [\"16 hex digits\", pages seen]", path: location)
            }
            counts.set(key, pagesWithKey)
        }
        return counts
    }

    /// Reads an input line (`{"input":…,"lines":[[first,last],…]}`) into `covered`.
    private static func readInput(_ object: [String: Any], location: String, into covered: inout CoveredLines) throws(WinnowError) {
        guard let name = object["input"] as? String, let pairs = object["lines"] as? [[Any]], !pairs.isEmpty else {
            throw .configuration("an input line needs 'input' and 'lines', a list of [first, last] line numbers", path: location)
        }
        guard covered.inputs[ByteString(name)] == nil else {
            throw .configuration("input '\(name)' appears twice: a counts file has one line per input", path: location)
        }
        var ranges: [ClosedRange<Int>] = []
        for pair in pairs {
            // After the last range and apart from it: written so, and each line is then covered once.
            guard pair.count == 2, let first = pair[0] as? Int, let last = pair[1] as? Int, first >= 0, first <= last,
                ranges.last.map({ $0.upperBound < first - 1 }) ?? true
            else {
                throw .configuration(
                    "an input's 'lines' must be [first, last] line numbers in ascending order, apart", path: location)
            }
            ranges.append(first...last)
        }
        covered.add(ByteString(name), ranges)
    }
}
