import Testing
import WinnowTestSupport

@testable import Winnow

@Suite struct TextDiffTests {
    /// Each side's runs put back together are that side's text, exactly.
    func expectRebuilds(_ diff: TextDiff, _ left: String, _ right: String, _ note: Comment? = nil) {
        #expect(diff.left.joined() == left, note)
        #expect(diff.right.joined() == right, note)
    }

    func own(_ runs: [String]) -> [String] {
        runs.enumerated().filter { $0.offset % 2 == 1 }.map(\.element)
    }

    @Test func identicalTextsShareEverything() {
        let text = "The same story.\n\nTwo paragraphs long."
        let diff = TextDiff(text, text)
        #expect(diff.left == [text] && diff.right == [text])
        #expect(diff.aligned)
    }

    @Test func anEditedWordIsTheOnlyChange() {
        let left = "Police said on Monday that the road was closed."
        let right = "Police said on Tuesday that the road was closed."
        let diff = TextDiff(left, right)
        expectRebuilds(diff, left, right)
        #expect(own(diff.left) == ["Monday "])
        #expect(own(diff.right) == ["Tuesday "])
    }

    @Test func insertionsAndDeletionsAtTheEdges() {
        let left = "Breaking: the council voted to close the library."
        let right = "the council voted to close the library. Read more at our site"
        let diff = TextDiff(left, right)
        expectRebuilds(diff, left, right)
        #expect(own(diff.left) == ["Breaking: "])
        #expect(own(diff.right).joined() == "Read more at our site")
    }

    /// In a script written without spaces each character is a word, so an edited phrase is the
    /// change, not the whole sentence around it.
    @Test func anEditedPhraseInAnUnspacedScriptIsTheOnlyChange() {
        let left = "专家表示，经济运行总体平稳。Winnow 测试"
        let right = "分析人士认为，经济运行总体平稳。Winnow 测试"
        let diff = TextDiff(left, right)
        expectRebuilds(diff, left, right)
        #expect(own(diff.left).joined() == "专家表示")
        #expect(own(diff.right).joined() == "分析人士认为")
        let japanese = TextDiff("今後の見通しについて、専門家は慎重です。", "今後の見通しについて、アナリストは慎重です。")
        #expect(own(japanese.left).joined() == "専門家" && own(japanese.right).joined() == "アナリスト")
    }

    @Test func spacingIsNotAChange() {
        let diff = TextDiff("one two\nthree", "one  two three")
        #expect(own(diff.left).allSatisfy(\.isEmpty) && own(diff.right).allSatisfy(\.isEmpty))
        expectRebuilds(diff, "one two\nthree", "one  two three")
    }

    @Test func textsTooDifferentAreShownWhole() {
        let left = (0..<300).map { "a\($0)" }.joined(separator: " ")
        let right = (0..<300).map { "b\($0)" }.joined(separator: " ")
        let diff = TextDiff(left, right, maxEdits: 100)
        #expect(!diff.aligned)
        #expect(diff.left == ["", left] && diff.right == ["", right])
    }

    @Test func emptySides() {
        expectRebuilds(TextDiff("", "new words"), "", "new words")
        expectRebuilds(TextDiff("old words", ""), "old words", "")
        #expect(TextDiff("", "").left == [""])
    }

    /// The script is a shortest one: the shared words are a longest common subsequence, checked
    /// against dynamic programming on random word sequences.
    @Test func sharedWordsAreALongestCommonSubsequence() {
        var generator = SeededRandom.forTest(0x6469_6666)
        for _ in 0..<200 {
            let a = (0..<Int.random(in: 0...25, using: &generator)).map { _ in "w\(Int.random(in: 0...5, using: &generator))" }
            let b = (0..<Int.random(in: 0...25, using: &generator)).map { _ in "w\(Int.random(in: 0...5, using: &generator))" }
            let left = a.joined(separator: " "), right = b.joined(separator: " ")
            let diff = TextDiff(left, right)
            expectRebuilds(diff, left, right, "\(SeededRandom.replay)")
            let shared = diff.left.enumerated().filter { $0.offset % 2 == 0 }
                .reduce(0) { $0 + $1.element.split(separator: " ").count }
            #expect(shared == Self.lcs(a, b), "\(a) vs \(b) (\(SeededRandom.replay))")
        }
    }

    static func lcs(_ a: [String], _ b: [String]) -> Int {
        var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                table[i][j] = a[i] == b[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
            }
        }
        return table[0][0]
    }
}
