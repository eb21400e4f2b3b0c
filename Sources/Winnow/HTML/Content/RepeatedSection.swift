/// `repeated-sections`: a section of the content whose blocks repeat, word for word and in order, the
/// blocks of an earlier section is the same text laid out twice (a tab's panel and its accordion twin
/// for small screens, a slider's cloned slides, a teaser box written above and below the article): the
/// copy goes. A section is an element of two blocks or more; a block repeated on its own (a meal of a
/// plan, a sentence a writer says twice) is no copied section. Lists, tables and code are not looked
/// into, and a section holding code is never a copy: documents repeat their examples and their lists.
enum RepeatedSection {
    /// Elements inside which nothing is read as a copied section, by tag (a table, not a `Set`: it is
    /// asked for every element of the content).
    private static let notLookedInto: [Bool] = {
        let tags: Set<HTMLTag> = [.pre, .code, .table, .ul, .ol, .dl, .menu, .li, .dd, .dt]
        return (0...255).map { HTMLTag(rawValue: UInt8($0)).map(tags.contains) ?? false }
    }()

    /// 1 for a byte a block's hash takes, 0 for whitespace (space, tab, line feed, carriage return).
    private static let isKept: [UInt8] = (0...255).map { ASCIIByte.isSpace(UInt8($0)) ? 0 : 1 }

    /// A block's hash: its tag, then its text without whitespace.
    private static func hash(_ folded: UnsafeMutableBufferPointer<UInt8>, _ range: Range<Int>, tag: HTMLTag) -> UInt64 {
        BlockHash.of(UnsafeBufferPointer(rebasing: folded[range])) ^ StableHash.finalize(UInt64(tag.rawValue))
    }

    static func drop(_ include: inout [Bool], tree: PageTree, stats: BlockStats) {
        let nodes = tree.nodes
        // The content's blocks in order: the first text of each, a hash of its tag and its text (no
        // whitespace: the bytes written without it to `folded`, then hashed in blocks), its characters,
        // and where its texts start in `texts`.
        var firsts: [Int] = []
        var hashes: [UInt64] = []
        var blockChars: [Int32] = []
        var textStarts: [Int] = []
        var texts: [Int] = []
        var folded = [UInt8](repeating: 0, count: tree.text.count + 1)
        var foldedCount = 0
        var blockStart = 0
        var owner = -1
        let isKept = Self.isKept, notLookedInto = Self.notLookedInto
        folded.withUnsafeMutableBufferPointer { folded in
            tree.text.withUnsafeBufferPointer { text in
                for index in 0..<nodes.count where include[index] && nodes[index].tag == .text && stats.chars[index] > 0 {
                    let block = Int(stats.owner[index])
                    if block != owner {
                        if owner >= 0 {
                            hashes.append(Self.hash(folded, blockStart..<foldedCount, tag: nodes[owner].tag))
                        }
                        owner = block
                        blockStart = foldedCount
                        firsts.append(index)
                        blockChars.append(0)
                        textStarts.append(texts.count)
                    }
                    texts.append(index)
                    blockChars[blockChars.count - 1] += stats.chars[index]
                    // Every byte is stored; the count moves past those that are not whitespace.
                    for byte in text[Int(nodes[index].textStart)..<Int(nodes[index].textEnd)] {
                        folded[foldedCount] = byte
                        foldedCount &+= Int(isKept[Int(byte)])
                    }
                }
                if owner >= 0 { hashes.append(Self.hash(folded, blockStart..<foldedCount, tag: nodes[owner].tag)) }
            }
        }
        let minBlocks = ContentThresholds.repeatedSectionBlocks
        guard firsts.count >= 2 * minBlocks else { return }
        textStarts.append(texts.count)
        // Prefix hashes of the sequence of blocks: any run of blocks hashes in constant time.
        let base: UInt64 = 0x9E37_79B9_7F4A_7C15
        var prefix = [UInt64](repeating: 0, count: firsts.count + 1)
        var powers = [UInt64](repeating: 1, count: firsts.count + 1)
        var prefixChars = [Int32](repeating: 0, count: firsts.count + 1)
        for block in firsts.indices {
            prefix[block + 1] = prefix[block] &* base &+ hashes[block]
            powers[block + 1] = powers[block] &* base
            prefixChars[block + 1] = prefixChars[block] + blockChars[block]
        }
        func firstBlock(atOrAfter node: Int) -> Int {
            var low = 0
            var high = firsts.count
            while low < high {
                let middle = (low + high) / 2
                if firsts[middle] < node { low = middle + 1 } else { high = middle }
            }
            return low
        }
        // Elements that hold code: never a copy.
        var holdsCode = [Bool](repeating: false, count: nodes.count)
        for index in stride(from: nodes.count - 1, to: 0, by: -1)
        where holdsCode[index] || nodes[index].tag == .pre || nodes[index].tag == .code {
            holdsCode[Int(nodes[index].parent)] = true
        }
        // Each run of blocks seen as a section, with the blocks of the first such section.
        var seen: [UInt64: Range<Int>] = [:]
        var index = 1
        while index < nodes.count {
            let node = nodes[index]
            let end = Int(node.end)
            if notLookedInto[Int(node.tag.rawValue)] {
                index = end
                continue
            }
            guard include[index], node.tag != .text, node.tag.layout != .inline, !holdsCode[index] else {
                index += 1
                continue
            }
            let lower = firstBlock(atOrAfter: index)
            let upper = firstBlock(atOrAfter: end)
            if upper - lower >= minBlocks && prefixChars[upper] - prefixChars[lower] >= ContentThresholds.repeatedSectionChars {
                let key = (prefix[upper] &- prefix[lower] &* powers[upper - lower]) ^ UInt64(upper - lower)
                if let earlier = seen[key] {
                    // A copy of a section that ends before it (not the same blocks in a wrapper), block
                    // for block: the run's hash alone could collide.
                    if earlier.upperBound <= lower && hashes[earlier] == hashes[lower..<upper] {
                        for text in texts[textStarts[lower]..<textStarts[upper]] { include[text] = false }
                        index = end
                        continue
                    }
                } else {
                    seen[key] = lower..<upper
                }
            }
            index += 1
        }
    }
}
