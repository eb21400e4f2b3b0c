import Testing

@testable import Winnow

/// A consent manager's banner, named so by its `id`, is chrome even when its purposes and vendors are
/// most of the page's prose: `most-of-page` does not take it for the content's wrapper.
@Suite struct ConsentBannerTests {
    static let purposes = (1...6).map {
        "<p>Purpose \($0): information about your activity on this service, such as the forms you submit and the "
            + "content you look at, can be stored in a profile and used to select advertising for you later.</p>"
    }.joined()
    static let post = "<p>Use the stream link in the first post; the recording goes up an hour after the show ends.</p>"

    @Test func aConsentDialogHoldingMostOfThePageStaysOut() {
        let html = "<body><div class=\"thread\">\(Self.post)</div><div id=\"onetrust-consent-sdk\">\(Self.purposes)</div></body>"
        let text = MainContentTests.mainText(html)
        #expect(text.contains("Use the stream link") && !text.contains("Purpose 1"), "\(text)")
    }

    @Test func aClassNamingConsentIsAPostsTagNotABanner() {
        // WordPress writes a post's tags as classes ("tag-consent"): most of the page, so its content.
        let html = "<body><div class=\"thread\">\(Self.post)</div><div class=\"tag-consent\">\(Self.purposes)</div></body>"
        #expect(MainContentTests.mainText(html).contains("Purpose 1"))
    }

    @Test func onlyAnIDMarksAConsentBanner() {
        #expect(ContentHintsTests.hint("onetrust-consent-sdk", isClass: false).marks.contains(.consent))
        #expect(ContentHintsTests.hint("gdpr-banner", isClass: false).marks.contains(.consent))
        #expect(!ContentHintsTests.hint("tag-consent").marks.contains(.consent))
        #expect(ContentHintsTests.hint("tag-consent").marks.contains(.chrome))
        #expect(!ContentHintsTests.hint("sidebar", isClass: false).marks.contains(.consent))
    }
}
