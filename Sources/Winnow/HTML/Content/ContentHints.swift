import Synchronization

/// Reads an element's `class` and `id` for the words of the catalogue (`ClassAndIDWords`): those page
/// builders use for chrome ("sidebar", "share", "comment") and for content ("article", "entry", "story"),
/// as readability does. Pages repeat the same class strings many times, so each distinct string is matched once.
struct ContentHints {
    /// This page's hints, one slot per hash as in the shared table (no dictionary to hash into again).
    private var page: [Slot] = []
    private static var pageSlots: Int { 1 << 10 }
    /// Hints matched on earlier pages (sites and themes share class names), for every worker: one
    /// slot per hash, a newer string taking an older one's place, so it keeps up with a long run.
    private static let shared = Mutex(SharedTable())
    private static var sharedSlots: Int { 1 << 17 }

    /// A hash and its hint side by side, so that a lookup reads one place of a large table.
    private struct Slot {
        var key: UInt64 = 0
        var hint = ContentHint()
    }

    private struct SharedTable: ~Copyable {
        var slots = [Slot](repeating: Slot(), count: ContentHints.sharedSlots)
    }

    /// The hint for an element with this (lower- or mixed-case) `class` value, or `id` value.
    mutating func hint(classAndID names: UnsafeBufferPointer<UInt8>, isClass: Bool) -> ContentHint {
        // An `id` with a dot is the anchor of an API entry ("http.cookiejar.CookieJar", "method.share"),
        // named for the code it documents, not for what the element is.
        if !isClass && names.contains(UInt8(ascii: ".")) { return ContentHint() }
        let key = Self.cacheKey(names, isClass: isClass)
        if page.isEmpty { page = [Slot](repeating: Slot(), count: Self.pageSlots) }
        let pageSlot = Int(truncatingIfNeeded: key) & (Self.pageSlots - 1)
        if page[pageSlot].key == key { return page[pageSlot].hint }
        let slot = Int(truncatingIfNeeded: key) & (Self.sharedSlots - 1)
        let hint: ContentHint
        if let known = Self.shared.withLock({ $0.slots[slot].key == key ? $0.slots[slot].hint : nil }) {
            hint = known
        } else {
            hint = Self.match(Self.maskingLongerWords(Self.semanticNames(names)), isClass: isClass)
            Self.shared.withLock { $0.slots[slot] = Slot(key: key, hint: hint) }
        }
        page[pageSlot] = Slot(key: key, hint: hint)
        return hint
    }

    /// A hash of the names as `match` reads them: case folded, and every run of two or more digits
    /// as "00" ("post-1234", "menu-item-56"), which no listed word can reach into (`digitsAreInside`).
    /// Never 0, the shared table's empty slot.
    private static func cacheKey(_ names: UnsafeBufferPointer<UInt8>, isClass: Bool) -> UInt64 {
        var hash = StableHash(seed: isClass ? StableHash.offsetBasis : 0x8422_2325_cbf2_9ce4)
        var index = 0
        while index < names.count {
            let byte = ASCIIByte.lowercased(names[index])
            index += 1
            guard ASCIIByte.isDigit(byte), index < names.count, ASCIIByte.isDigit(names[index]) else {
                hash.add(byte)
                continue
            }
            while index < names.count && ASCIIByte.isDigit(names[index]) { index += 1 }
            hash.add(UInt8(ascii: "0"))
            hash.add(UInt8(ascii: "0"))
        }
        return max(hash.state, 1)
    }

    /// Whether every digit of `word` has a letter on each side ("back2top"): then a run of two or more
    /// digits in an element's names is never part of a match, and `cacheKey` may fold it.
    static func digitsAreInside(_ word: [UInt8]) -> Bool {
        word.indices.allSatisfy { index in
            !ASCIIByte.isDigit(word[index])
                || (index > 0 && index < word.count - 1 && !ASCIIByte.isDigit(word[index - 1])
                    && !ASCIIByte.isDigit(word[index + 1]))
        }
    }

    /// The hint of a `role` attribute value (WAI-ARIA's landmark and widget roles).
    static func hint(role: UnsafeBufferPointer<UInt8>) -> ContentHint {
        switch String(decoding: role, as: UTF8.self).lowercased() {
        case "navigation", "banner", "contentinfo", "complementary", "menu", "menubar", "search", "dialog",
            "alert", "alertdialog", "toolbar":
            ContentHint(weight: -25, marks: .chrome)
        case "tablist":
            ContentHint(weight: -25, marks: [.chrome, .tabList])
        case "main":
            ContentHint(weight: 25, marks: .main)
        case "tabpanel", "region":
            ContentHint(marks: .folded)
        case "article":
            ContentHint(weight: 25)
        case "doc-footnote", "doc-endnote", "doc-endnotes":
            ContentHint(marks: .note)
        default:
            ContentHint()
        }
    }

    /// The catalogue's lists (`ClassAndIDWords`), searched in one pass over an element's names.
    private enum List: Int, CaseIterable {
        case chrome, classOnly, displays, slides, comments, rescue, negative, positive, articleBody,
            productChrome, purchase, folded, consent, notes
    }

    private static let lists: ElementNames.WordLists = {
        precondition(
            ClassAndIDWords.all.words.allSatisfy { digitsAreInside(Array($0.utf8)) },
            "a word with a digit at its end or beside another digit breaks ContentHints.cacheKey")
        return ElementNames.WordLists(listedWords)
    }()

    /// Every word of the lists `match` looks for in one pass, list by list.
    private static let listedWords: [[String]] =
        List.allCases.map { list in
            switch list {
            case .chrome: ClassAndIDWords.chrome.words
            case .classOnly: ClassAndIDWords.classOnly.words
            case .displays: ClassAndIDWords.displays.words
            case .slides: ClassAndIDWords.slides.words
            case .comments: ClassAndIDWords.comments.words
            case .rescue: ClassAndIDWords.rescue.words
            case .negative: ClassAndIDWords.negative.words
            case .positive: ClassAndIDWords.positive.words
            case .articleBody: ClassAndIDWords.articleBody.words
            case .productChrome: ClassAndIDWords.productChrome.words
            case .purchase: ClassAndIDWords.purchase.words
            case .folded: ClassAndIDWords.folded.words
            case .consent: ClassAndIDWords.consent.words
            case .notes: ClassAndIDWords.notes.words
            }
        }

    /// The catalogue's words that `match` reads with rules of their own, as bytes.
    private static let adWords = bytes(ClassAndIDWords.ads)
    private static let longerWords = bytes(ClassAndIDWords.longerWords)
    private static let badge = bytes([ClassAndIDWords.badge])[0]
    /// The chrome words that name a part of their own before a rescue word: not "sidebar", which a
    /// layout with a sidebar writes on its content column too ("sidebar-content", "sidebar-main").
    private static let chromeWords = bytes(ClassAndIDWords.chrome).filter { !ByteSearch.contains(Array("side".utf8), in: $0) }
    private static let rescueWords = bytes(ClassAndIDWords.rescue)
    private static let review = bytes([ClassAndIDWords.review])[0]
    private static let callToAction = bytes([ClassAndIDWords.callToAction])[0]
    private static let maxAdWord = adWords.map(\.count).max() ?? 0

    private static func bytes(_ groups: [ClassAndIDWords.Group]) -> [[UInt8]] {
        groups.words.map { Array($0.utf8) }
    }

    private static func match(_ bytes: [UInt8], isClass: Bool) -> ContentHint {
        let names = ElementNames(bytes)
        let found = names.matches(lists)
        func has(_ list: List) -> Bool { found & (1 << UInt32(list.rawValue)) != 0 }
        var hint = ContentHint()
        let rescued = has(.rescue) && (!has(.chrome) || rescuedBesideChromeWords(bytes))
        if !rescued {
            if has(.chrome) || hasAdWord(bytes) || hasBadgeWord(names)
                || (isClass && has(.classOnly))
            {
                hint.marks = .chrome
            } else if has(.displays) {
                hint.marks = [.chrome, .display]
            } else if has(.slides) {
                hint.marks = [.chrome, .display, .slideshow]
            } else if has(.comments) {
                hint.marks = [.chrome, .comment]
            }
        }
        if !isClass && has(.consent) && hint.marks.contains(.chrome) { hint.marks.insert(.consent) }
        if hasReviewWord(names) || has(.productChrome) { hint.marks.insert(.productChrome) }
        if hasCallToActionWord(bytes) { hint.marks.insert(.callToAction) }
        if has(.purchase) { hint.marks.insert(.purchase) }
        if has(.folded) { hint.marks.insert(.folded) }
        if has(.notes) { hint.marks.insert(.note) }
        if has(.negative) { hint.weight -= 25 }
        if has(.positive) { hint.weight += 25 }
        if has(.articleBody) {
            hint.marks.insert(.articleBody)
            hint.setChrome(false)
            hint.marks.subtract([.productChrome, .callToAction])
        }
        return hint
    }

    /// Whether a rescue word stands in a name of its own, or before any chrome word of its name: a
    /// chrome word that a rescue word follows in one name ("related-articles", "footer-content",
    /// "footer__main", "taboola-below-article-thumbnails") names the chrome's own part, not the content.
    private static func rescuedBesideChromeWords(_ names: [UInt8]) -> Bool {
        names.split(whereSeparator: ASCIIByte.isSpace).contains { name in
            guard let rescue = firstOffset(of: rescueWords, in: name) else { return false }
            guard let chrome = firstOffset(of: chromeWords, in: name) else { return true }
            return rescue < chrome
        }
    }

    /// The first offset in `name` at which one of `words` starts.
    private static func firstOffset(of words: [[UInt8]], in name: ArraySlice<UInt8>) -> Int? {
        words.compactMap { ByteSearch.firstOffset(of: $0, in: name) }.min()
    }

    /// "badge" or "badges" (a poster's rank, a shop's "Sale" label), but not "badged": a block
    /// marked as carrying a badge holds more than the badge.
    private static func hasBadgeWord(_ names: ElementNames) -> Bool {
        names.contains(badge) { at in
            at + badge.count == names.bytes.count || names.bytes[at + badge.count] != UInt8(ascii: "d")
        }
    }

    /// "review" anywhere but in "preview".
    private static func hasReviewWord(_ names: ElementNames) -> Bool {
        names.contains(review) { at in at == 0 || names.bytes[at - 1] != UInt8(ascii: "p") }
    }

    /// The lower-cased names, less utility classes that carry a variant or an arbitrary value
    /// ("lg:pt-[calc(var(--banner-height))]"): they say how an element looks, not what it is.
    private static func semanticNames(_ names: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        if !names.contains(where: isUtilityMark) {
            var folded = Array(names)
            for index in folded.indices { folded[index] = ASCIIByte.lowercased(folded[index]) }
            return folded
        }
        var kept: [UInt8] = []
        kept.reserveCapacity(names.count)
        for token in names.split(whereSeparator: ASCIIByte.isSpace)
        where !token.contains(where: isUtilityMark) {
            if !kept.isEmpty { kept.append(0x20) }
            kept.append(contentsOf: token.lazy.map(ASCIIByte.lowercased))
        }
        return kept
    }

    /// The names with each of `longerWords` blanked out, so that the chrome words inside them do not match.
    private static func maskingLongerWords(_ names: [UInt8]) -> [UInt8] {
        var names = names
        for word in longerWords {
            while let at = ByteSearch.firstOffset(of: word, in: names[...]) {
                names.replaceSubrange(at..<at + word.count, with: repeatElement(0x20, count: word.count))
            }
        }
        return names
    }

    /// The marks of a variant or an arbitrary value in a utility class: ':', '[', '('.
    private static func isUtilityMark(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: ":") || byte == UInt8(ascii: "[") || byte == UInt8(ascii: "(")
    }

    /// "cta" as a word of its own ("newsletter-cta", "cta_box"): a call to action, such as an appeal
    /// for donations or sign-ups; as part of a word it is in "selectable" or "factaly".
    private static func hasCallToActionWord(_ names: [UInt8]) -> Bool {
        ByteSearch.contains(callToAction, in: names)
            && names.split(whereSeparator: { !ASCIIByte.isLowercaseAlphanumeric($0) }).contains { $0.elementsEqual(callToAction) }
    }

    /// Whether one of the ad words is a whole word of the names (split at anything but letters, digits and '-').
    private static func hasAdWord(_ names: [UInt8]) -> Bool {
        var start = 0
        while start < names.count {
            var end = start
            while end < names.count && (ASCIIByte.isLowercaseAlphanumeric(names[end]) || names[end] == UInt8(ascii: "-")) {
                end += 1
            }
            if end - start >= 2 && end - start <= maxAdWord && adWords.contains(where: { $0.elementsEqual(names[start..<end]) }) {
                return true
            }
            start = end + 1
        }
        return false
    }
}
