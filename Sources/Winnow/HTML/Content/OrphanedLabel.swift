/// The title of a box whose body was left out: "Table of Contents" above a table of contents in a
/// `nav`, "Tags" above the tag links, "Share this" above the buttons. The box's links go as chrome
/// or as a list of links; its title, a block of its own, stays in the text with nothing under it.
enum OrphanedLabel {
    /// Drops each short block of the content (not a top-level heading, not a sentence, not a link, not
    /// mostly digits) that
    /// is the only text kept of an element around it, when the rest of that element, after the block,
    /// was left out and is mostly links, three links or more (a list of them, not a poster's name
    /// linked to a profile) and `orphanedLabelShare` times the block's text or more. Hidden text is not
    /// counted as left out: a folded panel under its title is the reader's to open.
    /// Only in a long article (`core` holds `longArticleProse`): on a service's or a shop's page, a
    /// heading over a grid of links is a section the page keeps.
    static func drop(_ include: inout [Bool], core: Int, tree: PageTree, stats: BlockStats) {
        guard stats.proseChars(core) >= ContentThresholds.longArticleProse else { return }
        let nodes = tree.nodes
        var counts: VisibleBytes?
        var linksAround = EnclosedNodes(nodes) { nodes[$0].tag == .a }
        var labels: [Int] = []
        for index in 1..<nodes.count {
            let node = nodes[index]
            guard include[index], node.tag != .text, node.tag.layout != .inline, node.tag != .h1,
                stats.directChars[index] > 0, stats.chars[index] <= ContentThresholds.orphanedLabelChars, stats.linkChars[index] == 0,
                !stats.endsSentence[index], !LabelBlocks.isListOrItem(node.tag),
                Int(node.end) - index <= LabelBlocks.maxNodes
            else { continue }
            if counts == nil { counts = VisibleBytes(tree) }
            if isOrphaned(index, include: include, tree: tree, linksAround: &linksAround, counts: &counts!) { labels.append(index) }
        }
        for label in labels {
            for inner in label..<Int(nodes[label].end) { include[inner] = false }
        }
    }

    /// Whether an ancestor of the block, a few levels up, holds no other text kept and, after the
    /// block, text left out that is mostly links and enough of it. `linksAround`: each node's nearest link.
    private static func isOrphaned(
        _ label: Int, include: [Bool], tree: PageTree, linksAround: inout EnclosedNodes, counts: inout VisibleBytes
    ) -> Bool {
        let nodes = tree.nodes
        var labelBytes = 0
        // A date or a count ("11-29-2024, 04:40 PM", "#12") dates or numbers a post, not a box.
        var digits = 0
        for index in label..<Int(nodes[label].end) where nodes[index].tag == .text && include[index] {
            let run = counts.ofRun(index, in: tree)
            labelBytes += run.bytes
            digits += run.digits
        }
        guard labelBytes > 0 else { return false }
        guard digits * 2 < labelBytes else { return false }
        var box = Int(nodes[label].parent)
        var level = 0
        while box > 0 && level < ContentThresholds.orphanedLabelLevels && include[box]
            && Int(nodes[box].end) - box <= ContentThresholds.orphanedLabelNodes
        {
            var kept = 0
            var dropped = 0
            var droppedLinks = 0
            var links = 0
            var droppedBefore = false
            var index = box + 1
            let end = Int(nodes[box].end)
            while index < end {
                let node = nodes[index]
                if node.hint.marks.contains(.hidden) {
                    index = Int(node.end)
                    continue
                }
                if node.tag == .a && !include[index] && counts.hasAny(in: index, of: tree) { links += 1 }
                if node.tag == .text {
                    let bytes = counts.ofRun(index, in: tree).bytes
                    if include[index] {
                        kept += bytes
                        // Other text of the content in the box: the block is one of its lines, not its title.
                        if kept > labelBytes { return false }
                    } else if bytes > 0 {
                        if index < label { droppedBefore = true }
                        dropped += bytes
                        // In a link between it and the box: its nearest link is inside the box.
                        if let link = linksAround.nearest(index), link > box { droppedLinks += bytes }
                    }
                }
                index += 1
            }
            // Text left out before the block: it is no title of what follows.
            if droppedBefore { return false }
            if dropped >= labelBytes * ContentThresholds.orphanedLabelShare && droppedLinks * 2 >= dropped
                && links >= ContentThresholds.orphanedLabelLinks
            {
                return true
            }
            box = Int(nodes[box].parent)
            level += 1
        }
        return false
    }
}
