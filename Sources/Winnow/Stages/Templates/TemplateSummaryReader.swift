/// Reads the template summary with Winnow's scanner (`JSONObjectView`) instead of Foundation's
/// `JSONDecoder`, which took a fifth of a run on many small sites: the file the `summary` option
/// writes, and the sites of a part file's lines (`TemplateSummaryFolder`).
enum TemplateSummaryReader {
    /// The sites of a summary file's bytes, as it lists them, once its format and version are this Winnow's.
    static func sites(ofFile bytes: [UInt8], path: String) throws(WinnowError) -> [TemplateSummary.Site] {
        func malformed(_ detail: String) -> WinnowError {
            .configuration(
                "not a template summary (version \(TemplateSummary.File.version), "
                    + "written by the templates stage's 'summary' option): \(detail)", path: path)
        }
        return try bytes.withUnsafeBufferPointer { buffer throws(WinnowError) in
            if let invalid = UTF8Validation.firstInvalidOffset(buffer) {
                throw malformed("not UTF-8 at \(place(of: invalid, in: buffer))")
            }
            let file: JSONObjectView
            do throws(JSONSyntaxError) {
                file = try JSONObjectView(buffer)
            } catch {
                throw malformed("\(error.message) at \(place(of: error.offset, in: buffer))")
            }
            let (format, version): (String, Int)
            do throws(JSONFieldError) {
                (format, version) = (try file.string("format"), try file.int("version"))
            } catch {
                throw malformed(error.message)
            }
            guard format == TemplateSummary.File.format, version == TemplateSummary.File.version else {
                throw .configuration(
                    "template summary format \(format) version \(version); this Winnow reads "
                        + "\(TemplateSummary.File.format) version \(TemplateSummary.File.version): run the templates stage again",
                    path: path)
            }
            let objects: [JSONObjectView]
            do throws(JSONFieldError) {
                objects = try file.objects("sites")
            } catch {
                throw malformed(error.message)
            }
            var sites: [TemplateSummary.Site] = []
            sites.reserveCapacity(objects.count)
            for (index, object) in objects.enumerated() {
                do throws(JSONFieldError) {
                    sites.append(try site(object))
                } catch {
                    throw malformed("site \(index + 1) of 'sites': \(error.message)")
                }
            }
            return sites
        }
    }

    /// A site as the summary lists it: its figures and template lines, snake_case keys.
    static func site(_ object: JSONObjectView) throws(JSONFieldError) -> TemplateSummary.Site {
        var lines: [TemplateSummary.Line] = []
        for (index, line) in try object.objects("template_lines").enumerated() {
            do throws(JSONFieldError) {
                lines.append(TemplateSummary.Line(text: try line.string("text"), pages: try line.int("pages")))
            } catch {
                throw JSONFieldError("template line \(index + 1): \(error.message)")
            }
        }
        return TemplateSummary.Site(
            site: try object.string("site"), pages: try object.int("pages"), bytesIn: try object.int("bytes_in"),
            pagesChanged: try object.int("pages_changed"), pagesRemoved: try object.int("pages_removed"),
            bytesRemoved: try object.int("bytes_removed"), templateLines: lines)
    }

    /// "line 3, column 17" of the byte at `offset` (columns count bytes from 1, as editors show them).
    private static func place(of offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> String {
        let before = UnsafeBufferPointer(rebasing: bytes[..<min(offset, bytes.count)])
        let lineStart = (before.lastIndex(of: 0x0A) ?? -1) + 1
        return "line \(before.count { $0 == 0x0A } + 1), column \(offset - lineStart + 1)"
    }
}
