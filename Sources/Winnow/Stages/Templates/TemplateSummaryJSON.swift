/// The template summary file's bytes, site by site, exactly as Foundation's `JSONEncoder` wrote
/// `TemplateSummary.File` (`[.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]`, snake_case keys):
/// two-space indents, `"key" : value`, an empty array as `[`, a blank line and `]`. The encoder's tree
/// of boxed values took a fifth of a run on corpora of many small sites.
enum TemplateSummaryJSON {
    /// The file up to the first site: its `format`, and the `sites` array opened.
    static func appendStart(to output: inout [UInt8]) {
        output.append(contentsOf: "{\n  \"format\" : ".utf8)
        SortedJSONWriter.appendString(TemplateSummary.File.format, to: &output)
        output.append(contentsOf: ",\n  \"sites\" : [".utf8)
    }

    /// One site of the `sites` array; `first` when no site came before it.
    static func append(_ site: TemplateSummary.Site, first: Bool, to output: inout [UInt8]) {
        output.append(contentsOf: (first ? "\n    {\n" : ",\n    {\n").utf8)
        appendMember("bytes_in", site.bytesIn, indent: 6, to: &output)
        appendMember("bytes_removed", site.bytesRemoved, indent: 6, to: &output)
        appendMember("pages", site.pages, indent: 6, to: &output)
        appendMember("pages_changed", site.pagesChanged, indent: 6, to: &output)
        appendMember("pages_removed", site.pagesRemoved, indent: 6, to: &output)
        output.append(contentsOf: "      \"site\" : ".utf8)
        SortedJSONWriter.appendString(site.site, to: &output)
        output.append(contentsOf: ",\n      \"template_lines\" : [".utf8)
        for (index, line) in site.templateLines.enumerated() {
            output.append(contentsOf: (index == 0 ? "\n        {\n" : ",\n        {\n").utf8)
            appendMember("pages", line.pages, indent: 10, to: &output)
            output.append(contentsOf: "          \"text\" : ".utf8)
            SortedJSONWriter.appendString(line.text, to: &output)
            output.append(contentsOf: "\n        }".utf8)
        }
        closeArray(empty: site.templateLines.isEmpty, indent: 6, to: &output)
        output.append(contentsOf: "\n    }".utf8)
    }

    /// The rest of the file after `sites` sites: the array closed, the `version`, and the line end.
    static func appendEnd(sites: Int, to output: inout [UInt8]) {
        closeArray(empty: sites == 0, indent: 2, to: &output)
        output.append(contentsOf: ",\n  \"version\" : ".utf8)
        SortedJSONWriter.appendDecimal(TemplateSummary.File.version, to: &output)
        output.append(contentsOf: "\n}\n".utf8)
    }

    /// `"name" : value,` and a line end, at `indent` spaces.
    private static func appendMember(_ name: StaticString, _ value: Int, indent: Int, to output: inout [UInt8]) {
        output += repeatElement(UInt8(ascii: " "), count: indent)
        output.append(UInt8(ascii: "\""))
        name.withUTF8Buffer { output += $0 }
        output.append(contentsOf: "\" : ".utf8)
        SortedJSONWriter.appendDecimal(value, to: &output)
        output.append(contentsOf: ",\n".utf8)
    }

    /// An array's `]` on its own line at `indent` spaces; an empty one has a blank line before it.
    private static func closeArray(empty: Bool, indent: Int, to output: inout [UInt8]) {
        output.append(0x0A)
        if empty { output.append(0x0A) }
        output += repeatElement(UInt8(ascii: " "), count: indent)
        output.append(UInt8(ascii: "]"))
    }
}
