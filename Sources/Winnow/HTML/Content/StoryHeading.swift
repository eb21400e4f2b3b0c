/// A heading that introduces the site's other stories after an article ("Related articles", "Read
/// also", "Weitere Artikel", "Lire aussi", "Notas relacionadas", "Czytaj też"): what it opens lists them.
enum StoryHeading {
    /// Whether the heading at `index` reads as such, in its first 60 letters (case and spacing ignored).
    static func matches(_ index: Int, tree: PageTree) -> Bool {
        RecommendationHeading.opens(index, tree: tree, with: phrases)
    }

    /// After some of the article's prose, drops each heading (or bold line) that introduces other stories,
    /// with what it opens (up to the next heading of its rank that is not a link) when that holds as
    /// many teaser headlines (blocks mostly a link) as paragraphs, and each paragraph of such a phrase
    /// and a link.
    /// `headings`: `story-headings` is on; `links`: `story-links` is on.
    static func drop(_ include: inout [Bool], tree: PageTree, stats: BlockStats, headings: Bool, links: Bool) {
        let nodes = tree.nodes
        // Counted at the first question: nodes are dropped only before `index`, so a subtree from `index`
        // on reads as it did then.
        var text: NextMatching?
        func holdsText(_ index: Int) -> Bool {
            if text == nil { text = NextMatching(includedTextOf: nodes, include: include, stats: stats) }
            return text!.any(in: index..<Int(nodes[index].end))
        }
        var sections = StorySection(nodes: nodes, stats: stats)
        var proseBefore: Int32 = 0
        var index = 0
        while index < nodes.count {
            let heading = nodes[index]
            if heading.tag == .text && include[index] { proseBefore += stats.proseChars(index) }
            guard heading.tag.isHeading || heading.tag == .p, include[index],
                proseBefore >= ContentThresholds.storyHeadingProseBefore,
                stats.chars[index] > 0 && stats.chars[index] <= ContentThresholds.storyHeadingChars,
                holdsText(index)
            else {
                index += 1
                continue
            }
            let isHeading = heading.tag.isHeading || isBoldLine(index, tree: tree, stats: stats)
            // A paragraph of such a phrase and a link ("Read also: <a>Another story</a>") points to one story.
            if !isHeading && links && stats.linkChars[index] * 2 >= stats.chars[index]
                && stats.linkDensity(index) <= ContentThresholds.readMoreDensity && opensWithPhraseAlone(index, tree: tree, stats: stats)
            {
                for inner in index..<Int(heading.end) { include[inner] = false }
                index = Int(heading.end)
                continue
            }
            guard isHeading, headings, matches(index, tree: tree) else {
                index += 1
                continue
            }
            var stop = sections.stop(from: Int(heading.end), rank: StorySection.rank(heading.tag), include: include, tree: tree)
            // The teaser headlines and paragraphs of the whole elements between the heading and `stop`.
            let (headlines, paragraphs) = sections.blocks(from: Int(heading.end), to: stop, include: include)
            if headlines == 0 || headlines < paragraphs { stop = Int(heading.end) }
            for inner in index..<stop where Int(nodes[inner].end) <= stop { include[inner] = false }
            index = stop
        }
    }

    /// Whether the element opens with one of the phrases and holds no other text outside links, but for
    /// a colon or a dash ("Czytaj też: <a>…</a>", not "Read more about <a>…</a>").
    static func opensWithPhraseAlone(_ index: Int, tree: PageTree, stats: BlockStats) -> Bool {
        guard let phrase = RecommendationHeading.openingPhrase(index, tree: tree, among: phrases) else { return false }
        let phraseChars = phrase.reduce(Int32(0)) { $0 + ($1 != 0x20 && $1 & 0xC0 != 0x80 ? 1 : 0) }
        return stats.proseChars(index) <= phraseChars + 1
    }

    /// A short paragraph whose text is all bold (`strong` or `b`): a heading in all but its tag.
    static func isBoldLine(_ index: Int, tree: PageTree, stats: BlockStats) -> Bool {
        let nodes = tree.nodes
        guard stats.chars[index] > 0, stats.chars[index] < ContentThresholds.boldLineChars else { return false }
        for inner in index..<Int(nodes[index].end) where nodes[inner].tag == .text && stats.chars[inner] > 0 {
            var ancestor = Int(nodes[inner].parent)
            while ancestor > index && nodes[ancestor].tag != .strong && nodes[ancestor].tag != .b {
                ancestor = Int(nodes[ancestor].parent)
            }
            if ancestor == index { return false }
        }
        return true
    }

    /// Phrases in English, German, French, Spanish, Italian, Portuguese, Dutch and Polish (lower case;
    /// a capital beyond ASCII is written as it appears).
    private static let phrases: [[UInt8]] = [
        // English
        "related articles", "related stories", "related posts", "related news", "related content", "related coverage",
        "related reading", "related links", "related topics", "more on this", "more from", "more stories", "more news",
        "more articles", "read more", "read also", "also read", "read next", "you may also like", "you might also like",
        "you may be interested", "you might be interested", "recommended for you", "recommended stories",
        "recommended articles", "other stories", "latest news", "latest stories", "latest articles", "most read",
        "most popular", "don't miss", "don’t miss", "trending now", "popular stories", "popular posts",
        // German
        "weitere artikel", "weitere beiträge", "weitere nachrichten", "weitere meldungen", "weitere themen",
        "mehr zum thema", "mehr zu diesem thema", "mehr aus", "mehr von", "mehr news", "mehr themen", "mehr artikel",
        "das könnte sie auch interessieren", "das könnte dich auch interessieren", "das könnte sie interessieren",
        "das könnte dich interessieren", "auch interessant", "ebenfalls interessant", "lesen sie auch", "lies auch",
        "schon gelesen", "ähnliche artikel", "Ähnliche artikel", "ähnliche beiträge", "Ähnliche beiträge",
        "verwandte artikel", "verwandte beiträge", "verwandte themen", "neueste artikel", "neueste beiträge",
        "meistgelesen", "meist gelesen", "empfohlene artikel", "passend zum thema", "zum weiterlesen", "top-themen",
        "beliebte artikel", "beliebte beiträge", "aktuelle artikel", "aktuelle beiträge", "neue beiträge",
        // French
        "à lire aussi", "À lire aussi", "a lire aussi", "lire aussi", "vous aimerez aussi", "vous aimerez peut-être",
        "sur le même sujet", "articles similaires", "articles liés", "dans la même rubrique", "les plus lus",
        "à voir aussi", "À voir aussi", "voir aussi", "à découvrir aussi", "À découvrir aussi",
        // Spanish
        "notas relacionadas", "noticias relacionadas", "artículos relacionados", "te puede interesar",
        "le puede interesar", "también te puede interesar", "también le puede interesar", "te podría interesar",
        "lee también", "lea también", "más noticias", "lo más leído", "más leídas", "lo más visto",
        // Italian
        "leggi anche", "articoli correlati", "potrebbe interessarti", "ti potrebbe interessare", "più letti",
        // Portuguese
        "leia também", "notícias relacionadas", "veja também", "mais lidas",
        // Dutch
        "lees ook", "gerelateerde artikelen", "meer nieuws", "meest gelezen",
        // Polish
        "czytaj też", "czytaj także", "zobacz też", "zobacz także", "przeczytaj też", "przeczytaj także",
        "najczęściej czytane", "podobne artykuły", "polecamy",
    ].map { Array($0.utf8) }
}
