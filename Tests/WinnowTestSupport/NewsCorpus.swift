import Foundation

/// A labelled scraped-news corpus, generated from a seed: stories made of real paragraphs, each
/// published by a home site inside the site's template, some republished by other sites with light
/// edits (near duplicates) or twice by one site, and some pages copied exactly or up to case, spacing
/// and punctuation (exact duplicates). Every page carries its labels.
public struct NewsCorpus: Sendable {
    public struct Page: Sendable {
        public var id: String
        public let url: String
        public let text: String
        /// The article as published on this page (edits and copy variants included).
        public let body: String
        /// Pages of one story are one duplicate cluster.
        public let story: String
        /// The page this one is an exact copy of (itself for an original): the exact stage's groups.
        public var original: String
        public let variant: CopyVariant?
    }

    /// The paragraphs of 12 words or more of `articles`, in order, without those that share a run of
    /// eight words (case and punctuation aside) with an earlier one: real articles quote the same press
    /// release or repeat a recipe, and such paragraphs would tie stories together.
    public static func paragraphs(of articles: [String]) -> [String] {
        var seen = Set<String>()
        var kept: [String] = []
        for article in articles {
            for line in article.split(separator: "\n") {
                let paragraph = line.trimmingCharacters(in: .whitespaces)
                let words = paragraph.lowercased().split(whereSeparator: { !($0.isLetter || $0.isNumber) })
                guard paragraph.split(separator: " ").count >= 12, words.count >= 8 else { continue }
                let runs = (0...(words.count - 8)).map { words[$0..<$0 + 8].joined(separator: " ") }
                guard !runs.contains(where: seen.contains) else { continue }
                seen.formUnion(runs)
                kept.append(paragraph)
            }
        }
        return kept
    }

    /// One appearance of a story on a site, before its template is drawn.
    public struct Publication: Sendable {
        public let story: Int
        public let site: Int
        public let day: Int
        public let paragraphs: [String]
        public let path: String
    }

    public let pages: [Page]
    public let sites: [NewsSite]

    /// Stories take consecutive paragraphs (12 words or more) of the `articles` in a seeded order, each
    /// paragraph once; `stories` must fit in the pool (about five paragraphs a story).
    public init(articles: [String], stories: Int, siteCount: Int, seed: UInt64) {
        var random = SeededRandom(seed: seed)
        let pool = Self.paragraphs(of: articles.shuffled(using: &random))
        let sites = (0..<siteCount).map { NewsSite(index: $0, random: &random) }
        self.sites = sites

        var titles: [String] = []
        var publications: [Publication] = []
        var next = 0
        for story in 0..<stories {
            let length = Int.random(in: 3...7, using: &random)
            precondition(next + length <= pool.count, "the pool holds \(pool.count) paragraphs: too few for \(stories) stories")
            let paragraphs = Array(pool[next..<next + length])
            next += length
            titles.append(paragraphs[0].split(separator: " ").prefix(8).joined(separator: " ") + " …")
            let slug = NewsSite.slug(paragraphs[0].split(separator: " ").prefix(6).joined(separator: " "))
            let home = Int.random(in: 0..<siteCount, using: &random)
            let day = story * 365 / stories + Int.random(in: 0...2, using: &random)
            func path(_ site: Int) -> String {
                "\(sites[site].sections.randomElement(using: &random)!)/\(slug)-\(story)"
            }
            publications.append(Publication(story: story, site: home, day: day, paragraphs: paragraphs, path: path(home)))
            if Int.random(in: 0..<20, using: &random) == 0 {
                publications.append(
                    Publication(
                        story: story, site: home, day: day + Int.random(in: 1...3, using: &random),
                        paragraphs: paragraphs, path: "archive/\(path(home))"))
            }
            guard Int.random(in: 0..<20, using: &random) < 9 else { continue }
            let others = (0..<siteCount).filter { $0 != home }.shuffled(using: &random).prefix(Int.random(in: 1...3, using: &random))
            for site in others {
                var edited = paragraphs
                for edit in SyndicationEdit.allCases.shuffled(using: &random).prefix(Int.random(in: 1...2, using: &random)) {
                    edited = edit.apply(to: edited, random: &random)
                }
                publications.append(
                    Publication(
                        story: story, site: site, day: day + Int.random(in: 0...3, using: &random),
                        paragraphs: edited, path: path(site)))
            }
        }

        // Each site's teasers are its latest other stories before the page's day.
        var bySite: [Int: [Publication]] = [:]
        for publication in publications { bySite[publication.site, default: []].append(publication) }
        for site in bySite.keys { bySite[site]!.sort { ($0.day, $0.story) < ($1.day, $1.story) } }
        var generated: [Page] = []
        for (number, publication) in publications.enumerated() {
            let site = sites[publication.site]
            var teasers: [String] = []
            for earlier in bySite[publication.site]!.reversed()
            where earlier.day < publication.day && earlier.story != publication.story && teasers.count < site.teaserCount {
                if !teasers.contains(titles[earlier.story]) { teasers.append(titles[earlier.story]) }
            }
            let lines = site.page(body: publication.paragraphs, day: publication.day, teasers: teasers, random: &random)
            let url = "https://\(site.host)/\(publication.path)"
            let original = Page(
                id: "original-\(number)", url: url, text: lines.map(\.text).joined(separator: "\n"),
                body: lines.filter(\.isBody).map(\.text).joined(separator: "\n"),
                story: "story-\(publication.story)", original: "original-\(number)", variant: nil)
            generated.append(original)
            let copies = Int.random(in: 0..<100, using: &random)
            for copy in 0..<(copies < 3 ? 2 : copies < 14 ? 1 : 0) {
                let variant = CopyVariant.allCases.randomElement(using: &random)!
                let lowerCaseAll = Bool.random(using: &random)
                var text: [String] = [], body: [String] = []
                for line in lines {
                    let varied = variant.apply(to: line.text, random: &random, lowerCaseAll: lowerCaseAll)
                    text += varied
                    if line.isBody { body += varied }
                }
                let suffix = ["?output=amp", "?print=1", "?utm_source=feed", "#comments"][copy + (Bool.random(using: &random) ? 2 : 0)]
                generated.append(
                    Page(
                        id: "copy-\(number)-\(copy)", url: url + suffix, text: text.joined(separator: "\n"),
                        body: body.joined(separator: "\n"), story: original.story, original: original.id,
                        variant: variant))
            }
        }

        // Pages in a seeded order, numbered in that order, so ids say nothing about their labels.
        generated.shuffle(using: &random)
        var ids: [String: String] = [:]
        for index in generated.indices { ids[generated[index].id] = "page-\(String(format: "%05d", index))" }
        pages = generated.map { page in
            var page = page
            page.id = ids[page.id]!
            page.original = ids[page.original]!
            return page
        }
    }
}
