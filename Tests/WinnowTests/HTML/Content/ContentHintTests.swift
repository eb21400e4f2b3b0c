import Testing
import WinnowTestSupport

@testable import Winnow

/// Hints combine as sets: an element is chrome of one kind only when nothing else makes it chrome.
@Suite struct ContentHintTests {
    @Test func aHintTakesFourBytes() {
        #expect(MemoryLayout<ContentHint>.size == 4)
    }

    @Test func chromeOfOneKindStaysSoOnlyWhenNothingElseIsChrome() {
        var comments = ContentHint(weight: -25, marks: [.chrome, .comment])
        comments.add(ContentHint(weight: 25, marks: .main))
        #expect(comments == ContentHint(weight: 0, marks: [.chrome, .comment, .main]))
        comments.add(ContentHint(marks: .chrome))
        #expect(comments.marks == [.chrome, .main])
    }

    @Test func kindsOfChromeOnBothSidesMeet() {
        var slides = ContentHint(marks: [.chrome, .display, .slideshow])
        slides.add(ContentHint(marks: [.chrome, .display]))
        #expect(slides.marks == [.chrome, .display])
    }

    @Test func hiddenStreamedAndFooterComeFromTheElementNotItsNames() {
        var hint = ContentHint(marks: .hidden)
        hint.add(ContentHint(marks: [.streamed, .footer, .purchase]))
        #expect(hint.marks == [.hidden, .purchase])
    }

    @Test func settingChromeClearsItsKinds() {
        var hint = ContentHint(marks: [.chrome, .comment, .footer, .folded])
        hint.setChrome(false)
        #expect(hint.marks == .folded)
        hint.setChrome(true)
        #expect(hint.marks == [.chrome, .folded])
    }
}
