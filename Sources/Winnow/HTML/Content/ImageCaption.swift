/// The caption or photo credit that a page sets in a plain element beside an image instead of a
/// `figcaption` ("… | © Getty Images", `<p><img><br><em>Figure 4: …</em></p>`): not the article's text.
enum ImageCaption {
    /// Drops the caption or credit of an image that has no `figcaption`: the highest element around an
    /// image that holds no text before it and, after it, one block of text of `captionChars` or fewer
    /// (set apart from the image by its own element or a line break, not a paragraph that runs on
    /// beside a floated image), with no heading, code or mostly links (a teaser), not in a list, table,
    /// quote or `center` (a testimonial, a figure of a document), and not beside another element that
    /// opens with an image (a grid of items, icons for bullets). Only in a long article.
    static func drop(_ include: inout [Bool], core: Int, nodes: [PageNode], stats: BlockStats) {
        guard stats.proseChars(core) >= ContentThresholds.longArticleProse else { return }
        var index = 0
        while index < nodes.count {
            guard nodes[index].tag == .img, include[index] else {
                index += 1
                continue
            }
            var box = -1
            var inner = index
            var ancestor = Int(nodes[index].parent)
            while ancestor > 0, stats.chars[ancestor] <= ContentThresholds.captionChars,
                !nodes.isWithin(core, subtreeOf: ancestor), !nodes[ancestor].hint.marks.contains(.main),
                !(ancestor + 1..<inner).contains(where: { nodes[$0].tag == .text && stats.chars[$0] > 0 })
            {
                switch nodes[ancestor].tag {
                case .li, .dt, .dd, .tr, .td, .th, .ul, .ol, .dl, .table, .article, .body, .blockquote, .center: ancestor = 0
                default:
                    if stats.chars[ancestor] > 0 { box = ancestor }
                    inner = ancestor
                    ancestor = Int(nodes[ancestor].parent)
                }
            }
            guard box > 0 else {
                index += 1
                continue
            }
            let end = Int(nodes[box].end)
            var owner: Int32 = -1
            var caption = stats.linkChars[box] * 2 < stats.chars[box] && !besideAnotherImage(box, nodes: nodes, stats: stats)
            // Text that runs on in the image's own paragraph, with no line break, is that paragraph's.
            var apart = false
            for node in index..<end where caption {
                if nodes[node].tag.isHeading || nodes[node].tag == .pre || nodes[node].tag == .code {
                    caption = false
                } else if nodes[node].tag == .br && owner < 0 {
                    apart = true
                } else if nodes[node].tag == .text && stats.chars[node] > 0 {
                    if owner < 0 && !apart && stats.owner[node] == stats.owner[index] { caption = false }
                    if owner >= 0 && stats.owner[node] != owner { caption = false }
                    owner = stats.owner[node]
                }
            }
            if caption {
                for node in box..<end { include[node] = false }
            }
            index = caption ? end : index + 1
        }
    }

    /// Whether the element before or after `box` among its siblings also opens with an image: the
    /// items of a grid (a picture and a name each) or a list with an icon for a bullet, not a caption.
    private static func besideAnotherImage(_ box: Int, nodes: [PageNode], stats: BlockStats) -> Bool {
        func opensWithImage(_ element: Int) -> Bool {
            for node in element..<Int(nodes[element].end) {
                if nodes[node].tag == .img { return true }
                if nodes[node].tag == .text && stats.chars[node] > 0 { return false }
            }
            return false
        }
        let parent = Int(nodes[box].parent)
        var previous = -1
        var sibling = parent + 1
        while sibling < box {
            if nodes[sibling].tag != .text { previous = sibling }
            sibling = Int(nodes[sibling].end)
        }
        var next = Int(nodes[box].end)
        while next < Int(nodes[parent].end) && nodes[next].tag == .text { next = Int(nodes[next].end) }
        return (previous > 0 && opensWithImage(previous)) || (next < Int(nodes[parent].end) && opensWithImage(next))
    }
}
