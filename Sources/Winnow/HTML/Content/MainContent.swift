/// Finds the part of one page that holds its main content, without looking at other pages: chrome out,
/// paragraphs vote for a core, the core widens, link lists inside are dropped (<doc:MainContent>).
struct MainContent {
    /// Per node: part of the main content.
    private(set) var include: [Bool]

    /// `rules`: the rules switched on (`ContentRule`); all by default.
    init(_ tree: PageTree, keepLinkLists: Bool = false, rules: ContentRules = .all) {
        let nodes = tree.nodes
        let count = nodes.count
        let stats = BlockStats(tree, rules: rules)
        let containerParagraphs = rules.has(.containerParagraphs)

        var score = [Double](repeating: 0, count: count)
        var isCandidate = [Bool](repeating: false, count: count)
        for index in 0..<count where stats.directChars[index] >= 25 && !stats.excluded[index] {
            let block = nodes[index]
            guard block.tag != .text, Self.scoresAsParagraph(block.tag) else { continue }
            let chars = stats.directChars[index]
            let points = 1 + Double(stats.commas[index]) + min(Double(chars) / 100, 3)
            // A paragraph's worth of text right inside a container is a paragraph of that container
            // too (readability wraps it in a <p>): the container scores it in full, as its parent does.
            var ancestor =
                containerParagraphs && chars >= ContentThresholds.containerParagraphChars && Self.holdsTextAsParagraph(block.tag)
                ? index : Int(block.parent)
            var level = ancestor == index ? -1 : 0
            while ancestor > 0 && level < 5 {
                if !isCandidate[ancestor] {
                    isCandidate[ancestor] = true
                    score[ancestor] = Self.baseScore(nodes[ancestor])
                }
                score[ancestor] += level <= 0 ? points : level == 1 ? points / 2 : points / Double(level * 3)
                ancestor = Int(nodes[ancestor].parent)
                level += 1
            }
        }
        var best = -1
        var bestScore = -Double.infinity
        let linkDensityPenalty = rules.has(.linkDensityPenalty)
        for index in 0..<count where isCandidate[index] {
            if linkDensityPenalty { score[index] *= 1 - stats.linkDensity(index) }
            if score[index] > bestScore {
                bestScore = score[index]
                best = index
            }
        }

        var include = [Bool](repeating: false, count: count)
        var roots: [Int] = []
        var core = 0
        // The part before the main landmark that introduces the list the landmark holds.
        var intro = -1
        // Joined lists of entries (`<article>` elements): their teasers are the content, kept whole.
        var entryLists: [Int] = []
        if best <= 0 {
            roots = [0]
        } else {
            core = best
            var root = Self.widen(best, nodes: nodes, stats: stats, rules: rules)
            // Little prose in the best element (an intro, or a buyer's guide of a few paragraphs) and
            // much more text in the main landmark: a list or grid of items (links, prices, short
            // lines), which the landmark holds.
            // An intro before the landmark (a category's heading and description above its list)
            // stays with it, and a list as long as the intro is enough.
            if rules.has(.landmarkLists),
                let landmark = (0..<count).first(where: {
                    nodes[$0].hint.marks.contains(.main) && !stats.excluded[$0] && stats.chars[$0] > 0
                }),
                stats.proseChars(best) < ContentThresholds.landmarkBestProse
            {
                let introduces = root < landmark && !nodes.isWithin(landmark, subtreeOf: root)
                if stats.chars[landmark] >= (introduces ? 1 : 2) * stats.chars[root] {
                    if introduces { intro = root }
                    core = landmark
                    root = landmark
                }
            }
            // A widened element that is mostly links is a list of items: it is the core, kept whole.
            if rules.has(.linkListCore) && Self.isLinkList(root, stats: stats) { core = root }
            let parent = Int(nodes[root].parent)
            let threshold = max(ContentThresholds.siblingScoreFloor, bestScore * ContentThresholds.siblingScoreShare)
            let scoredSiblings = rules.has(.scoredSiblings)
            let teaserSiblings = rules.has(.teaserSiblings)
            let proseSiblings = rules.has(.proseSiblings)
            let joinsEntryLists = rules.has(.entryLists)
            var child = parent + 1
            while child < Int(nodes[parent].end) {
                // Nothing beside the main landmark joins it.
                let entries =
                    joinsEntryLists && child != root && !nodes[root].hint.marks.contains(.main) && Self.holdsEntries(child, nodes: nodes)
                let joins =
                    child == root || entries
                    || !nodes[root].hint.marks.contains(.main)
                        && ((scoredSiblings && isCandidate[child] && score[child] >= threshold
                            && !(teaserSiblings && Self.looksLikeTeasers(child, stats: stats)))
                            || (proseSiblings && Self.readsAsProse(child, nodes: nodes, stats: stats)))
                if joins && !stats.excluded[child] {
                    roots.append(child)
                    if entries { entryLists.append(child) }
                }
                child = Int(nodes[child].end)
            }
            // The sections beside the chosen element and the wrappers around it that add no text,
            // paragraphs with few links, are the content's other sections when they hold half its
            // prose: an article whose container also holds a list of links, which stops widening;
            // and those before it of two paragraphs or more are its opening, whatever their share.
            var wrapper = root
            while !nodes[wrapper].hint.marks.contains(.main) && nodes[wrapper].parent > 0
                && stats.chars[Int(nodes[wrapper].parent)] == stats.chars[root]
            {
                wrapper = Int(nodes[wrapper].parent)
            }
            let outer = Int(nodes[wrapper].parent)
            if rules.has(.proseSections) && outer > 0 && !nodes[wrapper].hint.marks.contains(.main) {
                let joined = Set(roots)
                var sections: [Int] = []
                var sectionProse: Int32 = 0
                var sibling = outer + 1
                while sibling < Int(nodes[outer].end) {
                    if sibling != wrapper && !stats.excluded[sibling] && !joined.contains(sibling)
                        && Self.isProseSection(sibling, nodes: nodes, stats: stats)
                    {
                        sections.append(sibling)
                        sectionProse += stats.proseChars(sibling)
                    }
                    sibling = Int(nodes[sibling].end)
                }
                // An opening of paragraphs before the wrapper joins on its own: a long article's first
                // sections, which an ad's row splits from the rest (after it, a bio or a promotion).
                roots +=
                    sectionProse * 2 >= stats.proseChars(root)
                    ? sections : sections.filter { $0 < wrapper && Self.isOpening($0, stats: stats) }
            }
        }
        if intro >= 0 { roots.insert(intro, at: 0) }
        // The article's lead, which the CMS writes between the headline and the body's element.
        // Not on a page that sells or names a product: what stands above its description is the shop's.
        if best > 0 && rules.has(.leadParagraphs) && !tree.kind.namesProduct && !tree.kind.sellsProduct, let first = roots.min(),
            let lead = LeadParagraph.lead(before: first, tree: tree, stats: stats)
        {
            roots.insert(lead, at: 0)
        }
        // The description of the article whose body the content holds: its lead, written apart from the body.
        if best > 0 && rules.has(.articleDescriptions) {
            roots.insert(contentsOf: ArticleDescription.descriptions(roots: roots, tree: tree, stats: stats), at: 0)
        }
        // Segments streamed after the shell belong in the content, where scripts move them.
        if best > 0 && rules.has(.streamedSegments) {
            // A root appended here is skipped whole: the spans before it still answer.
            let spans = RootSpans(roots, nodes: nodes)
            var index = 0
            while index < count {
                if nodes[index].hint.marks.contains(.streamed) && !stats.excluded[index] && stats.proseBlocks[index] > 0
                    && !spans.covers(index)
                {
                    roots.append(index)
                    index = Int(nodes[index].end)
                } else {
                    index += 1
                }
            }
        }
        // A core that is mostly links (a table of contents, an index page) is its list: kept whole.
        let linkListCore = rules.has(.linkListCore) && Self.isLinkList(core, stats: stats)
        // When cleaning leaves nothing of the core, readability's way: try again with less cleaning
        // (none inside the core, then none at all), then the whole page.
        for attempt in 0..<4 {
            if attempt > 0 { include = [Bool](repeating: false, count: count) }
            if attempt == 3 { roots = [0] }
            for root in roots { Self.mark(&include, subtreeOf: root, nodes: nodes, stats: stats) }
            if attempt < 2 {
                if !keepLinkLists {
                    Self.cleanConditionally(
                        &include, roots: roots, core: core, keepCore: attempt == 1 || linkListCore,
                        keptWhole: entryLists,
                        tree: tree, stats: stats, rules: rules)
                }
            }
            let checked = attempt < 2 ? core..<Int(nodes[core].end) : 0..<count
            if checked.contains(where: { include[$0] && stats.chars[$0] > 0 && nodes[$0].tag == .text }) {
                break
            }
        }
        if rules.has(.imageCaptions) { ImageCaption.drop(&include, core: core, nodes: nodes, stats: stats) }
        if rules.has(.trailingCallsToAction) { Self.dropTrailingCallsToAction(&include, core: core, nodes: nodes, stats: stats) }
        if rules.has(.signUpBoxes) { SignUpBox.drop(&include, core: core, tree: tree, stats: stats) }
        if rules.has(.requotedBlocks) { Self.dropRequotedBlocks(&include, tree: tree, stats: stats) }
        if rules.has(.storyHeadings) || rules.has(.storyLinks) {
            StoryHeading.drop(&include, tree: tree, stats: stats, headings: rules.has(.storyHeadings), links: rules.has(.storyLinks))
        }
        if rules.has(.adLabels) { AdLabel.drop(&include, tree: tree, stats: stats) }
        if rules.has(.creditLines) { CreditLine.drop(&include, tree: tree, stats: stats) }
        if rules.has(.controlLabels) { ControlLabel.drop(&include, tree: tree, stats: stats) }
        if rules.has(.orphanedHeadings) { Self.dropOrphanedHeadings(&include, core: core, tree: tree, stats: stats) }
        if rules.has(.orphanedLabels) { OrphanedLabel.drop(&include, core: core, tree: tree, stats: stats) }
        // After the rules above: a copy's heading can end the section that a story heading opens.
        if rules.has(.repeatedSections) { RepeatedSection.drop(&include, tree: tree, stats: stats) }
        if rules.has(.headlineKickers) || rules.has(.headlineDatelines) {
            HeadlineKicker.drop(
                &include, tree: tree, stats: stats, kickers: rules.has(.headlineKickers), datelines: rules.has(.headlineDatelines))
        }
        for root in roots { Self.markAncestors(&include, of: root, nodes: nodes) }
        self.include = include
    }

    /// The highest ancestor of the best element that holds at least twice the prose (text outside
    /// links) of the part chosen so far, where what it adds is not mostly links: pages built of
    /// several sections, list and product pages, whose best element is one section or item; or
    /// that adds a quarter more prose as paragraphs with few links (an article split by an ad); or,
    /// from a best element of under 300 characters of prose, that holds three times its text. Not
    /// when the best element is a long article and what it adds looks like teasers (as many
    /// blocks that are a link, such as a headline, as paragraphs, unless links are under a tenth of
    /// it and it is in paragraphs), and never past the main landmark.
    private static func widen(_ best: Int, nodes: [PageNode], stats: BlockStats, rules: ContentRules) -> Int {
        var root = best
        var ancestor = Int(nodes[best].parent)
        // The main landmark is as wide as the author says the content is.
        while ancestor > 0 && !nodes[best].hint.marks.contains(.main) {
            let prose = stats.proseChars(root)
            let outerProse = stats.proseChars(ancestor)
            let addedChars = stats.chars[ancestor] - stats.chars[root]
            let addedLinks = stats.linkChars[ancestor] - stats.linkChars[root]
            let addedLinkBlocks = stats.linkBlocks[ancestor] - stats.linkBlocks[best]
            let addedParagraphs = stats.proseBlocks[ancestor] - stats.proseBlocks[best]
            // Not teasers when links are under a tenth of what it adds and that is in paragraphs: the
            // replies of a thread, or sections with a button each, have a dated or "Learn more" link.
            let teasers =
                rules.has(.teasersStopWidening) && prose >= ContentThresholds.longArticleProse && addedLinkBlocks >= 3
                && addedLinkBlocks >= addedParagraphs
                && (addedLinks * 10 >= addedChars || addedChars > addedParagraphs * 1000)
            // The rest of a long article that an embed or an ad splits: few links, paragraphs.
            let moreParagraphs = stats.proseBlocks[ancestor] - stats.proseBlocks[root]
            let moreLinkBlocks = stats.linkBlocks[ancestor] - stats.linkBlocks[root]
            let restOfArticle =
                rules.has(.widenRestOfArticle) && addedLinks * 10 <= addedChars && moreParagraphs >= 2
                && moreParagraphs >= moreLinkBlocks * 3 && (outerProse - prose) * 4 >= prose
            // Around a long article, links in a fifth of the added text already make it teasers.
            let twiceTheProse =
                rules.has(.widenTwiceTheProse) && outerProse >= prose * 2
                && addedLinks * 10 <= addedChars * (prose >= ContentThresholds.longArticleProse ? 2 : 7)
            // A best element of a sentence or two: any ancestor with three times its text, links
            // included, is nearer the content (a page whose items are all links).
            let weakCore =
                rules.has(.widenWeakCore) && stats.proseChars(best) < ContentThresholds.weakCoreProse
                && stats.chars[ancestor] >= 3 * stats.chars[root]
            if (twiceTheProse || restOfArticle || weakCore) && !teasers { root = ancestor }
            if nodes[ancestor].hint.marks.contains(.main) { break }
            ancestor = Int(nodes[ancestor].parent)
        }
        return root
    }

    /// Three or more blocks that are a link (headlines of other stories) and no paragraph of prose.
    private static func looksLikeTeasers(_ index: Int, stats: BlockStats) -> Bool {
        stats.linkBlocks[index] >= 3 && stats.proseBlocks[index] == 0
    }

    /// Eight or more `<article>` elements: the entries of a blog index or a list of results.
    private static func holdsEntries(_ index: Int, nodes: [PageNode]) -> Bool {
        var entries = 0
        for node in nodes[(index + 1)..<Int(nodes[index].end)] where node.tag == .article {
            entries += 1
            if entries >= ContentThresholds.entryListArticles { return true }
        }
        return false
    }

    /// Paragraphs of prose with few links (under a fifth of the text), not named like chrome: a
    /// section of the content.
    private static func isProseSection(_ index: Int, nodes: [PageNode], stats: BlockStats) -> Bool {
        nodes[index].hint.weight >= 0 && stats.proseBlocks[index] > 0 && stats.linkChars[index] * 5 < stats.chars[index]
            && !looksLikeTeasers(index, stats: stats)
    }

    /// Two paragraphs of prose or more, and `openingSectionProse` in all: a section of an article's opening.
    private static func isOpening(_ index: Int, stats: BlockStats) -> Bool {
        stats.proseBlocks[index] >= ContentThresholds.openingSectionParagraphs
            && stats.proseChars(index) >= ContentThresholds.openingSectionProse
    }

    /// More than a third of the element's text is link text: a table of contents, a list of items.
    private static func isLinkList(_ index: Int, stats: BlockStats) -> Bool {
        stats.linkDensity(index) > ContentThresholds.linkListDensity
    }

    private static func scoresAsParagraph(_ tag: HTMLTag) -> Bool {
        switch tag {
        case .p, .pre, .td, .blockquote, .div, .section, .article, .li, .dd, .other, .span, .strong, .b, .main, .center: true
        default: false
        }
    }

    private static func holdsTextAsParagraph(_ tag: HTMLTag) -> Bool {
        switch tag {
        case .div, .section, .article, .main, .center: true
        default: false
        }
    }

    /// Readability's starting score by tag, plus the class/id weight.
    private static func baseScore(_ node: PageNode) -> Double {
        var base: Double
        switch node.tag {
        case .div, .article, .main: base = 5
        case .pre, .td, .blockquote, .section: base = 3
        case .address, .ol, .ul, .dl, .dd, .dt, .li, .form: base = -3
        case .h1, .h2, .h3, .h4, .h5, .h6, .th: base = -5
        default: base = 0
        }
        base += Double(node.hint.weight)
        if node.hint.marks.contains(.articleBody) { base += 50 }
        return base
    }

    /// A sibling of the best element that is prose in its own right.
    private static func readsAsProse(_ index: Int, nodes: [PageNode], stats: BlockStats) -> Bool {
        let node = nodes[index]
        guard node.tag == .p || node.tag == .text else { return false }
        let chars = stats.chars[index]
        let density = stats.linkDensity(index)
        if chars > 80 { return density < 0.25 }
        return chars > 0 && density == 0 && stats.endsSentence[index]
    }

    /// Includes the elements around a chosen subtree, so that the renderer reaches it.
    private static func markAncestors(_ include: inout [Bool], of root: Int, nodes: [PageNode]) {
        var ancestor = Int(nodes[root].parent)
        while ancestor >= 0 && !include[ancestor] {
            include[ancestor] = true
            ancestor = Int(nodes[ancestor].parent)
        }
    }

    /// Includes a subtree, less its chrome.
    private static func mark(_ include: inout [Bool], subtreeOf root: Int, nodes: [PageNode], stats: BlockStats) {
        var index = root
        let end = Int(nodes[root].end)
        while index < end {
            if stats.excluded[index] {
                index = Int(nodes[index].end)
                continue
            }
            include[index] = true
            index += 1
        }
    }

    /// Leaves out containers inside the content that are mostly links (readability's conditional
    /// cleaning, less its rules on class weight, list items and images, which cost the lists and
    /// grids that are content), and paragraphs that are all but a link.
    private static func cleanConditionally(
        _ include: inout [Bool], roots: [Int], core: Int, keepCore: Bool,
        keptWhole: [Int], tree: PageTree, stats: BlockStats, rules: ContentRules
    ) {
        let readMore = rules.has(.readMoreParagraphs)
        let linkDense = rules.has(.linkDenseBlocks)
        let colonLists = rules.has(.colonLists)
        let listItems = rules.has(.listItems)
        let admonitions = rules.has(.admonitions)
        let nodes = tree.nodes
        let coreEnd = Int(nodes[core].end)
        // The end of a list kept because the content introduces it: what is inside stays.
        var keptUntil = 0
        let rootSpans = RootSpans(roots, nodes: nodes)
        let keptSpans = RootSpans(keptWhole, nodes: nodes)
        // The blocks that are lists, found once a block follows a colon.
        var lists: IntroducedList?
        // The last text run with characters before a block (0 when none), by a scan that only moves
        // forward, and whether it introduces a list with a colon, read once per run.
        var scanned = 0
        var textBefore = 0
        var colonRead = -1
        var colon = false
        func followsColon(_ index: Int, include: [Bool]) -> Bool {
            while scanned < index {
                if nodes[scanned].tag == .text && stats.chars[scanned] > 0 { textBefore = scanned }
                scanned += 1
            }
            guard textBefore > 0, include[textBefore] else { return false }
            if colonRead != textBefore {
                colonRead = textBefore
                colon = Self.endsWithColon(textBefore, tree: tree, stats: stats)
            }
            return colon
        }
        // The nodes inside a note the author set in the text (an admonition).
        var notes = EnclosedNodes(nodes) { nodes[$0].hint.marks.contains(.note) }
        for index in 0..<nodes.count where include[index] && !rootSpans.contains(index) && index >= keptUntil {
            let node = nodes[index]
            if nodes.isWithin(core, subtreeOf: index) { continue }
            if keepCore && index > core && index < coreEnd { continue }
            if keptSpans.covers(index) { continue }
            guard node.tag.layout != .inline, node.tag != .text, !node.tag.isHeading else { continue }
            let chars = stats.chars[index]
            let density = stats.linkDensity(index)
            // A paragraph that is all but a link is a pointer elsewhere ("Read more: ..."); not the box of
            // an item or a cell of a list or table that is not mostly links (an API index's `<td><p><a>`).
            if node.tag == .p {
                if readMore && density > ContentThresholds.readMoreDensity
                    && !(listItems && Self.isItemOfProseList(Int(node.parent), nodes: nodes, stats: stats))
                    && !(admonitions && notes.contains(index))
                {
                    for inner in index..<Int(node.end) { include[inner] = false }
                }
                continue
            }
            if linkDense && chars > 0 && density > ContentThresholds.linkDenseDensity {
                if colonLists && followsColon(index, include: include) {
                    if lists == nil { lists = IntroducedList(nodes) }
                    if lists!.isList(index) {
                        keptUntil = Int(node.end)
                        continue
                    }
                }
                // An item of a list or a row of a table that is not mostly links is an entry of it (an
                // ingredient whose name links to a glossary), not a menu.
                if listItems && Self.isItemOfProseList(index, nodes: nodes, stats: stats) { continue }
                // A note the author set in the text ("See also" and two links) is not a menu.
                if admonitions && node.hint.marks.contains(.note) { continue }
                for inner in index..<Int(node.end) { include[inner] = false }
            }
        }
    }

    /// An item (`li`, `dt`, `dd`), a table row or a cell whose list or table is not mostly links.
    private static func isItemOfProseList(_ index: Int, nodes: [PageNode], stats: BlockStats) -> Bool {
        var list = index
        repeat {
            switch nodes[list].tag {
            case .li, .dt, .dd, .tr, .td, .th: list = Int(nodes[list].parent)
            default: return false
            }
        } while list > 0 && ![.ul, .ol, .dl, .menu, .table, .tbody, .thead, .tfoot].contains(nodes[list].tag)
        return list > 0 && stats.chars[list] > stats.chars[index] && stats.linkDensity(list) <= ContentThresholds.linkDenseDensity
    }

    /// Whether a text run (the content's text just before a block), outside a link, ends with a colon
    /// ("Many patches were sent for review:", "Sources:"): the links after it are what the article
    /// lists. Not when it offers other pages ("You might also like:", "More:", "Related coverage:").
    private static func endsWithColon(_ before: Int, tree: PageTree, stats: BlockStats) -> Bool {
        guard stats.linkChars[before] == 0,
            !RecommendationHeading.matches(Int(stats.owner[before]), tree: tree),
            !RecommendationHeading.opens(Int(stats.owner[before]), tree: tree, with: otherPages)
        else { return false }
        let node = tree.nodes[before]
        let last = tree.text[Int(node.textStart)..<Int(node.textEnd)].last { !ASCIIByte.isSpace($0) }
        return last == UInt8(ascii: ":")
    }

    /// How a list of the site's other pages is introduced.
    private static let otherPages: [[UInt8]] = [
        "more", "read more", "read also", "also read", "related", "recommended",
        "popular", "trending", "latest", "top stories",
    ].map { Array($0.utf8) }

    /// Drops a block named as a call to action ("cta"), or a form, that closes a long article: after
    /// twice its text of content, with no paragraph of prose after it (an appeal for donations, a
    /// contact form). On other pages (services, lists) such blocks are sections of the content.
    private static func dropTrailingCallsToAction(_ include: inout [Bool], core: Int, nodes: [PageNode], stats: BlockStats) {
        guard stats.proseChars(core) >= ContentThresholds.longArticleProse,
            let lastProse = nodes.indices.last(where: { include[$0] && stats.proseBlocks[$0] > 0 })
        else { return }
        var before: Int32 = 0
        var index = 0
        while index < nodes.count {
            let node = nodes[index]
            let end = Int(node.end)
            guard include[index], node.hint.marks.contains(.callToAction) || node.tag == .form, node.tag.layout != .inline,
                !nodes.isWithin(core, subtreeOf: index)
            else {
                if include[index] && node.tag == .text { before += stats.chars[index] }
                index += 1
                continue
            }
            if before >= 2 * stats.chars[index] && lastProse < end {
                for inner in index..<end { include[inner] = false }
            } else {
                before += (index..<end).reduce(0) { include[$1] && nodes[$1].tag == .text ? $0 + stats.chars[$1] : $0 }
            }
            index = end
        }
    }

    /// Drops a block in a quote whose text (60 characters or more) repeats word for word a block
    /// before it outside any quote: a forum reply quoting an earlier post of the same thread. On a
    /// product page, any such repeat goes: the description laid out twice, for small and large screens.
    private static func dropRequotedBlocks(_ include: inout [Bool], tree: PageTree, stats: BlockStats) {
        let nodes = tree.nodes
        let productPage = tree.kind.isProduct
        guard productPage || nodes.indices.contains(where: { include[$0] && nodes[$0].tag == .blockquote }) else { return }
        var seen: [UInt64: Bool] = [:]
        var owner = -1
        var texts: [Int] = []
        var hash = StableHash()
        var chars: Int32 = 0
        // A block is quoted when it, or an element around it below the root, is a quote.
        var quotes = EnclosedNodes(nodes) { nodes[$0].tag == .blockquote }
        func quoted(_ index: Int) -> Bool { index > 0 && (nodes[index].tag == .blockquote || quotes.contains(index)) }
        func finish() {
            guard owner >= 0, chars >= ContentThresholds.requotedChars else { return }
            let isQuote = quoted(owner)
            if let earlierIsQuote = seen[hash.state] {
                if (isQuote && !earlierIsQuote) || productPage { for text in texts { include[text] = false } }
            } else {
                seen[hash.state] = isQuote
            }
        }
        for index in 0..<nodes.count where include[index] && nodes[index].tag == .text && stats.chars[index] > 0 {
            let block = Int(stats.owner[index])
            if block != owner {
                finish()
                owner = block
                texts = []
                hash = StableHash()
                chars = 0
            }
            texts.append(index)
            chars += stats.chars[index]
            for byte in tree.text[Int(nodes[index].textStart)..<Int(nodes[index].textEnd)]
            where byte != 0x20 && byte != 0x0A && byte != 0x09 && byte != 0x0D {
                hash.add(byte)
            }
        }
        finish()
    }

    /// Drops a heading after a long article whose section was left out, as chrome or as a list of
    /// links ("More on this", "Tags", "Comments"): nothing follows it before a heading of its rank.
    private static func dropOrphanedHeadings(_ include: inout [Bool], core: Int, tree: PageTree, stats: BlockStats) {
        let nodes = tree.nodes
        // Elsewhere (services, lists) a heading left alone is the heading of a section the page lost.
        guard stats.proseChars(core) >= ContentThresholds.longArticleProse,
            let lastProse = nodes.indices.last(where: { include[$0] && stats.proseBlocks[$0] > 0 })
        else { return }
        // A heading dropped below is dropped whole and comes before every node asked of after it: a node
        // still included holds none of it, so its subtree reads as it did at the start.
        let text = NextMatching(includedTextOf: nodes, include: include, stats: stats)
        func holdsText(_ index: Int) -> Bool { text.any(in: index..<Int(nodes[index].end)) }
        func rank(_ tag: HTMLTag) -> UInt8 { tag.rawValue - HTMLTag.h1.rawValue }
        // From each node after the last prose on: the first heading holding text or text kept, and whether
        // text left out comes before it. Read once from the end: reading on from each of many nested
        // headings was quadratic. The drops below touch no node read here after them (as above).
        var stop = [Int](repeating: nodes.count, count: nodes.count - lastProse + 1)
        var skips = [Bool](repeating: false, count: nodes.count - lastProse + 1)
        for index in (lastProse..<nodes.count).reversed() {
            let node = nodes[index]
            let slot = index - lastProse
            if node.tag.isHeading && include[index] && holdsText(index)
                || node.tag == .text && include[index] && stats.chars[index] > 0
            {
                stop[slot] = index
                continue
            }
            stop[slot] = stop[slot + 1]
            skips[slot] =
                skips[slot + 1]
                || node.tag == .text && tree.text[Int(node.textStart)..<Int(node.textEnd)].contains { !ASCIIByte.isSpace($0) }
        }
        // A headline that is a link opens a teaser or an item of a grid, not a section.
        for heading in lastProse..<nodes.count
        where nodes[heading].tag.isHeading && include[heading] && stats.linkChars[heading] == 0 && holdsText(heading) {
            let next = stop[Int(nodes[heading].end) - lastProse]
            let skipped = skips[Int(nodes[heading].end) - lastProse]
            // Nothing kept after it, or a heading of its rank or above before any text kept.
            let orphaned = next == nodes.count || nodes[next].tag.isHeading && rank(nodes[next].tag) <= rank(nodes[heading].tag)
            if orphaned && skipped {
                for inner in heading..<Int(nodes[heading].end) { include[inner] = false }
            }
        }
    }
}
