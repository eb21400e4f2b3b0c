/// Decides which lines of one page to keep, from what its site's other pages say about each line.
///
/// Template lines (on at least `anchor_share` of the site's pages) are removed wherever they are, but
/// for those the page repeats inside its content with other numbers, and they cut the page into
/// blocks. A block is page content when most of its words are in lines of its own and its lines read
/// like prose; the richest block always is. Everything from the first content block to the last stays
/// (the richest block in own words, else in words, always counts as content); blocks before and after
/// it go: they are the head and tail of the template, with whatever sits between its lines (a
/// "Previous topic" title, a rotating teaser list, a table of contents).
struct TemplateDecision {
    /// What the site knows about one line of the page.
    struct Evidence {
        /// Pages of the site with this line (1: this page only).
        var pages: Int
        /// On enough pages (or sites) to be template wherever it is.
        var isTemplate: Bool
        var hasLetters: Bool
        var tokens: Int
        /// The folded line's key: equal keys are one line.
        var key: UInt64
    }

    let repeatPages: Int
    let ownShare: Double
    let proseWords: Double

    /// `keep[i]` for every line; all false when the page is template from top to bottom. `written(i)`
    /// hashes line `i` as written: copies of one line differ in it when their numbers or dates do.
    func keep(_ lines: [Evidence], written: (Int) -> UInt64) -> [Bool] {
        var keep = [Bool](repeating: false, count: lines.count)
        let blocks = self.blocks(lines)
        var bestIndex: Int?
        var best = (ownWords: 0.0, words: 0.0)
        var firstContent = Int.max
        var lastContent = -1
        for (index, block) in blocks.enumerated() {
            let (words, ownWords, wordLines) = measure(block, lines)
            if words > 0 && (ownWords > best.ownWords || ownWords == best.ownWords && words > best.words) {
                best = (ownWords, words)
                bestIndex = index
            }
            let isContent = wordLines > 0 && ownWords >= ownShare * words && words >= proseWords * Double(wordLines)
            if isContent {
                firstContent = min(firstContent, index)
                lastContent = max(lastContent, index)
            }
        }
        if let bestIndex {
            firstContent = min(firstContent, bestIndex)
            lastContent = max(lastContent, bestIndex)
        }
        guard lastContent >= 0 else { return keep }
        for block in blocks[firstContent...lastContent] {
            for index in block { keep[index] = true }
        }
        let content = blocks[firstContent].lowerBound..<blocks[lastContent].upperBound
        keepRepeatedTemplateLines(in: content, lines, written: written, &keep)
        // A line of symbols alone (no word, no number) inside the content is the content's: a scene break, a brace.
        for index in content where lines[index].isTemplate && lines[index].tokens == 0 { keep[index] = true }
        return keep
    }

    /// Keeps the template lines that `content` repeats written differently: one line once folded, but
    /// with other numbers or dates each time, they carry the content's own data (a docs page's "New in
    /// version 3.3." and "New in version 3.8."); a frame repeats its lines as they are ("Reply", "Share").
    private func keepRepeatedTemplateLines(
        in content: Range<Int>, _ lines: [Evidence], written: (Int) -> UInt64, _ keep: inout [Bool]
    ) {
        guard content.count(where: { lines[$0].isTemplate }) >= 2 else { return }
        var firstWritten: [UInt64: UInt64] = [:]
        var varied: Set<UInt64> = []
        for index in content where lines[index].isTemplate {
            let key = lines[index].key
            if let first = firstWritten[key] {
                if !varied.contains(key) && first != written(index) { varied.insert(key) }
            } else {
                firstWritten[key] = written(index)
            }
        }
        guard !varied.isEmpty else { return }
        for index in content where lines[index].isTemplate && varied.contains(lines[index].key) {
            keep[index] = true
        }
    }

    /// Runs of line indices between template lines.
    private func blocks(_ lines: [Evidence]) -> [Range<Int>] {
        var blocks: [Range<Int>] = []
        var start = 0
        for (index, line) in lines.enumerated() where line.isTemplate {
            if start < index { blocks.append(start..<index) }
            start = index + 1
        }
        if start < lines.count { blocks.append(start..<lines.count) }
        return blocks
    }

    /// Words of the block's lines that have letters, how many of them are the page's own (lines on
    /// two pages count half, repeated lines not at all), and how many such lines there are. Lines of
    /// numbers or symbols only ride along with their block.
    private func measure(_ block: Range<Int>, _ lines: [Evidence]) -> (words: Double, ownWords: Double, wordLines: Int) {
        var words = 0.0
        var ownWords = 0.0
        var wordLines = 0
        for index in block where lines[index].hasLetters {
            let line = lines[index]
            let lineWords = Double(max(1, line.tokens))
            words += lineWords
            wordLines += 1
            if line.pages <= 1 {
                ownWords += lineWords
            } else if line.pages < repeatPages {
                ownWords += lineWords / 2
            }
        }
        return (words, ownWords, wordLines)
    }
}
