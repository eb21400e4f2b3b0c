/// What an element's tag, `role`, `class` and `id` say about whether it holds the main content: a
/// weight and a set of marks, four bytes per node, so that hints combine and test as sets.
struct ContentHint: Equatable {
    /// Positive for names such as "article" or "content", negative for "comment" or "share"
    /// (readability's class weight, in the same units).
    var weight: Int16 = 0
    /// What the element is marked as.
    var marks: Marks = []

    /// The marks an element's tag and attributes give it.
    struct Marks: OptionSet, Equatable {
        let rawValue: UInt16

        /// Page chrome by its name or role alone (navigation, sidebars, share bars, cookie banners):
        /// left out of the main content wherever it sits.
        static let chrome = Marks(rawValue: 1 << 0)
        /// Chrome only because its names say "comment": a comment section, or the posts of a forum
        /// thread, which are the page's content when the page has little else.
        static let comment = Marks(rawValue: 1 << 1)
        /// Chrome only because its names say how it shows ("banner", "modal", "carousel"): themes name
        /// every hero section so, and such names are ignored when they would leave the page nearly empty.
        static let display = Marks(rawValue: 1 << 2)
        /// Chrome only because its names say it shows in turn ("carousel", "slideshow"): other stories or
        /// products, or the page's own testimonials, which hold paragraphs of prose.
        static let slideshow = Marks(rawValue: 1 << 3)
        /// Chrome only because its `role` is "tablist": a strip of tab labels, which holds no prose;
        /// themes give an accordion that role too, whose panels inside it are content.
        static let tabList = Marks(rawValue: 1 << 4)
        /// The page's main landmark: `<main>` or `role="main"`.
        static let main = Marks(rawValue: 1 << 5)
        /// Marked as the article body (`itemprop="articleBody"` and the like).
        static let articleBody = Marks(rawValue: 1 << 6)
        /// Named as customer reviews ("reviews", "review-item"; not "preview"), fine print
        /// ("disclaimer") or text for screen readers ("visually-hidden"): chrome on a page that describes
        /// a product, whose content is the description and specifications (in an article, a disclaimer
        /// is the author's, and a hidden heading may be its own).
        static let productChrome = Marks(rawValue: 1 << 7)
        /// Named as a call to action ("cta" as a word: "donate-cta", "cta_box"): chrome when it
        /// closes the content, an appeal after the article; a page's sections are often named so too.
        static let callToAction = Marks(rawValue: 1 << 8)
        /// Named as a shop's purchase control ("add-to-cart", "buy-now"): the page sells a product.
        static let purchase = Marks(rawValue: 1 << 9)
        /// Named as a tab, accordion or FAQ panel ("tab-pane", "collapse", "faq", `role="tabpanel"`, or
        /// `role="region"`, ARIA's accordion panel), or labelled by a heading or button before it
        /// (`aria-labelledby`; a modal dialog is labelled by its own title, inside it): content even while hidden.
        static let folded = Marks(rawValue: 1 << 10)
        /// A segment that a streaming renderer sends after the page's shell (`<div hidden id="S:0">`),
        /// for a script to move into its place in the content.
        static let streamed = Marks(rawValue: 1 << 11)
        /// Not shown: `hidden` (but for a streamed segment, `id="S:0"`), `popover`, `aria-hidden`,
        /// `display: none`, or `<noscript>`. Such an element is still page text when it holds most of
        /// the page (server-rendered pages that scripts reveal, forums that serve crawlers a
        /// `<noscript>` copy).
        static let hidden = Marks(rawValue: 1 << 12)
        /// A `<footer>`: it closes the page or the article it belongs to and never wraps their content,
        /// so it is chrome even when it holds most of the page's prose (fine print below a short article).
        static let footer = Marks(rawValue: 1 << 13)
        /// Chrome whose `id` names a consent manager's banner or dialog ("onetrust-consent-sdk"): it never
        /// wraps the content, even when its purposes and vendors are most of the page's prose.
        static let consent = Marks(rawValue: 1 << 14)
        /// Named as the author's note on the text, a footnote or an admonition ("footnote-list",
        /// "admonition seealso"), or given a footnote's role (`doc-footnote`): it belongs to that text.
        static let note = Marks(rawValue: 1 << 15)

        /// The kinds of chrome that later rules may overrule: chrome only as comments, by display, as a
        /// slideshow or as a tab list.
        static let chromeKinds: Marks = [.comment, .display, .slideshow, .tabList]
        /// What one attribute adds to what the others said (`ContentHint.add`); the kinds of chrome
        /// combine apart, and hidden, streamed and footer come from the element, not its names.
        static let additive: Marks = [
            .chrome, .productChrome, .callToAction, .purchase, .folded, .articleBody, .main, .consent, .note,
        ]
    }

    /// Marks the element as chrome, or as not chrome, for a reason that outranks its names (its tag,
    /// a marked article body): either way it is no longer chrome only of one kind.
    mutating func setChrome(_ chrome: Bool) {
        marks.subtract(Marks.chromeKinds.union(.footer))
        if chrome { marks.insert(.chrome) } else { marks.remove(.chrome) }
    }

    /// Adds what another attribute says; an element is chrome only of one kind (only as comments, say)
    /// when nothing else makes it chrome.
    mutating func add(_ other: ContentHint) {
        let kinds = marks.allowedChromeKinds.intersection(other.marks.allowedChromeKinds)
            .intersection(marks.union(other.marks))
        marks = marks.subtracting(.chromeKinds).union(kinds).union(other.marks.intersection(.additive))
        weight += other.weight
    }
}

extension ContentHint.Marks {
    /// The kinds of chrome these marks leave possible: all of them when not chrome, else only those marked.
    fileprivate var allowedChromeKinds: ContentHint.Marks {
        contains(.chrome) ? intersection(.chromeKinds) : .chromeKinds
    }
}
