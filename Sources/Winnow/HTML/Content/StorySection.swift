/// The sections that story headings open: where each stops, and the teaser headlines and paragraphs in it.
/// Built on the page's `include` as `StoryHeading.drop` starts, which changes it only before the headings it reads on.
struct StorySection {
    private let nodes: [PageNode]
    private let stats: BlockStats
    /// The headings (and bold lines) that stop a section, by rank, in document order.
    private var stops: [[Int]] = []
    /// The counts from a node to a stop, by stop, then by node.
    private var counts: [Int: [Int: (headlines: Int32, paragraphs: Int32)]] = [:]

    init(nodes: [PageNode], stats: BlockStats) {
        self.nodes = nodes
        self.stats = stats
    }

    /// The first heading at `start` or after of rank `rank` or above, with text of its own (included)
    /// that is not mostly a link; `nodes.count` when none.
    mutating func stop(from start: Int, rank: UInt8, include: [Bool], tree: PageTree) -> Int {
        if stops.isEmpty { stops = Self.stops(include: include, tree: tree, stats: stats) }
        var first = nodes.count
        for ranked in stops[...Int(rank)] {
            var low = 0
            var high = ranked.count
            while low < high {
                let middle = (low + high) / 2
                if ranked[middle] < start { low = middle + 1 } else { high = middle }
            }
            if low < ranked.count { first = min(first, ranked[low]) }
        }
        return first
    }

    /// The teaser headlines and paragraphs of the included whole elements from `start` to `stop`.
    mutating func blocks(from start: Int, to stop: Int, include: [Bool]) -> (headlines: Int32, paragraphs: Int32) {
        // A stop before `start` is never asked for again.
        if counts.count > 8 { counts = counts.filter { $0.key >= start } }
        var known = counts.removeValue(forKey: stop) ?? [:]
        var walked: [(node: Int, headlines: Int32, paragraphs: Int32)] = []
        var total: (headlines: Int32, paragraphs: Int32) = (0, 0)
        var inner = start
        while inner < stop {
            if let counted = known[inner] {
                total = counted
                break
            }
            guard Int(nodes[inner].end) <= stop else {
                walked.append((inner, 0, 0))
                inner += 1
                continue
            }
            walked.append(include[inner] ? (inner, stats.linkBlocks[inner], stats.proseBlocks[inner]) : (inner, 0, 0))
            inner = Int(nodes[inner].end)
        }
        for step in walked.reversed() {
            total = (total.headlines + step.headlines, total.paragraphs + step.paragraphs)
            known[step.node] = total
        }
        counts[stop] = known
        return total
    }

    /// A heading's rank, h1 first; a bold line (`p`) ranks below every heading.
    static func rank(_ tag: HTMLTag) -> UInt8 {
        tag.isHeading ? tag.rawValue - HTMLTag.h1.rawValue : 6
    }

    private static func stops(include: [Bool], tree: PageTree, stats: BlockStats) -> [[Int]] {
        let nodes = tree.nodes
        var hasText = [Bool](repeating: false, count: nodes.count)
        for index in nodes.indices.reversed() {
            if nodes[index].tag == .text && include[index] && stats.chars[index] > 0 { hasText[index] = true }
            if hasText[index] && nodes[index].parent >= 0 { hasText[Int(nodes[index].parent)] = true }
        }
        var stops = [[Int]](repeating: [], count: 7)
        for index in nodes.indices where include[index] && hasText[index] && stats.linkChars[index] * 2 < stats.chars[index] {
            let tag = nodes[index].tag
            if tag.isHeading || (tag == .p && StoryHeading.isBoldLine(index, tree: tree, stats: stats)) {
                stops[Int(rank(tag))].append(index)
            }
        }
        return stops
    }
}
