import Foundation
import Testing

@testable import Winnow

/// Every named rule does something: switched off alone, it changes the text of a small page built for it.
@Suite struct ContentRuleTests {
    static func text(_ html: String, without rule: ContentRule? = nil) -> String {
        var settings = HTMLExtractor.Settings()
        if let rule { settings.disabledRules = ContentRules(rule) }
        guard case .text(let text, _, _) = HTMLExtractor(settings: settings).extract(.text(html)) else { return "<refused>" }
        return text
    }

    static let article = MainContentTests.article
    static let paragraph = "<p>\(article.replacingOccurrences(of: "<p>", with: "").replacingOccurrences(of: "</p>", with: " "))</p>"
    static let long = String(repeating: article, count: 4)
    static let posts = MainContentTests.posts
    static let productHead = "<meta property=\"og:type\" content=\"product\">"
    static let product = MainContentTests.productDescription
    static let prose = "<p>A paragraph that is long enough to look like prose, with commas, and words, and a full stop.</p>"

    /// A page on which `rule` changes the text.
    static func page(_ rule: ContentRule) -> String {
        switch rule {
        case .hiddenElements:
            return "<body><article>\(article)<div style=\"display:none\">\(prose)</div></article></body>"
        case .noscript:
            return "<body><article>\(article)<noscript>\(prose)</noscript></article></body>"
        case .foldedPanels:
            return
                "<body><article>\(article)<button id=\"fit\">Fit</button><div aria-labelledby=\"fit\" hidden>\(prose)</div></article></body>"
        case .streamedSegments:
            let segments = posts.enumerated().map { "<div hidden id=\"S:\($0.offset)\"><section><p>\($0.element)</p></section></div>" }
            return "<body><div id=\"root\"><nav><a href=\"/\">Home</a></nav><div>Loading...</div></div>\(segments.joined())</body>"
        case .classAndIDWords:
            return "<body><article>\(article)<div class=\"share-tools\">\(prose)</div></article></body>"
        case .ariaRoles:
            return "<body><article>\(article)<div role=\"navigation\">\(prose)</div></article></body>"
        case .chromeTags:
            return "<body><article>\(article)<aside>\(prose)</aside></article></body>"
        case .contentTags:
            let groups = (1...8).map { group in
                "<div><span>Guitars \(group)</span> "
                    + (1...16).map { "<span>Guitar Category \(group)-\($0)</span>" }.joined(separator: " ")
                    + "</div>"
            }
            return "<body><div>\(groups.joined())</div><main><div>\(article)</div></main></body>"
        case .headerWeight:
            let letters = "<p>Alpha, beta, gamma, delta, epsilon, zeta, eta, theta, iota, kappa, lambda, mu, nu, and xi are Greek.</p>"
            return "<body><div><div>\(String(repeating: article, count: 5))</div><header>\(letters)\(letters)</header></div></body>"
        case .pageWideNames:
            let headings = (1...40).map { "<h3><a href=\"/\($0)\">Heading \($0) of the long list of headings below</a></h3>" }
            return "<body role=\"main\"><div>\(article)</div>\(headings.joined())</body>"
        case .articleBodyMarkup:
            return
                "<body><div class=\"sidebar\" itemprop=\"articleBody\">\(article)</div><div>\(String(repeating: article, count: 2))</div></body>"
        case .codeClassNames:
            return
                "<body><div class=\"post\">\(article)<pre><code><span class=\"hljs-comment\"># stage every change</span>\ngit add -A</code></pre></div></body>"
        case .permalinkSections:
            return "<body><div role=\"main\">\(long)<section id=\"footer-settings\"><h2>Footer settings"
                + "<a href=\"#footer-settings\">¶</a></h2>\(prose)</section></div></body>"
        case .permalinkMarks:
            return "<body><article><h2 id=\"usage\">Usage<a class=\"headerlink\" href=\"#usage\">¶</a></h2>\(article)</article></body>"
        case .footnotes:
            return
                "<body><article>\(article)<aside class=\"footnote-list\"><aside class=\"footnote\">\(prose)</aside></aside></article></body>"
        case .gluedCopies:
            return "<body><article>\(article)<p>Price: <span>EUR 9.99<span class=\"clipped\">EUR 9.99</span></span></p></article></body>"
        case .placeholderFiller:
            return "<body><article>\(article)<div class=\"card\"><p>Lorem ipsum dolor sit amet, consectetur adipiscing elit, "
                + "sed do eiusmod tempor incididunt ut labore et dolore magna aliqua.</p></div></article></body>"
        case .mostOfPage:
            return "<body><div class=\"advertisement-off-canvas-pusher\"><div class=\"content\">\(article)</div></div></body>"
        case .productChrome:
            let fine = "<div class=\"feature__disclaimer\">\(prose)</div>"
            return "<html><head>\(productHead)</head><body><div class=\"product\">\(product)\(fine)</div></body></html>"
        case .chromeHeadings:
            let others = posts.map { "<article class=\"post\"><p>\($0) \($0) \($0)</p></article>" }
            return "<body><div class=\"posts\"><article class=\"post\">\(article)</article>"
                + "<div><h3 class=\"related-posts-title\">You may also like</h3>\(others.joined())</div></div></body>"
        case .recommendationHeadings:
            let items = (1...4).map { "<li><a href=\"/p/\($0)\">Trail Daypack \($0)0</a><p>A roomy pack, with a hip belt.</p></li>" }
            return
                "<body><div class=\"product\">\(product)<div class=\"x1\"><div class=\"x2\"><h2>Customers who viewed this item also viewed</h2></div>"
                + "<ul>\(items.joined())</ul></div></div></body>"
        case .accordions:
            let panels = posts.map {
                "<div class=\"panel\"><h4><a href=\"#q\">A question</a></h4><div class=\"panel-collapse collapse\"><p>\($0)</p></div></div>"
            }
            return "<body><div class=\"page\">\(article)<div class=\"panel-group\" role=\"tablist\">\(panels.joined())</div></div></body>"
        case .ownSlideshows:
            let slides = posts.map { "<div class=\"slide\"><p>\($0) \($0)</p></div>" }
            return "<body><main>\(long)<div class=\"testimonial-carousel\">\(slides.joined())</div></main></body>"
        case .forumComments:
            let thread = posts.map { "<div class=\"comment-wrap\"><div class=\"author\">Member</div><p>\($0)</p></div>" }
            return "<body><div class=\"thread\">\(thread.joined())</div></body>"
        case .displayNames:
            let sections = posts.map { "<div class=\"banner has-hover\"><div class=\"banner-inner\"><p>\($0)</p></div></div>" }
            return "<body><div class=\"page\">\(sections.joined())</div></body>"
        case .containerParagraphs:
            let story = article.replacingOccurrences(of: "<p>", with: "").replacingOccurrences(of: "</p>", with: " ")
            let archive = (1...30).map { "<li><a href=\"/news?m=\($0)\">Archive month \($0) (120)</a></li>" }
            return "<body><div class=\"row\"><div><ul>\(archive.joined())</ul></div><div><h2>Budget</h2><br>\(story)</div></div></body>"
        case .linkDensityPenalty:
            let links = (1...12).map { "<a href=\"/\($0)\">a link to somewhere else on the site, number \($0)</a>" }.joined(separator: ", ")
            return "<body><div><p>\(links)</p><p>\(links)</p></div><div>\(article)</div></body>"
        case .widenTwiceTheProse:
            // Two links each keep the other sections from joining as siblings; widening takes them. Each
            // section has a heading of its own: the same section three times would be copies of it.
            let links =
                "<ul><li><a href=\"/a\">A link to another page of the site, about the council and its budget</a></li>"
                + "<li><a href=\"/b\">A second link to another page of the site, about the council</a></li></ul>"
            let section = { (part: Int, more: String) in "<section><div><h2>Part \(part)</h2>\(article)\(more)</div></section>" }
            return "<body><div>\(section(1, ""))\(section(2, links))\(section(3, links))</div></body>"
        case .widenRestOfArticle:
            let first = (1...6).map {
                "<p>Part one, paragraph \($0): the council approved the budget on Tuesday, after a long debate about schools, roads and the library.</p>"
            }
            let second = (1...2).map {
                "<p>Part two, paragraph \($0): members said the plan, which raises spending, would be reviewed again in March by the auditors.</p>"
            }
            return "<body><div class=\"page\"><div class=\"wrap\"><div class=\"text\">\(first.joined())</div></div>"
                + "<div class=\"ad-slot\"><a href=\"/ad\">Advertisement</a></div><div class=\"more\">\(second.joined())</div></div></body>"
        case .widenWeakCore:
            let jobs = (1...12).map { "<li><a href=\"/job/\($0)\">Senior Software Engineer \($0) at Example Company, Remote</a></li>" }
            return "<body><div class=\"page\"><div class=\"intro\"><div class=\"note\"><p>Looking for remote roles? "
                + "Advance your career with these openings.</p></div></div><ul class=\"jobs\">\(jobs.joined())</ul></div></body>"
        case .teasersStopWidening:
            let headline = "<h3><a href=\"/story\">A story from elsewhere on the site, with a long headline</a></h3>"
            let summary = String(
                repeating: "A short summary of that other story, which readers of this one may also like to read. ", count: 2)
            let teasers = String(repeating: "<div>\(headline)<p>\(summary)</p></div>", count: 14) + String(repeating: headline, count: 4)
            let notes = "<div><p>\(String(repeating: "the town hall opens at nine ", count: 70))</p></div>"
            return "<body><div><div><div>\(String(repeating: paragraph, count: 4))</div></div>\(notes)<div>\(teasers)</div></div></body>"
        case .landmarkLists:
            let cards = (1...48).map { "<li><a href=\"/p/\($0)\"><div>Offspring Medium Earrings \($0)</div><div>$520.00</div></a></li>" }
            return
                "<body><main><h1>Silver earrings</h1><ul class=\"grid\">\(cards.joined())</ul><div class=\"guide\">\(long)</div></main></body>"
        case .linkListCore:
            let items = [
                "zlib: compression compatible with gzip", "gzip: support for gzip files", "bz2: support for bzip2 compression",
                "lzma: compression using the LZMA algorithm", "zipfile: work with ZIP archives",
                "tarfile: read and write tar archive files",
            ]
            return
                "<body><div class=\"body\" role=\"main\"><h1>Data Compression and Archiving</h1><p>The modules described in this chapter "
                + "support data compression with the zlib, gzip, bzip2 and lzma algorithms.</p><ul>\(items.map { "<li><a href=\"#\">\($0)</a></li>" }.joined())</ul></div></body>"
        case .scoredSiblings:
            let letters = "<p>Alpha, beta, gamma, delta, epsilon, zeta, eta, theta, iota, kappa, lambda, and mu are letters, all Greek.</p>"
            return "<body><div><div>\(long)</div><div>\(letters)</div></div></body>"
        case .teaserSiblings:
            let teasers = (1...12).map {
                "<div class=\"item\"><a href=\"/s/\($0)\"><h5>Another story number \($0)</h5></a>"
                    + "<p>Short, punchy, teasing, one-line, summary, of it, here, today.</p><span>Staff writer</span></div>"
            }
            return
                "<body><div class=\"wrap\"><div class=\"story\">\(long)</div><div class=\"recent\"><span>RECENT ARTICLES</span>\(teasers.joined())</div></div></body>"
        case .proseSiblings:
            return
                "<body><div><div>\(long)</div><p>A short closing sentence of the story.</p><ul>\((1...12).map { "<li><a href=\"/\($0)\">Another post number \($0) that readers liked</a></li>" }.joined())</ul></div></body>"
        case .entryLists:
            let entries = (1...8).map {
                "<article class=\"excerpt\"><h2><a href=\"/post/\($0)\">A post on the blog, number \($0)</a></h2></article>"
            }
            return
                "<body><div class=\"posts\"><h1>For beginners</h1><div class=\"description\">\(long)</div><div>\(entries.joined())</div></div></body>"
        case .proseSections:
            let sections = [
                "<h2>Costs</h2><p>Most cleaners charge by the hour, and a small flat costs less than a large house, which takes longer.</p>",
                "<h2>Savings</h2><p>Booking every week costs less a visit than booking once, and <a href=\"/tips\">tidying up</a> before they come helps too.</p>",
            ]
            let related = (1...12).map { "<li><a href=\"/post/\($0)\">Another post on cleaning that readers of this blog liked</a></li>" }
            return
                "<body><div class=\"post\"><div>\(sections[0])</div><div><div><div><h2>What changes the price</h2>\(article)</div></div></div>"
                + "<div>\(sections[1])</div><div class=\"more\"><ul>\(related.joined())</ul></div></div></body>"
        case .linkDenseBlocks:
            return
                "<body><article>\(article)<div><a href=\"/a\">Another story about the council and its meetings</a> <a href=\"/b\">A second story</a></div></article></body>"
        case .admonitions:
            return "<body><article>\(article)<div class=\"admonition seealso\"><p>See also</p><p>More about colour spaces at "
                + "<a href=\"https://poynton.ca/ColorFAQ.html\">https://poynton.ca/ColorFAQ.html</a>.</p></div></article></body>"
        case .readMoreParagraphs:
            return
                "<body><article>\(article)<p>READ MORE: <a href=\"/other\">Council votes to close the old library for good after the floods</a></p>\(article)</article></body>"
        case .colonLists:
            let links =
                "<ul><li><a href=\"/1\">Fix the loader for large files</a></li><li><a href=\"/2\">Add a flag for quiet builds</a></li></ul>"
            return "<body><article>\(article)<p>Several patches were merged this month:</p>\(links)</article></body>"
        case .trailingCallsToAction:
            let appeal = "<div class=\"donate-cta\"><h3>Support our newsroom</h3>\(prose)</div>"
            return "<article><div class=\"story\">\(long)\(appeal)</div></article>"
        case .requotedBlocks:
            return "<body><div class=\"thread\"><div class=\"post\"><p>\(posts[0])</p></div>"
                + "<div class=\"post\"><blockquote><p>\(posts[0])</p></blockquote><p>\(posts[1])</p></div></div></body>"
        case .orphanedHeadings:
            let more =
                "<h3>Elsewhere</h3><ul><li><a href=\"/a\">The council's earlier budget, and why it failed</a></li>"
                + "<li><a href=\"/b\">Schools ask for more money again this year</a></li></ul>"
            return "<body><article><h2>Budget</h2>\(String(repeating: article, count: 5))\(more)</article></body>"
        case .storyHeadings:
            let teasers = (1...3).map { "<h3><a href=\"/s/\($0)\">Another story from the town, number \($0)</a></h3>" }
            return "<body><article>\(article)<h2>Read also</h2>\(teasers.joined())</article></body>"
        case .storyLinks:
            return "<body><article>\(article)<p>Read also: <a href=\"/s/1\">Another story from the town</a></p>\(article)</article></body>"
        case .leadParagraphs:
            let lead = "<div class=\"teaser-text\">\(LeadParagraphTests.lead)</div>"
            return "<body><article><h1>Budget passes</h1>\(lead)<div class=\"news-text\">\(long)</div></article></body>"
        case .listItems:
            let ingredients =
                "<ul><li>125 g flour</li><li>65 g sugar</li><li>2 tins of <a href=\"/g/mandarin\">mandarin oranges</a></li></ul>"
            return "<body><article>\(article)\(ingredients)</article></body>"
        case .imageCaptions:
            return "<body><article>\(long)\(ImageCaptionTests.figure)\(long)</article></body>"
        case .adLabels:
            return "<body><article>\(article)<div class=\"slot\"><p>Advertisement</p></div>\(article)</article></body>"
        case .creditLines:
            return "<body><article>\(article)<p><em>Quelle: dpa</em></p></article></body>"
        case .controlLabels:
            return "<body><article>\(article)<div class=\"tools\"><span>Share this article</span></div></article></body>"
        case .articleDescriptions:
            return ArticleDescriptionTests.page(ArticleDescriptionTests.description)
        case .repeatedSections:
            let panel = RepeatedSectionTests.panel
            return "<body><article>\(article)<div class=\"tabs\">\(panel)</div><div class=\"mobile\">\(panel)</div></article></body>"
        case .headlineKickers:
            return HeadlineKickerTests.page(kicker: "Politics")
        case .headlineDatelines:
            return HeadlineKickerTests.page(below: ["By Jane Doe"])
        case .orphanedLabels:
            return "<body><article>\(OrphanedLabelTests.contents)\(long)</article></body>"
        case .signUpBoxes:
            return "<body><article>\(long)\(SignUpBoxTests.box)\(article)</article></body>"
        case .structuredDescription:
            let description =
                "The Arrival T-Shirt is your admission to a new approach to training, with sweat-wicking "
                + "fabric and a lightweight material that enables maximum movement, and a print that lasts."
            let data = "{\"@type\": \"Product\", \"name\": \"Arrival T-Shirt\", \"description\": \"\(description)\"}"
            return
                "<html><head><script type=\"application/ld+json\">\(data)</script></head><body><div class=\"product\"><h1>Arrival T-Shirt</h1>"
                + "<p>Customers say it fits true to size.</p><p>Free standard delivery for orders over $75.</p></div></body></html>"
        }
    }

    @Test(arguments: ContentRule.allCases) func switchingTheRuleOffChangesItsPage(rule: ContentRule) {
        let page = Self.page(rule)
        let on = Self.text(page)
        let off = Self.text(page, without: rule)
        #expect(on != off, "\(rule.name) changes nothing: \(on)")
    }

    @Test func namesAreUniqueAndReadBack() throws {
        #expect(Set(ContentRule.allCases.map(\.name)).count == ContentRule.allCases.count)
        for rule in ContentRule.allCases { #expect(ContentRule(name: rule.name) == rule) }
        #expect(ContentRules.all.rules == ContentRule.allCases)
        #expect(ContentRule.allCases.count <= 64, "one bit a rule")
    }
}
