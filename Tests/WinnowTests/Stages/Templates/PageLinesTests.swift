import Testing
import WinnowTestSupport

@testable import Winnow

@Suite struct PageLinesTests {
    /// Each key once, in the order of its first line, whatever the keys' low bits or how many lines.
    @Test(arguments: [3, 40, 700]) func distinctKeysAreTheFirstOfEachKey(lineCount: Int) {
        var random = SeededRandom.forTest(0xD15 &+ UInt64(lineCount))
        // Key 0, keys that share their low bits, and random ones, each repeated now and then.
        let pool: [UInt64] =
            [0, 16, 32, 1 << 40] + (0..<lineCount).map { _ in UInt64.random(in: 0...UInt64.max, using: &random) }
        let keys = (0..<lineCount).map { _ in pool[Int.random(in: 0..<Swift.min(pool.count, lineCount / 2 + 2), using: &random)] }
        let page = PageLines(
            lines: keys.enumerated().map { number, key in
                PageLines.Line(
                    start: 0, end: 1, number: number, folded: LineFolder.FoldedLine(key: key, tokens: 1, hasLetters: true))
            })
        var seen: Set<UInt64> = []
        #expect(page.distinctKeys == keys.filter { seen.insert($0).inserted }, "\(SeededRandom.replay)")
    }
}
