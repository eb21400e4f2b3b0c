/// The lead of an article (a standfirst, `<div class="teaser-text"><p>…</p></div>`, `<p class="lead">`):
/// a paragraph of prose between the headline and the body, which CMSs write outside the body's element,
/// so that the body, chosen as the content, leaves it out.
enum LeadParagraph {
    /// The block of the lead before `first` (the content's first element), if any: the nearest block
    /// before it that is a paragraph of prose (80 characters or more, links under a quarter), within
    /// its grandparent, with a heading before it there and at most `leadGapChars` of other text (a
    /// byline, a date, a caption) between it and the content.
    static func lead(before first: Int, tree: PageTree, stats: BlockStats) -> Int? {
        let nodes = tree.nodes
        let parent = Int(nodes[first].parent)
        guard parent > 0 else { return nil }
        let scope = max(Int(nodes[parent].parent), 0)
        var gap: Int32 = 0
        var index = first - 1
        while index > scope {
            defer { index -= 1 }
            guard nodes[index].tag == .text, stats.chars[index] > 0 else { continue }
            let block = Int(stats.owner[index])
            guard block > scope, isParagraph(block, stats: stats) else {
                gap += stats.chars[index]
                if gap > ContentThresholds.leadGapChars { return nil }
                continue
            }
            guard stats.chars[block] < stats.proseChars(first), stats.endsSentence[block],
                (scope + 1..<block).contains(where: { nodes[$0].tag.isHeading && stats.chars[$0] > 0 }),
                !inHeaderOrFigure(block, first: first, nodes: nodes)
            else { return nil }
            return block
        }
        return nil
    }

    /// A block whose own text is a paragraph of prose.
    private static func isParagraph(_ block: Int, stats: BlockStats) -> Bool {
        stats.directChars[block] >= ContentThresholds.leadChars && stats.proseBlocks[block] > 0
            && stats.linkChars[block] * 4 < stats.chars[block]
    }

    /// Whether the block, or an element around it that does not hold the content (before `first`), is
    /// a heading, a `header`, a figure, a form, or holds a date (`time`): a subtitle or a caption, or the dek
    /// of the article's header beside its byline, not the lead; or whether an image is beside it (one
    /// before a heading that comes before the block is the article's picture, not one it captions).
    private static func inHeaderOrFigure(_ block: Int, first: Int, nodes: [PageNode]) -> Bool {
        let parent = Int(nodes[block].parent)
        let afterHeading = (parent + 1..<block).last { nodes[$0].tag.isHeading }.map { Int(nodes[$0].end) } ?? parent + 1
        if (afterHeading..<Int(nodes[parent].end)).contains(where: { nodes[$0].tag == .img }) { return true }
        var ancestor = block
        while ancestor > 0 && Int(nodes[ancestor].end) <= first {
            let tag = nodes[ancestor].tag
            if tag.isHeading || tag == .header || tag == .figure || tag == .figcaption || tag == .form { return true }
            if (ancestor + 1..<Int(nodes[ancestor].end)).contains(where: { nodes[$0].tag == .time }) { return true }
            ancestor = Int(nodes[ancestor].parent)
        }
        return false
    }
}
