/// The catalogue of words that `ContentHints` looks for in `class` and `id` values, by what each list
/// marks; every group of words says where it comes from and why it is listed.
enum ClassAndIDWords {
    /// Where a group of words comes from: the software that writes them into pages, the extractor they
    /// were taken from, or plain English that any theme uses.
    enum Source: String, CaseIterable {
        /// Plain English words for page chrome or content, used by themes of every kind.
        case generic
        /// Mozilla's Readability.js, whose class-weight lists the scoring follows (the words are plain English).
        case readability
        /// The hAtom and h-entry microformats ("hentry", "entry-content"), which WordPress themes write.
        case microformats
        /// schema.org's property names, written as classes too ("articleBody").
        case schemaOrg
        /// The WordPress core and its default themes.
        case wordPress
        /// The Drupal core.
        case drupal
        /// The Bootstrap front-end framework.
        case bootstrap
        /// HTML5 Boilerplate's helper classes.
        case html5Boilerplate
        /// Tailwind CSS's typography plugin.
        case tailwind
        /// WAI-ARIA's role names, written as classes too ("tabpanel").
        case aria
        /// Google's ad serving: DoubleClick for Publishers and the Google Publisher Tag ("div-gpt-ad-…").
        case googleAds
        /// The Outbrain and Taboola recommendation widgets.
        case recommendationWidgets
        /// The Disqus comment embed.
        case disqus
        /// The phpBB forum software (its prosilver theme).
        case phpBB
        /// The vBulletin forum software.
        case vBulletin
        /// The XenForo forum software.
        case xenForo
        /// Invision Community ("ips…" classes).
        case invision
        /// The Discourse forum software.
        case discourse
        /// The Stack Exchange sites ("js-bottom-notice").
        case stackExchange
        /// Docutils, which writes the HTML of Sphinx and other reStructuredText sites.
        case docutils
    }

    /// Words of one source listed for one reason.
    struct Group {
        let source: Source
        /// Why the words are listed, in one line.
        let why: String
        let words: [String]

        init(_ source: Source, _ why: String, _ words: [String]) {
            self.source = source
            self.why = why
            self.words = words
        }
    }

    /// Chrome whatever else the names say (unless `rescue` words are there too).
    static let chrome: [Group] = [
        Group(
            .readability, "Readability's unlikely candidates: sidebars, footers, related links, sharing, pagination.",
            ["sidebar", "footer", "related", "social", "sponsor", "breadcrumb", "gdpr", "pagination", "pager"]),
        Group(.recommendationWidgets, "Other stories from a recommendation vendor.", ["outbrain", "taboola"]),
        Group(.bootstrap, "Bootstrap's navigation bar.", ["navbar"]),
        Group(.wordPress, "The link that skips to the content, for keyboards and screen readers.", ["skip-link"]),
        Group(
            .generic, "Sharing, sign-ups, cookie and consent banners, advertising, popular-story lists, print-only text.",
            [
                "side-bar", "share", "sharing", "newsletter", "cookie", "consent", "nav-bar", "recirc", "subscribe",
                "signup", "sign-up", "skiplink", "most-popular", "mostpopular", "trending", "advert", "masthead",
                "toolbar", "print-only",
            ]),
        Group(
            .generic, "A paywall's prompt and its parts (\"paywall-modal\", \"paywall_header\"); a bare \"paywall\" marks the gated text.",
            ["paywall-", "paywall_"]),
        Group(
            .generic, "A box about the writer after an article (photo, short bio, links to the writer's pages).",
            ["author-bio", "authorbio", "author-box", "authorbox", "about-author", "about-the-author", "aboutauthor"]),
        Group(
            .generic, "A shop's other products beside the one on the page.",
            [
                "recently-viewed", "recentlyviewed", "recently_viewed", "upsell", "up-sell", "cross-sell", "crosssell",
                "recommendation", "also-like", "alsolike",
            ]),
        Group(
            .generic, "A forum poster's counts and dates beside each post.",
            ["userextras", "userstats", "user-stats", "post-count", "postcount", "join-date", "joindate"]),
        Group(
            .phpBB, "A poster's profile beside each post, the back-to-top links, the button bar, the forum jump menu.",
            ["postprofile", "profile-rank", "profile-joined", "profile-posts", "back2top", "action-bar", "jumpbox"]),
        Group(.vBulletin, "The forum jump menu.", ["forumjump"]),
        Group(
            .xenForo, "A poster's title (\"message-userTitle\"; vBulletin's \"usertitle\") and banner, the reactions bar.",
            ["usertitle", "userbanner", "reactionsbar"]),
        Group(
            .generic, "A poster's title, a reactions bar, a button bar, back-to-top links.",
            ["user-title", "reactions-bar", "actionbar", "back-to-top"]),
        Group(.discourse, "A post's likes.", ["post-likes"]),
        Group(.invision, "A post's reactions (\"ipsReact_reactCount\" in \"ipsItemControls\").", ["reactcount", "itemcontrols"]),
        Group(.generic, "A post's reactions.", ["reactions"]),
        Group(.stackExchange, "The notice below a question that invites asking one (\"js-bottom-notice\").", ["bottom-notice"]),
    ]

    /// Chrome in a `class` only: as an `id` each is as often a heading's or an API entry's anchor
    /// ("the-signature-object", "FTP.login").
    static let classOnly: [Group] = [
        Group(.generic, "A forum poster's signature under each post (\"post-signature\", Invision's \"ipsSignature\").", ["signature"]),
        Group(.generic, "A login form (\"new-post-login\" under a thread's answer box).", ["login"]),
        Group(.generic, "A site's copyright notice, the last lines of its footer (\"copyright-wrapper\").", ["copyright"]),
    ]

    /// Chrome by the way it shows, which themes also use for every section of a page.
    static let displays: [Group] = [
        Group(.bootstrap, "Bootstrap's pop-up dialog.", ["modal"]),
        Group(
            .generic, "Banners, pop-ups, promotions, captions, galleries and lightboxes.",
            ["banner", "popup", "promo", "caption", "gallery", "lightbox"]),
    ]

    /// Chrome by the way it shows in turn: other stories or products, or the page's own testimonials.
    static let slides: [Group] = [
        Group(.bootstrap, "Bootstrap's slideshow.", ["carousel"]),
        Group(.generic, "A slideshow.", ["slideshow"]),
    ]

    /// Panels that a tab, an accordion or a FAQ shows: hidden until clicked, content all the same.
    static let folded: [Group] = [
        Group(.bootstrap, "Bootstrap's tab panes and collapsing panels.", ["tab-pane", "tab-content", "collapse", "accordion"]),
        Group(.aria, "ARIA's tab panel role, written as a class.", ["tabpanel"]),
        Group(.generic, "Tab panels and FAQ answers.", ["tabpane", "tab-panel", "faq"]),
    ]

    /// A shop's controls that buy the product of the page.
    static let purchase: [Group] = [
        Group(
            .generic, "Add-to-cart and buy-now buttons.",
            ["add-to-cart", "addtocart", "add_to_cart", "add-to-bag", "addtobag", "add-to-basket", "addtobasket", "buy-now", "buynow"])
    ]

    /// Chrome unless the page has little else: comment sections, forum posts.
    static let comments: [Group] = [
        Group(.generic, "Comment sections, and a forum thread's posts.", ["comment"]),
        Group(.disqus, "The Disqus comment embed (\"disqus_thread\").", ["disqus"]),
    ]

    /// The author's notes on the text, which belong to it even in an `aside` or when mostly links.
    static let notes: [Group] = [
        Group(.docutils, "Its footnotes and the list of them (\"footnote-list\", \"footnote brackets\").", ["footnote"]),
        Group(
            .docutils, "Its admonitions: notes, warnings and \"See also\" boxes (MkDocs and Docusaurus name theirs so too).",
            ["admonition"]),
    ]

    /// In an `id`, a consent manager's banner or dialog: chrome even when it holds most of the page's
    /// prose (a class may name a post's tag or category, "tag-consent", so only ids count).
    static let consent: [Group] = [
        Group(
            .generic, "A consent manager's banner or dialog (OneTrust's \"onetrust-consent-sdk\", a \"gdpr-banner\").", ["consent", "gdpr"])
    ]

    /// Words that rescue an element from `chrome`.
    static let rescue: [Group] = [
        Group(
            .readability, "Readability's \"maybe a candidate\": a block named as the content is not chrome.",
            ["article", "body", "column", "content", "main", "shadow"])
    ]

    /// Names that weigh an element down when content is scored.
    static let negative: [Group] = [
        Group(
            .readability, "Readability's negative class weight.",
            [
                "comment", "sidebar", "footer", "footnote", "related", "share", "sponsor", "promo", "banner", "combx",
                "contact", "masthead", "media", "meta", "outbrain", "scroll", "shoutbox", "skyscraper", "shopping",
                "widget", "tags", "tool", "hidden",
            ]),
        Group(
            .readability, "Readability's unlikely candidates, byline and extraneous words.",
            ["social", "header", "menu", "byline", "author", "login"]),
        Group(
            .generic, "Captions, navigation, teasers, newsletters and search boxes.", ["caption", "nav", "teaser", "newsletter", "search"]),
    ]

    /// Names that weigh an element up when content is scored.
    static let positive: [Group] = [
        Group(
            .readability, "Readability's positive class weight.",
            ["article", "body", "content", "entry", "main", "page", "post", "text", "blog", "story"]),
        Group(.microformats, "The hAtom and h-entry post microformats (readability weighs them up too).", ["hentry", "h-entry"]),
        Group(.tailwind, "Tailwind's typography class for long-form text.", ["prose"]),
        Group(.generic, "Rich-text fields of a page builder or CMS.", ["richtext", "rich-text"]),
    ]

    /// The article's body: never chrome, and first when scored.
    static let articleBody: [Group] = [
        Group(.schemaOrg, "schema.org's articleBody, written as a class.", ["articlebody", "article-body", "article_body"]),
        Group(.microformats, "hAtom's entry content, which WordPress themes write.", ["entry-content"]),
        Group(
            .generic, "A story's, post's or article's body.",
            ["story-body", "storybody", "post-body", "post-content", "article-content", "articlecontent", "story-content"]),
    ]

    /// Chrome on a product page: fine print, and text only for screen readers (labels such as
    /// "Regular price" beside what the page shows).
    static let productChrome: [Group] = [
        Group(.generic, "Fine print.", ["disclaimer"]),
        Group(
            .bootstrap, "Text for screen readers: Bootstrap 5 (Drupal's too), Bootstrap 3 and 4 (Tailwind's too).",
            ["visually-hidden", "sr-only"]),
        Group(.html5Boilerplate, "Text for screen readers.", ["visuallyhidden"]),
        Group(.wordPress, "Text for screen readers.", ["screen-reader-text"]),
    ]

    /// Whole words (split at anything but letters, digits and '-') that mark advertising.
    static let ads: [Group] = [
        Group(.generic, "Advertising slots.", ["ad", "ads", "adv", "advert", "advertisement", "ad-slot"]),
        Group(.googleAds, "Google's ad slots (\"div-gpt-ad-…\", \"dfp-ad\").", ["dfp", "gpt"]),
    ]

    /// "badge" or "badges", not "badged": a poster's rank, a shop's "Sale" label (Invision's "ipsBadge").
    static let badge = Group(.generic, "A poster's rank or a product's label: chrome.", ["badge"])

    /// "review" anywhere but in "preview": customer reviews, chrome on a product page.
    static let review = Group(.generic, "Customer reviews.", ["review"])

    /// "cta" as a word of its own ("newsletter-cta", "cta_box"), not inside "selectable".
    static let callToAction = Group(.generic, "A call to action: an appeal for donations or sign-ups.", ["cta"])

    /// Words that hold a chrome word but name something else, blanked out before matching.
    static let longerWords: [Group] = [
        Group(.drupal, "A node shown on the front page (\"node--promoted\"), not a \"promo\".", ["promoted"])
    ]

    /// Every group of the catalogue, for listing and checking it.
    static let all: [Group] =
        chrome + classOnly + displays + slides + folded + purchase + comments + consent + notes + rescue + negative + positive
        + articleBody + productChrome + ads + [badge, review, callToAction] + longerWords
}

extension [ClassAndIDWords.Group] {
    /// The words of every group, in order.
    var words: [String] { flatMap(\.words) }
}
