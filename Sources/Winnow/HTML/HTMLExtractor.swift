/// HTML in, clean text and metadata out: decode to UTF-8, parse with libxml2, find the main
/// content, write it with its block structure. Pure and reentrant: one value serves every thread.
public struct HTMLExtractor: Sendable {
    /// What to keep of a page.
    public struct Settings: Sendable, Equatable {
        /// Only the main content (true) or all visible text (false).
        public var mainContent = true
        /// The page title as the first paragraph of the text.
        public var title = false
        /// Keep tables.
        public var tables = true
        /// Keep blocks that are mostly links (menus, teaser lists) inside the main content.
        public var links = false
        /// Pages over this many bytes are not parsed.
        public var maxBytes = 32 << 20
        /// Content rules switched off (`ContentRule`): for measuring what each rule is worth.
        public var disabledRules = ContentRules()

        public init() {}
    }

    /// The result for one page.
    public enum Outcome: Sendable, Equatable {
        case text(String, metadata: PageMetadata, encoding: String)
        /// Not parsed; the reason says why in a word (`html-too-large`, `binary`).
        case refused(reason: String)
    }

    public let settings: Settings

    public init(settings: Settings = Settings()) {
        self.settings = settings
    }

    /// Extracts the text of a page given as raw bytes (with an optional declared charset) or text.
    public func extract(_ html: HTMLContent, declaredCharset: String? = nil) -> Outcome {
        extractReading(html, declaredCharset: declaredCharset).outcome
    }

    /// `extract`, and the page as it was read, in UTF-8, when it was given as bytes and decoded.
    func extractReading(_ html: HTMLContent, declaredCharset: String? = nil) -> (outcome: Outcome, read: [UInt8]?) {
        let bytes: [UInt8]
        let isText: Bool
        switch admit(html, declaredCharset: declaredCharset) {
        case .refused(let reason): return (.refused(reason: reason), nil)
        case .read(let admitted, let text): (bytes, isText) = (admitted, text)
        }
        let rules = ContentRules.all.subtracting(settings.disabledRules)
        let (decoded, tree, include) = read(bytes, isText: isText, declaredCharset: declaredCharset, rules: rules)
        if decoded.tooLarge { return (.refused(reason: RemovalReason.htmlTooLarge), nil) }
        var text = TextRenderer.render(tree, include: include)
        // A product's description that the page writes only in its structured data.
        if settings.mainContent && rules.has(.structuredDescription) && tree.kind.isProduct, let stated = tree.productDescription.text {
            let description = Self.plainText(stated)
            if ProductDescription.isMissing(description, from: text) {
                text = text.isEmpty ? description : text + "\n\n" + description
            }
        }
        if settings.title, let title = tree.metadata.title, !title.isEmpty {
            text = text.isEmpty ? title : title + "\n\n" + text
        }
        // In NFC, as the normalize stage writes text: pages that spell "ü" as "u" and a combining mark.
        text = NormalizeOptions.UnicodeForm.nfc.applied(to: text)
        return (.text(text, metadata: tree.metadata, encoding: decoded.encoding), isText ? nil : decoded.utf8)
    }

    /// Whether a page is read: as `read` takes it (a JSON field's text as its UTF-8), or refused before
    /// it is decoded, with the reason (`html-too-large`, `binary`).
    enum Admission {
        case read(bytes: [UInt8], isText: Bool)
        case refused(reason: String)
    }

    /// The page's `Admission`, for `extract` and `ContentExplanation` alike.
    func admit(_ html: HTMLContent, declaredCharset: String?) -> Admission {
        let (bytes, isText): ([UInt8], Bool)
        switch html {
        case .bytes(let raw): (bytes, isText) = (raw, false)
        case .text(let text): (bytes, isText) = (Array(text.utf8), true)
        }
        if bytes.count > settings.maxBytes { return .refused(reason: RemovalReason.htmlTooLarge) }
        if Self.looksBinary(bytes, declaredCharset: isText ? nil : declaredCharset) { return .refused(reason: RemovalReason.binary) }
        return .read(bytes: bytes, isText: isText)
    }

    /// Decodes and parses a page and says which of its nodes are written: what `extract` renders,
    /// and what `ContentExplanation` compares rule by rule.
    func read(
        _ bytes: [UInt8], isText: Bool, declaredCharset: String?, rules: ContentRules
    ) -> (decoded: CharsetDecoder.Decoded, tree: PageTree, include: [Bool]) {
        // Text from a JSON field is valid UTF-8, so the decoder only strips NULs from it.
        let decoded = CharsetDecoder.decode(
            bytes, declared: declaredCharset, knownValid: isText, limit: CharsetDecoder.limit(maxBytes: settings.maxBytes))
        let tree = HTMLParser.parse(decoded.utf8, rules: rules)
        var include: [Bool]
        if settings.mainContent {
            include = MainContent(tree, keepLinkLists: settings.links, rules: rules).include
        } else {
            include = BlockStats(tree, chrome: false, rules: rules).excluded.map { !$0 }
        }
        if !settings.tables {
            // Past each table once it is cleared: the tables inside it are cleared with it.
            var index = 0
            while index < tree.nodes.count {
                guard tree.nodes[index].tag == .table else {
                    index += 1
                    continue
                }
                let end = Int(tree.nodes[index].end)
                for inner in index..<end { include[inner] = false }
                index = end
            }
        }
        return (decoded, tree, include)
    }

    /// A description from structured data as text: HTML in it (paragraphs, lists, entities) rendered.
    private static func plainText(_ description: String) -> String {
        guard description.contains(where: { $0 == "<" || $0 == "&" }) else { return InvisibleCharacters.removing(from: description) }
        var settings = Settings()
        settings.mainContent = false
        guard case .text(let text, _, _) = HTMLExtractor(settings: settings).extract(.text(description)) else { return description }
        return text
    }

    /// `looksBinary`, unless the page reads as markup in the UTF-16 or UTF-32 its record or HTTP header
    /// declares (such a page is half NUL bytes, with no byte order mark to tell it by).
    static func looksBinary(_ bytes: [UInt8], declaredCharset: String?) -> Bool {
        looksBinary(bytes) && CharsetDecoder.declaredWideEncoding(bytes, declared: declaredCharset) == nil
    }

    /// More than one byte in twenty of the first 4 KB is a control character no HTML page has, and those
    /// 4 KB hold a NUL byte or are not UTF-8: compressed and image data are both (also when a JSON field
    /// holds them as text), a UTF-8 page with stray controls neither. UTF-16 and UTF-32 pages, which
    /// start with a byte order mark, are excepted.
    static func looksBinary(_ bytes: [UInt8]) -> Bool {
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) || bytes.starts(with: [0x00, 0x00, 0xFE, 0xFF]) {
            return false
        }
        let headCount = min(bytes.count, 4096)
        guard headCount > 0 else { return false }
        // Counted without branches or overflow checks over a buffer, so the loop runs vectorised:
        // 0x0E...0x1F are the bytes 0x0E below 0x12 away.
        let controls = bytes.withUnsafeBufferPointer { buffer in
            var controls = 0
            for index in 0..<headCount {
                let byte = buffer[index]
                controls &+= (byte < 0x09 ? 1 : 0) | (byte &- 0x0E < 0x12 ? 1 : 0)
            }
            return controls
        }
        guard controls * 20 > headCount else { return false }
        let head = bytes[..<headCount]
        if head.contains(0) { return true }
        guard let invalid = head.withUnsafeBufferPointer(UTF8Validation.firstInvalidOffset) else { return false }
        // A character that the end of the 4 KB cuts is no fault of the page.
        return headCount == bytes.count || invalid < headCount - 3
    }
}
