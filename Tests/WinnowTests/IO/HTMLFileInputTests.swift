import Foundation
import Testing
import WinnowTestSupport

@testable import Winnow

/// HTML files as inputs: each one document with an id of its own, and when it cannot be read, one
/// reject that gives its true size or says in a page's words what is wrong.
@Suite struct HTMLFileInputTests {
    private func read(_ inputs: [InputSpec], maxRecordBytes: Int = 1 << 20) throws -> (records: [RawRecord], bytesRead: Int) {
        let reader = RecordReader(inputs: inputs, maxRecordBytes: maxRecordBytes)
        var all: [RawRecord] = []
        while let batch = try reader.nextBatch() { all += batch.records }
        return (all, reader.bytesRead)
    }

    private static func ids(_ specs: [InputSpec]) -> [String] {
        specs.compactMap { if case .html(_, let id) = $0 { id } else { nil } }
    }

    private static func message(_ record: RawRecord?) -> String? {
        if case .unreadable(let message, _) = record?.content { message } else { nil }
    }

    /// `a.html`, `a.htm`, `a.HTML` and `a.html.gz` are four pages, and so are `d1/a.html` and `d2/a.html`:
    /// one id for them all made `exact` name a page as a copy of itself.
    @Test func pagesOfOneStemHaveIDsOfTheirOwn() throws {
        let folder = TemporaryFolder()
        for name in ["p/a.html", "p/a.htm", "p/a.HTML", "d1/a.html", "d2/a.html", "q/sub/b.html"] { folder.write(name, "<p>x</p>") }
        folder.write("p/a.html.gz", try gzipped(Array("<p>x</p>".utf8)))
        #expect(Self.ids(try InputSpec.resolve([folder.file("p")])) == ["a.HTML", "a.htm", "a.html", "a.html.gz"])
        #expect(Self.ids(try InputSpec.resolve([folder.file("q")])) == ["sub/b.html"])
        let named = [folder.file("d1/a.html"), folder.file("d2/a.html")]
        #expect(Self.ids(try InputSpec.resolve(named)) == named)
        // Two folders holding one relative path, or a file given twice: numbered, as inputs given again are.
        #expect(Self.ids(try InputSpec.resolve([folder.file("d1"), folder.file("d2")])) == ["a.html", "a.html#2"])
        #expect(Self.ids(try InputSpec.resolve([named[0], named[0]])) == [named[0], named[0] + "#2"])
    }

    /// A page over the limit is rejected with its size, plain or gzip (it was the size read before
    /// stopping, a whole 1 MiB chunk over), and the bytes read count it whole.
    @Test func anOversizedPageIsRejectedWithItsSize() throws {
        let folder = TemporaryFolder()
        let page = Array(
            ("<html><body>" + String(repeating: "<p>word word word, more words here.</p>", count: 80_000) + "</body></html>").utf8)
        folder.write("big.html", page)
        folder.write("big.html.gz", try gzipped(page))
        for name in ["big.html", "big.html.gz"] {
            let found = try read([.html(path: folder.file(name), id: name)], maxRecordBytes: 1_000_000)
            guard case .oversized(let length, let limit) = found.records.first?.content else {
                Issue.record("\(name): \(found.records)")
                continue
            }
            #expect(length == page.count && limit == 1_000_000, "\(name)")
            #expect(found.bytesRead == page.count, "\(name)")
        }
    }

    /// A damaged `.html.gz` is one reject whose message speaks of the page, not of records and lines
    /// it does not have ("every record before it was read", "what follows the last complete line is lost").
    @Test func aDamagedGzipPageIsRejectedInAPagesWords() throws {
        let folder = TemporaryFolder()
        var generator = SystemRandomNumberGenerator()
        let words = ["alpha", "beta", "gamma", "river", "stone", "cloud", "market", "garden"]
        let page = Array(
            ("<html><body>" + (0..<3000).map { _ in words.randomElement(using: &generator)! }.joined(separator: " ") + "</body></html>")
                .utf8)
        let compressed = try gzipped(page)
        folder.write("trailing.html.gz", compressed + [0x0A])
        folder.write("cut.html.gz", Array(compressed.prefix(compressed.count / 2)))
        let found = try read(["trailing.html.gz", "cut.html.gz"].map { .html(path: folder.file($0), id: $0) })
        let messages = found.records.map(Self.message)
        #expect(messages.count == 2 && messages.allSatisfy { $0 != nil }, "\(found.records)")
        for message in messages.compactMap(\.self) {
            #expect(message.contains("page") && !message.contains("record") && !message.contains(" line"), "\(message)")
        }
    }

    /// A page in a compression Winnow does not read is one reject naming it, and the other pages are
    /// read; a plain page that starts as bzip2 data does ("BZh91AY&SY", then text) is a page.
    @Test func aPageInACompressionNotReadIsOneReject() throws {
        let folder = TemporaryFolder()
        let bzip2 = try #require(ForeignCompressionTests.compressed.first { $0.0 == .bzip2 }?.1)
        folder.write("p/b.html", bzip2)
        folder.write("p/good.html", "<p>x</p>")
        folder.write("p/plain.html", "BZh91AY&SY is how this page starts, and it is text.")
        let found = try read(try InputSpec.resolve([folder.file("p")]))
        #expect(found.records.count == 3)
        let message = try #require(Self.message(found.records.first), "\(found.records)")
        #expect(message.contains("bzip2") && !message.contains("| winnow"), "\(message)")
        for record in found.records.dropFirst() {
            guard case .htmlFile = record.content else {
                Issue.record("\(record.origin): \(record.content)")
                continue
            }
        }
    }
}
