/// `repeated-sections`: a section of the content whose blocks repeat, word for word and in order, the
/// blocks of an earlier section is the same text laid out twice (a tab's panel and its accordion twin
/// for small screens, a slider's cloned slides, a teaser box written above and below the article): the
/// copy goes. A section is an element of two blocks or more; a block repeated on its own (a meal of a
/// plan, a sentence a writer says twice) is no copied section. Lists, tables and code are not looked
/// into, and a section holding code is never a copy: documents repeat their examples and their lists.
enum RepeatedSection {
    /// Elements inside which nothing is read as a copied section.
    private static let notLookedInto: Set<HTMLTag> = [.pre, .code, .table, .ul, .ol, .dl, .menu, .li, .dd, .dt]

    static func drop(_ include: inout [Bool], tree: PageTree, stats: BlockStats) {
        let nodes = tree.nodes
        // The content's blocks in order: the first text of each, a hash of its tag and its text (no
        // whitespace), its characters, and where its texts start in `texts`.
        var firsts: [Int] = []
        var hashes: [UInt64] = []
        var blockChars: [Int32] = []
        var textStarts: [Int] = []
        var texts: [Int] = []
        var owner = -1
        var hash = StableHash()
        for index in 0..<nodes.count where include[index] && nodes[index].tag == .text && stats.chars[index] > 0 {
            let block = Int(stats.owner[index])
            if block != owner {
                if owner >= 0 { hashes.append(hash.value) }
                owner = block
                hash = StableHash()
                hash.add(nodes[block].tag.rawValue)
                firsts.append(index)
                blockChars.append(0)
                textStarts.append(texts.count)
            }
            texts.append(index)
            blockChars[blockChars.count - 1] += stats.chars[index]
            for byte in tree.text[Int(nodes[index].textStart)..<Int(nodes[index].textEnd)]
            where byte != 0x20 && byte != 0x0A && byte != 0x09 && byte != 0x0D {
                hash.add(byte)
            }
        }
        let minBlocks = ContentThresholds.repeatedSectionBlocks
        guard firsts.count >= 2 * minBlocks else { return }
        hashes.append(hash.value)
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
        // Each run of blocks seen as a section, with the block where the first such section ends.
        var seen: [UInt64: Int] = [:]
        var index = 1
        while index < nodes.count {
            let node = nodes[index]
            let end = Int(node.end)
            if Self.notLookedInto.contains(node.tag) {
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
                if let earlierEnd = seen[key] {
                    // A copy of a section that ends before it (not the same blocks in a wrapper).
                    if earlierEnd <= lower {
                        for text in texts[textStarts[lower]..<textStarts[upper]] { include[text] = false }
                        index = end
                        continue
                    }
                } else {
                    seen[key] = upper
                }
            }
            index += 1
        }
    }
}
