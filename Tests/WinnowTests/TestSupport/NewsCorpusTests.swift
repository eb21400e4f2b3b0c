import Foundation
import Testing
import WinnowTestSupport

/// The generated news corpus says what its labels claim, checked without Winnow: exact copies fold to
/// their original's words, syndicated copies share most of their article, stories share no paragraph.
@Suite struct NewsCorpusTests {
    static let pages = GeneratedNews.pages

    /// Lower-cased runs of letters and digits: what is left of a text without case, spacing and punctuation.
    static func words(_ text: String) -> [String] {
        text.lowercased().split(whereSeparator: { !($0.isLetter || $0.isNumber) }).map(String.init)
    }

    @Test func sameSeedSameCorpus() throws {
        let articles = try Fixtures.truth("articles/ground-truth.json.gz").sorted { $0.key < $1.key }.map(\.value)
        let again = NewsCorpus(articles: articles, stories: 300, siteCount: 24, seed: GeneratedNews.seed).pages
        #expect(again.map(\.text) == Self.pages.map(\.text) && again.map(\.id) == Self.pages.map(\.id))
        let other = NewsCorpus(articles: articles, stories: 300, siteCount: 24, seed: GeneratedNews.seed + 1).pages
        #expect(other.map(\.text) != Self.pages.map(\.text))
    }

    @Test func everyPageHoldsItsArticleInsideATemplate() {
        #expect(Set(Self.pages.map(\.id)).count == Self.pages.count)
        for page in Self.pages {
            let lines = Set(page.text.split(separator: "\n"))
            #expect(page.body.split(separator: "\n").allSatisfy { lines.contains($0) }, "\(page.id)")
            #expect(page.text.count > page.body.count + 100, "\(page.id) has no template")
        }
        let hosts = Dictionary(grouping: Self.pages) { URL(string: $0.url)!.host! }
        #expect(hosts.count == 24 && hosts.values.allSatisfy { $0.count >= 10 })
    }

    @Test func exactCopiesDifferOnlyInCaseSpacingAndPunctuation() {
        let byID = Dictionary(uniqueKeysWithValues: Self.pages.map { ($0.id, $0) })
        let copies = Self.pages.filter { $0.original != $0.id }
        #expect(copies.count >= 60)
        for variant in CopyVariant.allCases {
            #expect(copies.filter { $0.variant == variant }.count >= 8, "\(variant)")
        }
        for copy in copies {
            let original = byID[copy.original]!
            #expect(original.original == original.id && copy.story == original.story)
            #expect(Self.words(copy.text) == Self.words(original.text), "\(copy.id)")
            #expect((copy.text == original.text) == (copy.variant == .identical), "\(copy.id)")
        }
    }

    @Test func storiesAreSyndicatedWithLightEditsAndShareNoParagraph() {
        let originals = Self.pages.filter { $0.original == $0.id }
        let stories = Dictionary(grouping: originals, by: \.story)
        #expect(stories.count == 300)
        let syndicated = stories.values.filter { $0.count >= 2 }
        #expect(syndicated.count >= 100)
        for pages in syndicated {
            let first = pages.max { ($0.body.count, $0.id) < ($1.body.count, $1.id) }!.body
            for page in pages where page.body != first {
                // Mostly the story's 4-grams, and at least half of them (a closing paragraph may be dropped).
                let score = TextScore.f1(truth: ["x": first], predicted: ["x": page.body])
                #expect(score.precision >= 0.85 && score.recall >= 0.5, "\(page.id): \(score)")
            }
        }
        var owner: [String: String] = [:]
        for page in originals {
            for paragraph in page.body.split(separator: "\n") where paragraph.count > 80 {
                let key = Self.words(String(paragraph)).suffix(12).joined(separator: " ")
                #expect(owner[key, default: page.story] == page.story, "\(page.id) repeats a paragraph of \(owner[key] ?? "")")
                owner[key] = page.story
            }
        }
    }
}
