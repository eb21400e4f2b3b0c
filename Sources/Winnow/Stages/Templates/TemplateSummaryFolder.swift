/// The template summary as a folder of JSONL part files, as the cluster path writes it
/// (`OUTPUT/templates/`, merged from the shards' `TemplateSummaryPart`s): each part a header line, one
/// site of the summary a line, and an end line; a site is on one line of one part.
///
///     {"format":"winnow.template-summary","version":2}
///     {"bytes_in":91520,"bytes_removed":6210,"pages":250,"pages_changed":40,"pages_removed":0,"site":"news.example","template_lines":[{"pages":250,"text":"Home | World"},…]}
///     {"end_of_file":1}
enum TemplateSummaryFolder {
    static let header = JSONValue.object([
        ("format", .string(TemplateSummary.File.format)), ("version", .int(TemplateSummary.File.version)),
    ]).encoded()

    /// The sites of every part file of `folder`, by name (bytewise), as `TemplateSummary.snapshot` lists them.
    static func read(_ folder: String) throws(WinnowError) -> [TemplateSummary.Site] {
        var sites: [TemplateSummary.Site] = []
        var seen: Set<ByteString> = []
        for file in try InputSpec.jsonlFiles(folder) {
            try IntermediateFile.readRecords(file.path, kind: "template summary", header: header, mismatch: mismatch) {
                record throws(WinnowError) in
                let site = try record.decoded(kind: "template summary", TemplateSummaryReader.site)
                guard seen.insert(ByteString(site.site)).inserted else {
                    throw .configuration(
                        "site '\(site.site)' is listed twice: each site is on one line of one part; "
                            + "was the folder written by one run?", path: record.location)
                }
                sites.append(site)
            }
        }
        return sites.sorted { BytewiseOrder.precedes($0.site, $1.site) }
    }

    private static let mismatch =
        "not a part of a template summary of this version (the cluster path writes them into OUTPUT/templates/)"
}
