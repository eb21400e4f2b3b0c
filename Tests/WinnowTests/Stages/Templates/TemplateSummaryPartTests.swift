import Foundation
import Testing
import WinnowTestSupport

@testable import Winnow

/// A shard's part of the template summary (`templates apply --summary-part`) and the folder form of
/// the merged summary that the report reads.
@Suite struct TemplateSummaryPartTests {
    /// Pages of news.example whose header is spelled two ways: one line key, two spellings.
    static func pages() -> [Document] {
        (0..<6).map { number in
            var page = TemplatesStageTests.page(number)
            if number % 2 == 0 { page.text = page.text!.replacingOccurrences(of: "Home | World", with: "HOME | WORLD") }
            return page
        }
    }

    /// Applies `pages` with the counts of `all`, writing a summary (of `summaryLines` lines) and a part.
    static func apply(
        _ pages: [Document], countedFrom all: [Document], summaryLines: Int, in folder: TemporaryFolder, name: String
    ) throws -> (summary: [String: Any], part: [[String: Any]]) {
        var options = TemplateOptions()
        options.summary = folder.file("\(name).json")
        options.summaryLines = summaryLines
        let stage = TemplatesStage(options: options)
        var counts = TemplateCounts()
        for page in all { stage.map(page, into: &counts) }
        let remover = try #require(
            stage.apply(using: counts, crossSite: nil, summaryPart: folder.file("\(name).part.jsonl")) as? TemplateRemover)
        for page in pages {
            var copy = page
            _ = remover.process(&copy)
        }
        for file in try remover.finish() { try file.commit() }
        let summaryText = try #require(folder.read("\(name).json"))
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(summaryText.utf8)) as? [String: Any])
        let lines = try #require(folder.read("\(name).part.jsonl")).split(separator: "\n").map(String.init)
        #expect(lines.first == #"{"format":"winnow.template-summary-part","version":2}"#)
        #expect(lines.last == "{\"end_of_file\":\(lines.count - 2)}")
        let part = try lines.dropFirst().dropLast().map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        }
        return (summary, part)
    }

    @Test func aPartHoldsTheSummaryFiguresAndEveryTemplateLineByKey() throws {
        let folder = TemporaryFolder()
        let pages = Self.pages()
        let (summary, part) = try Self.apply(pages, countedFrom: pages, summaryLines: 2, in: folder, name: "whole")
        let site = try #require((summary["sites"] as? [[String: Any]])?.first)
        let partSite = try #require(part.first)
        #expect(part.count == 1)
        for key in ["site", "pages", "bytes_in", "pages_changed", "pages_removed", "bytes_removed"] {
            #expect(partSite[key] as? NSObject == site[key] as? NSObject, "\(key)")
        }
        let entries = try #require(partSite["lines"] as? [[Any]])
        // Every template line, not only the summary's two; keys as 16 hex digits, in order.
        #expect(entries.count == 6)
        let keys = entries.map { $0[0] as! String }
        #expect(keys.allSatisfy { $0.utf8.count == 16 && StableHash.parseHex($0) != nil })
        #expect(keys == keys.sorted())
        let texts = entries.map { $0[2] as! String }
        #expect(texts.contains("HOME | WORLD | Sport | Contact") && !texts.contains("Home | World | Sport | Contact"))
        // The summary's lines are the part's first two by pages, then text bytewise.
        let ranked = entries.map { ($0[1] as! Int, $0[2] as! String) }.sorted {
            $0.0 != $1.0 ? $0.0 > $1.0 : BytewiseOrder.precedes($0.1, $1.1)
        }
        let listed = try #require(site["template_lines"] as? [[String: Any]]).map { ($0["pages"] as! Int, $0["text"] as! String) }
        #expect(listed.map(\.0) == ranked.prefix(2).map(\.0) && listed.map(\.1) == ranked.prefix(2).map(\.1))
    }

    /// Two shards applied with the counts of the whole: their figures add up to the whole's, their
    /// line keys together are the whole's, each with the whole's page count.
    @Test func theShardsPartsAddUpToTheWhole() throws {
        let folder = TemporaryFolder()
        let pages = Self.pages()
        let whole = try Self.apply(pages, countedFrom: pages, summaryLines: 25, in: folder, name: "whole").part[0]
        let shards = try [Array(pages[..<2]), Array(pages[2...])].enumerated().map { index, shard in
            try Self.apply(shard, countedFrom: pages, summaryLines: 25, in: folder, name: "shard-\(index)").part[0]
        }
        for key in ["bytes_in", "pages_changed", "pages_removed", "bytes_removed"] {
            #expect(shards.map { $0[key] as! Int }.reduce(0, +) == whole[key] as! Int, "\(key)")
        }
        #expect(shards.allSatisfy { $0["pages"] as? Int == whole["pages"] as? Int })
        func pagesByKey(_ site: [String: Any]) -> [String: Int] {
            Dictionary((site["lines"] as! [[Any]]).map { ($0[0] as! String, $0[1] as! Int) }, uniquingKeysWith: { $1 })
        }
        let united = shards.map(pagesByKey).reduce(into: [String: Int]()) { $0.merge($1) { first, _ in first } }
        #expect(united == pagesByKey(whole))
    }

    @Test func aFolderOfSummaryPartsIsReadSitesByName() throws {
        let folder = TemporaryFolder()
        let header = #"{"format":"winnow.template-summary","version":2}"#
        func site(_ name: String) -> String {
            #"{"bytes_in":10,"bytes_removed":4,"pages":3,"pages_changed":2,"pages_removed":0,"site":"\#(name)","template_lines":[{"pages":3,"text":"Menu"}]}"#
        }
        folder.write(
            "summary/part-00000", [header, site("b.example"), site("é.example"), #"{"end_of_file":2}"#].joined(separator: "\n") + "\n")
        folder.write("summary/part-00001", [header, site("a.example"), #"{"end_of_file":1}"#].joined(separator: "\n") + "\n")
        folder.write("summary/_SUCCESS", "")
        let sites = try TemplateSummaryFolder.read(folder.file("summary"))
        #expect(sites.map(\.site) == ["a.example", "b.example", "é.example"])
        #expect(sites[0].bytesRemoved == 4 && sites[0].templateLines == [TemplateSummary.Line(text: "Menu", pages: 3)])

        folder.write("twice/part-00000", [header, site("a.example"), #"{"end_of_file":1}"#].joined(separator: "\n") + "\n")
        folder.write("twice/part-00001", [header, site("a.example"), #"{"end_of_file":1}"#].joined(separator: "\n") + "\n")
        #expect {
            _ = try TemplateSummaryFolder.read(folder.file("twice"))
        } throws: { error in
            "\(error)".contains("listed twice") && "\(error)".contains("part-00001:2")
        }
        folder.write("cut/part-00000", [header, site("a.example")].joined(separator: "\n") + "\n")
        #expect {
            _ = try TemplateSummaryFolder.read(folder.file("cut"))
        } throws: { error in
            "\(error)".contains("no end line")
        }
    }
}
