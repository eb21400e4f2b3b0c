import Testing
import WinnowTestSupport

@testable import Winnow

/// Main-content extraction on pages built to show one rule each.
@Suite struct MainContentTests {
    static func mainText(_ html: String, _ configure: (inout HTMLExtractor.Settings) -> Void = { _ in }) -> String {
        var settings = HTMLExtractor.Settings()
        configure(&settings)
        guard case .text(let text, _, _) = HTMLExtractor(settings: settings).extract(.text(html)) else { return "<refused>" }
        return text
    }

    static let article = """
        <p>The council approved the new budget on Tuesday, after a long debate about schools, roads and the \
        library, which had been closed since the spring floods.</p>
        <p>Members said the plan, which raises spending by four percent, would be reviewed again in March, \
        when the auditors report on last year's accounts.</p>
        <p>Residents can read the full budget at the town hall, or online, from next week.</p>
        """

    static let page = """
        <html><head><title>Budget approved - Town News</title><meta property="og:title" content="Budget approved">
        <link rel="canonical" href="https://news.example/budget"><meta property="article:published_time" content="2024-03-05T10:00:00Z">
        </head><body class="single-post has-sidebar">
        <header><nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li></ul></nav></header>
        <div class="cookie-banner">We use cookies to improve your experience, and by staying you agree to that.</div>
        <main><article><h1>Budget approved</h1><div class="byline">By Ann Reporter</div>
        <div class="article-body">\(article)
        <div class="share-tools"><a href="#">Share on Facebook</a> <a href="#">Share on X</a></div></div>
        <ul class="related"><li><a href="/a">Another story about the council and its many meetings</a></li>
        <li><a href="/b">A second story that readers also liked a great deal</a></li></ul>
        </article></main>
        <aside class="sidebar"><h3>Most read</h3><p>A sidebar paragraph that is long enough to look like prose, with commas, and words.</p></aside>
        <footer><p>Copyright 2024 Town News, all rights reserved, 1 Main Street.</p></footer>
        </body></html>
        """

    @Test func keepsTheArticleAndDropsTheChrome() {
        let text = Self.mainText(Self.page)
        #expect(text.hasPrefix("The council approved the new budget"), "\(text)")
        #expect(text.hasSuffix("from next week."), "\(text)")
        for chrome in ["Home", "cookies", "By Ann Reporter", "Share on", "Another story", "sidebar paragraph", "Copyright"] {
            #expect(!text.contains(chrome), "\(chrome) in \(text)")
        }
    }

    @Test func allTextKeepsEverythingVisible() {
        let text = Self.mainText(Self.page) { $0.mainContent = false }
        #expect(text.contains("Home") && text.contains("Copyright") && text.contains("The council approved"))
    }

    @Test func titleOption() {
        #expect(Self.mainText(Self.page) { $0.title = true }.hasPrefix("Budget approved\n\nThe council"))
    }

    @Test func tablesOption() {
        let html = "<article>\(Self.article)<table><tr><td>Schools</td><td>4.1m</td></tr></table></article>"
        #expect(Self.mainText(html).contains("Schools 4.1m"))
        #expect(!Self.mainText(html) { $0.tables = false }.contains("Schools"))
        let nested =
            "<article>\(Self.article)<table><tr><td><table><tr><td><table><tr><td>Inner</td></tr></table></td></tr></table>"
            + "Outer</td></tr></table><table><tr><td>Next</td></tr></table><p>After the tables.</p></article>"
        let text = Self.mainText(nested) { $0.tables = false }
        #expect(
            !text.contains("Inner") && !text.contains("Outer") && !text.contains("Next") && text.contains("After the tables."), "\(text)")
    }

    @Test func metadata() {
        guard case .text(_, let metadata, let encoding) = HTMLExtractor().extract(.text("<html lang=\"en-GB\">" + Self.page.dropFirst(6)))
        else {
            Issue.record("refused")
            return
        }
        #expect(metadata.title == "Budget approved")
        #expect(metadata.language == "en-GB")
        #expect(metadata.canonicalURL == "https://news.example/budget")
        #expect(metadata.published == "2024-03-05T10:00:00Z")
        #expect(encoding == "utf-8")
    }

    @Test func aWrapperNamedLikeChromeIsNotChromeWhenItHoldsTheArticle() {
        let html = "<body><div class=\"advertisement-off-canvas-pusher\"><div class=\"content\">\(Self.article)</div></div></body>"
        #expect(Self.mainText(html).hasPrefix("The council approved"))
    }

    @Test func contentThatScriptsRevealStillCounts() {
        let html = "<body><div id=\"root\"></div><noscript><div>\(Self.article)</div></noscript></body>"
        #expect(Self.mainText(html).hasPrefix("The council approved"))
    }

    /// A section nested the way page builders nest it: section, container, row, column, widget.
    static func builderSection(_ heading: String, _ text: String) -> String {
        "<section><div class=\"container\"><div class=\"row\"><div class=\"column\"><div class=\"widget\">"
            + "<h2>\(heading)</h2><p>\(text)</p></div></div></div></div></section>"
    }

    @Test func aPageOfSeveralSectionsKeepsThemAll() {
        let html =
            "<body><nav><a href=\"/\">Home</a> <a href=\"/about\">About</a></nav><main>"
            + Self.builderSection(
                "Our kitchen", "We cook every meal from fresh, local produce, delivered each morning, and we never freeze it.")
            + Self.builderSection(
                "Our service", "A chef comes to your home, cooks for your guests and leaves the kitchen clean afterwards.")
            + Self.builderSection("Our prices", "Dinners start at forty dollars a guest, with wine pairings available on request.")
            + "</main><footer><p>Copyright 2024 Example Kitchen, all rights reserved.</p></footer></body>"
        let text = Self.mainText(html)
        for part in ["fresh, local produce", "leaves the kitchen clean", "forty dollars a guest"] {
            #expect(text.contains(part), "\(part) missing from \(text)")
        }
        #expect(!text.contains("Copyright") && !text.contains("Home"), "\(text)")
    }

    @Test func anArticleKeepsItsSectionsBesideTheBestOneWhenLinksShareTheirContainer() {
        let sections = [
            "<h2>Costs</h2><p>Most cleaners charge by the hour, and a small flat costs less than a large house, which takes longer.</p>",
            "<h2>Savings</h2><p>Booking every week costs less a visit than booking once, and <a href=\"/tips\">tidying up</a> before they come helps too.</p>",
        ]
        let best = "<h2>What changes the price</h2>" + Self.article
        let related = (1...12).map { "<li><a href=\"/post/\($0)\">Another post on cleaning that readers of this blog liked</a></li>" }
        let html =
            "<body><div class=\"post\"><div>\(sections[0])</div><div><div><div>\(best)</div></div></div>"
            + "<div>\(sections[1])</div><div class=\"more\"><ul>\(related.joined())</ul></div></div></body>"
        let text = Self.mainText(html)
        for part in ["small flat costs less", "The council approved", "tidying up"] {
            #expect(text.contains(part), "\(part) missing from \(text)")
        }
        #expect(!text.contains("Another post"), "\(text)")
    }

    @Test func aTableOfContentsKeepsItsLinks() {
        let items = [
            "zlib: compression compatible with gzip", "gzip: support for gzip files",
            "bz2: support for bzip2 compression", "lzma: compression using the LZMA algorithm",
            "zipfile: work with ZIP archives", "tarfile: read and write tar archive files",
        ]
        let list = items.map { "<li><a href=\"#\">\($0)</a></li>" }.joined()
        let html =
            "<body><div class=\"body\" role=\"main\"><h1>Data Compression and Archiving</h1>"
            + "<p>The modules described in this chapter support data compression with the zlib, gzip, bzip2 and "
            + "lzma algorithms, and the creation of archives.</p><ul>\(list)</ul></div></body>"
        let text = Self.mainText(html)
        #expect(text.contains("support data compression"), "\(text)")
        for item in items { #expect(text.contains(item), "\(item) missing from \(text)") }
    }

    @Test func teasersAfterALongArticleStayOut() {
        let paragraph = "<p>\(Self.article.replacingOccurrences(of: "<p>", with: "").replacingOccurrences(of: "</p>", with: " "))</p>"
        let body = String(repeating: paragraph, count: 4)
        let teaser = """
            <div class="teaser"><h3><a href="/story">A story from elsewhere on the site, with a long headline</a></h3>\
            <p>A short summary of that other story, which readers of this one may also like to read.</p></div>
            """
        let html = "<body><div><div class=\"story\">\(body)</div><div>\(String(repeating: teaser, count: 6))</div></div></body>"
        let text = Self.mainText(html)
        #expect(text.hasPrefix("The council approved"), "\(text)")
        #expect(!text.contains("story from elsewhere") && !text.contains("short summary"), "\(text)")
    }

    @Test func aLongPostKeepsTheRepliesOfItsThread() {
        let paragraph = Self.article.replacingOccurrences(of: "<p>", with: "").replacingOccurrences(of: "</p>", with: " ")
        // Each post's text sits deep in its theme's wrappers, and each post has a dated link.
        func post(_ date: String, _ text: String) -> String {
            "<article><div><a href=\"/posts\">Posted on \(date)</a></div>" + String(repeating: "<div>", count: 7) + text
                + String(repeating: "</div>", count: 7) + "</article>"
        }
        let replies = Self.posts.map { post("12 March", String(repeating: "\($0) ", count: 6)) }
        let html =
            "<body><div class=\"thread\">" + post("11 March", String(repeating: paragraph, count: 4))
            + replies.joined() + "</div></body>"
        let text = Self.mainText(html)
        #expect(text.contains("The council approved"), "\(text)")
        for post in Self.posts { #expect(text.contains(post), "\(post) missing from \(text)") }
    }

    static let posts = [
        "I have been getting errors regularly since the announcement, so I wanted to thank everyone here.",
        "I doubt that the forum is closing, considering the game is still popular, but a warning would be nice.",
        "Thank you to the moderators, who kept this place friendly, and to everyone who shared their mods.",
    ]

    @Test func aForumThreadKeepsItsPostsNamedAsComments() {
        let thread = Self.posts.map { "<div class=\"comment-wrap\"><div class=\"author\">Member</div><p>\($0)</p></div>" }
        let html =
            "<body><div class=\"app-banner\"><p>Install our app.</p></div><div class=\"thread\">"
            + thread.joined() + "</div></body>"
        let text = Self.mainText(html)
        for post in Self.posts { #expect(text.contains(post), "\(post) missing from \(text)") }
    }

    @Test func aThreadKeepsRepliesNamedAsCommentsThatAreShorterThanItsOpeningPost() {
        let replies = Self.posts.map { "<div class=\"comment\"><p>\($0)</p></div>" }
        let html =
            "<body><div class=\"topic\"><div class=\"message\">\(Self.article)</div>"
            + "<div class=\"comments\">\(replies.joined())</div></div></body>"
        let text = Self.mainText(html)
        #expect(text.contains("The council approved"), "\(text)")
        for post in Self.posts { #expect(text.contains(post), "\(post) missing from \(text)") }
    }

    @Test func anArticleDropsItsComments() {
        let comments = Self.posts.map { "<li class=\"comment\"><p>\($0)</p></li>" }
        let html =
            "<body><div class=\"entry-content\"><p>Our goal with open threads is to let readers raise "
            + "questions, or comments, about our work in public.</p><p>You can also email us, as always, or ask for a call with "
            + "our staff if you would rather talk.</p></div>"
            + "<ol class=\"comment-list\">\(comments.joined())</ol></body>"
        let text = Self.mainText(html)
        #expect(text.contains("Our goal with open threads"), "\(text)")
        #expect(!text.contains("moderators"), "\(text)")
    }

    @Test func aListingPageKeepsItsItems() {
        let products = [
            "Frozen Gluten Free Pizza Stars - 9oz", "Frozen Chicken Meatballs - 16oz",
            "Organic Banana and Almond Butter Pouch - 3oz", "Apple Sweet Potato Baby Snacks - 3oz",
            "Ribbed Crewneck Cardigan - Light Yellow", "High-Rise Leggings - Brown XL",
        ]
        let items = products.map { "<li><a href=\"/p\">\($0)</a><span>$4.99</span></li>" }.joined()
        let html =
            "<body><header><nav><a href=\"/\">Home</a> <a href=\"/deals\">Deals</a></nav></header>"
            + "<div class=\"intro\"><p>Check out my favourites of the season, chosen for my family.</p></div>"
            + "<main><h1>My favourites</h1><ul>\(items)</ul></main>"
            + "<footer><p>Copyright 2024 Example Store, all rights reserved.</p></footer></body>"
        let text = Self.mainText(html)
        for product in products { #expect(text.contains(product), "\(product) missing from \(text)") }
        #expect(!text.contains("Copyright") && !text.contains("Deals"), "\(text)")
    }

    @Test func anArticleSplitByAnAdKeepsBothParts() {
        let first = (1...3).map {
            "<p>Part one, paragraph \($0): the council approved the budget on Tuesday, after a long debate about schools, roads and the library.</p>"
        }
        let second = (1...2).map {
            "<p>Part two, paragraph \($0): members said the plan, which raises spending, would be reviewed again in March by the auditors.</p>"
        }
        let html =
            "<body><div class=\"page\"><div class=\"wrap\"><div class=\"text\">\(first.joined())</div></div>"
            + "<div class=\"ad-slot\"><a href=\"/ad\">Advertisement</a></div><div class=\"more\">\(second.joined())</div></div></body>"
        let text = Self.mainText(html)
        #expect(text.contains("Part one, paragraph 1") && text.contains("Part two, paragraph 2"), "\(text)")
        #expect(!text.contains("Advertisement"), "\(text)")
    }

    @Test func aGridOfLinkedItemsKeepsEveryItem() {
        let names = [
            "Organic Cotton Crew Sweater", "Relaxed Linen Summer Shirt", "Merino Wool Hiking Socks",
            "Waterproof Rain Shell Jacket", "Stretch Denim Slim Jeans", "Quilted Down Winter Vest",
        ]
        let tiles = names.map {
            "<div class=\"tile\"><a href=\"/p\">\($0)</a><div class=\"info\"><div class=\"desc\">Soft, machine washable, "
                + "in three sizes</div></div></div>"
        }
        let html =
            "<body><nav><a href=\"/\">Home</a> <a href=\"/new\">New in</a></nav><div class=\"grid\">"
            + tiles.joined() + "</div><footer><p>Copyright 2024 Example Store.</p></footer></body>"
        let text = Self.mainText(html)
        for name in names { #expect(text.contains(name), "\(name) missing from \(text)") }
        #expect(!text.contains("Copyright") && !text.contains("New in"), "\(text)")
    }

    @Test func searchResultsAreTheContentNotChrome() {
        let bottles = [
            "Narrow-Mouth Water Bottle", "Vacuum Bottle with Chug Cap", "Wide-Mouth Graphic Bottle",
            "Insulated Trail Flask", "Collapsible Running Bottle", "Stainless Steel Camp Bottle",
        ]
        let items = bottles.map {
            "<li><a href=\"/p\">\($0) - 32 fl. oz.</a><div>Liquid Capacity: 32 fl. oz. Cap Type: Screw Cap</div></li>"
        }
        let html =
            "<body><nav><a href=\"/\">Home</a> <a href=\"/camp\">Camp</a></nav><div class=\"page\">"
            + "<div class=\"intro\"><h1>Water Bottles</h1><p>Our favourite reusable water bottles for hiking, running, "
            + "cycling and everyday use, chosen by our staff, with advice on keeping them clean.</p></div>"
            + "<div id=\"search-results\"><ul>\(items.joined())</ul></div></div>"
            + "<footer><p>Copyright 2024 Example Outfitters.</p></footer></body>"
        let text = Self.mainText(html)
        for bottle in bottles { #expect(text.contains(bottle), "\(bottle) missing from \(text)") }
        #expect(!text.contains("Copyright") && !text.contains("Camp\n"), "\(text)")
    }

    @Test func aGridOfLinkedCardsBesideABuyersGuideInTheLandmarkIsTheContent() {
        let cards = (1...48).map {
            "<li><a href=\"/p/\($0)\"><div>Offspring Medium Earrings \($0)</div><div>Sterling Silver</div><div>$520.00</div></a></li>"
        }
        let guide = "<div class=\"guide\"><h2>Silver earrings for every day</h2>\(String(repeating: Self.article, count: 3))</div>"
        let html =
            "<body><nav><a href=\"/\">Home</a> <a href=\"/rings\">Rings</a></nav><main><h1>Silver earrings</h1>"
            + "<ul class=\"grid\">\(cards.joined())</ul>\(guide)</main><footer><p>Copyright 2024 Example Jewellers.</p></footer></body>"
        let text = Self.mainText(html)
        #expect(text.contains("Offspring Medium Earrings 1\n") && text.contains("Offspring Medium Earrings 48"), "\(text)")
        #expect(text.contains("The council approved") && !text.contains("Copyright"), "\(text)")
    }

    @Test func formLabelsAreLeftOutWithTheirControls() {
        let sizes = ["Extra small", "Small", "Medium", "Large", "Extra large"]
        let filters =
            "<fieldset><legend>Size</legend>"
            + sizes.map { "<label><input type=\"checkbox\" name=\"size\">\($0) (12)</label>" }.joined() + "</fieldset>"
        let html = "<body><div class=\"listing\"><h1>Town budget</h1>\(Self.article)\(filters)</div></body>"
        let text = Self.mainText(html)
        #expect(text.contains("The council approved") && text.contains("from next week."), "\(text)")
        #expect(!text.contains("Extra small") && !text.contains("Medium (12)"), "\(text)")
    }

    @Test func anIntroBeforeTheMainLandmarkStaysWithTheListItIntroduces() {
        let recipes = [
            "Sticky Air Fryer Chicken Thighs", "High Protein Cottage Cheese Bagels", "Maple Roasted Honeynut Squash",
            "Sticky Air Fryer Salmon Bites", "Crispy Air Fryer Brussels Sprouts", "Air Fryer Zucchini with Parmesan",
        ]
        let teasers = recipes.map { "<article><h2><a href=\"/r\">\($0)</a></h2></article>" }.joined()
        let html =
            "<body><nav><a href=\"/\">Home</a> <a href=\"/about\">About</a></nav><div class=\"archive-intro\">"
            + "<h1>Healthy air fryer recipes</h1><p>Quick and healthy air fryer recipes, everything from breakfast to snacks "
            + "to dinners, crispy and delicious in record time with little to no oil.</p></div>"
            + "<main>\(teasers)</main><footer><p>Copyright 2024 Example Kitchen.</p></footer></body>"
        let text = Self.mainText(html)
        #expect(text.contains("Quick and healthy air fryer recipes"), "\(text)")
        for recipe in recipes { #expect(text.contains(recipe), "\(recipe) missing from \(text)") }
        #expect(!text.contains("Copyright") && !text.contains("About"), "\(text)")
    }

    @Test func aListOfResultsNamedLikeChromeStaysWhenOnlyPartlyLinks() {
        let titles = ["Scream Seven", "The Bluff", "Wuthering Heights", "Marty Supreme", "The Housemaid", "Shelter"]
        let items = titles.enumerated().map { rank, title in
            "<li class=\"metadata-item\"><a href=\"/t\">\(title)</a><div>#\(rank + 1) 2026 1h 54m R rated 5.9</div></li>"
        }
        let html =
            "<body><div class=\"chart\"><h1>Most popular movies</h1><p>Our charts use the search behaviour of "
            + "millions of monthly visitors to rank the hottest, most talked about movies and shows.</p>"
            + "<ul class=\"metadata-list\">\(items.joined())</ul></div></body>"
        let text = Self.mainText(html)
        for title in titles { #expect(text.contains(title), "\(title) missing from \(text)") }
    }

    @Test func widerThanTheMainLandmarkIsNotContent() {
        let groups = (1...8).map { group in
            "<div class=\"group\"><span>Guitars \(group)</span> "
                + (1...16).map { "<span>Guitar Category \(group)-\($0)</span>" }.joined(separator: " ") + "</div>"
        }
        let html =
            "<body><div class=\"megamenu\">\(groups.joined())</div><main><div class=\"description\">\(Self.article)</div></main></body>"
        let text = Self.mainText(html)
        #expect(text.hasPrefix("The council approved") && text.hasSuffix("from next week."), "\(text)")
    }

    @Test func aParagraphThatIsALinkToAnotherStoryIsLeftOut() {
        let readMore = "<p>READ MORE: <a href=\"/other\">Council votes to close the old library for good after the floods</a></p>"
        let body = Self.article.replacingOccurrences(of: "</p>\n<p>Residents", with: "</p>\n\(readMore)\n<p>Residents")
        let html = "<body><article>\(body)</article></body>"
        let text = Self.mainText(html)
        #expect(text.contains("auditors report") && text.contains("from next week."), "\(text)")
        #expect(!text.contains("READ MORE") && !text.contains("for good"), "\(text)")
    }

    @Test func aWidenedPageKeepsItsShortItemsAndHeadings() {
        let gallery =
            "<div class=\"features\"><img src=\"a.jpg\"><img src=\"b.jpg\"><img src=\"c.jpg\">"
            + "<ul><li>Free estimates</li><li>Licensed and insured</li><li>Same-day service</li></ul></div>"
        let html =
            "<body><nav><a href=\"/\">Home</a></nav><div class=\"page\"><h1>Our Services</h1>"
            + Self.builderSection("Kitchens", "We design and fit kitchens of every size, from galley kitchens to open-plan family rooms.")
            + Self.builderSection("Bathrooms", "Our team replaces tubs, showers and tiles, and can finish most bathrooms within a week.")
            + Self.builderSection(
                "Roofing", "We repair leaks, replace shingles and inspect roofs after storms, at no charge for the visit.")
            + gallery + "</div></body>"
        let text = Self.mainText(html)
        for part in ["Our Services", "galley kitchens", "within a week", "after storms", "Licensed and insured", "Same-day service"] {
            #expect(text.contains(part), "\(part) missing from \(text)")
        }
    }

    @Test func teasersWithInlineHeadlinesAfterALongArticleStayOut() {
        let paragraph = "<p>\(Self.article.replacingOccurrences(of: "<p>", with: "").replacingOccurrences(of: "</p>", with: " "))</p>"
        let teaser =
            "<div class=\"item\"><a href=\"/story\">Headline of another story from our newsroom today</a> A summary "
            + "of that other story that readers of this one may also like to read when they have finished this one.</div>"
        let html =
            "<body><div><div class=\"wrap\"><div class=\"story\">\(String(repeating: paragraph, count: 4))</div></div>"
            + "<div class=\"more\">\(String(repeating: teaser, count: 20))</div></div></body>"
        let text = Self.mainText(html)
        #expect(text.hasPrefix("The council approved") && text.hasSuffix("from next week."), "\(text)")
    }

    @Test func aListOfItemsWithSomeLinksInsideAnArticleStays() {
        let tools = ["Fluke 117", "Klein MM400", "Irwin Vise-Grip", "Milwaukee M12", "Greenlee 1907", "Ideal 61-340"]
        let items = tools.map { "<li><a href=\"/t\">\($0)</a> is a tool that most electricians carry</li>" }.joined()
        let html =
            "<body><article>\(Self.article)<div class=\"picks\"><ul>\(items)</ul></div>"
            + "<p>Whatever you buy, check that it is rated for the voltage you work with, and replace it when it is worn.</p></article></body>"
        let text = Self.mainText(html)
        for tool in tools { #expect(text.contains(tool), "\(tool) missing from \(text)") }
    }

    @Test func aForumPostersCountsAreLeftOut() {
        let thread = Self.posts.map {
            "<article class=\"message\"><div class=\"message-user\"><h4>Member</h4><div class=\"message-userExtras\">"
                + "<dl><dt>Joined</dt><dd>Feb 8, 2023</dd><dt>Messages</dt><dd>411</dd></dl></div></div><div class=\"message-body\"><p>\($0)</p></div></article>"
        }
        let text = Self.mainText("<body><div class=\"thread\">\(thread.joined())</div></body>")
        for post in Self.posts { #expect(text.contains(post), "\(post) missing from \(text)") }
        #expect(!text.contains("Joined") && !text.contains("411"), "\(text)")
    }

    @Test func shortItemsBeforeOneSentenceAreNotTrimmedAsALead() {
        let products = [
            "Frozen Pizza Stars - 9oz", "Chicken Meatballs - 16oz", "Fish Sticks - 8oz", "Banana Pouch - 3oz",
            "Chicken Nuggets - 16oz", "Broccoli Littles - 10oz", "Strawberry Wheels - 3oz", "Coconut Melts - 2oz",
        ]
        let grid = products.map { "<div class=\"grid-item\"><img src=\"p.jpg\"><span>\($0)</span></div>" }.joined()
        let html = "<body><div class=\"selection\">\(grid)<p>Check out my favorites of the season!</p></div></body>"
        let text = Self.mainText(html)
        for product in products { #expect(text.contains(product), "\(product) missing from \(text)") }
    }

    @Test func aPageOfLinkedItemsAroundAShortNoteKeepsTheItems() {
        let jobs = (1...12).map { "<li><a href=\"/job/\($0)\">Senior Software Engineer \($0) at Example Company, Remote</a></li>" }
        let html =
            "<body><div class=\"page\"><div class=\"intro\"><div class=\"note\"><p>Looking for remote roles? "
            + "Advance your career with these openings.</p></div></div><ul class=\"jobs\">\(jobs.joined())</ul></div></body>"
        let text = Self.mainText(html)
        #expect(text.contains("Senior Software Engineer 1 at") && text.contains("Senior Software Engineer 12 at"), "\(text)")
    }

    @Test func shortLinesAfterTheLastParagraphStay() {
        let html =
            "<body><article><h1>Budget approved</h1><p>By Ann Reporter</p>\(Self.article)"
            + "<pre>total = schools + roads + library</pre></article></body>"
        let text = Self.mainText(html)
        #expect(text.hasPrefix("Budget approved\n\nBy Ann Reporter\n\nThe council approved"), "\(text)")
        #expect(text.hasSuffix("total = schools + roads + library"), "\(text)")
    }

    static let productDescription = """
        <h1>Trail Daypack 25</h1><p>A light pack for day hikes, with a padded back panel, two side pockets for \
        bottles, and a rain cover that stows in its own pocket.</p><ul><li>Capacity: 25 liters</li><li>Weight: 1 lb 13 oz</li></ul>
        """

    static func reviewsSection() -> String {
        let reviews = posts.map { "<div class=\"review-item\"><span class=\"reviewer\">Hiker</span><p>\($0)</p></div>" }
        return "<div id=\"reviews\"><h2>Customer Reviews</h2>\(reviews.joined())</div>"
    }

    @Test func aProductPageDropsItsCustomerReviews() {
        for head in [
            "<meta property=\"og:type\" content=\"product\">",
            "<script type=\"application/ld+json\">{\"@context\": \"https://schema.org\", \"@type\": [\"Product\"], \"name\": \"Daypack\"}</script>",
        ] {
            let html =
                "<html><head>\(head)</head><body><div class=\"product\">\(Self.productDescription)</div>\(Self.reviewsSection())</body></html>"
            let text = Self.mainText(html)
            #expect(text.contains("A light pack for day hikes") && text.contains("Capacity: 25 liters"), "\(text)")
            #expect(!text.contains("moderators") && !text.contains("Customer Reviews"), "\(text)")
        }
    }

    @Test func anArticleThatReviewsProductsKeepsItsReviews() {
        let head =
            "<meta property=\"og:type\" content=\"article\"><script type=\"application/ld+json\">"
            + "{\"@type\": \"Review\", \"itemReviewed\": {\"@type\": \"Product\", \"name\": \"Daypack\"}}</script>"
        let sections = Self.posts.map { "<section class=\"product-review\"><p>\($0)</p></section>" }
        let html = "<html><head>\(head)</head><body><article>\(Self.article)\(sections.joined())</article></body></html>"
        let text = Self.mainText(html)
        for post in Self.posts { #expect(text.contains(post), "\(post) missing from \(text)") }
    }

    @Test func textRightInAColumnBesideALinkSidebarIsTheContent() {
        let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October"]
        let archive = (2010...2019).flatMap { year in months.map { "<li><a href=\"/news?y=\(year)\">\($0) \(year) (120)</a></li>" } }
        let story = Self.article.replacingOccurrences(of: "<p>", with: "").replacingOccurrences(of: "</p>", with: " ")
        let html =
            "<body><div class=\"row\"><div class=\"col-md-3\"><h3>Archive</h3><ul>\(archive.joined())</ul></div>"
            + "<div class=\"col-md-9\"><h2>Budget approved</h2><small>05/10/2024 - Posted by the press office</small><br>\(story)</div></div></body>"
        let text = Self.mainText(html)
        #expect(text.contains("The council approved") && text.contains("from next week."), "\(text)")
        #expect(!text.contains("January 2015") && !text.contains("Archive"), "\(text)")
    }

    @Test func aBlockOpeningWithARelatedHeadingIsLeftOutEvenWhenLong() {
        let others = Self.posts.map { "<article class=\"post\"><p>\($0) \($0) \($0)</p></article>" }
        let html =
            "<body><div class=\"posts\"><article class=\"post\">\(Self.article)</article>"
            + "<div><h3 class=\"related-posts-title\">You may also like</h3>\(others.joined())</div></div></body>"
        let text = Self.mainText(html)
        #expect(text.hasPrefix("The council approved") && text.hasSuffix("from next week."), "\(text)")
        #expect(!text.contains("moderators") && !text.contains("You may also like"), "\(text)")
    }

    @Test func anItemTitledByALinkNamedLikeChromeKeepsItsText() {
        // A shop's grid marks some titles with a badge ("card-title badge"): the title is a link, the
        // item's headline, not the heading of a section of chrome.
        let items = (1...6).map { number in
            "<div class=\"card\"><h2 class=\"card-title\(number < 3 ? " badge" : "")\"><a href=\"/p/\(number)\">Mirrorless camera \(number)</a></h2>"
                + "<p>A sensor of 24 megapixels, fast autofocus, and a battery for a day of shooting, model \(number).</p></div>"
        }
        let html =
            "<body><nav><a href=\"/\">Home</a></nav><main><h1>Digital cameras</h1><div class=\"grid\">\(items.joined())</div></main></body>"
        let text = Self.mainText(html)
        #expect(text.contains("shooting, model 1.") && text.contains("shooting, model 6."), "\(text)")
        // A heading of plain text so named still opens chrome.
        let plain = Self.mainText(html.replacingOccurrences(of: "<a href=\"/p/1\">Mirrorless camera 1</a>", with: "Mirrorless camera 1"))
        #expect(!plain.contains("shooting, model 1.") && plain.contains("shooting, model 2."), "\(plain)")
    }

    @Test func aListOfArticleEntriesBesideACategoryIntroJoinsIt() {
        let intro = "<div class=\"description\">\(String(repeating: Self.article, count: 4))</div>"
        let entries = (1...8).map {
            "<article class=\"excerpt\"><h2><a href=\"/post/\($0)\">A post on the blog, number \($0)</a></h2></article>"
        }
        let html = "<body><div class=\"posts\"><h1>For beginners</h1>\(intro)<div>\(entries.joined())</div></div></body>"
        let text = Self.mainText(html)
        #expect(text.contains("The council approved") && text.contains("number 1") && text.contains("number 8"), "\(text)")
        let few = Self.mainText(html.replacingOccurrences(of: entries[4...].joined(), with: ""))
        #expect(few.contains("The council approved") && !few.contains("number 1"), "\(few)")
    }

    @Test func aSiblingOfHeadlineLinksWithoutParagraphsDoesNotJoin() {
        let teasers = (1...12).map {
            "<div class=\"item\"><a href=\"/s/\($0)\"><h5>Another story number \($0)</h5></a>"
                + "<p>Short, punchy, teasing, one-line, summary, of it, here, today.</p><span>Staff writer</span></div>"
        }
        let html =
            "<body><div class=\"wrap\"><div class=\"story\">\(String(repeating: Self.article, count: 4))</div>"
            + "<div class=\"recent\"><span>RECENT ARTICLES</span>\(teasers.joined())</div></div></body>"
        let text = Self.mainText(html)
        #expect(text.hasPrefix("The council approved") && text.hasSuffix("from next week."), "\(text)")
        #expect(!text.contains("Another story") && !text.contains("punchy"), "\(text)")
    }

    @Test func utilityClassesWithVariantsOrValuesAreNotNames() {
        let sections = Self.posts.map { "<div class=\"stack lg:first:pt-[var(--banner-height)]\"><p>\($0)</p></div>" }
        let html = "<body><div class=\"page\">\(sections.joined())</div><div class=\"cookie-banner\"><p>We use cookies.</p></div></body>"
        let text = Self.mainText(html)
        for post in Self.posts { #expect(text.contains(post), "\(post) missing from \(text)") }
        #expect(!text.contains("cookies"), "\(text)")
    }

    @Test func aThemeThatNamesEverySectionABannerKeepsItsSections() {
        let sections = Self.posts.map { "<div class=\"banner has-hover\"><div class=\"banner-inner\"><p>\($0)</p></div></div>" }
        let html =
            "<body><div class=\"page\">\(sections.joined())</div>"
            + "<div class=\"sidebar\"><p>A sidebar paragraph that is long enough to look like prose, with commas, and words.</p></div></body>"
        let text = Self.mainText(html)
        for post in Self.posts { #expect(text.contains(post), "\(post) missing from \(text)") }
        #expect(!text.contains("sidebar paragraph"), "\(text)")
    }

    @Test func hiddenTabAndAccordionPanelsAreContent() {
        let html =
            "<body><div class=\"product\">\(Self.productDescription)"
            + "<div class=\"tabs\"><div class=\"tab-pane\" style=\"display: none\"><p>Dimensions: 18 x 13 x 8 inches, "
            + "frame of HDPE, lining of recycled polyester.</p></div>"
            + "<div role=\"tabpanel\" hidden><p>Care: wipe clean with a damp cloth, and never machine wash it.</p></div></div>"
            + "<a role=\"button\" aria-controls=\"warranty\">Warranty</a><div id=\"warranty\" role=\"region\" style=\"display:none\">"
            + "<p>Warranty: two years against defects in materials and workmanship.</p></div>"
            + "<div class=\"accordion\"><button>Shipping</button><div class=\"collapse\" aria-hidden=\"true\">"
            + "<p>Ships within two days from our warehouse, free over fifty dollars.</p></div></div>"
            + "<div class=\"faq\"><h3>Can I return it?</h3><div class=\"faq__answer\" style=\"display:none\">"
            + "<p>Returns are free within thirty days, in the original packaging.</p></div></div>"
            + "<button id=\"fit\">Fit</button><div aria-labelledby=\"fit\" hidden><p>Fit: the straps adjust for torsos of 15 to 21 inches.</p></div>"
            + "<div style=\"display:none\"><p>An old promotion that the page keeps hidden from every visitor now.</p></div>"
            + "<div class=\"welcome-offer\" aria-labelledby=\"offer\" aria-hidden=\"true\"><h3 id=\"offer\">Ten percent off</h3>"
            + "<p>Join the list and get ten percent off your first order with us.</p></div></div></body>"
        let text = Self.mainText(html)
        for part in [
            "A light pack for day hikes", "Dimensions: 18 x 13", "Care: wipe clean", "Warranty: two years",
            "Fit: the straps adjust", "Ships within two days", "Returns are free",
        ] {
            #expect(text.contains(part), "\(part) missing from \(text)")
        }
        #expect(!text.contains("old promotion"), "\(text)")
        #expect(!text.contains("Join the list"), "a hidden dialog labelled by its own heading stays hidden: \(text)")
    }

    /// An accordion's question is a heading whose text is a button's (Bootstrap's `accordion-header`):
    /// the heading's text, where a button elsewhere ("Add to bag", "Menu") is a control's label.
    @Test func aButtonInsideAHeadingIsTheHeadingsText() {
        let item = { (question: String, answer: String) in
            "<div class=\"accordion-item\"><h2 class=\"accordion-header\"><button class=\"accordion-button\" type=\"button\">"
                + question + "</button></h2><div class=\"accordion-collapse collapse\"><div class=\"accordion-body\"><p>" + answer
                + "</p></div></div></div>"
        }
        let html =
            "<body><article>\(Self.article)<div class=\"accordion\">"
            + item("Can I return it?", "Returns are free within thirty days, in the original packaging, from any store.")
            + item("How long does shipping take?", "Orders ship within two days from our warehouse, and arrive within five.")
            + "</div><button>Show more</button></article></body>"
        let text = Self.mainText(html)
        #expect(text.contains("Can I return it?") && text.contains("How long does shipping take?"), "\(text)")
        #expect(text.contains("Returns are free") && !text.contains("Show more"), "\(text)")
    }

    @Test func commentsInHighlightedCodeAreCode() {
        let code =
            "<pre><code class=\"hljs bash\"><span class=\"hljs-comment\"># stage every change</span>\ngit add -A\n"
            + "<span class=\"token comment\"># commit them</span>\ngit commit -m \"message\"</code></pre>"
        let html = "<body><div class=\"post\">\(Self.article)\(code)</div></body>"
        let text = Self.mainText(html)
        #expect(text.contains("# stage every change") && text.contains("# commit them"), "\(text)")
    }

    @Test func anAccordionWithTheRoleOfATabListIsContent() {
        let answers = [
            "Any customer with an active residential account can apply, within 120 days of the purchase, online or by mail.",
            "The rebate is paid by check, six to eight weeks after we receive the claim and the receipt or the invoice.",
            "Refurbished, open-box and leased appliances do not qualify, and neither do those bought from a marketplace.",
        ]
        let panels = answers.map {
            "<div class=\"panel\"><h4><a href=\"#q\">A question</a></h4><div class=\"panel-collapse collapse\"><p>\($0)</p></div></div>"
        }
        let html =
            "<body><div class=\"page\"><ul role=\"tablist\"><li>Overview tab</li><li>Eligibility tab</li></ul>"
            + "\(Self.article)<div class=\"panel-group\" role=\"tablist\">\(panels.joined())</div></div></body>"
        let text = Self.mainText(html)
        for answer in answers { #expect(text.contains(answer), "\(answer) missing from \(text)") }
        #expect(!text.contains("Overview tab"), "\(text)")
    }

    @Test func aPopoverIsNotShown() {
        let html =
            "<body><article>\(Self.article)<div popover id=\"install\"><p>Install our app for push "
            + "notifications, badges and more, on any phone you own.</p></div></article></body>"
        let text = Self.mainText(html)
        #expect(text.hasPrefix("The council approved") && !text.contains("Install our app"), "\(text)")
    }

    @Test func forumSignaturesAreLeftOutButNotSectionsAnchoredSo() {
        let thread = Self.posts.map {
            "<div class=\"post\"><p>\($0)</p><div class=\"post-signature\">Member of the Glitches. Stats not canon, mostly.</div></div>"
        }
        let text = Self.mainText("<body><div class=\"thread\">\(thread.joined())</div></body>")
        for post in Self.posts { #expect(text.contains(post), "\(post) missing from \(text)") }
        #expect(!text.contains("Glitches"), "\(text)")
        let docs =
            "<body><div role=\"main\"><section id=\"intro\">\(Self.article)</section>"
            + "<section id=\"the-signature-object\"><h2>The Signature object</h2>\(Self.posts.map { "<p>\($0)</p>" }.joined())</section></div></body>"
        let page = Self.mainText(docs)
        #expect(page.contains("The Signature object") && page.contains("moderators"), "\(page)")
    }

    @Test func aPostersTitleCountsAndBadgesAreLeftOut() {
        let thread = Self.posts.map {
            "<div class=\"message\"><div class=\"message-userDetails\"><h4>glitchfan</h4>"
                + "<h5 class=\"userTitle\">Senior Glitcher</h5><span class=\"post-count\">1,430 posts</span>"
                + "<span class=\"join-date\">Joined 2022</span><strong class=\"ipsBadge\">Original Poster</strong></div>"
                + "<p>\($0)</p><div class=\"reactionsBar\">Reactions: moonwalker</div><span class=\"post-likes\">7 Likes</span>"
                + "<div class=\"ipsItemControls\"><ul class=\"reactions\"><li>Quoted by gremlin</li></ul></div></div>"
        }
        let text = Self.mainText("<body><div class=\"thread\">\(thread.joined())</div></body>")
        for post in Self.posts { #expect(text.contains(post), "\(post) missing from \(text)") }
        for chrome in ["Senior Glitcher", "1,430 posts", "Joined 2022", "Original Poster", "moonwalker", "7 Likes", "gremlin"] {
            #expect(!text.contains(chrome), "\(chrome) in \(text)")
        }
    }

    @Test func aThreadsButtonBarAndForumJumpAreLeftOut() {
        let thread = Self.posts.map { "<div class=\"post\"><p>\($0)</p></div>" }
        let html =
            "<body><div class=\"page-body\"><div class=\"action-bar bar-top\">Post Reply Locked Print view</div>"
            + "\(thread.joined())<div class=\"jumpbox\">General Howtos and Tutorials Rules and FAQ</div></div></body>"
        let text = Self.mainText(html)
        for post in Self.posts { #expect(text.contains(post), "\(post) missing from \(text)") }
        #expect(!text.contains("Print view") && !text.contains("Howtos"), "\(text)")
    }

    @Test func aLoginFormAndAskingNoticeAreLeftOutButNotEntriesAnchoredSo() {
        let answers = Self.posts.map { "<div class=\"answer\"><p>\($0)</p></div>" }
        let html =
            "<body><div class=\"question-page\">\(answers.joined())<form class=\"post-form\">"
            + "<div class=\"new-post-login\">Sign up using Google or Email and Password</div></form>"
            + "<div class=\"js-bottom-notice\">Start asking to get answers</div></div></body>"
        let text = Self.mainText(html)
        for post in Self.posts { #expect(text.contains(post), "\(post) missing from \(text)") }
        #expect(!text.contains("Sign up using Google") && !text.contains("Start asking"), "\(text)")
        let docs =
            "<body><div role=\"main\"><section id=\"intro\">\(Self.article)</section>"
            + "<dl id=\"ftplib.FTP.login\"><dt>FTP.login(user)</dt><dd>\(Self.posts.map { "<p>\($0)</p>" }.joined())</dd></dl></div></body>"
        let page = Self.mainText(docs)
        #expect(page.contains("FTP.login(user)") && page.contains("moderators"), "\(page)")
    }

    @Test func aBlockMarkedAsBadgedIsNotABadge() {
        let html =
            "<body><div class=\"guide\"><div class=\"product-block --badged\">\(Self.article)</div>"
            + "<div class=\"intro\">\((Self.posts + Self.posts).map { "<p>\($0)</p>" }.joined())</div></div></body>"
        let text = Self.mainText(html)
        #expect(text.contains("The council approved"), "\(text)")
    }

    @Test func aLongPostKeepsItsCommentsOutEvenWhenTheyAreLonger() {
        let post = String(repeating: Self.article, count: 16)
        let comments = (0..<60).map { "<li class=\"comment\"><p>\(Self.posts[$0 % 3]) (\($0))</p></li>" }
        let html = "<body><div class=\"post\">\(post)</div><ol class=\"comment-list\">\(comments.joined())</ol></body>"
        let text = Self.mainText(html)
        #expect(text.hasPrefix("The council approved") && !text.contains("moderators"), "\(text.prefix(300))")
    }

    @Test func segmentsThatAStreamingRendererSendsHiddenAreContent() {
        let segments = Self.posts.enumerated().map { "<div hidden id=\"S:\($0.offset)\"><section><p>\($0.element)</p></section></div>" }
        let html =
            "<body><div id=\"root\"><nav><a href=\"/\">Home</a></nav><div>Loading...</div></div>\(segments.joined())"
            + "<div hidden id=\"menu\"><p>A hidden menu paragraph that is long enough to look like prose, with commas.</p></div></body>"
        let text = Self.mainText(html)
        for post in Self.posts { #expect(text.contains(post), "\(post) missing from \(text)") }
        #expect(!text.contains("hidden menu"), "\(text)")
    }

    @Test func streamedSegmentsJoinTheContentTheyBelongTo() {
        let first = "<p>\(Self.posts[0]) It has more to say, about the forum, its people and their games.</p>"
        let html =
            "<body><nav><a href=\"/\">Home</a></nav><div class=\"page\"><article>\(Self.article)"
            + "<template id=\"B:0\"></template><p>Loading paragraph...</p></article>"
            + "<aside class=\"sidebar\"><p>Most read stories of the week, picked for you by our editors.</p></aside></div>"
            + "<div hidden id=\"S:0\">\(first)</div><div hidden id=\"S:1\"><a href=\"/more\">More</a></div></body>"
        let text = Self.mainText(html)
        #expect(text.contains("The council approved") && text.contains("more to say, about the forum"), "\(text)")
        #expect(!text.contains("Most read") && !text.contains("More"), "\(text)")
    }

    @Test func aReplyQuotingAnEarlierPostLosesTheQuote() {
        let thread =
            "<div class=\"thread\"><div class=\"post\"><p>\(Self.posts[0])</p></div>"
            + "<div class=\"post\"><blockquote><p>\(Self.posts[0])</p></blockquote><p>\(Self.posts[1])</p></div>"
            + "<div class=\"post\"><blockquote><p>A line from elsewhere that was never posted in this thread before.</p></blockquote>"
            + "<p>\(Self.posts[2])</p></div></div>"
        let text = Self.mainText("<body>\(thread)</body>")
        #expect(text.components(separatedBy: "errors regularly").count == 2, "\(text)")
        #expect(text.contains("never posted") && text.contains("moderators"), "\(text)")
    }

    /// A quoted block deep inside a quote's boxes is quoted; a block that is the quote itself is too; a block
    /// outside any quote after a quoted copy of it stays.
    @Test func aQuoteDeepInsideBoxesOrOfTextAloneIsAQuote() {
        let open = String(repeating: "<div>", count: 40)
        let close = String(repeating: "</div>", count: 40)
        let thread =
            "<div class=\"thread\"><div class=\"post\"><p>\(Self.posts[0])</p></div>"
            + "<div class=\"post\"><blockquote>\(open)<p>\(Self.posts[0])</p>\(close)</blockquote><p>\(Self.posts[1])</p></div>"
            + "<div class=\"post\"><blockquote>\(Self.posts[1])</blockquote><p>Thanks, all.</p></div></div>"
        let text = Self.mainText("<body>\(thread)</body>")
        #expect(text.components(separatedBy: "errors regularly").count == 2, "\(text)")
        #expect(text.components(separatedBy: "forum is closing").count == 2 && text.hasSuffix("Thanks, all."), "\(text)")
        let quotedFirst =
            "<div class=\"thread\"><div class=\"post\"><blockquote>\(open)<p>\(Self.posts[0])</p>\(close)</blockquote>"
            + "<p>\(Self.posts[1])</p></div><div class=\"post\"><p>\(Self.posts[0])</p></div></div>"
        let both = Self.mainText("<body>\(quotedFirst)</body>")
        #expect(both.components(separatedBy: "errors regularly").count == 3, "\(both)")
    }

    @Test func aProductDescriptionLaidOutTwiceComesOnce() {
        let head = "<meta property=\"og:type\" content=\"product\">"
        let html =
            "<html><head>\(head)</head><body><div class=\"product\"><div class=\"desktop\">\(Self.productDescription)</div>"
            + "<div class=\"mobile\">\(Self.productDescription)</div></div></body></html>"
        let text = Self.mainText(html)
        #expect(text.components(separatedBy: "A light pack for day hikes").count == 2, "\(text)")
        let article = Self.mainText("<body><article>\(Self.article)\(Self.article)</article></body>")
        #expect(article.components(separatedBy: "The council approved").count == 3, "\(article)")
    }

    @Test func aCallToActionAfterALongArticleIsLeftOut() {
        let appeal = """
            <div class="donate-cta"><h3>Support our newsroom</h3><p>We report on the town every day at no cost to \
            you, but it is far from free to produce, so please give what you can, today.</p></div>
            """
        let long = String(repeating: Self.article, count: 4)
        let html = "<article><div class=\"story\">\(long)\(appeal)</div></article>"
        let text = Self.mainText(html)
        #expect(text.hasSuffix("from next week."), "\(text)")
        #expect(!text.contains("Support our newsroom"), "\(text)")
        // Between paragraphs, or on a short page, such a block is a section of the content.
        let inside = "<article><div class=\"story\">\(long)\(appeal)\(Self.article)</div></article>"
        #expect(Self.mainText(inside).contains("Support our newsroom"))
        let short = "<article><div class=\"story\">\(Self.article)\(appeal)</div></article>"
        #expect(Self.mainText(short).contains("Support our newsroom"))
    }

    @Test func aFormAfterALongArticleIsLeftOut() {
        let form = """
            <form action="/contact"><h3>Ask our reporters</h3><label>First name</label><input name="first">\
            <label>Email address</label><input name="email"><button>Send</button></form>
            """
        let long = String(repeating: Self.article, count: 4)
        let text = Self.mainText("<article><div class=\"story\">\(long)\(form)</div></article>")
        #expect(text.hasSuffix("from next week.") && !text.contains("Ask our reporters"), "\(text)")
        let short = Self.mainText("<article><div class=\"story\">\(Self.article)\(form)</div></article>")
        #expect(short.contains("Ask our reporters"), "\(short)")
    }

    @Test func recentlyViewedAndRecommendedProductsAreLeftOut() {
        let others = "<p>A roomy pack for long weekends, with a hip belt, a frame sheet, and pockets everywhere you need them.</p>"
        for name in ["recently-viewed", "product-recommendations", "upsell-products", "cross-sell"] {
            let html =
                "<body><div class=\"product\">\(Self.productDescription)"
                + "<div class=\"\(name)\"><h2>You may also like</h2>\(others)</div></div></body>"
            let text = Self.mainText(html)
            #expect(text.contains("A light pack for day hikes") && !text.contains("roomy pack"), "\(name): \(text)")
        }
    }

    @Test func aProductDescriptionOnlyInStructuredDataIsAdded() {
        let description =
            "The Arrival T-Shirt is your admission to a new approach to training, with sweat-wicking "
            + "fabric and a lightweight material that enables maximum movement. <ul><li>Slim fit</li>"
            + "<li>Crew neck</li><li>100% Polyester</li></ul> Machine wash cold &amp; tumble dry low, and do not iron the print."
        let data =
            "{\"@context\": \"https://schema.org\", \"@type\": \"Product\", \"name\": \"Arrival T-Shirt\", "
            + "\"description\": \"\(description)\", \"offers\": {\"@type\": \"Offer\", \"price\": \"25.00\"}}"
        let head = "<script type=\"application/ld+json\">\(data)</script>"
        let visible =
            "<div class=\"product\"><h1>Arrival T-Shirt</h1><p>$25.00</p><button>Add to bag</button>"
            + "<p>Customers say it fits true to size.</p><p>Free standard delivery for orders over $75.</p></div>"
        let text = Self.mainText("<html><head>\(head)</head><body>\(visible)</body></html>")
        #expect(text.contains("The Arrival T-Shirt is your admission") && text.contains("Slim fit\n"), "\(text)")
        #expect(text.contains("cold & tumble dry") && !text.contains("<li>"), "\(text)")
        // Shown on the page, it comes once; on a page that is not a product, it is not added.
        let shown = "<div class=\"product\"><h1>Arrival T-Shirt</h1><div class=\"description\">\(description)</div></div>"
        let once = Self.mainText("<html><head>\(head)</head><body>\(shown)</body></html>")
        #expect(once.components(separatedBy: "is your admission").count == 2, "\(once)")
        let article = head.replacingOccurrences(of: "\"Product\"", with: "\"Article\"")
        let other = Self.mainText("<html><head>\(article)</head><body>\(visible)</body></html>")
        #expect(!other.contains("is your admission"), "\(other)")
    }

    @Test func aBlockOpenedByAHeadingThatIntroducesOtherProductsIsLeftOut() {
        let items = (1...4).map {
            "<li><a href=\"/p/\($0)\">Trail Daypack \($0)0</a><p>A roomy pack, with a hip belt.</p><span>$89.00</span></li>"
        }
        let others =
            "<div class=\"x1\"><div class=\"x2\"><h2>Customers who viewed this item also viewed</h2></div>"
            + "<ul>\(items.joined())</ul></div>"
        let html = "<body><div class=\"product\">\(Self.productDescription)\(others)</div></body>"
        let text = Self.mainText(html)
        #expect(text.contains("A light pack for day hikes") && !text.contains("roomy pack") && !text.contains("also viewed"), "\(text)")
        // A heading amid the content: it and the siblings after it, up to the next heading.
        let amid =
            "<body><div class=\"product\">\(Self.productDescription)<h2>Recently viewed</h2><ul>\(items.joined())</ul>"
            + "<h2>Delivery</h2><p>Ships within two days from our warehouse, free over fifty dollars.</p></div></body>"
        let page = Self.mainText(amid)
        #expect(page.contains("A light pack") && page.contains("Ships within two days") && !page.contains("roomy pack"), "\(page)")
        // Not a block that holds a paragraph after such a heading: a category page's introduction.
        let intro =
            "<p>An ergonomic mouse keeps the hand and the wrist in a neutral position, which eases the strain "
            + "of long days at a desk, and of the repetitive motion of mousing.</p>"
        let category = Self.mainText("<body><div class=\"x1\"><h2>Related products</h2>\(intro)<ul>\(items.joined())</ul></div></body>")
        #expect(category.contains("An ergonomic mouse keeps"), "\(category)")
    }

    @Test func finePrintIsLeftOutOfAProductPageOnly() {
        let fine =
            "<div class=\"feature__disclaimer\"><p>Colour availability may vary by country or carrier, and "
            + "storage options, prices and delivery times depend on the region.</p></div>"
        let head = "<meta property=\"og:type\" content=\"product\">"
        let html = "<html><head>\(head)</head><body><div class=\"product\">\(Self.productDescription)\(fine)</div></body></html>"
        let text = Self.mainText(html)
        #expect(text.contains("A light pack for day hikes") && !text.contains("availability may vary"), "\(text)")
        let article = Self.mainText("<body><article>\(Self.article)\(fine)</article></body>")
        #expect(article.contains("availability may vary"), "\(article)")
    }

    @Test func aPageWithAnAddToCartButtonIsAProductPage() {
        let body =
            "<div class=\"product\">\(Self.productDescription)<form><button class=\"btn add-to-cart\">Add to cart</button></form>"
            + "\(Self.reviewsSection())</div>"
        let text = Self.mainText("<body>\(body)</body>")
        #expect(text.contains("A light pack for day hikes") && !text.contains("moderators"), "\(text)")
        let noCart = Self.mainText("<body>\(body.replacingOccurrences(of: "add-to-cart", with: "primary"))</body>")
        #expect(noCart.contains("moderators"), "\(noCart)")
    }

    @Test func fillerTextOfATemplateIsLeftOut() {
        let filler =
            "<div class=\"card\"><h3>Head Line 1</h3><p>Lorem ipsum dolor sit amet, consectetur adipiscing elit, "
            + "sed do eiusmod tempor incididunt ut labore et dolore magna aliqua.</p></div>"
        let text = Self.mainText("<body><article>\(Self.article)\(filler)</article></body>")
        #expect(text.hasPrefix("The council approved") && !text.contains("dolor sit amet"), "\(text)")
    }

    /// A page that is nothing but placeholder text (a theme's demo, a test page) reads as that text.
    @Test func aPageOfOnlyFillerTextIsNotEmptied() {
        let paragraph =
            "<p>Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut "
            + "labore et dolore magna aliqua. Ut enim ad minim veniam, quis nostrud exercitation ullamco.</p>"
        let html =
            "<html><body><header><a href=\"/\">Home</a> <a href=\"/about\">About</a></header><article>"
            + "<h1>Sample post</h1>\(paragraph)\(paragraph)</article><footer>Copyright 2024</footer></body></html>"
        let text = Self.mainText(html)
        #expect(
            text.hasPrefix("Sample post\n\nLorem ipsum dolor sit amet")
                && text.hasSuffix(
                    "ullamco.\n\nLorem ipsum dolor sit amet, "
                        + "consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua. Ut enim ad "
                        + "minim veniam, quis nostrud exercitation ullamco."),
            "\(text)")
        #expect(!text.contains("Home About") && !text.contains("Copyright"), "\(text)")
        let lorem = Self.mainText("<div><h2>Lorem ipsum</h2>\(paragraph)</div>")
        #expect(lorem.hasPrefix("Lorem ipsum\n\nLorem ipsum dolor sit amet"), "\(lorem)")
        // Its other paragraphs are placeholder Latin too, not content of its own beside the filler.
        let latin =
            "<p>Ut enim ad minim veniam, quis nostrud exercitation ullamco laboris nisi ut aliquip ex ea commodo "
            + "consequat. Duis aute irure dolor in reprehenderit in voluptate velit esse cillum dolore eu fugiat.</p>"
        let mixed = Self.mainText("<body><article><h1>Lorem</h1>\(paragraph)\(latin)</article></body>")
        #expect(mixed.contains("Lorem ipsum dolor sit amet") && mixed.hasSuffix("eu fugiat."), "\(mixed)")
    }

    @Test func placeholderLatinIsToldFromProse() {
        var latin = PlaceholderText.WordTally()
        latin.add(ArraySlice("Pellentesque habitant morbi tristique senectus et netus, quis nostrud exercitation.".utf8))
        #expect(latin.isPlaceholder)
        var prose = PlaceholderText.WordTally()
        prose.add(ArraySlice("The council approved a budget in March, et cetera, after a long debate.".utf8))
        #expect(!prose.isPlaceholder)
        #expect(PlaceholderText.opensFiller(ArraySlice("  LOREM IPSUM dolor".utf8)))
        #expect(!PlaceholderText.opensFiller(ArraySlice("Lorem".utf8)))
    }

    @Test func screenReaderTextIsLeftOutOfAProductPage() {
        let labels =
            "<div class=\"price\"><span class=\"visually-hidden\">Regular price, unit price per item, sale price "
            + "and quantity of the product</span><span>$89.00</span></div>"
        let head = "<meta property=\"og:type\" content=\"product\">"
        let html = "<html><head>\(head)</head><body><div class=\"product\">\(Self.productDescription)\(labels)</div></body></html>"
        let text = Self.mainText(html)
        #expect(text.contains("A light pack for day hikes") && text.contains("$89.00") && !text.contains("Regular price"), "\(text)")
        let article = Self.mainText("<body><article>\(Self.article)\(labels)</article></body>")
        #expect(article.contains("Regular price"), "\(article)")
    }

    @Test func aListOfLinksThatTheArticleIntroducesWithAColonStays() {
        let links =
            "<ul><li><a href=\"/1\">Fix the loader for large files</a></li><li><a href=\"/2\">Add a flag for quiet builds</a></li>"
            + "<li><a href=\"/3\">Speed up the test runner</a></li></ul>"
        let text = Self.mainText("<body><article>\(Self.article)<p>Several patches were merged this month:</p>\(links)</article></body>")
        #expect(text.contains("Add a flag for quiet builds"), "\(text)")
        let offered = Self.mainText("<body><article>\(Self.article)<p>You might also like:</p>\(links)</article></body>")
        #expect(!offered.contains("Add a flag for quiet builds"), "\(offered)")
        let more = Self.mainText("<body><article>\(Self.article)<h4>More:</h4>\(links)</article></body>")
        #expect(!more.contains("Add a flag for quiet builds"), "\(more)")
        let moreover = Self.mainText("<body><article>\(Self.article)<p>Moreover, three patches were merged:</p>\(links)</article></body>")
        #expect(moreover.contains("Add a flag for quiet builds"), "whole words only: \(moreover)")
        let unannounced = Self.mainText("<body><article>\(Self.article)\(links)</article></body>")
        #expect(!unannounced.contains("Add a flag for quiet builds"), "\(unannounced)")
    }

    @Test func aSingleLinkAfterAColonIsAButtonNotAList() {
        let intro = "<p>The best way to get to know the method is the free first session:</p>"
        let button = "<div class=\"row\"><a href=\"/signup\">Sign up for free here »</a></div>"
        let text = Self.mainText("<body><article>\(Self.article)\(intro)\(button)</article></body>")
        #expect(!text.contains("Sign up for free"), "\(text)")
        let mirrors =
            "<div><a href=\"https://a.example/src\">https://a.example/src</a><br>"
            + "<a href=\"https://b.example/src\">https://b.example/src</a></div>"
        let kept = Self.mainText("<body><article>\(Self.article)<p>The sources are kept at:</p>\(mirrors)</article></body>")
        #expect(kept.contains("https://b.example/src"), "two links are a list: \(kept)")
        let code = "<pre><a href=\"/c3ref/config.html\">sqlite3_config</a>(db);</pre>"
        let call = Self.mainText("<body><article>\(Self.article)<p>It is registered with a call like this:</p>\(code)</article></body>")
        #expect(call.contains("sqlite3_config"), "code is not a button: \(call)")
    }

    @Test func aLinkInAParagraphOfATableCellIsAnEntryNotAPointer() {
        let rows = [("run", "Create an event loop, run a coroutine, and close the loop."), ("sleep", "Sleep for a number of seconds.")]
            .map { "<tr><td><p><a href=\"#\($0.0)\">\($0.0)()</a></p></td><td><p>\($0.1)</p></td></tr>" }
        let table = "<table>\(rows.joined())</table>"
        let text = Self.mainText("<body><article>\(Self.article)\(table)</article></body>")
        #expect(text.contains("sleep()") && text.contains("Sleep for a number"), "\(text)")
        let readMore = "<p>Read more: <a href=\"/other\">Council votes to close the old library for good after the floods</a></p>"
        let pointer = Self.mainText("<body><article>\(Self.article)\(readMore)</article></body>")
        #expect(!pointer.contains("Council votes"), "\(pointer)")
    }

    @Test func anElementNamedPromotedIsNotAPromo() {
        let block =
            "<div class=\"view--promoted-blocks\"><p>Dental care for adults covers cleanings, fillings and "
            + "check-ups, and the clinic keeps evening hours for people who work.</p></div>"
        let text = Self.mainText("<body><article>\(Self.article)\(block)</article></body>")
        #expect(text.contains("Dental care for adults"), "\(text)")
        let promo = Self.mainText(
            "<body><article>\(Self.article)\(block.replacingOccurrences(of: "promoted", with: "promo"))</article></body>")
        #expect(!promo.contains("Dental care for adults"), "\(promo)")
    }

    @Test func aSlideshowOfTestimonialsStaysOutsideAProductPage() {
        let quote =
            "<div class=\"slide\"><p>The team moved our accounts in a week, answered every question we had, and "
            + "the monthly reports are the clearest we have ever had from any firm.</p></div>"
        let slides =
            "<div class=\"testimonial-carousel\">\(quote)\(quote.replacingOccurrences(of: "in a week", with: "in a month"))"
            + "\(quote.replacingOccurrences(of: "in a week", with: "in two days"))</div>"
        let text = Self.mainText("<body><main>\(Self.article)\(slides)</main></body>")
        #expect(text.contains("The team moved our accounts"), "\(text)")
        let head = "<meta property=\"og:type\" content=\"product\">"
        let product = Self.mainText(
            "<html><head>\(head)</head><body><main>\(Self.productDescription)\(Self.article)\(slides)</main></body></html>")
        #expect(!product.contains("The team moved our accounts"), "\(product)")
    }

    @Test func headingsWhoseSectionsWereLeftOutDoNotCloseALongArticle() {
        let body = String(repeating: Self.article, count: 5)
        let more =
            "<h3>More on this</h3><ul><li><a href=\"/a\">The council's earlier budget, and why it failed</a></li>"
            + "<li><a href=\"/b\">Schools ask for more money again this year</a></li></ul>"
        let tags = "<h3>Tags</h3><div><a href=\"/t/council\">Council</a> <a href=\"/t/budget\">Budget</a></div>"
        let text = Self.mainText("<body><article><h2>Budget</h2>\(body)\(more)\(tags)</article></body>")
        #expect(text.hasSuffix("from next week."), "\(text)")
        #expect(!text.contains("More on this") && !text.contains("Tags"), "\(text)")
        // A section whose text stays keeps its heading.
        let kept = Self.mainText("<body><article>\(body)<h3>Next steps</h3>\(Self.article)</article></body>")
        #expect(kept.contains("Next steps"), "\(kept)")
    }

    /// Each of many nested headings after a long article is asked whether it holds text: one whose section
    /// was left out goes, one over a section that stays is kept; a heading whose text was left out (a box of
    /// links inside it) does not end the section of the heading before it.
    @Test func nestedHeadingsAndHeadingsWithoutTextAfterALongArticle() {
        let body = String(repeating: Self.article, count: 5)
        let nested = String(repeating: "<h3>", count: 40)
        let closed = String(repeating: "</h3>", count: 40)
        let empty = String(repeating: "<i></i>", count: 40)
        let tags = "<div><a href=\"/t/council\">Council</a> <a href=\"/t/budget\">Budget</a></div>"
        let text = Self.mainText("<body><article>\(body)\(nested)Tags\(closed)\(empty)\(tags)</article></body>")
        #expect(text.hasSuffix("from next week."), "\(text)")
        let kept = Self.mainText("<body><article>\(body)\(nested)Next steps\(closed)\(Self.article)</article></body>")
        #expect(kept.contains("Next steps"), "\(kept)")
        let emptied = "<h4><div><a href=\"/x\">Click here</a> <a href=\"/y\">and here</a></div></h4>"
        let more = Self.mainText("<body><article>\(body)<h3>Tags</h3>\(tags)\(emptied)</article></body>")
        #expect(more.hasSuffix("from next week."), "\(more)")
        // A heading below its rank after the links opens a part of its section; one above closes it.
        let below = Self.mainText("<body><article>\(body)<h3>Tags</h3>\(tags)<h4>Council</h4></article></body>")
        #expect(below.hasSuffix("from next week.\n\nTags\n\nCouncil"), "\(below)")
        let above = Self.mainText("<body><article>\(body)<h3>Tags</h3>\(tags)<h2>Council</h2></article></body>")
        #expect(above.hasSuffix("from next week.\n\nCouncil"), "\(above)")
    }

    @Test func aBoxAboutTheAuthorAfterTheArticleIsChrome() {
        let box =
            "<div class=\"author-box\"><p>Ann Reporter has covered the council for ten years, and writes about "
            + "schools, roads and local politics for the paper.</p></div>"
        let text = Self.mainText("<body><article>\(Self.article)\(box)</article></body>")
        #expect(text.hasSuffix("from next week."), "\(text)")
        #expect(!text.contains("Ann Reporter"), "\(text)")
    }

    @Test func aSitesCopyrightNoticeInTheMainLandmarkIsChrome() {
        let notice =
            "<div class=\"copyright-wrapper\"><p>Example Media 1 Main Street, Springfield | 555-0100 tel</p>"
            + "<p>The contents of this site are ©2019 Example Media Corp., a subsidiary of Example Holdings, Inc.</p></div>"
        let text = Self.mainText("<body><div role=\"main\"><article>\(Self.article)</article>\(notice)</div></body>")
        #expect(text.hasSuffix("from next week.") && !text.contains("Example Media"), "\(text)")
        // As an id, the word is a section's anchor: the section stays.
        let section = "<h2 id=\"copyright\">Copyright</h2><p>Who owns the minutes of a council meeting, and who may print them.</p>"
        let kept = Self.mainText("<body><article>\(Self.article)\(section)</article></body>")
        #expect(kept.contains("who may print them."), "\(kept)")
    }

    @Test func relatedArticlesInsideTheArticleAreChrome() {
        let related =
            "<div class=\"field field--name-field-related-articles\"><h2><a href=\"/x\">Petition handed in</a></h2>"
            + "<p>A petition against the import of fur, signed by forty thousand people, was handed to the parliament on Monday.</p></div>"
        let text = Self.mainText("<body><article>\(Self.article)\(related)</article></body>")
        #expect(text.hasSuffix("from next week.") && !text.contains("petition"), "\(text)")
    }

    @Test func anAPIEntrysAnchorIsNotReadAsChrome() {
        let entry =
            "<dl class=\"py class\"><dt id=\"http.cookiejar.CookieJar\">class http.cookiejar.CookieJar(policy=None)</dt>"
            + "<dd><p>The CookieJar class stores HTTP cookies, extracts them from responses, and returns them with "
            + "later requests, as the policy in effect allows.</p></dd></dl>"
        let text = Self.mainText("<body><main>\(Self.article)\(entry)</main></body>")
        #expect(text.contains("class http.cookiejar.CookieJar(policy=None)"), "\(text)")
        let cookieBanner = Self.mainText("<body><main>\(Self.article)<div id=\"cookie-notice\">We use cookies.</div></main></body>")
        #expect(!cookieBanner.contains("We use cookies"), "\(cookieBanner)")
    }

    @Test func aFooterIsChromeEvenWhenItHoldsMostOfTheProseBelowAShortArticle() {
        let columns = [
            ["About Us", "Careers at Example Media", "Contact the Newsroom", "Advertise With Us"],
            ["Manage Your Subscription", "Gift a Subscription", "Newsletters", "Home Delivery"],
            ["Terms of Service", "Privacy Policy", "Cookie Settings", "Accessibility Statement"],
        ]
        let links = columns.map { "<ul>" + $0.map { "<li><a href=\"/x\">\($0)</a></li>" }.joined() + "</ul>" }.joined()
        let finePrint =
            "<p>Example Daily News is published by Example Media Group, Inc., 100 Main Street, Springfield, a "
            + "subsidiary of Example Holdings, LLC. All rights reserved.</p><p>Use of this site constitutes acceptance "
            + "of our Terms of Service, Privacy Policy and Cookie Statement, and your privacy rights. The material on "
            + "this site may not be reproduced, distributed, transmitted, cached or otherwise used, except with the "
            + "prior written permission of Example Media Group.</p>"
        let html =
            "<body><nav><a href=\"/\">Home</a> <a href=\"/news\">News</a></nav><div class=\"x1a\"><h1>Council closes "
            + "two libraries</h1><p>The city council voted on Tuesday to close two of its five public libraries next "
            + "year, citing a shortfall in the budget.</p><p>Residents who packed the meeting said the closures would "
            + "hurt children and older people most.</p><div class=\"x2b\"><h3>Subscribe to keep reading</h3>"
            + "<a href=\"/subscribe\">Subscribe now</a></div></div><footer>\(links)\(finePrint)</footer></body>"
        let text = Self.mainText(html)
        #expect(text.contains("The city council voted") && text.contains("older people most."), "\(text)")
        #expect(!text.contains("Example Media Group") && !text.contains("Careers"), "\(text)")
    }

    @Test func aDocSectionWhoseHeadingLinksToItIsNotChromeByItsID() {
        func section(_ id: String, _ title: String, _ text: String) -> String {
            "<section id=\"\(id)\"><h2>\(title)<a class=\"headerlink\" href=\"#\(id)\">¶</a></h2><p>\(text)</p></section>"
        }
        let html =
            "<body><nav><a href=\"/\">Home</a> <a href=\"/docs\">Docs</a></nav><div class=\"body\" role=\"main\">"
            + "<h1>Configuration</h1><p>The viewer reads its settings from a file in your home folder, which it "
            + "creates on first start with every option at its default.</p>"
            + section(
                "navigation-bar-options", "Navigation bar options",
                "The navigation bar shows the pages you opened last, and its width and colours are set here.")
            + section(
                "footer-settings", "Footer settings",
                "The footer of each printed page holds the page number and the date; footer.template changes it.")
            + "<div id=\"footer-links\"><h2><a href=\"#top\">More</a></h2><p>Copyright 2024 Example Project and its "
            + "contributors, all rights reserved, released under the MIT licence.</p></div></div></body>"
        let text = Self.mainText(html)
        for part in ["Navigation bar options", "pages you opened last", "Footer settings", "footer.template changes it."] {
            #expect(text.contains(part), "\(part) missing from \(text)")
        }
        #expect(!text.contains("Copyright"), "\(text)")
    }
}
