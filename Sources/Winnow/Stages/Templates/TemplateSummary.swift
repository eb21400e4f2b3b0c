import Foundation
import Synchronization

/// Per site: how many text bytes came in, how many pages lost lines, how many bytes went, and the
/// template lines most pages had, with one example of each as written. This is what the report
/// shows; it is gathered while pages are rewritten, from every thread, and written as JSON
/// (`format` "winnow.template-summary", snake_case keys) at the end of the run.
final class TemplateSummary: Sendable {
    struct Line: Codable, Equatable {
        var text: String
        var pages: Int

        /// Takes `line` (its bytes, `trimmed`) as the example when it spells the key smaller.
        mutating func replace(with line: UnsafeBufferPointer<UInt8>, pages: Int) {
            if TemplateSummary.isVisibleASCII(line.first) && TemplateSummary.isVisibleASCII(line.last) {
                guard BytewiseOrder.precedes(line, text) else { return }
                self = Line(text: String(decoding: line, as: UTF8.self), pages: pages)
            } else {
                let trimmedText = TemplateSummary.trimmed(String(decoding: line, as: UTF8.self))
                guard BytewiseOrder.precedes(trimmedText, text) else { return }
                self = Line(text: trimmedText, pages: pages)
            }
        }
    }

    struct Site: Codable {
        var site: String
        var pages: Int
        /// Text bytes of the site's pages as they came into the stage.
        var bytesIn = 0
        var pagesChanged = 0
        var pagesRemoved = 0
        var bytesRemoved = 0
        var templateLines: [Line] = []
    }

    struct File: Codable {
        static let format = "winnow.template-summary"
        static let version = 2
        var format = File.format
        var version = File.version
        var sites: [Site]
    }

    /// One site's figures with every template line removed from it, by line key: what the summary is
    /// made from, and what a shard's part of it holds (`TemplateSummaryPart`).
    struct SiteTally: Equatable {
        var pages: Int
        var bytesIn = 0
        var pagesChanged = 0
        var pagesRemoved = 0
        var bytesRemoved = 0
        /// Template line key → its page count and the smallest spelling seen, bytewise (so the example
        /// does not depend on which thread or shard saw which page first).
        var lines: [UInt64: Line] = [:]
    }

    private let linesPerSite: Int
    private let state = Mutex<[ByteString: SiteTally]>([:])
    /// The sites `writing(to:)` wrote: a report of the same run takes them rather than reading the
    /// file back, which on 50,000 small sites cost more than writing it.
    private let written = Mutex<[Site]?>(nil)

    init(linesPerSite: Int) {
        self.linesPerSite = linesPerSite
    }

    /// Counts a page's text, changed or not, so that a site's template share can be told.
    func count(site: String, sitePages: Int, textBytes: Int) {
        state.withLock { sites in
            sites[ByteString(site), default: SiteTally(pages: sitePages)].bytesIn += textBytes
        }
    }

    /// Notes a page that lost lines: its removed bytes, and each removed template line as the example
    /// of its key when it is the site's first or spells it smaller than the one known. `lineCounts`: the
    /// site's, which give each line's pages whichever page has it (nil: on one page).
    func record(
        site: String, sitePages: Int, page: PageLines, keep: [Bool], evidence: [TemplateDecision.Evidence],
        lineCounts: LineCounts?, bytes: UnsafeBufferPointer<UInt8>, removedPage: Bool
    ) {
        var removedBytes = 0
        for (index, line) in page.lines.enumerated() where !keep[index] { removedBytes += line.end - line.start }
        state.withLock { sites in
            // Changed in place: a copy of the tally would copy its lines at the first new example.
            Self.record(
                page, keep: keep, evidence: evidence, lineCounts: lineCounts, bytes: bytes, removedBytes: removedBytes,
                removedPage: removedPage, into: &sites[ByteString(site), default: SiteTally(pages: sitePages)])
        }
    }

    /// Adds the page to its site's tally, under the lock.
    private static func record(
        _ page: PageLines, keep: [Bool], evidence: [TemplateDecision.Evidence], lineCounts: LineCounts?,
        bytes: UnsafeBufferPointer<UInt8>, removedBytes: Int, removedPage: Bool, into tally: inout SiteTally
    ) {
        tally.pagesChanged += 1
        tally.pagesRemoved += removedPage ? 1 : 0
        tally.bytesRemoved += removedBytes
        for (index, line) in page.lines.enumerated() where !keep[index] && evidence[index].isTemplate {
            offer(
                UnsafeBufferPointer(rebasing: bytes[line.start..<line.end]), key: line.folded.key,
                pages: lineCounts.map { Int($0[line.folded.key] ?? 1) } ?? 1, to: &tally.lines)
        }
    }

    /// Makes `line` (its bytes, `trimmed`) the example of `key` unless one that is not larger is known.
    /// Most lines end in visible ASCII and are trimmed already, so they are compared as bytes and
    /// become a string only when they win.
    private static func offer(_ line: UnsafeBufferPointer<UInt8>, key: UInt64, pages: Int, to lines: inout [UInt64: Line]) {
        guard let known = lines.index(forKey: key) else {
            lines[key] = Line(text: trimmed(String(decoding: line, as: UTF8.self)), pages: pages)
            return
        }
        // The known example is compared where it is (a mutating call on it): read out, it was copied
        // and its text retained for every template line of every page.
        lines.values[known].replace(with: line, pages: pages)
    }

    /// Whether `byte` is a visible ASCII character: an end that `trimmed` keeps.
    static func isVisibleASCII(_ byte: UInt8?) -> Bool { byte.map { $0 > 0x20 && $0 < 0x7F } ?? false }

    /// `text` without the `.whitespaces` at its ends. Foundation is asked only when an end is not a
    /// visible ASCII character: template lines rarely have spaces there, and it took a quarter of the run.
    static func trimmed(_ text: String) -> String {
        if isVisibleASCII(text.utf8.first) && isVisibleASCII(text.utf8.last) { return text }
        return text.trimmingCharacters(in: .whitespaces)
    }

    /// Every site's tally as it stands, sites by name (bytewise). Names and positions are sorted, not
    /// the tallies: moving whole tallies retained and released their lines at every step of the sort.
    func tallies() -> [(site: String, tally: SiteTally)] {
        state.withLock { sites in
            var order = Array(zip(sites.keys, sites.indices))
            order.sort { $0.0 < $1.0 }
            return order.map { (site: $0.0.string, tally: sites.values[$0.1]) }
        }
    }

    /// The summary as it stands, sites by name, lines by page count then text.
    func snapshot() -> [Site] {
        tallies().map { Self.site($0.site, $0.tally, linesPerSite: linesPerSite) }
    }

    /// A site of the summary from its tally: its `linesPerSite` template lines on most pages, ties by
    /// text bytewise.
    static func site(_ name: String, _ tally: SiteTally, linesPerSite: Int) -> Site {
        let lines = tally.lines.values.sorted {
            $0.pages != $1.pages ? $0.pages > $1.pages : BytewiseOrder.precedes($0.text, $1.text)
        }
        return Site(
            site: name, pages: tally.pages, bytesIn: tally.bytesIn, pagesChanged: tally.pagesChanged,
            pagesRemoved: tally.pagesRemoved, bytesRemoved: tally.bytesRemoved,
            templateLines: Array(lines.prefix(linesPerSite)))
    }

    /// The summary written whole to `path` but not yet renamed into place (`OutputFile.commit`), site by
    /// site as `JSONEncoder` wrote `File` (`TemplateSummaryJSON`), and a line end.
    func writing(to path: String) throws(WinnowError) -> OutputFile {
        let file = try OutputFile(path: path)
        var buffer: [UInt8] = []
        TemplateSummaryJSON.appendStart(to: &buffer)
        let tallies = tallies()
        var sites: [Site] = []
        sites.reserveCapacity(tallies.count)
        for (index, entry) in tallies.enumerated() {
            sites.append(Self.site(entry.site, entry.tally, linesPerSite: linesPerSite))
            TemplateSummaryJSON.append(sites[index], first: index == 0, to: &buffer)
            try file.drain(&buffer)
        }
        TemplateSummaryJSON.appendEnd(sites: tallies.count, to: &buffer)
        try file.drain(&buffer, atLeast: 0)
        try file.finish()
        written.withLock { $0 = sites }
        return file
    }

    /// The sites of the summary `writing(to:)` wrote, as a reader of the file would find them; nil
    /// before it wrote.
    var writtenSites: [Site]? { written.withLock { $0 } }
}
