/// Builds a `PageTree` from the parser's start, end and text events, dropping what never counts as
/// text (scripts, styles, form controls, hidden elements) and reading the page's metadata on the way.
/// The buffers it is handed are valid only during the call.
struct PageTreeBuilder {
    private var tree = PageTree()
    /// The open elements, innermost last; the synthetic root is always first. One stack, so that an
    /// element's start and end each write one array.
    private var open: [OpenElement] = [OpenElement.root]
    /// Hashes of the `id`s of the elements started so far: a panel labelled by an element before it
    /// (`aria-labelledby`) is a disclosure's or an accordion's, opened by that heading or button.
    private var earlierIDs: Set<UInt64> = []
    /// Elements that only their `id` makes chrome, by the id's hash: the node and the weight the id gave.
    private var chromeIDs: [UInt64: (node: Int32, weight: Int16)] = [:]
    /// Open links in a heading or a definition term to an anchor on the page (`href="#…"`): the
    /// anchor's hash, the link's node, where its text starts, whether a heading holds it, and whether
    /// it may be a permalink whose mark is dropped (`permalink-marks`).
    private var anchorLinks: [(target: UInt64, node: Int32, textStart: Int, inHeading: Bool, marksPermalink: Bool)] = []
    /// Where the last two characters of `tree.text` that are not white space start, written in a
    /// heading or term or while a link is in `anchorLinks` (-1: none): a link's text is a mark or none
    /// when the second is before it.
    private var visibleStarts = (secondLast: -1, last: -1)
    /// How many elements deep inside a dropped element the parser is (0: not inside one).
    private var dropDepth = 0
    /// The dropped element is an inline drawing, which an HTML element ends (`DrawingBreakout`).
    private var dropsDrawing = false
    /// The `dropDepth` at which the drawing's text element (`foreignObject`, `title`, `desc`), where no
    /// HTML element ends it, opened (0: none).
    private var drawingTextDepth = 0
    /// Where the parser last found a drawing's end tag, for the next drawing (`winnow_htmlSkipSVG`).
    var drawingEnd = -1
    /// The last answer of `startsRun`, kept while the text before `copyStart` stays: a page of many
    /// glued copies of one run after many spaces reads the spaces once.
    private var spacedRun: (node: Int, copyStart: Int, spaced: Bool)?
    /// The last glued copy dropped, all of it shown inline: its parent, where its nodes end, and the first
    /// copy's start and text node. The next copy of that run in the parent looks back past it in one step
    /// (a marquee's hundred "Book Now" spans), as the text before it stays.
    private var droppedCopy: (parent: Int, end: Int, copyStart: Int, found: Int)?
    private var capture = Capture.none
    private var captured: [UInt8] = []
    private var hints = ContentHints()
    /// The rules switched on; those of the tree's hints are applied here.
    private let rules: ContentRules

    private enum Capture {
        case none, title, jsonLD
    }

    /// An open element: its node and what it passes on to the elements inside it.
    private struct OpenElement {
        var node: Int32
        /// Its own text is not page text (a button's label). Elements nested in a button are kept:
        /// libxml2 ignores `</button>` while a `<div>` inside it is open, so a page can continue
        /// inside a button that never closes.
        var silent: Bool
        /// It is or is inside `<pre>` or `<code>`, where class names are a syntax highlighter's
        /// tokens ("hljs-comment", "token comment"), not page chrome.
        var inCode: Bool
        /// It is or is inside a heading.
        var inHeading: Bool
        /// It is or is inside a definition term (`dt`), where documentation states an API's signature.
        var inTerm: Bool
        /// Where the text of the outermost heading or term it is in starts (when it is in one).
        var titleStart: Int
        /// Where its own text starts in `tree.text`.
        var textStart: Int
        /// libxml2 holds it open, but the tree has closed it (or never opened it): an element of a
        /// drawing a browser ended, or a void element (`HTMLTag.isEmptyDropped`).
        var closed = false

        static let root = OpenElement(
            node: 0, silent: false, inCode: false, inHeading: false, inTerm: false, titleStart: 0, textStart: 0)
    }

    init(rules: ContentRules = .all) {
        self.rules = rules
        tree.nodes.reserveCapacity(2048)
        tree.text.reserveCapacity(1 << 16)
        tree.nodes.append(PageNode(tag: .other, hint: ContentHint(), parent: -1, end: 0, textStart: 0, textEnd: 0))
    }

    mutating func start(name: UnsafeBufferPointer<UInt8>, attributes: HTMLParser.AttributeList) {
        if dropDepth > 0 {
            let inDrawing = dropsDrawing && drawingTextDepth == 0
            guard inDrawing && DrawingBreakout.breaksOut(name, attributes) else {
                if inDrawing && DrawingBreakout.holdsHTML(name) { drawingTextDepth = dropDepth + 1 }
                dropDepth += 1
                return
            }
            // The drawing ends here for a browser; libxml2 holds its elements open and closes them later.
            holdClosed(dropDepth)
            dropDepth = 0
            dropsDrawing = false
        }
        var tag = HTMLTag.named(name)
        // A declarative shadow root is what the browser shows for its host element; other templates are inert.
        if tag == .template && Self.isShadowRoot(attributes) { tag = .div }
        var hint = ContentHint()
        var hidden = false
        var streamed = false
        var ownID: UInt64?
        var idHint = ContentHint()
        var anchor: UInt64?
        var labelledBy: UInt64?
        var itemScope = false
        var itemDescription = false
        switch tag {
        case .meta, .link, .html, .time, .title, .script, .base:
            readMetadata(tag, attributes)
        default:
            break
        }
        if tag.isEmptyDropped {
            holdClosed(1)
            return
        }
        if tag.layout == .dropped || (tag == .other && Self.isMathAnnotation(name)) {
            dropDepth = 1
            dropsDrawing = tag == .svg
            return
        }
        for (key, value) in attributes {
            switch Attribute(key) {
            case .className:
                if rules.has(.classAndIDWords) { hint.add(hints.hint(classAndID: value, isClass: true)) }
            case .id:
                if rules.has(.classAndIDWords) { idHint = hints.hint(classAndID: value, isClass: false) }
                streamed = rules.has(.streamedSegments) && Self.isStreamedSegment(id: value)
                ownID = StableHash.of(value)
            case .role:
                if rules.has(.ariaRoles) { hint.add(ContentHints.hint(role: value)) }
            case .style:
                hidden = hidden || Self.hidesElement(style: value)
            case .hidden:
                hidden = true
            case .ariaHidden:
                hidden = hidden || Self.equalsIgnoringCase(value, "true")
            case .ariaLabelledBy:
                labelledBy = StableHash.of(value.prefix { $0 != 0x20 })
            case .itemprop:
                if rules.has(.articleBodyMarkup) && Self.equalsIgnoringCase(value, "articleBody") { hint.marks.insert(.articleBody) }
                itemDescription = Self.equalsIgnoringCase(value, "description")
            case .itemscope:
                itemScope = true
            case .itemtype:
                tree.kind.itemtype(Array(value))
            case .href:
                if rules.has(.permalinkSections) || rules.has(.permalinkMarks), tag == .a, value.count > 1,
                    value[0] == UInt8(ascii: "#")
                {
                    anchor = StableHash.of(value.dropFirst())
                }
            case .other:
                break
            }
        }
        let chromeOnlyByID = idHint.marks.contains(.chrome) && !hint.marks.contains(.chrome)
        hint.add(idHint)
        // Labelled by an element before it, not by its own title inside it (a modal dialog's).
        if rules.has(.foldedPanels), let labelledBy, earlierIDs.contains(labelledBy) { hint.marks.insert(.folded) }
        if let ownID { earlierIDs.insert(ownID) }
        var chromeByTag = false
        if (hidden && rules.has(.hiddenElements) && !hint.marks.contains(.folded) && !streamed)
            || (tag == .noscript && rules.has(.noscript))
        {
            hint.marks.insert(.hidden)
        }
        if streamed { hint.marks.insert(.streamed) }
        if hint.marks.contains(.purchase) { tree.kind.offersPurchase() }
        switch tag {
        // A form label names a control the tree drops; without it, it is chrome (a filter's options). An
        // aside of footnotes (or another note named so) belongs to the text it annotates.
        case .nav, .aside, .footer, .search, .figcaption, .label:
            guard rules.has(.chromeTags), !(tag == .aside && hint.marks.contains(.note) && rules.has(.footnotes)) else { break }
            chromeByTag = true
            hint.setChrome(true)
            if tag == .footer { hint.marks.insert(.footer) }
            hint.weight -= ContentThresholds.tagWeight
        case .article, .main:
            guard rules.has(.contentTags) else { break }
            if tag == .main { hint.marks.insert(.main) }
            hint.weight += ContentThresholds.tagWeight
            hint.setChrome(false)
        case .html, .body, .head:
            // Class names on the page itself describe the whole page ("single-post has-sidebar").
            if rules.has(.pageWideNames) { hint = ContentHint() }
        case .header:
            if rules.has(.headerWeight) { hint.weight -= ContentThresholds.tagWeight }
        default:
            break
        }
        if hint.marks.contains(.articleBody) {
            hint.setChrome(false)
            hint.marks.remove(.productChrome)
        }
        let enclosing = open[open.count - 1]
        let codeParent = enclosing.inCode
        if codeParent && rules.has(.codeClassNames) { hint = ContentHint(marks: hint.marks.intersection(.hidden)) }
        let node = Int32(tree.nodes.count)
        if chromeOnlyByID && !chromeByTag && hint.marks.contains(.chrome), let ownID { chromeIDs[ownID] = (node, idHint.weight) }
        let heading = enclosing.inHeading || tag.isHeading
        let term = enclosing.inTerm || tag == .dt
        let titleStart = enclosing.inHeading || enclosing.inTerm ? enclosing.titleStart : tree.text.count
        if heading || term, let anchor {
            // A permalink follows its heading's or term's own text and links to an anchor already on the page
            // (a footnote's reference links ahead), not inside another such link.
            let marksPermalink =
                rules.has(.permalinkMarks) && anchorLinks.isEmpty && visibleStarts.last >= titleStart && earlierIDs.contains(anchor)
            anchorLinks.append((anchor, node, tree.text.count, heading, marksPermalink))
        }
        tree.nodes.append(PageNode(tag: tag, hint: hint, parent: enclosing.node, end: 0, textStart: 0, textEnd: 0))
        if itemScope { tree.items.scopes.append(node) }
        if itemDescription { tree.items.descriptions.append(node) }
        // A button's text is a control's label, but inside a heading it is the heading's (an accordion's question).
        open.append(
            OpenElement(
                node: Int32(tree.nodes.count - 1),
                silent: (tag == .button && !enclosing.inHeading) || (enclosing.silent && tag.layout == .inline),
                inCode: codeParent || tag == .pre || tag == .code, inHeading: heading, inTerm: term, titleStart: titleStart,
                textStart: tree.text.count))
        // A formula reads as its `alttext` (the author's spoken or TeX form) when it has one, its
        // tokens then silent; else as its tokens' text. Annotations (TeX source) repeat it: dropped.
        if tag == .math, let alternative = Self.alternativeText(attributes) {
            characters(alternative)
            open[open.count - 1].silent = true
        }
    }

    mutating func end() {
        if dropDepth > 0 {
            if dropDepth == drawingTextDepth { drawingTextDepth = 0 }
            dropDepth -= 1
            if dropDepth == 0 { finishCapture() }
            return
        }
        guard open.count > 1 else { return }
        if open[open.count - 1].closed {
            open.removeLast()
            return
        }
        let element = open.removeLast()
        let closed = element.node
        tree.nodes[Int(closed)].end = Int32(tree.nodes.count)
        if rules.has(.gluedCopies) && !element.inCode && tree.nodes[Int(closed)].tag.layout == .inline {
            dropGluedCopy(closed, from: element.textStart)
        }
        if let link = anchorLinks.last, link.node == closed {
            anchorLinks.removeLast()
            // Its text is one mark or none.
            if visibleStarts.secondLast < link.textStart {
                if link.inHeading && rules.has(.permalinkSections) { sectionLinked(link.target) }
                // A permalink's link was opened inside no other such link, so it is the only one open.
                if link.marksPermalink && visibleStarts.last >= link.textStart && isMark(at: visibleStarts.last) {
                    dropText(of: closed, from: link.textStart)
                    visibleStarts = (-1, -1)
                }
            }
        }
    }

    /// Whether text now goes nowhere: inside a dropped element (a script, a style), unless captured.
    var dropsText: Bool { dropDepth > 1 || (dropDepth == 1 && capture == .none) }

    /// A run of text, its C1 controls read as Windows-1252 (`Windows1252Controls`).
    mutating func characters(_ bytes: UnsafeBufferPointer<UInt8>) {
        if let replaced = Windows1252Controls.replacing(in: bytes) {
            return replaced.withUnsafeBufferPointer { characters($0) }
        }
        if dropDepth > 0 {
            if dropDepth == 1 && capture != .none && captured.count < 1 << 20 { captured.append(contentsOf: bytes) }
            return
        }
        let enclosing = open[open.count - 1]
        if enclosing.silent { return }
        let parent = enclosing.node
        let textEnd = Int32(tree.text.count)
        tree.text.append(contentsOf: bytes)
        if !anchorLinks.isEmpty || enclosing.inHeading || enclosing.inTerm { noteVisible(from: Int(textEnd)) }
        if let last = tree.nodes.last, last.tag == .text, last.parent == parent, last.textEnd == textEnd {
            tree.nodes[tree.nodes.count - 1].textEnd = Int32(tree.text.count)
            return
        }
        tree.nodes.append(
            PageNode(
                tag: .text, hint: ContentHint(), parent: parent, end: Int32(tree.nodes.count + 1),
                textStart: textEnd, textEnd: Int32(tree.text.count)))
    }

    /// Stands for `count` elements libxml2 holds open that the tree has closed: their ends close nothing,
    /// and what they hold belongs to the element around them.
    private mutating func holdClosed(_ count: Int) {
        var enclosing = open[open.count - 1]
        enclosing.closed = true
        open.append(contentsOf: repeatElement(enclosing, count: count))
    }

    /// Closes what is still open and hands the tree over.
    mutating func finish() -> PageTree {
        for element in open.reversed() where !element.closed { tree.nodes[Int(element.node)].end = Int32(tree.nodes.count) }
        open = [OpenElement.root]
        earlierIDs = []
        chromeIDs = [:]
        anchorLinks = []
        tree.metadata.finish()
        return tree
    }

    /// A heading's link to an element around it whose `id` alone made it chrome: the element is a section
    /// the page lets readers link to ("navigation-bar-options", "footer-settings"), named for its
    /// title, not for what it is.
    private mutating func sectionLinked(_ target: UInt64) {
        // Still open: its end is set when it closes (looking it up on `open` took the stack's depth a link).
        guard let (node, weight) = chromeIDs[target], tree.nodes[Int(node)].end == 0 else { return }
        tree.nodes[Int(node)].hint.setChrome(false)
        tree.nodes[Int(node)].hint.weight -= weight
        chromeIDs[target] = nil
    }

    /// Whether the character at `offset` in `tree.text` is a mark, such as "¶", "#", "§" or "🔗": neither
    /// a letter nor a digit (a link showing "A" in an index's heading names its section).
    private func isMark(at offset: Int) -> Bool {
        guard offset < tree.text.count else { return false }
        let scalar = tree.text[offset...].withUnsafeBufferPointer { bytes in
            var decoder = UTF8()
            var iterator = bytes.makeIterator()
            guard case .scalarValue(let scalar) = decoder.decode(&iterator) else { return nil as Unicode.Scalar? }
            return scalar
        }
        guard let scalar else { return false }
        return !scalar.properties.isAlphabetic && scalar.properties.numericType == nil && !scalar.properties.isWhitespace
    }

    /// Drops the text of the inline element `node`, just closed, whose text (from `start`) repeats the
    /// text right before it with nothing between ("EUR 9.99EUR 9.99"): no page shows words glued to
    /// their own copy, so one is for screen readers or hidden by a style sheet. The first copy must be
    /// a text run's start (not the end of "Climate Change" before a tag "Change"), in the same parent,
    /// with only shown inline elements around it, and neither copy may be code.
    private mutating func dropGluedCopy(_ node: Int32, from start: Int) {
        let end = tree.text.count
        let length = end - start
        let copyStart = start - length
        let parent = Int(open[open.count - 1].node)
        // Each node of a copy shows some of its bytes, but for a few empty ones (an icon): an element, or
        // a run between the copies, of more nodes is no copy. So is a run longer than the parent's text
        // before the element (nested elements that each hold the rest of the page, `<b>x.<b>x.…`). Each
        // check below then reads what the copy's length bounds.
        var steps = 2 * length + 16
        guard copyStart >= open[open.count - 1].textStart, tree.nodes.count - Int(node) - 1 <= steps else { return }
        // Five bytes at least: a word a page splits in two halves ("cous<b>cous</b>") is shorter.
        guard length >= 5, tree.text[copyStart] == tree.text[start], tree.text[start - 1] == tree.text[end - 1],
            copyStart == 0 || !Self.continuesWord(tree.text[copyStart - 1]),
            tree.text[copyStart..<start].elementsEqual(tree.text[start..<end]),
            !tree.nodes[Int(node)].hint.marks.contains(.hidden),
            Self.readsAsGlued(String(decoding: tree.text[start..<end], as: UTF8.self).unicodeScalars),
            !tree.nodes[(Int(node) + 1)...].contains(where: { $0.tag == .code || $0.tag == .pre })
        else { return }
        var index = Int(node) - 1
        var checkedAncestors = false
        while index > parent && (tree.nodes[index].tag != .text || tree.nodes[index].textStart > copyStart) {
            if let dropped = droppedCopy, dropped.end - 1 == index, dropped.parent == parent, dropped.copyStart == copyStart {
                (index, checkedAncestors) = (dropped.found, true)
                break
            }
            guard Self.isShownInline(tree.nodes[index]), steps > 0 else { return }
            steps -= 1
            index -= 1
        }
        guard index > parent, startsRun(at: copyStart, in: index) else { return }
        var ancestor = checkedAncestors ? parent : Int(tree.nodes[index].parent)
        while ancestor > parent {
            guard Self.isShownInline(tree.nodes[ancestor]), steps > 0 else { return }
            steps -= 1
            ancestor = Int(tree.nodes[ancestor].parent)
        }
        guard ancestor == parent else { return }
        let shownInline = tree.nodes[(Int(node) + 1)...].allSatisfy(Self.isShownInline)
        dropText(of: node, from: start, keepingSpace: false)
        droppedCopy = shownInline ? (parent, tree.nodes.count, copyStart, index) : nil
        if visibleStarts.last >= start {
            // Noted again over what is left.
            visibleStarts = (-1, -1)
            noteVisible(from: 0)
        }
    }

    /// Forgets what was noted of the text from `count` on, now removed (and of the nodes whose text
    /// starts there), for glued copies.
    private mutating func textShortened(to count: Int) {
        if let run = spacedRun, count < run.copyStart { spacedRun = nil }
        if let dropped = droppedCopy, count <= dropped.copyStart { droppedCopy = nil }
    }

    /// Whether only spaces come before `copyStart` in the text of `node`: the copy starts a text run.
    private mutating func startsRun(at copyStart: Int, in node: Int) -> Bool {
        if let run = spacedRun, run.node == node, run.copyStart == copyStart { return run.spaced }
        let spaced = tree.text[Int(tree.nodes[node].textStart)..<copyStart].allSatisfy(ASCIIByte.isSpace)
        spacedRun = (node, copyStart, spaced)
        return spaced
    }

    /// Whether a copy glued to itself cannot be what a page shows: it holds a letter, and no space at
    /// its edges (`Hello&nbsp;<b>Hello&nbsp;</b>` shows two words). In scripts written without spaces,
    /// a word repeated is a word (休息休息, いろいろ), so such a copy stays.
    private static func readsAsGlued(_ scalars: String.UnicodeScalarView) -> Bool {
        guard let first = scalars.first, let last = scalars.last, !first.properties.isWhitespace, !last.properties.isWhitespace
        else { return false }
        let letters = scalars.filter(\.properties.isAlphabetic)
        return !letters.isEmpty && !letters.allSatisfy(isUnspacedScript)
    }

    /// Thai and Lao, Myanmar, Khmer, kana, CJK ideographs and Hangul: scripts whose words no space parts.
    private static func isUnspacedScript(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0E00...0x0EFF, 0x1000...0x109F, 0x1780...0x17FF, 0x3040...0x30FF, 0x3400...0x9FFF, 0xAC00...0xD7AF,
            0xF900...0xFAFF, 0x20000...0x3FFFF:
            true
        default: false
        }
    }

    private static func isShownInline(_ node: PageNode) -> Bool {
        node.tag.layout == .inline && node.tag != .img && node.tag != .code && !node.hint.marks.contains(.hidden)
    }

    /// Whether `byte`, before a run of text, would make the run's start the middle of a word.
    private static func continuesWord(_ byte: UInt8) -> Bool {
        byte >= 0x80 || ASCIIByte.isLetter(byte) || ASCIIByte.isDigit(byte)
    }

    /// Empties the text nodes inside the element `node`, which has just closed: its text, from `start`,
    /// is the end of the tree's text. White space in it stays as one space, between the words around,
    /// unless `keepingSpace` is false.
    private mutating func dropText(of node: Int32, from start: Int, keepingSpace: Bool = true) {
        let spaced = keepingSpace && tree.text[start...].contains(where: ASCIIByte.isSpace)
        var kept: Int32 = spaced ? 1 : 0
        for index in Int(node) + 1..<tree.nodes.count where tree.nodes[index].tag == .text {
            tree.nodes[index].textStart = Int32(start)
            tree.nodes[index].textEnd = Int32(start) + kept
            kept = 0
        }
        tree.text.removeSubrange(start...)
        textShortened(to: start)
        if spaced { tree.text.append(UInt8(ascii: " ")) }
    }

    /// Notes the last two characters of `tree.text` from `start` on that are not white space (a byte
    /// that starts a character: a mark such as "¶", "#" or "§" counts as one).
    private mutating func noteVisible(from start: Int) {
        var offset = tree.text.count
        var found = 0
        while offset > start && found < 2 {
            offset -= 1
            let byte = tree.text[offset]
            guard !ASCIIByte.isSpace(byte) && byte & 0xC0 != 0x80 else { continue }
            if found == 0 {
                visibleStarts = (visibleStarts.last, offset)
            } else {
                visibleStarts.secondLast = offset
            }
            found += 1
        }
    }

    private mutating func finishCapture() {
        // Nothing is captured without a capture (most dropped elements).
        guard capture != .none else { return }
        switch capture {
        case .title: tree.metadata.titleText = tree.metadata.titleText ?? String(decoding: captured, as: UTF8.self)
        case .jsonLD:
            tree.metadata.jsonLD(captured)
            tree.kind.jsonLD(captured)
            tree.productDescription.jsonLD(captured)
        case .none: break
        }
        capture = .none
        captured.removeAll(keepingCapacity: true)
    }

    private mutating func readMetadata(_ tag: HTMLTag, _ attributes: HTMLParser.AttributeList) {
        func value(_ name: StaticString) -> String? { Self.attribute(name, of: attributes) }
        switch tag {
        case .meta:
            // Read in place: most `<meta>` elements (viewport, description, twitter:…) say nothing read
            // here, and their values are made strings only when one does.
            guard let content = Self.lastValue("content", of: attributes) else { break }
            let property = Self.lastValue("property", of: attributes)
            let key = property ?? Self.lastValue("name", of: attributes) ?? Self.lastValue("itemprop", of: attributes)
            if let key, let known = PageMetadata.metaKeys.first(where: { Self.lowercases(key, to: $0) }) {
                tree.metadata.meta(key: known, content: String(decoding: content, as: UTF8.self))
            }
            if let property, Self.lowercases(property, to: "og:type") {
                tree.kind.openGraph(type: String(decoding: content, as: UTF8.self))
            }
        case .link:
            if tree.metadata.canonicalURL == nil, let rel = Self.lastValue("rel", of: attributes), Self.lowercases(rel, to: "canonical") {
                tree.metadata.canonicalURL = value("href")
            }
        case .base:
            tree.metadata.baseHref = tree.metadata.baseHref ?? value("href")
        case .html:
            tree.metadata.language = tree.metadata.language ?? value("lang")
        case .time:
            let date = value("datetime")
            if let date, value("itemprop") == "datePublished" {
                tree.metadata.published = tree.metadata.published ?? date
            }
            tree.metadata.timeElementDate = tree.metadata.timeElementDate ?? date
        case .title:
            capture = .title
        case .script:
            if let type = Self.lastValue("type", of: attributes), Self.lowercases(type, to: "application/ld+json") { capture = .jsonLD }
        default:
            break
        }
    }

    /// The value of the attribute `name` (any case; the last if repeated), made a string only when the
    /// tag has it.
    private static func attribute(_ name: StaticString, of attributes: HTMLParser.AttributeList) -> String? {
        lastValue(name, of: attributes).map { String(decoding: $0, as: UTF8.self) }
    }

    /// The value of the attribute `name` (any case; the last if repeated), in place.
    private static func lastValue(_ name: StaticString, of attributes: HTMLParser.AttributeList) -> UnsafeBufferPointer<UInt8>? {
        var found: UnsafeBufferPointer<UInt8>?
        for (key, value) in attributes where equalsIgnoringCase(key, name) { found = value }
        return found
    }

    /// Whether `value.lowercased()`, as a string, is `word` (lowercase): an ASCII value is compared
    /// byte by byte with A–Z folded (all `lowercased()` changes in ASCII), any other as a string.
    private static func lowercases(_ value: UnsafeBufferPointer<UInt8>, to word: String) -> Bool {
        var word = word
        return word.withUTF8 { expected in
            guard value.allSatisfy({ $0 < 0x80 }) else {
                return String(decoding: value, as: UTF8.self).lowercased() == String(decoding: expected, as: UTF8.self)
            }
            return value.count == expected.count && zip(value, expected).allSatisfy { ASCIIByte.lowercased($0) == $1 }
        }
    }

    /// The attributes that matter to content detection.
    private enum Attribute {
        case className, id, role, style, hidden, ariaHidden, ariaLabelledBy, itemprop, itemscope, itemtype, href, other

        init(_ name: UnsafeBufferPointer<UInt8>) {
            switch name.count {
            case 2 where PageTreeBuilder.equalsIgnoringCase(name, "id"): self = .id
            case 5 where PageTreeBuilder.equalsIgnoringCase(name, "class"): self = .className
            case 5 where PageTreeBuilder.equalsIgnoringCase(name, "style"): self = .style
            case 4 where PageTreeBuilder.equalsIgnoringCase(name, "role"): self = .role
            case 4 where PageTreeBuilder.equalsIgnoringCase(name, "href"): self = .href
            case 6 where PageTreeBuilder.equalsIgnoringCase(name, "hidden"): self = .hidden
            // A popover is not shown until something opens it.
            case 7 where PageTreeBuilder.equalsIgnoringCase(name, "popover"): self = .hidden
            case 11 where PageTreeBuilder.equalsIgnoringCase(name, "aria-hidden"): self = .ariaHidden
            case 15 where PageTreeBuilder.equalsIgnoringCase(name, "aria-labelledby"): self = .ariaLabelledBy
            case 8 where PageTreeBuilder.equalsIgnoringCase(name, "itemprop"): self = .itemprop
            case 8 where PageTreeBuilder.equalsIgnoringCase(name, "itemtype"): self = .itemtype
            case 9 where PageTreeBuilder.equalsIgnoringCase(name, "itemscope"): self = .itemscope
            default: self = .other
            }
        }
    }

    /// `<template shadowrootmode="open">` (or "closed", or the older `shadowroot` attribute).
    private static func isShadowRoot(_ attributes: HTMLParser.AttributeList) -> Bool {
        attributes.contains { name, value in
            (equalsIgnoringCase(name, "shadowrootmode") || equalsIgnoringCase(name, "shadowroot"))
                && (equalsIgnoringCase(value, "open") || equalsIgnoringCase(value, "closed"))
        }
    }

    static func equalsIgnoringCase(_ bytes: UnsafeBufferPointer<UInt8>, _ word: StaticString) -> Bool {
        guard bytes.count == word.utf8CodeUnitCount else { return false }
        let expected = word.utf8Start
        for index in 0..<bytes.count where bytes[index] | 0x20 != expected[index] | 0x20 {
            return false
        }
        return true
    }

    /// The non-blank `alttext` attribute of a `<math>` element.
    private static func alternativeText(_ attributes: HTMLParser.AttributeList) -> UnsafeBufferPointer<UInt8>? {
        for (key, value) in attributes where key.count == 7 && equalsIgnoringCase(key, "alttext") {
            return value.contains(where: { !ASCIIByte.isSpace($0) }) ? value : nil
        }
        return nil
    }

    /// `<annotation>` or `<annotation-xml>`: another encoding of the formula it sits in.
    private static func isMathAnnotation(_ name: UnsafeBufferPointer<UInt8>) -> Bool {
        (name.count == 10 && equalsIgnoringCase(name, "annotation")) || (name.count == 14 && equalsIgnoringCase(name, "annotation-xml"))
    }

    /// `S:` and a number: a segment that a streaming server renderer (React's) sends hidden and
    /// moves into place when it arrives. It is the page's content.
    private static func isStreamedSegment(id: UnsafeBufferPointer<UInt8>) -> Bool {
        id.count > 2 && id[0] == UInt8(ascii: "S") && id[1] == UInt8(ascii: ":")
            && id[2...].allSatisfy {
                ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9")) || ($0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "f"))
            }
    }

    private static let displayNone = Array("display:none".utf8)
    private static let visibilityHidden = Array("visibility:hidden".utf8)

    /// `display: none` or `visibility: hidden` in a style attribute.
    private static func hidesElement(style: UnsafeBufferPointer<UInt8>) -> Bool {
        guard style.count >= 11 else { return false }
        var folded: [UInt8] = []
        folded.reserveCapacity(style.count)
        for byte in style where byte != UInt8(ascii: " ") && byte != UInt8(ascii: "\t") {
            folded.append(byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte)
        }
        return ByteSearch.contains(displayNone, in: folded) || ByteSearch.contains(visibilityHidden, in: folded)
    }
}
