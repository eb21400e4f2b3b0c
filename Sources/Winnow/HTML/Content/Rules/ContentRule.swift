/// One named rule of the main-content decision: where the tree is built (hints), where blocks are
/// left out (`BlockStats`) and where the content is chosen (`MainContent`). Each can be switched off.
public enum ContentRule: Int, CaseIterable, Sendable {
    // Hints read while the tree is built.
    case hiddenElements, noscript, foldedPanels, streamedSegments, classAndIDWords, ariaRoles, chromeTags
    case contentTags, headerWeight, pageWideNames, articleBodyMarkup, codeClassNames, permalinkSections, permalinkMarks
    case footnotes, gluedCopies
    // Blocks left out before scoring.
    case placeholderFiller, mostOfPage, productChrome, chromeHeadings, recommendationHeadings, accordions
    case ownSlideshows, forumComments, displayNames
    // Choosing and widening the content.
    case containerParagraphs, linkDensityPenalty, widenTwiceTheProse, widenRestOfArticle, widenWeakCore
    case teasersStopWidening, landmarkLists, linkListCore, scoredSiblings, teaserSiblings, proseSiblings
    case entryLists, proseSections, linkDenseBlocks, admonitions, readMoreParagraphs, colonLists
    case trailingCallsToAction, requotedBlocks, orphanedHeadings, structuredDescription, storyHeadings
    case storyLinks, leadParagraphs, listItems, imageCaptions, adLabels, creditLines, controlLabels, articleDescriptions
    case repeatedSections, headlineKickers, headlineDatelines, orphanedLabels, signUpBoxes

    /// The rule's name in `disabled_rules`, `--explain` and `docs/rules.md`.
    public var name: String {
        switch self {
        case .hiddenElements: "hidden-elements"
        case .noscript: "noscript"
        case .foldedPanels: "folded-panels"
        case .streamedSegments: "streamed-segments"
        case .classAndIDWords: "class-and-id-words"
        case .ariaRoles: "aria-roles"
        case .chromeTags: "chrome-tags"
        case .contentTags: "content-tags"
        case .headerWeight: "header-weight"
        case .pageWideNames: "page-wide-names"
        case .articleBodyMarkup: "article-body-markup"
        case .codeClassNames: "code-class-names"
        case .permalinkSections: "permalink-sections"
        case .permalinkMarks: "permalink-marks"
        case .footnotes: "footnotes"
        case .gluedCopies: "glued-copies"
        case .placeholderFiller: "placeholder-filler"
        case .mostOfPage: "most-of-page"
        case .productChrome: "product-chrome"
        case .chromeHeadings: "chrome-headings"
        case .recommendationHeadings: "recommendation-headings"
        case .accordions: "accordions"
        case .ownSlideshows: "own-slideshows"
        case .forumComments: "forum-comments"
        case .displayNames: "display-names"
        case .containerParagraphs: "container-paragraphs"
        case .linkDensityPenalty: "link-density-penalty"
        case .widenTwiceTheProse: "widen-twice-the-prose"
        case .widenRestOfArticle: "widen-rest-of-article"
        case .widenWeakCore: "widen-weak-core"
        case .teasersStopWidening: "teasers-stop-widening"
        case .landmarkLists: "landmark-lists"
        case .linkListCore: "link-list-core"
        case .scoredSiblings: "scored-siblings"
        case .teaserSiblings: "teaser-siblings"
        case .proseSiblings: "prose-siblings"
        case .entryLists: "entry-lists"
        case .proseSections: "prose-sections"
        case .linkDenseBlocks: "link-dense-blocks"
        case .admonitions: "admonitions"
        case .readMoreParagraphs: "read-more-paragraphs"
        case .colonLists: "colon-lists"
        case .trailingCallsToAction: "trailing-calls-to-action"
        case .requotedBlocks: "requoted-blocks"
        case .orphanedHeadings: "orphaned-headings"
        case .structuredDescription: "structured-description"
        case .storyHeadings: "story-headings"
        case .storyLinks: "story-links"
        case .leadParagraphs: "lead-paragraphs"
        case .listItems: "list-items"
        case .imageCaptions: "image-captions"
        case .adLabels: "ad-labels"
        case .creditLines: "credit-lines"
        case .controlLabels: "control-labels"
        case .articleDescriptions: "article-descriptions"
        case .repeatedSections: "repeated-sections"
        case .headlineKickers: "headline-kickers"
        case .headlineDatelines: "headline-datelines"
        case .orphanedLabels: "orphaned-labels"
        case .signUpBoxes: "sign-up-boxes"
        }
    }

    /// Why the rule exists, in one line.
    public var why: String {
        switch self {
        case .hiddenElements:
            "An element hidden by style, `hidden`, `popover` or `aria-hidden` is not shown to readers."
        case .noscript: "`<noscript>` text is for browsers without scripts: the page's own copy of something else."
        case .foldedPanels:
            "A hidden panel labelled by an earlier heading or button is an accordion's or a tab's: content, only folded."
        case .streamedSegments:
            "A hidden `S:` segment of a streaming renderer is content that scripts move into place: shown and joined."
        case .classAndIDWords: "Class and id words (the catalogue in `ClassAndIDWords`) name chrome, comments and content."
        case .ariaRoles: "ARIA roles (navigation, banner, contentinfo, main ...) say what a block is."
        case .chromeTags: "`nav`, `aside`, `footer`, `search`, `figcaption` and `label` hold chrome, not content."
        case .contentTags: "`article` and `main` hold content; `main` is the landmark the author drew around it."
        case .headerWeight: "A `header` is weighed down: it holds mastheads and bylines more than text."
        case .pageWideNames: "Class names on `html`, `body` and `head` describe the whole page, not a block of it."
        case .articleBodyMarkup: "`itemprop=articleBody` marks the article's body: never chrome, and first when scored."
        case .codeClassNames: "Inside `pre` and `code`, class names are a syntax highlighter's tokens, not chrome."
        case .permalinkSections:
            "A section whose heading links to it (a permalink) is content even when its id reads like chrome."
        case .permalinkMarks:
            "A heading's or term's link after its text, to an anchor already on the page, showing one mark (¶, #) is its permalink: not text."
        case .footnotes:
            "An `aside` of footnotes (named so, or `role=doc-footnote`) belongs to the text it annotates: not chrome by its tag."
        case .gluedCopies:
            "An inline element repeating the text right before it, glued to it (\"EUR 9.99EUR 9.99\"), is a screen reader's or hidden copy: dropped."
        case .placeholderFiller:
            "Template filler (Lorem ipsum) is left out beside a paragraph of the page's own, never on a page of only filler."
        case .mostOfPage:
            "An element named like chrome that holds more than half the page's prose wraps the content (not a footer, nor a consent banner)."
        case .productChrome: "On a product page, customer reviews and fine print are chrome: the content is the description."
        case .chromeHeadings:
            "A block opened by a heading named like chrome (\"related-posts-title\") is that chrome; a link's headline titles an item."
        case .recommendationHeadings:
            "A block opened by a heading introducing other products (\"You may also like\") is a list of them."
        case .accordions: "A tab list with a paragraph's worth of prose is an accordion whose panels are content."
        case .ownSlideshows: "A slideshow of paragraphs outside a product page shows the page's own testimonials."
        case .forumComments:
            "Comments with nearly all the prose, no marked article body and no long article: a forum thread's posts."
        case .displayNames:
            "Elements named for how they show (\"banner\") with twice the rest's prose are the theme's sections, not chrome."
        case .containerParagraphs:
            "A paragraph's worth of text right inside a container is a paragraph of that container (readability's <p>)."
        case .linkDensityPenalty: "A candidate's score shrinks with its share of link text (readability)."
        case .widenTwiceTheProse:
            "An ancestor with twice the prose, not mostly links, holds the other sections or items of the page."
        case .widenRestOfArticle: "An ancestor adding a quarter more prose in paragraphs holds the rest of an article split by an ad."
        case .widenWeakCore: "From a best element of a sentence or two, an ancestor with three times its text is nearer the content."
        case .teasersStopWidening: "Around a long article, what adds as many link headlines as paragraphs is teasers: no widening."
        case .landmarkLists:
            "A best element of little prose inside a main landmark with much more text: the landmark's list is the content."
        case .linkListCore: "Content that is mostly links (a table of contents, an index) is its list: kept whole."
        case .scoredSiblings: "A sibling of the content that scores a fifth of the best element's score joins it (readability)."
        case .teaserSiblings: "A sibling of three link headlines and no paragraph is teasers: it does not join."
        case .proseSiblings: "A sibling paragraph that reads as prose (few links, or a sentence) joins the content."
        case .entryLists: "A sibling holding eight or more `article` entries (a blog index) joins, kept whole."
        case .proseSections:
            "Sections beside the content's wrapper that are prose join when they hold half its prose; before it, two paragraphs are the article's opening."
        case .linkDenseBlocks: "A container inside the content whose text is mostly links is a menu or teaser list: dropped."
        case .admonitions:
            "An admonition (docutils' and MkDocs' note and \"See also\" boxes) is the author's note, not a menu or a pointer elsewhere."
        case .readMoreParagraphs: "A paragraph that is all but a link points elsewhere (\"Read more: ...\"): dropped."
        case .colonLists: "A list of links after the content's own text ending in a colon is what the article lists: kept (not one link)."
        case .trailingCallsToAction: "A call to action or a form closing a long article (a donation appeal) is dropped."
        case .requotedBlocks: "A quote repeating an earlier block of the thread (or a product text laid out twice) is dropped."
        case .orphanedHeadings: "A heading after a long article whose section was left out is dropped."
        case .structuredDescription: "A product description that the page states only in its structured data is added."
        case .storyHeadings:
            "A heading introducing other stories (\"Related articles\", \"Weitere Artikel\") after the article: it and its teasers are dropped."
        case .storyLinks: "A paragraph of a phrase introducing another story and a link (\"Read also: <a>…</a>\") is dropped."
        case .leadParagraphs:
            "A paragraph of prose between the headline and the content's element is the article's lead (a standfirst): it joins."
        case .listItems:
            "An item of a list or table that is not mostly links is an entry (an ingredient with a link), not a menu: kept."
        case .imageCaptions:
            "A line of text under an image, in the image's own box, is its caption or credit (a figure without `figcaption`): dropped."
        case .adLabels:
            "A block that only says \"Advertisement\" (\"Anzeige\", \"Publicidad\") labels an ad slot whose ad is gone: dropped."
        case .creditLines:
            "A short line that credits a source or a picture (\"Quelle: dpa\", \"Foto: …\", \"Źródło: PAP\") is not the text: dropped."
        case .controlLabels:
            "A block that only says what a control does (\"3 Comments\", \"Share this article\", \"Drucken\") labels a button or a form left out: dropped."
        case .articleDescriptions:
            "The `itemprop=description` of the item whose `articleBody` is the content is the article's lead: it joins."
        case .repeatedSections:
            "A section whose blocks repeat an earlier section's word for word is the same text laid out twice: the copy is dropped."
        case .headlineKickers:
            "A short line right above the headline (a section's name, a date) places the page on the site: dropped."
        case .headlineDatelines:
            "A line right below the headline that is only a date or a byline says when and by whom, not what: dropped."
        case .orphanedLabels:
            "The title of a box whose links were left out (\"Table of Contents\" above a `nav`, \"Tags\") titles nothing: dropped."
        case .signUpBoxes:
            "The short box around a form of fields only, inside an article (\"Join our newsletter\"), asks for a sign-up: dropped."
        }
    }

    /// The rule named `name`, if any.
    public init?(name: String) {
        guard let rule = Self.allCases.first(where: { $0.name == name }) else { return nil }
        self = rule
    }
}
