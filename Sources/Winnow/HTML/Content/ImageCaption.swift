/// The caption or photo credit that a page sets in a plain element beside an image instead of a
/// `figcaption` ("… | © Getty Images", `<p><img><br><em>Figure 4: …</em></p>`): not the article's text.
enum ImageCaption {
    /// Drops the caption or credit of an image that has no `figcaption`: the highest element around an
    /// image that holds no text before it and, after it, one block of text of `captionChars` or fewer
    /// (set apart from the image by its own element or a line break, not a paragraph that runs on
    /// beside a floated image), with no heading, code or mostly links (a teaser), not in a list, table,
    /// quote or `center` (a testimonial, a figure of a document), and not beside another element that
    /// opens with an image (a grid of items, icons for bullets). Only in a long article.
    ///
    /// One pass in document order, each image answered in constant time: the elements around the current
    /// node are kept on a stack with how far up the run of elements that could be a caption's box goes,
    /// and where the text after an image turns is looked up (`TextAfterImage`).
    static func drop(_ include: inout [Bool], core: Int, nodes: [PageNode], stats: BlockStats) {
        guard stats.proseChars(core) >= ContentThresholds.longArticleProse else { return }
        var textAfter: TextAfterImage?
        var besideImage: [Int: Bool] = [:]
        // The elements around the current node, outermost first, each with the depth at which the
        // unbroken run of elements that could be an image's box, up to it, starts (one past it if it cannot).
        var open: [(node: Int, run: Int)] = []
        // The depth from which the open elements hold no text before the current node.
        var textless = 0
        for index in nodes.indices {
            while let last = open.last, Int(nodes[last.node].end) <= index { open.removeLast() }
            textless = min(textless, open.count)
            let node = nodes[index]
            if node.tag == .text {
                if stats.chars[index] > 0 { textless = open.count }
                continue
            }
            let depth = open.count
            // The box: the highest element around the image, up its run and holding no text before it,
            // if it has text (an element holds at least the text of those inside it).
            if node.tag == .img, include[index], depth > 0, case let from = max(open[depth - 1].run, textless), from < depth,
                stats.chars[open[from].node] > 0
            {
                let box = open[from].node
                let end = Int(nodes[box].end)
                if textAfter == nil { textAfter = TextAfterImage(nodes: nodes, stats: stats) }
                if stats.linkChars[box] * 2 < stats.chars[box] && textAfter!.isCaption(after: index, upTo: end, stats: stats) {
                    if besideImage[box] == nil { besideImage[box] = besideAnotherImage(box, nodes: nodes, textAfter: textAfter!) }
                    if !besideImage[box]! {
                        for inner in box..<end { include[inner] = false }
                    }
                }
            }
            let run =
                canHoldCaption(index, core: core, nodes: nodes, stats: stats)
                ? (depth > 0 && open[depth - 1].run < depth ? open[depth - 1].run : depth) : depth + 1
            open.append((index, run))
        }
    }

    /// Whether the element could be an image's box: not the root, `captionChars` or fewer, not around
    /// the core or the main landmark, not a list, table, quote, `center` or their parts, not the article.
    private static func canHoldCaption(_ index: Int, core: Int, nodes: [PageNode], stats: BlockStats) -> Bool {
        guard index > 0, stats.chars[index] <= ContentThresholds.captionChars, !nodes.isWithin(core, subtreeOf: index),
            !nodes[index].hint.marks.contains(.main)
        else { return false }
        switch nodes[index].tag {
        case .li, .dt, .dd, .tr, .td, .th, .ul, .ol, .dl, .table, .article, .body, .blockquote, .center: return false
        default: return true
        }
    }

    /// Whether the element before or after `box` among its siblings also opens with an image: the
    /// items of a grid (a picture and a name each) or a list with an icon for a bullet, not a caption.
    private static func besideAnotherImage(_ box: Int, nodes: [PageNode], textAfter: TextAfterImage) -> Bool {
        let parent = Int(nodes[box].parent)
        // The sibling before: up from the node before the box to the parent's child that holds it.
        var previous = -1
        var before = box - 1
        while before > parent {
            var sibling = before
            while Int(nodes[sibling].parent) != parent { sibling = Int(nodes[sibling].parent) }
            if nodes[sibling].tag != .text {
                previous = sibling
                break
            }
            before = sibling - 1
        }
        var next = Int(nodes[box].end)
        while next < Int(nodes[parent].end) && nodes[next].tag == .text { next = Int(nodes[next].end) }
        return (previous > 0 && textAfter.opensWithImage(previous, nodes: nodes))
            || (next < Int(nodes[parent].end) && textAfter.opensWithImage(next, nodes: nodes))
    }
}
