import Foundation

/// The short lines a page writes above an article's headline: the section's name or a label
/// ("Promis", "Chronik", "TECH", "Review"), a date ("02.02.2022", "Nov. 20, 2019 6:02 AM EST"), a
/// breadcrumb's last step. The headline is the block that repeats the page's title; what stands
/// above it in a line of its own names the page's place on the site, not its text.
enum HeadlineKicker {
    /// Drops each block of 30 characters or fewer, not ending a sentence or a label (".", "!", "?",
    /// ":"), that stands right above the headline: a block among the content's first four whose text
    /// (letters and digits, case ignored) is 15 characters or more and half or more of the page's title,
    /// and is part of it.
    static func drop(_ include: inout [Bool], tree: PageTree, stats: BlockStats) {
        guard let title = tree.metadata.title else { return }
        let titleKey = key(title)
        guard titleKey.count >= ContentThresholds.headlineKeyChars else { return }
        let nodes = tree.nodes
        // The first blocks written, each with its text nodes.
        var blocks: [(block: Int32, texts: [Int])] = []
        for index in nodes.indices where include[index] && nodes[index].tag == .text && stats.chars[index] > 0 {
            let block = stats.owner[index]
            if blocks.last?.block == block {
                blocks[blocks.count - 1].texts.append(index)
            } else {
                if blocks.count == ContentThresholds.headlineBlocks { break }
                blocks.append((block, [index]))
            }
        }
        func text(_ texts: [Int]) -> String {
            texts.map { String(decoding: tree.text[Int(nodes[$0].textStart)..<Int(nodes[$0].textEnd)], as: UTF8.self) }.joined()
        }
        guard
            let headline = blocks.indices.first(where: { position in
                let headlineKey = key(text(blocks[position].texts))
                return headlineKey.count >= ContentThresholds.headlineKeyChars && headlineKey.count * 2 >= titleKey.count
                    && titleKey.contains(headlineKey)
            })
        else { return }
        for position in stride(from: headline - 1, through: 0, by: -1) {
            let line = text(blocks[position].texts).trimmingCharacters(in: .whitespacesAndNewlines)
            guard line.count <= ContentThresholds.kickerChars, let last = line.last, !".!?:".contains(last) else { break }
            for index in blocks[position].texts { include[index] = false }
        }
    }

    /// The text's letters and digits, lower-cased, every run of anything else one space (none at the ends).
    private static func key(_ text: String) -> String {
        var key = ""
        var space = false
        for character in text.lowercased() {
            if character.isLetter || character.isNumber {
                if space && !key.isEmpty { key.append(" ") }
                key.append(character)
                space = false
            } else {
                space = true
            }
        }
        return key
    }
}
