/// A parsed page as a flat array of elements and text runs in document order, so that every
/// element's subtree is the contiguous range `index..<end` and no walk needs recursion (a page
/// nested 10,000 deep is as safe as a flat one). Dropped elements (scripts, styles, hidden
/// elements, form controls) are not in it.
struct PageTree: Equatable {
    /// Elements and text runs in document order; index 0 is the root element.
    var nodes: [PageNode] = []
    /// The UTF-8 bytes of every text run, back to back; a text node holds a range of it.
    var text: [UInt8] = []
    /// What the page says about itself: title, language, canonical URL, date.
    var metadata = PageMetadata()
    /// What the page's structured data says it is.
    var kind = PageKind()
    /// The product description its structured data states.
    var productDescription = ProductDescription()
}

/// One element or text run of a `PageTree`.
struct PageNode: Equatable {
    /// The element, or `.text` for a text run.
    var tag: HTMLTag
    /// What the element's tag, role and class/id say about it.
    var hint: ContentHint
    /// The enclosing element's index; -1 for the root.
    var parent: Int32
    /// One past the last node of this node's subtree.
    var end: Int32
    /// For a text run: its bytes in `PageTree.text`.
    var textStart: Int32
    var textEnd: Int32
}

/// What an element's tag, `role`, `class` and `id` say about whether it holds the main content.
struct ContentHint: Equatable {
    /// Positive for names such as "article" or "content", negative for "comment" or "share"
    /// (readability's class weight, in the same units).
    var weight: Int16 = 0
    /// Page chrome by its name or role alone (navigation, sidebars, share bars, cookie banners):
    /// left out of the main content wherever it sits.
    var isChrome = false
    /// Chrome only because its names say "comment": a comment section, or the posts of a forum
    /// thread, which are the page's content when the page has little else.
    var isComment = false
    /// Chrome only because its names say how it shows ("banner", "modal", "carousel"): themes name
    /// every hero section so, and such names are ignored when they would leave the page nearly empty.
    var isDisplay = false
    /// Chrome only because its names say it shows in turn ("carousel", "slideshow"): other stories or
    /// products, or the page's own testimonials, which hold paragraphs of prose.
    var isSlideshow = false
    /// Chrome only because its `role` is "tablist": a strip of tab labels, which holds no prose;
    /// themes give an accordion that role too, whose panels inside it are content.
    var isTabList = false
    /// The page's main landmark: `<main>` or `role="main"`.
    var isMain = false
    /// Marked as the article body (`itemprop="articleBody"` and the like).
    var isArticleBody = false
    /// Named as customer reviews ("reviews", "review-item"; not "preview"), fine print
    /// ("disclaimer") or text for screen readers ("visually-hidden"): chrome on a page that describes
    /// a product, whose content is the description and specifications (in an article, a disclaimer
    /// is the author's, and a hidden heading may be its own).
    var isProductChrome = false
    /// Named as a call to action ("cta" as a word: "donate-cta", "cta_box"): chrome when it
    /// closes the content, an appeal after the article; a page's sections are often named so too.
    var isCallToAction = false
    /// Named as a shop's purchase control ("add-to-cart", "buy-now"): the page sells a product.
    var isPurchase = false
    /// Named as a tab, accordion or FAQ panel ("tab-pane", "collapse", "faq", `role="tabpanel"`, or
    /// `role="region"`, ARIA's accordion panel), or labelled by a heading or button before it
    /// (`aria-labelledby`; a modal dialog is labelled by its own title, inside it): content even while hidden.
    var isFolded = false
    /// A segment that a streaming renderer sends after the page's shell (`<div hidden id="S:0">`),
    /// for a script to move into its place in the content.
    var isStreamed = false
    /// Not shown: `hidden` (but for a streamed segment, `id="S:0"`), `popover`, `aria-hidden`,
    /// `display: none`, or `<noscript>`. Such an element is still page text when it holds most of
    /// the page (server-rendered pages that scripts reveal, forums that serve crawlers a
    /// `<noscript>` copy).
    var isHidden = false
    /// A `<footer>`: it closes the page or the article it belongs to and never wraps their content,
    /// so it is chrome even when it holds most of the page's prose (fine print below a short article).
    var isFooter = false

    /// Marks the element as chrome, or as not chrome, for a reason that outranks its names (its tag,
    /// a marked article body): either way it is no longer chrome only as comments or by display.
    mutating func setChrome(_ chrome: Bool) {
        isChrome = chrome
        isFooter = false
        isComment = false
        isDisplay = false
        isSlideshow = false
        isTabList = false
    }
}
