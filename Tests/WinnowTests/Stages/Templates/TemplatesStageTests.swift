import Foundation
import Testing
import WinnowTestSupport

@testable import Winnow

/// The templates stage on small sites built in the test: what goes, what stays, and the edge cases.
@Suite struct TemplatesStageTests {
    static let towns = [
        "Ashford", "Bexley", "Camden", "Dover", "Epsom", "Fulham", "Greenwich", "Harrow", "Ilford",
        "Jarrow", "Kendal", "Luton",
    ]

    /// A page of site `site`: a header, the article's paragraphs, a footer.
    static func page(
        _ number: Int, site: String = "news.example", header: [String]? = nil, body: [String]? = nil,
        footer: [String]? = nil
    ) -> Document {
        let header = header ?? ["\(number + 1) March 2024", "Home | World | Sport | Contact", "\(300 + number) days since the launch"]
        // Pages differ in words, not only in numbers: numbers fold away.
        let town = towns[number % towns.count]
        let body =
            body ?? [
                "In \(town) the council met on Tuesday and agreed a budget for the coming year after a long debate.",
                "Residents of \(town) asked for more buses, and the mayor of \(town) promised an answer before the summer.",
            ]
        let footer = footer ?? ["Subscribe to our newsletter", "Privacy policy | Terms of use", "© 2024 News Example"]
        return Document(
            id: "\(site)/\(number)", text: (header + body + footer).joined(separator: "\n"),
            url: "https://\(site)/\(number)", origin: DocumentOrigin(source: "test", line: number + 1))
    }

    static func apply(
        _ documents: [Document], options: TemplateOptions = TemplateOptions()
    )
        -> [(Document, StageVerdict)]
    {
        let stage = TemplatesStage(options: options)
        var counts = TemplateCounts()
        for document in documents { stage.map(document, into: &counts) }
        let remover = stage.apply(using: counts)
        return documents.map { document in
            var copy = document
            let verdict = remover.process(&copy)
            return (copy, verdict)
        }
    }

    @Test func headerAndFooterGoArticleStays() {
        let results = Self.apply((0..<6).map { Self.page($0) })
        for (number, (document, verdict)) in results.enumerated() {
            #expect(verdict == .keep)
            let lines = document.text!.split(separator: "\n").map(String.init)
            #expect(lines.count == 2, "page \(number): \(lines)")
            #expect(lines.first?.hasPrefix("In \(Self.towns[number])") == true)
        }
    }

    /// An article in Chinese cut in two by a line every page has (an advertisement): both halves are
    /// content. Its sentences have no spaces, so each was one word: short lines of one or two such
    /// words did not read as prose, and the half before the advertisement went as the template's head.
    @Test func bothHalvesOfAnUnspacedArticleAroundATemplateLineStay() {
        let cities = ["北京", "上海", "广州", "深圳", "杭州", "南京", "成都", "武汉"]
        let pages = cities.indices.map { number in
            let city = cities[number]
            return Self.page(
                number, site: "news.example.cn", header: ["首页 | 新闻 | 体育 | 财经", "当前位置：首页 > 新闻 > 正文"],
                body: [
                    "\(city)市政府今天召开会议，讨论明年的城市建设计划。", "会议决定在\(city)增加公交线路。",
                    "广告：点击查看更多精彩内容", "市民代表表示，希望\(city)的道路更加通畅。", "\(city)有关部门将作出答复。",
                ], footer: ["关于我们 | 联系我们 | 隐私政策", "版权所有 © 2024 新闻网"])
        }
        for (number, (document, verdict)) in Self.apply(pages).enumerated() {
            #expect(verdict == .keep)
            let lines = document.text!.split(separator: "\n").map(String.init)
            #expect(lines.count == 4, "page \(number): \(lines)")
            #expect(lines.first?.hasPrefix(cities[number]) == true && !lines.contains { $0.hasPrefix("广告") })
        }
    }

    @Test func aLineSandwichedInTheTemplateGoesWithIt() {
        let pages = (0..<6).map { number in
            Self.page(number, header: ["Previous topic", "Chapter \(number * 7) of the guide", "Next topic", "Navigation"])
        }
        for (document, _) in Self.apply(pages) {
            #expect(!document.text!.contains("Chapter"))
            #expect(document.text!.contains("council met"))
        }
    }

    /// A line the page repeats inside its article with other numbers carries the article's data,
    /// however many pages have it (a docs page's "New in version 3.3." under each function); repeated
    /// as it is ("Reply" under each answer), or once, it is the site's frame and goes.
    @Test func aTemplateLineThePageRepeatsWithOtherNumbersInsideItsContentStays() {
        let pages = (0..<6).map { number in
            let town = Self.towns[number]
            return Self.page(
                number,
                body: [
                    "The \(town) parser reads a file and returns its records, one for each line it finds there.",
                    "New in version 3.\(number).",
                    "Reply",
                    "Advertisement",
                    "The \(town) writer takes the records back and writes them in the order they were read.",
                    "New in version 3.\(number + 1).",
                    "Reply",
                    "Both of them stop at the first damaged line in \(town) and say where it was, so it can be fixed.",
                ])
        }
        for (number, (document, _)) in Self.apply(pages).enumerated() {
            let lines = document.text!.split(separator: "\n").map(String.init)
            #expect(lines.filter { $0.hasPrefix("New in version") }.count == 2, "page \(number): \(lines)")
            #expect(!lines.contains("Reply") && !lines.contains("Advertisement"), "page \(number): \(lines)")
            #expect(lines.count == 5, "page \(number): \(lines)")
        }
    }

    @Test func aRotatingTeaserListAfterTheArticleGoes() {
        let teasers: [String] = Self.towns.map { town in
            "Teaser about \(town): a short summary of another story that readers may like, with a link."
        }
        let pages = (0..<8).map { number in
            Self.page(
                number,
                footer: ["Most read"] + [teasers[number % 8], teasers[(number + 1) % 8], teasers[(number + 3) % 8]]
                    + ["Privacy policy | Terms of use"])
        }
        for (document, _) in Self.apply(pages) {
            #expect(!document.text!.contains("Teaser"))
            #expect(document.text!.contains("Residents of"))
        }
    }

    @Test func aSinglePageSiteIsLeftAlone() {
        let (document, verdict) = Self.apply([Self.page(0)])[0]
        #expect(verdict == .keep)
        #expect(document.text == Self.page(0).text)
    }

    @Test func twoPagesOfOneSiteAreEnoughToFindSharedLines() {
        let results = Self.apply([Self.page(0), Self.page(1)])
        for (document, _) in results {
            #expect(!document.text!.contains("Subscribe"))
            #expect(!document.text!.contains("Home | World"))
            #expect(document.text!.contains("council met"))
        }
    }

    @Test func aPageThatIsAllTemplateIsRemovedOnlyOnABigEnoughSite() {
        let templateOnly = { (site: String) in Self.page(99, site: site, body: []) }
        let big = Self.apply((0..<6).map { Self.page($0, site: "big.example") } + [templateOnly("big.example")])
        #expect(big.last!.1 == .remove(reason: "template-only"))
        let small = Self.apply((0..<2).map { Self.page($0, site: "small.example") } + [templateOnly("small.example")])
        #expect(small.last!.1 == .keep)
        #expect(small.last!.0.text == templateOnly("small.example").text)
    }

    @Test func duplicatePagesOfOneSiteDoNotEmptyEachOther() {
        // The same article at two addresses: its lines are on two pages, which is not a template.
        let pages = (0..<6).map { Self.page($0) } + [Self.page(0)]
        for (document, verdict) in Self.apply(pages) {
            #expect(verdict == .keep)
            #expect(document.text!.contains("council met"))
        }
    }

    /// One story fetched six times on a site of ten pages, its view count changing, so that exact
    /// duplicates miss it: its lines were on six pages of ten, the site's template, and every copy went
    /// as template-only. Copies count as one page: each keeps the story, and loses the site's frame.
    @Test func copiesOfAPageWithOtherNumbersAreNotTheirSitesTemplate() {
        let story = Self.page(0).text!.split(separator: "\n").map(String.init)[3..<5]
        let copies = (0..<6).map { fetch in
            Self.page(0, body: Array(story) + ["Viewed \(1_000 + 37 * fetch) times"])
        }
        let results = Self.apply(copies + (1..<5).map { Self.page($0) })
        for (number, (document, verdict)) in results.enumerated() {
            #expect(verdict == .keep, "page \(number)")
            #expect(document.text?.contains(number < 6 ? "council met" : "In \(Self.towns[number - 5])") == true, "page \(number)")
            #expect(document.text?.contains("Home | World") == false, "page \(number)")
        }
    }

    /// A line of symbols every page has (a scene break, a code sample's closing brace) stays where it
    /// sits inside the content, and goes with the frame outside it.
    @Test func aLineOfSymbolsInsideTheContentStays() {
        let pages = (0..<6).map { number in
            let town = Self.towns[number]
            return Self.page(
                number, header: ["Home | World | Sport | Contact", "* * *"],
                body: [
                    "In \(town) the council met on Tuesday and agreed a budget for the coming year.", "* * *",
                    "Residents of \(town) asked for more buses, and the mayor promised an answer.", "}",
                    "The mayor of \(town) will speak again before the summer holidays begin.",
                ])
        }
        for (number, (document, verdict)) in Self.apply(pages).enumerated() {
            #expect(verdict == .keep)
            let lines = document.text!.split(separator: "\n").map(String.init)
            #expect(lines.count == 5 && lines[1] == "* * *" && lines[3] == "}", "page \(number): \(lines)")
        }
    }

    /// Five copies of one page, with nothing else on their site: one page, nothing to compare it with.
    @Test func aSiteOfCopiesOfOnePageIsLeftAlone() {
        for (document, verdict) in Self.apply(Array(repeating: Self.page(0), count: 5)) {
            #expect(verdict == .keep)
            #expect(document.text == Self.page(0).text)
        }
    }

    @Test func removedLinesAreListedWhenAsked() {
        var options = TemplateOptions()
        options.removedLinesField = "template_lines"
        let (document, _) = Self.apply((0..<4).map { Self.page($0) }, options: options)[0]
        #expect(document.rawField("template_lines") == "[[0,3],[5,8]]")
    }

    @Test func pagesAreGroupedBySiteFieldOrAsOneBatch() {
        var byField = TemplateOptions()
        byField.site = .field
        var pages = (0..<4).map { Self.page($0, site: "a.example") } + (0..<4).map { Self.page($0, site: "b.example") }
        for index in pages.indices { pages[index].setField("site", .string(index < 4 ? "A" : "B")) }
        let stage = TemplatesStage(options: byField)
        var counts = TemplateCounts()
        for page in pages { stage.map(page, into: &counts) }
        #expect(counts.sites.keys.sorted() == ["A", "B"])
        var batch = TemplateOptions()
        batch.site = .batch
        var batchCounts = TemplateCounts()
        for page in pages { TemplatesStage(options: batch).map(page, into: &batchCounts) }
        #expect(batchCounts.sites.keys.sorted() == [""] && batchCounts.pageCount == 8)
    }

    /// A site field that holds a number (or true) names its site by its JSON text; pages whose site is
    /// a number were all one site "" with the pages that have none, and removed as template-only.
    @Test func aSiteFieldThatIsNotAStringStillNamesTheSite() {
        var byField = TemplateOptions()
        byField.site = .field
        var pages = (0..<7).map { Self.page($0, site: "a.example") }
        let values: [JSONValue] = [.int(101), .int(101), .double(2.5), .bool(true), .null, .string("101")]
        for (index, value) in values.enumerated() { pages[index].setField("site", value) }
        var counts = TemplateCounts()
        for page in pages { TemplatesStage(options: byField).map(page, into: &counts) }
        #expect(counts.sites.keys.sorted() == ["", "101", "2.5", "true"])
        #expect(counts.sites["101"]?.pages == 3 && counts.sites[""]?.pages == 2)
    }

    @Test func crossSiteBoilerplateIsRemovedFromSmallSites() {
        let notice = "This email address is being protected from spambots. You need JavaScript enabled to view it."
        var pages: [Document] = []
        for site in ["a", "b", "c"] {
            pages += (0..<4).map { Self.page($0, site: "\(site).example", footer: [notice, "Contact \(site)"]) }
        }
        let lone = Self.page(7, site: "lone.example", header: ["Lone site"], footer: [notice])
        let (document, _) = Self.apply(pages + [lone]).last!
        #expect(!document.text!.contains("spambots"))
        #expect(document.text!.contains("council met"))
    }

    @Test func summaryLinesAreTrimmedAsFoundationTrimsThem() {
        for text in ["Home", " Home", "Home\t", "\u{00A0}Menu\u{3000}", "a b", "", " ", "\u{2003}", "x\u{2009}", "é ", "*"] {
            #expect(TemplateSummary.trimmed(text) == text.trimmingCharacters(in: .whitespaces), "\(Array(text.unicodeScalars))")
        }
    }

    @Test func theSummaryListsTemplateLinesWithTheirPageCounts() throws {
        let folder = TemporaryFolder()
        var options = TemplateOptions()
        options.summary = folder.file("summary.json")
        let stage = TemplatesStage(options: options)
        var counts = TemplateCounts()
        let pages = (0..<4).map { Self.page($0) }
        for page in pages { stage.map(page, into: &counts) }
        let remover = try #require(stage.apply(using: counts) as? TemplateRemover)
        for page in pages {
            var copy = page
            _ = remover.process(&copy)
        }
        for file in try remover.finish() { try file.commit() }
        let file = try #require(folder.read("summary.json"))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(file.utf8)) as? [String: Any])
        let site = try #require((json["sites"] as? [[String: Any]])?.first)
        #expect(site["site"] as? String == "news.example")
        #expect(site["pages_changed"] as? Int == 4)
        let lines = try #require(site["template_lines"] as? [[String: Any]])
        #expect(lines.count == 6)
        #expect(lines.allSatisfy { $0["pages"] as? Int == 4 })
        #expect(lines.contains { $0["text"] as? String == "Subscribe to our newsletter" })
    }

    /// Text whose lines end in "\r\n" (Windows), "\r" alone (old Mac), U+2028, U+2029, NEL, VT or FF (what
    /// `templates` alone gets when `normalize`, which writes each as "\n", has not run): the same lines are
    /// decided as after normalize, kept lines keep their breaks between them but none at the end, and the
    /// summary lists the lines without them.
    @Test(arguments: ["\r\n", "\r", "\u{2028}", "\u{2029}", "\u{85}", "\u{0B}", "\u{0C}"])
    func everyLineBreakNormalizeWritesSplitsLines(lineBreak: String) throws {
        let normalized = (0..<4).map { Self.page($0) }
        let pages = normalized.map { page in
            Document(
                id: page.id, text: page.text!.replacingOccurrences(of: "\n", with: lineBreak), url: page.url,
                origin: page.origin)
        }
        var options = TemplateOptions()
        options.removedLinesField = "removed_lines"
        options.summary = TemporaryFolder().file("summary.json")
        let stage = TemplatesStage(options: options)
        var counts = TemplateCounts()
        for page in pages { stage.map(page, into: &counts) }
        let remover = try #require(stage.apply(using: counts) as? TemplateRemover)
        let expected = Self.apply(normalized, options: options)
        for (page, (normalizedResult, _)) in zip(pages, expected) {
            var copy = page
            #expect(remover.process(&copy) == .keep)
            #expect(copy.text != page.text && copy.text == normalizedResult.text!.replacingOccurrences(of: "\n", with: lineBreak))
            #expect(copy.text?.unicodeScalars.last.map { "\r\u{2028}\u{2029}\u{85}\u{0B}\u{0C}".unicodeScalars.contains($0) } == false)
            #expect(copy.rawField("removed_lines") == normalizedResult.rawField("removed_lines"))
        }
        let lines = try #require(remover.summary?.snapshot().first?.templateLines)
        let breaks = "\r\n\u{2028}\u{2029}\u{85}\u{0B}\u{0C}".unicodeScalars
        #expect(lines.count == 6 && lines.allSatisfy { !$0.text.unicodeScalars.contains(where: breaks.contains) }, "\(lines.map(\.text))")
    }

    /// Spellings of one template line, some with spaces to trim: the summary shows the smallest trimmed one.
    @Test func theSummaryShowsTheSmallestTrimmedSpelling() throws {
        let spellings = [
            "Subscribe to our newsletter!", "subscribe to our newsletter", "\u{00A0}Subscribe to our newsletter\u{3000}",
            "Subscribe to our newsletter!!",
        ]
        var options = TemplateOptions()
        options.summary = TemporaryFolder().file("summary.json")
        let stage = TemplatesStage(options: options)
        var counts = TemplateCounts()
        let pages = spellings.enumerated().map { Self.page($0.offset, footer: [$0.element, "© 2024 News Example"]) }
        for page in pages { stage.map(page, into: &counts) }
        let remover = try #require(stage.apply(using: counts) as? TemplateRemover)
        for page in pages {
            var copy = page
            _ = remover.process(&copy)
        }
        let lines = try #require(remover.summary?.snapshot().first?.templateLines)
        #expect(lines.contains { $0.text == "Subscribe to our newsletter" && $0.pages == 4 })
        #expect(!lines.contains { $0.text.lowercased().hasPrefix("subscribe") && $0.text != "Subscribe to our newsletter" })
    }

    @Test func aDamagedCountsFileIsAnErrorNamingTheLine() throws {
        let folder = TemporaryFolder()
        let path = folder.write(
            "bad.counts",
            """
            {"format":"winnow.template-counts","version":5,"site_mode":"host","site_field":"site"}
            {"site":"a.example","pages":2,"lines":[["00000000000000zz",1]],"copies":[]}

            """)
        #expect {
            _ = try TemplateCountsFile.read(path, options: TemplateOptions())
        } throws: { error in
            "\(error)".contains("bad.counts:2") && "\(error)".contains("16 hex digits")
        }
    }

    @Test func invalidOptionsAreRejectedWithAReason() {
        #expect(throws: WinnowError.self) {
            _ = try PipelineDefinition.parse("version: 1\nsteps:\n  - templates:\n      anchor_share: 2\n", origin: "t.yaml")
                .makeStages()
        }
    }

    /// Pages mapped so that they can be taken back, some then taken back: the counts of the others
    /// alone; a contribution that is not one is refused.
    @Test func pagesTakenBackLeaveTheCountsOfTheOthers() {
        let stage = TemplatesStage(options: TemplateOptions())
        let pages =
            (0..<12).map { Self.page($0) } + (0..<4).map { Self.page($0, site: "other.example") }
            + [Self.page(20, site: "lone.example")]
        var counts = TemplateCounts()
        var contributions: [[UInt8]] = []
        for page in pages {
            var contribution: [UInt8] = []
            let carried = stage.mapRetractable(page, into: &counts, contribution: &contribution)
            #expect(carried?.bytes != nil)
            contributions.append(contribution)
        }
        let takenBack = Set([0, 3, 4, 12, 16])
        var others = TemplateCounts()
        for (index, page) in pages.enumerated() {
            if takenBack.contains(index) {
                let taken = stage.retract(contributions[index][...], from: &counts)
                #expect(taken)
            } else {
                stage.map(page, into: &others)
            }
        }
        #expect(counts == others)
        #expect(counts.sites["lone.example"] == nil, "a site whose pages are all taken back is gone")
        let twice = stage.retract(contributions[16][...], from: &counts)
        #expect(!twice, "a page taken back twice")
        let cut = stage.retract(contributions[1].dropLast(), from: &counts)
        #expect(!cut)
        let nothing = stage.retract([][...], from: &counts)
        #expect(nothing, "nothing mapped, nothing to take back")
        var empty: [UInt8] = []
        let textless = Document(id: "x", text: nil, origin: DocumentOrigin(source: "t", line: 1))
        let carried = stage.mapRetractable(textless, into: &counts, contribution: &empty)
        #expect(carried == nil && empty.isEmpty)
        let entry = TemplateCounts.PageEntry(site: "sïte.example", distinctKeys: [0, 1, .max], fingerprint: 7)
        var bytes: [UInt8] = []
        entry.encode(to: &bytes)
        #expect(TemplateCounts.PageEntry(decoding: bytes[...]) == entry)
        #expect(TemplateCounts.PageEntry(decoding: bytes.dropLast()) == nil)
        #expect(TemplateCounts.PageEntry(decoding: (bytes + [0])[...]) == nil)
    }

    @Test func removePageRefusesWhatWasNotCounted() {
        var counts = TemplateCounts()
        counts.addPage(site: "a", distinctKeys: [1, 2, 3], fingerprint: 1)
        counts.addPage(site: "a", distinctKeys: [2, 3], fingerprint: 2)
        var other = counts
        let otherSite = other.removePage(site: "b", distinctKeys: [1], fingerprint: 1)
        #expect(!otherSite)
        other = counts
        let otherLine = other.removePage(site: "a", distinctKeys: [9], fingerprint: 1)
        #expect(!otherLine)
        other = counts
        let otherPage = other.removePage(site: "a", distinctKeys: [2, 3], fingerprint: 3)
        #expect(!otherPage, "a page's lines under another page's fingerprint")
        let first = counts.removePage(site: "a", distinctKeys: [1, 2, 3], fingerprint: 1)
        #expect(first)
        var expected = TemplateCounts()
        expected.addPage(site: "a", distinctKeys: [2, 3], fingerprint: 2)
        #expect(counts == expected)
        let second = counts.removePage(site: "a", distinctKeys: [2, 3], fingerprint: 2)
        #expect(second && counts.sites.isEmpty)
    }
}
