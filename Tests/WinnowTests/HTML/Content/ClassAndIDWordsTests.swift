import Testing
import WinnowTestSupport

@testable import Winnow

/// The catalogue of class and id words: every group says where it comes from and why, and every word
/// is one that `ContentHints` can match.
@Suite struct ClassAndIDWordsTests {
    @Test func everyGroupSaysWhyInOneLine() {
        for group in ClassAndIDWords.all {
            #expect(!group.words.isEmpty)
            #expect(group.why.hasSuffix(".") && !group.why.contains("\n"), "\(group.words)")
        }
    }

    @Test func everySourceHasWords() {
        let used = Set(ClassAndIDWords.all.map(\.source))
        #expect(ClassAndIDWords.Source.allCases.allSatisfy(used.contains))
    }

    /// Names are lower-cased before they are matched, and a match needs two bytes.
    @Test func wordsAreLowerCaseASCIIOfTwoBytesOrMore() {
        for word in ClassAndIDWords.all.words {
            #expect(word.utf8.count >= 2 && word.utf8.allSatisfy { $0 < 0x80 && ASCIIByte.lowercased($0) == $0 }, "\(word)")
        }
    }

    @Test func noListHoldsAWordTwice() {
        let lists: [[ClassAndIDWords.Group]] = [
            ClassAndIDWords.chrome, ClassAndIDWords.classOnly, ClassAndIDWords.displays, ClassAndIDWords.slides,
            ClassAndIDWords.folded, ClassAndIDWords.purchase, ClassAndIDWords.comments, ClassAndIDWords.consent, ClassAndIDWords.notes,
            ClassAndIDWords.rescue,
            ClassAndIDWords.negative, ClassAndIDWords.positive, ClassAndIDWords.articleBody,
            ClassAndIDWords.productChrome, ClassAndIDWords.ads, ClassAndIDWords.longerWords,
        ]
        for list in lists {
            #expect(Set(list.words).count == list.words.count, "\(list.words)")
        }
    }
}
