/// Text counts per node that the content scoring needs: characters (not bytes, no whitespace),
/// characters inside links, commas, for each block's own text and for whole subtrees.
struct BlockStats {
    /// Left out as page chrome, by the node's own hint or an ancestor's.
    var excluded: [Bool]
    /// Characters of the subtree (excluded parts not counted).
    var chars: [Int32]
    /// Characters of the subtree inside links.
    var linkChars: [Int32]
    /// Characters of text that this block holds directly or through inline elements.
    var directChars: [Int32]
    /// Commas in that text.
    var commas: [Int32]
    /// Whether the subtree's text ends with sentence punctuation.
    var endsSentence: [Bool]
    /// The block element each node's text belongs to.
    var owner: [Int32]
    /// Blocks in the subtree whose own text is mostly a link (titles of teasers, menu entries), and
    /// blocks whose own text is a paragraph of prose (80 characters or more, few links).
    var linkBlocks: [Int32]
    var proseBlocks: [Int32]

    /// Counts for `tree`; `chrome` says whether elements named like page chrome are left out
    /// (hidden elements always are, unless they hold most of the page); `rules` are those switched on.
    init(_ tree: PageTree, chrome: Bool = true, rules: ContentRules = .all) {
        // Every array is a local until the end: a stored array written in a loop is checked for
        // uniqueness at every write, a local one once.
        let nodes = tree.nodes
        let count = nodes.count
        var excluded = [Bool](repeating: false, count: count)
        var chars = [Int32](repeating: 0, count: count)
        var linkChars = [Int32](repeating: 0, count: count)
        var directChars = [Int32](repeating: 0, count: count)
        var commas = [Int32](repeating: 0, count: count)
        var endsSentence = [Bool](repeating: false, count: count)
        var owner = [Int32](repeating: 0, count: count)
        var linkBlocks = [Int32](repeating: 0, count: count)
        var proseBlocks = [Int32](repeating: 0, count: count)
        var directLinks = [Int32](repeating: 0, count: count)
        var textCommas = [Int32](repeating: 0, count: count)
        // Filler text of a template ("Lorem ipsum dolor sit amet"), never meant to be read.
        var placeholder = [Bool](repeating: false, count: count)
        // Text runs first, and every subtree's text before any chrome is left out.
        let hasFiller = Self.countText(
            tree, fillers: chrome && rules.has(.placeholderFiller), owner: &owner, chars: &chars, linkChars: &linkChars,
            commas: &textCommas, endsSentence: &endsSentence, placeholder: &placeholder)
        var prose = [Int32](repeating: 0, count: count)
        // The longest run of text outside links in each subtree: 100 characters make a paragraph.
        var longestProse = [Int32](repeating: 0, count: count)
        Self.sumProse(nodes, chars: chars, linkChars: linkChars, prose: &prose, longest: &longestProse)
        // Chrome by name is left out, unless it holds most of the page's prose: a wrapper named
        // "single-post has-sidebar" or "advertisement-pusher" around the whole article is not chrome.
        let half = prose[0] / 2
        // On a product page, customer reviews and fine print are chrome: the content is the description.
        let productChromeIsChrome = chrome && rules.has(.productChrome) && tree.kind.isProduct
        // A block that opens with a heading named like chrome ("related-posts-title") is that chrome.
        var headedByChrome = [Bool](repeating: false, count: count)
        if chrome && rules.has(.chromeHeadings) {
            // The text runs in links, found once: chrome headings nested in each other each ask of their subtree.
            var linkedText: NextMatching?
            for index in 1..<count
            where nodes[index].tag.isHeading && nodes[index].hint.marks.contains(.chrome) && !nodes[index].hint.marks.contains(.comment) {
                let parent = Int(nodes[index].parent)
                guard parent > 0, !nodes[parent].hint.marks.contains(.main), nodes[parent].tag != .body else { continue }
                // A headline that is a link titles an item of a list (a product's card, a sponsored
                // entry), not a section: its names say what the item is.
                if prose[index] == 0 {
                    if linkedText == nil { linkedText = NextMatching(count: count) { linkChars[$0] > 0 } }
                    if linkedText!.any(in: index + 1..<Int(nodes[index].end)) { continue }
                }
                var first = parent + 1
                while first < index, nodes[first].tag == .text, chars[first] == 0 { first += 1 }
                if first == index { headedByChrome[parent] = true }
            }
        }
        if chrome && rules.has(.recommendationHeadings) {
            // A block that opens with a heading introducing other products lists them: the highest
            // element the heading opens that holds no paragraph, short of the main landmark.
            for index in 1..<count where nodes[index].tag.isHeading && RecommendationHeading.matches(index, tree: tree) {
                var block = -1
                var ancestor = Int(nodes[index].parent)
                // Nodes from `opened` to the heading hold no text: each step checks only what it adds.
                var opened = index
                while ancestor > 0, !nodes[ancestor].hint.marks.contains(.main), nodes[ancestor].tag != .body,
                    longestProse[ancestor] < ContentThresholds.paragraphProse,
                    !(ancestor + 1..<opened).contains(where: { nodes[$0].tag == .text && chars[$0] > 0 })
                {
                    block = ancestor
                    opened = ancestor + 1
                    ancestor = Int(nodes[ancestor].parent)
                }
                if block > 0 {
                    headedByChrome[block] = true
                    continue
                }
                // A heading amid other content: it and the siblings after it, up to the next heading
                // or paragraph, are the block.
                let parent = Int(nodes[index].parent)
                headedByChrome[index] = true
                var sibling = Int(nodes[index].end)
                while sibling < Int(nodes[parent].end), !nodes[sibling].tag.isHeading,
                    longestProse[sibling] < ContentThresholds.paragraphProse
                {
                    headedByChrome[sibling] = true
                    sibling = Int(nodes[sibling].end)
                }
            }
        }
        // Left out: hidden, chrome by name (unless `spared`), reviews and fine print on a product page,
        // headed by chrome, or filler text; never an element holding more than half the page's prose
        // unless it is a `<footer>` or a consent banner, which wrap nothing of the content.
        let accordions = rules.has(.accordions)
        let ownSlideshows = rules.has(.ownSlideshows)
        let mostOfPage = rules.has(.mostOfPage)
        func exclusions(sparing spared: ContentHint.Marks) -> [Bool] {
            var excluded = [Bool](repeating: false, count: count)
            // Through a buffer: an array written in a loop is checked for uniqueness at every write.
            excluded.withUnsafeMutableBufferPointer { excluded in
                for index in 1..<count {
                    let hint = nodes[index].hint
                    // A tab list with a paragraph's worth of prose is an accordion: its panels are inside.
                    let accordion = accordions && hint.marks.contains(.tabList) && prose[index] >= ContentThresholds.accordionProse
                    // A slideshow with paragraphs of prose (a paragraph, and 250 characters in all), outside
                    // a product page, shows the page's own testimonials or case studies.
                    let ownSlides =
                        ownSlideshows && hint.marks.contains(.slideshow) && !tree.kind.isProduct
                        && longestProse[index] >= ContentThresholds.paragraphProse
                        && prose[index] >= ContentThresholds.slideshowProse
                    let leftOut =
                        hint.marks.contains(.hidden)
                        || (chrome && hint.marks.contains(.chrome) && hint.marks.isDisjoint(with: spared) && !accordion && !ownSlides)
                        || (productChromeIsChrome && hint.marks.contains(.productChrome))
                    excluded[index] =
                        excluded[Int(nodes[index].parent)]
                        || (leftOut && (!mostOfPage || prose[index] <= half || !hint.marks.isDisjoint(with: [.footer, .consent])))
                        || headedByChrome[index]
                        || placeholder[index]
                }
            }
            return excluded
        }
        excluded = exclusions(sparing: [])
        // Filler is left out only beside a paragraph of the page's own, not placeholder Latin itself:
        // a page that is all placeholder text (a theme's demo, a test page) reads as it, never as nothing.
        if hasFiller
            && !Self.keepsOwnParagraph(
                tree, excluded: excluded, filler: placeholder, owner: owner,
                prose: { chars[$0] - linkChars[$0] })
        {
            placeholder = [Bool](repeating: false, count: count)
            excluded = exclusions(sparing: [])
        }
        var commentProse: Int32 = 0
        var displayProse: Int32 = 0
        var keptProse: Int32 = 0
        var articleProse: Int32 = 0
        for index in 1..<count {
            let node = nodes[index]
            if excluded[index] && !excluded[Int(node.parent)] && node.hint.marks.contains(.comment) && !node.hint.marks.contains(.hidden) {
                commentProse += prose[index]
            } else if excluded[index] && !excluded[Int(node.parent)] && node.hint.marks.contains(.display)
                && !node.hint.marks.contains(.hidden)
            {
                displayProse += prose[index]
            } else if !excluded[index] && node.tag == .text {
                keptProse += prose[index]
            } else if !excluded[index] && node.hint.marks.contains(.articleBody) {
                articleProse = max(articleProse, prose[index])
            }
        }
        // Comments hold nearly as much prose as all the rest (three quarters: replies are often
        // shorter than the opening post), no article body is marked and the rest is not a long
        // article of its own: a forum thread, whose posts are its content.
        if rules.has(.forumComments) && commentProse * 4 > keptProse * 3 && articleProse < ContentThresholds.forumArticleBodyProse
            && keptProse < ContentThresholds.forumOwnArticleProse
        {
            excluded = exclusions(sparing: .comment)
        }
        // Elements named for how they show hold twice the prose of the rest, and little is left: the
        // names are the theme's ("banner" for every hero section), not chrome.
        else if rules.has(.displayNames) && displayProse > 2 * keptProse && keptProse < ContentThresholds.displayKeptProse {
            excluded = exclusions(sparing: .display)
        }
        Self.countBlockText(
            nodes, excluded: excluded, owner: owner, textCommas: textCommas, chars: &chars, linkChars: &linkChars,
            endsSentence: &endsSentence, directChars: &directChars, directLinks: &directLinks, commas: &commas)
        for index in 0..<count where directChars[index] >= 15 {
            if directLinks[index] * 2 >= directChars[index] {
                linkBlocks[index] = 1
            } else if directChars[index] >= 80 && directLinks[index] * 4 < directChars[index] {
                proseBlocks[index] = 1
            }
        }
        Self.sumSubtrees(
            nodes, excluded: excluded, linkBlocks: &linkBlocks, proseBlocks: &proseBlocks, chars: &chars, linkChars: &linkChars,
            endsSentence: &endsSentence)
        self.excluded = excluded
        self.chars = chars
        self.linkChars = linkChars
        self.directChars = directChars
        self.commas = commas
        self.endsSentence = endsSentence
        self.owner = owner
        self.linkBlocks = linkBlocks
        self.proseBlocks = proseBlocks
    }

    /// Each node's block (`owner`), and each text run's characters, characters inside links, commas,
    /// whether it ends a sentence and, with `fillers`, whether it opens with placeholder text; returns
    /// whether any does.
    private static func countText(
        _ tree: PageTree, fillers: Bool, owner: inout [Int32], chars: inout [Int32], linkChars: inout [Int32], commas: inout [Int32],
        endsSentence: inout [Bool], placeholder: inout [Bool]
    ) -> Bool {
        let nodes = tree.nodes
        var inLink = [Bool](repeating: false, count: nodes.count)
        var hasFiller = false
        for index in nodes.indices {
            let node = nodes[index]
            let parent = Int(node.parent)
            if parent >= 0 {
                inLink[index] = inLink[parent] || node.tag == .a
                owner[index] = node.tag.layout == .inline || node.tag == .text ? owner[parent] : Int32(index)
            }
            guard node.tag == .text else { continue }
            var letters: Int32 = 0
            var commaCount: Int32 = 0
            var tail: UInt32 = 0
            for byte in tree.text[Int(node.textStart)..<Int(node.textEnd)] {
                if ASCIIByte.isSpace(byte) { continue }
                if byte & 0xC0 != 0x80 { letters += 1 }
                tail = (tail << 8 | UInt32(byte)) & 0xFF_FFFF
                // "," and the CJK commas "、" and "，".
                if byte == UInt8(ascii: ",") || tail == 0xE3_8081 || tail == 0xEF_BC8C { commaCount += 1 }
            }
            // Only a run with a letter can open with placeholder text (spaces between tags are most runs).
            if fillers && letters > 0 && PlaceholderText.opensFiller(tree.text[Int(node.textStart)..<Int(node.textEnd)]) {
                placeholder[index] = true
                hasFiller = true
            }
            chars[index] = letters
            if inLink[index] { linkChars[index] = letters }
            commas[index] = commaCount
            endsSentence[index] = letters > 0 && Self.endsSentence(tail)
        }
        return hasFiller
    }

    /// Clears the counts of text runs left out, and adds those of the rest to their block's own text.
    private static func countBlockText(
        _ nodes: [PageNode], excluded: [Bool], owner: [Int32], textCommas: [Int32], chars: inout [Int32], linkChars: inout [Int32],
        endsSentence: inout [Bool], directChars: inout [Int32], directLinks: inout [Int32], commas: inout [Int32]
    ) {
        for index in nodes.indices where nodes[index].tag == .text {
            if excluded[index] {
                chars[index] = 0
                linkChars[index] = 0
                endsSentence[index] = false
                continue
            }
            let block = Int(owner[index])
            directChars[block] += chars[index]
            directLinks[block] += linkChars[index]
            commas[block] += textCommas[index]
        }
    }

    /// Sums every subtree's prose (characters outside links) and keeps its longest text run of it.
    /// The arrays are parameters, not captured or stored, so that their uniqueness is checked once,
    /// not at every write.
    private static func sumProse(_ nodes: [PageNode], chars: [Int32], linkChars: [Int32], prose: inout [Int32], longest: inout [Int32]) {
        for index in stride(from: nodes.count - 1, through: 0, by: -1) {
            if nodes[index].tag == .text {
                prose[index] = chars[index] - linkChars[index]
                longest[index] = prose[index]
            }
            guard index > 0 else { continue }
            let parent = Int(nodes[index].parent)
            prose[parent] += prose[index]
            longest[parent] = max(longest[parent], longest[index])
        }
    }

    /// Adds every kept node's counts to its parent's. Children come after their parent, so a reverse
    /// walk sums every subtree.
    private static func sumSubtrees(
        _ nodes: [PageNode], excluded: [Bool], linkBlocks: inout [Int32], proseBlocks: inout [Int32], chars: inout [Int32],
        linkChars: inout [Int32], endsSentence: inout [Bool]
    ) {
        for index in stride(from: nodes.count - 1, through: 1, by: -1) where !excluded[index] {
            let parent = Int(nodes[index].parent)
            linkBlocks[parent] += linkBlocks[index]
            proseBlocks[parent] += proseBlocks[index]
            chars[parent] += chars[index]
            linkChars[parent] += linkChars[index]
            if chars[index] > 0 && !endsSentence[parent] && nodes[parent].end == nodes[index].end {
                endsSentence[parent] = endsSentence[index]
            }
        }
    }

    /// Whether text whose last three bytes are `tail` ends a sentence: ". ! ? \" )" or a closing
    /// quote, or the CJK full stop, exclamation and question marks.
    private static func endsSentence(_ tail: UInt32) -> Bool {
        switch tail & 0xFF {
        case UInt32(UInt8(ascii: ".")), UInt32(UInt8(ascii: "!")), UInt32(UInt8(ascii: "?")),
            UInt32(UInt8(ascii: "\"")), UInt32(UInt8(ascii: ")")):
            return true
        default:
            return tail == 0xE2_809D || tail == 0xE3_8082 || tail == 0xEF_BC81 || tail == 0xEF_BC9F
        }
    }

    /// Prose characters that make a block a paragraph of the page's own beside its filler text.
    static let ownParagraphChars: Int32 = 100

    /// Whether a block left in holds `ownParagraphChars` of prose outside filler text runs, in words
    /// that are mostly not placeholder Latin.
    private static func keepsOwnParagraph(
        _ tree: PageTree, excluded: [Bool], filler: [Bool], owner: [Int32],
        prose: (Int) -> Int32
    ) -> Bool {
        let nodes = tree.nodes
        var blockProse = [Int32](repeating: 0, count: nodes.count)
        var tallies: [Int: PlaceholderText.WordTally] = [:]
        for index in nodes.indices where nodes[index].tag == .text && !excluded[index] && !filler[index] {
            let block = Int(owner[index])
            blockProse[block] += prose(index)
            tallies[block, default: PlaceholderText.WordTally()].add(tree.text[Int(nodes[index].textStart)..<Int(nodes[index].textEnd)])
        }
        return tallies.contains { block, tally in blockProse[block] >= ownParagraphChars && !tally.isPlaceholder }
    }

    /// Characters of the subtree outside links: its prose.
    func proseChars(_ index: Int) -> Int32 {
        chars[index] - linkChars[index]
    }

    func linkDensity(_ index: Int) -> Double {
        chars[index] == 0 ? 0 : Double(linkChars[index]) / Double(chars[index])
    }
}
