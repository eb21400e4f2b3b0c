import Testing

@testable import Winnow

/// Class and id names to hints, through the cache that folds runs of digits.
@Suite struct ContentHintsTests {
    static func hint(_ names: String, isClass: Bool = true) -> ContentHint {
        var hints = ContentHints()
        return Array(names.utf8).withUnsafeBufferPointer { hints.hint(classAndID: $0, isClass: isClass) }
    }

    @Test func numberedNamesReadAsTheirWords() {
        #expect(Self.hint("widget sidebar-1234").marks.contains(.chrome))
        #expect(Self.hint("widget sidebar-99").marks.contains(.chrome))
        #expect(!Self.hint("post-1234 entry").marks.contains(.chrome))
        #expect(Self.hint("post-1234 entry").weight == Self.hint("post-77 entry").weight)
        // One instance, so the second name is answered from the cache of the first.
        var hints = ContentHints()
        let first = Array("comment-4711".utf8).withUnsafeBufferPointer { hints.hint(classAndID: $0, isClass: false) }
        let second = Array("comment-12".utf8).withUnsafeBufferPointer { hints.hint(classAndID: $0, isClass: false) }
        #expect(first.marks.contains(.comment) && first == second)
    }

    @Test func namesSharingAPageSlotKeepTheirOwnHints() {
        // Thousands of names on one page: many share a slot of the page's table, none takes another's hint.
        let words = ["sidebar", "entry", "comment", "share", "content", "menu", "article", "plain", "footer", "box"]
        var hints = ContentHints()
        for index in 0..<5000 {
            let names = "\(words[index % words.count])-x\(index) \(words[(index / 7) % words.count])"
            let onPage = Array(names.utf8).withUnsafeBufferPointer { hints.hint(classAndID: $0, isClass: true) }
            #expect(onPage == Self.hint(names), "\(names)")
        }
    }

    /// A paywall's prompt is chrome; a bare "paywall" marks the gated article text itself.
    @Test func aPaywallsPromptIsChromeButNotTheTextItGates() {
        for names in ["paywall-template-container", "paywall_header", "paywall-modal__content", "paywall-cta"] {
            #expect(Self.hint(names).marks.contains(.chrome), "\(names)")
            #expect(Self.hint(names, isClass: false).marks.contains(.chrome), "\(names)")
        }
        for names in ["paywall", "e714a7ab paywall", "ArticlePage-content paywall", "noticia-paywall1"] {
            #expect(!Self.hint(names).marks.contains(.chrome), "\(names)")
        }
    }

    @Test func aListedWordsOwnDigitIsNotFolded() {
        #expect(Self.hint("back2top").marks.contains(.chrome))
        #expect(!Self.hint("back3top").marks.contains(.chrome))
        #expect(!Self.hint("back22top").marks.contains(.chrome))
    }

    @Test func onlyWordsWithDigitsBetweenLettersCanBeListed() {
        #expect(ContentHints.digitsAreInside(Array("back2top".utf8)))
        #expect(ContentHints.digitsAreInside(Array("sidebar".utf8)))
        #expect(!ContentHints.digitsAreInside(Array("h1".utf8)))
        #expect(!ContentHints.digitsAreInside(Array("a22b".utf8)))
        #expect(ClassAndIDWords.all.words.allSatisfy { ContentHints.digitsAreInside(Array($0.utf8)) })
    }

    @Test func aRescueWordAfterAChromeWordInOneNameNamesTheChromesPart() {
        #expect(Self.hint("field--name-field-related-articles field__items").marks.contains(.chrome))
        #expect(Self.hint("footer-content").marks.contains(.chrome))
        #expect(Self.hint("taboola-below-article-thumbnails", isClass: false).marks.contains(.chrome))
        // In a name of its own, or before the chrome word, a rescue word still rescues.
        #expect(!Self.hint("main-content has-related").marks.contains(.chrome))
        #expect(!Self.hint("content-related").marks.contains(.chrome))
        // A layout with a sidebar names its content column after it.
        #expect(!Self.hint("sidebar-content").marks.contains(.chrome))
    }
}
