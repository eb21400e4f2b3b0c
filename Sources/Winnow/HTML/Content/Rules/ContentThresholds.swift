/// The numbers the content rules compare against, named once; each says which rule reads it.
enum ContentThresholds {
    /// `chrome-tags`, `content-tags`, `header-weight`: the weight a landmark tag adds or takes away.
    static let tagWeight: Int16 = 25
    /// Prose characters in one run of text that make a paragraph (`recommendation-headings`, `own-slideshows`).
    static let paragraphProse: Int32 = 100
    /// `accordions`: prose characters that make a tab list an accordion.
    static let accordionProse: Int32 = 200
    /// `own-slideshows`: prose characters in all of a slideshow of the page's own.
    static let slideshowProse: Int32 = 250
    /// `forum-comments`: a marked article body of this much prose is not a thread.
    static let forumArticleBodyProse: Int32 = 150
    /// `forum-comments`: the rest of the page with this much prose is an article of its own.
    static let forumOwnArticleProse: Int32 = 5000
    /// `display-names`: prose left beside the display-named elements under which their names are the theme's.
    static let displayKeptProse: Int32 = 1000
    /// `container-paragraphs`: characters right inside a container that make a paragraph of it.
    static let containerParagraphChars: Int32 = 150
    /// `teasers-stop-widening`, `widen-twice-the-prose`, `trailing-calls-to-action`, `orphaned-headings`:
    /// prose in the best element that makes it a long article.
    static let longArticleProse: Int32 = 1200
    /// `widen-weak-core`: prose under which the best element is a sentence or two.
    static let weakCoreProse: Int32 = 300
    /// `landmark-lists`: prose in the best element under which it may be the intro of a list.
    static let landmarkBestProse: Int32 = 2500
    /// `link-list-core`: share of link text above which an element is a list of links.
    static let linkListDensity = 0.35
    /// `scored-siblings`: the least score that lets a sibling join, and the share of the best score.
    static let siblingScoreFloor = 10.0
    static let siblingScoreShare = 0.2
    /// `prose-sections`: paragraphs of prose, and prose characters, that let a section before the content's
    /// wrapper join on its own (an article's opening split from its body by an ad's row).
    static let openingSectionParagraphs: Int32 = 2
    static let openingSectionProse: Int32 = 400
    /// `entry-lists`: `article` elements that make a list of entries.
    static let entryListArticles = 8
    /// `link-dense-blocks`: share of link text above which a container inside the content is dropped.
    static let linkDenseDensity = 0.5
    /// `colon-lists`: links that make a block after a colon a list, when no list, table or code does.
    static let colonListLinks = 2
    /// `read-more-paragraphs`: share of link text above which a paragraph is a pointer elsewhere.
    static let readMoreDensity = 0.8
    /// `requoted-blocks`: characters of a block that a quote must repeat.
    static let requotedChars: Int32 = 60
    /// `story-headings`: prose characters of the content before a heading that introduces other stories.
    static let storyHeadingProseBefore: Int32 = 200
    /// `story-headings`: characters of a heading introducing other stories, at most.
    static let storyHeadingChars: Int32 = 100
    /// `story-headings`: characters under which a paragraph all in bold is a heading.
    static let boldLineChars: Int32 = 80
    /// `lead-paragraphs`: characters of its own text that make a block before the content a lead.
    static let leadChars: Int32 = 80
    /// `lead-paragraphs`: characters of other text (a byline, a date) between a lead and the content, at most.
    static let leadGapChars: Int32 = 200
    /// `image-captions`: characters of text under an image, at most, that make its caption.
    static let captionChars: Int32 = 200
    /// `ad-labels`: characters of a block, at most, that may be an ad slot's label.
    static let adLabelChars: Int32 = 40
    /// `credit-lines`: characters of a block, at most, that may be a credit line ("Quelle: dpa").
    static let creditLineChars: Int32 = 150
    /// `control-labels`: characters of a block, at most, that may be a control's label ("Leave a Reply").
    static let controlLabelChars: Int32 = 40
    /// `repeated-sections`: blocks, and characters, that an element must hold to be read as a copied section.
    static let repeatedSectionBlocks = 2
    static let repeatedSectionChars: Int32 = 60
    /// `headline-kickers`: the first blocks of the content among which the headline is looked for.
    static let headlineBlocks = 4
    /// `headline-kickers`: letters and digits of a headline (and of the title it repeats), at least.
    static let headlineKeyChars = 15
    /// `headline-kickers`: characters of a line above the headline, at most, that may be a kicker.
    static let kickerChars = 30
    /// `headline-datelines`: blocks right below the headline that may be a date or a byline.
    static let datelineBlocks = 2
    /// `headline-datelines`: characters of a date line, and of a byline, at most; a date line over
    /// `sentenceDatelineChars` that opens with a date must not end as a sentence does.
    static let datelineChars = 80
    static let sentenceDatelineChars = 40
    static let bylineChars = 60
    /// `orphaned-labels`: characters of a block, at most, that may be the title of a box.
    static let orphanedLabelChars: Int32 = 40
    /// `orphaned-labels`: times the title's text that the box's left-out text must reach.
    static let orphanedLabelShare = 3
    /// `orphaned-labels`: links left out after the title, at least: a list of them.
    static let orphanedLabelLinks = 3
    /// `orphaned-labels`: levels of elements above the title looked at as its box, and their nodes at most.
    static let orphanedLabelLevels = 3
    static let orphanedLabelNodes = 4000
    /// `sign-up-boxes`: characters of kept text, at most, in the box around a form of fields only.
    static let signUpBoxChars: Int32 = 300
    /// `sign-up-boxes`: blocks of text, at most, in such a box (a heading and a line or two).
    static let signUpBoxBlocks = 3
    /// `sign-up-boxes`: nodes of an element, at most, read as such a box.
    static let signUpBoxNodes = 2000
}
