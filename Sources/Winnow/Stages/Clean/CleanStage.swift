/// HTML to clean text: the first stage for crawled pages. It reads the `html` field (or an HTML
/// file), writes `text` and the page's metadata, and leaves records that already have only text as
/// they are.
public struct CleanStage: RegisteredStage, DocumentStage {
    public static let stageName = "clean"
    public static let summary = "HTML to text with libxml2: encoding, structure, main content, metadata"

    public let options: CleanOptions
    public let extractor: HTMLExtractor

    public init(options: CleanOptions) {
        self.options = options
        extractor = HTMLExtractor(settings: options.extraction)
    }

    public var makesText: Bool { true }

    public func process(_ document: inout Document) -> StageVerdict {
        guard let html = document.html else {
            return document.textUTF8 == nil ? .remove(reason: RemovalReason.noText) : .keep
        }
        let declared = options.charsetField.isEmpty ? nil : document.stringField(options.charsetField)
        let (outcome, read) = extractor.extractReading(html, declaredCharset: declared)
        switch outcome {
        case .refused(let reason):
            return .remove(reason: reason)
        case .text(let text, let metadata, let encoding):
            let removed = options.dropEmpty && text.isEmpty
            // A page that gives no text is removed with the text its record came with: a crawler's own
            // extraction beside the page is not lost.
            if !removed || document.textUTF8 == nil { document.text = text }
            if options.metadata { Self.write(metadata, to: &document) }
            if removed {
                Self.writeHTMLAsRead(read, encoding: encoding, of: html, in: &document)
                return .remove(reason: RemovalReason.noText)
            }
            if options.keepHTML {
                Self.writeHTMLAsRead(read, encoding: encoding, of: html, in: &document)
            } else {
                document.html = nil
            }
            return .keep
        }
    }

    /// The page's HTML written as it was read when it was not UTF-8 (Windows-1251, Shift JIS, UTF-16, or
    /// damaged UTF-8), where its bytes would be written as Latin-1 characters; UTF-8 stays as it came,
    /// NUL bytes and all.
    private static func writeHTMLAsRead(_ read: [UInt8]?, encoding: String, of html: HTMLContent, in document: inout Document) {
        guard case .bytes(let bytes) = html, let read, encoding != "utf-8" || !UTF8Validation.isValid(bytes) else { return }
        document.html = .text(String(decoding: read, as: UTF8.self))
    }

    /// The page's metadata fields, written when the page states them and `metadata` is on (which also
    /// makes an absolute canonical URL the url of a record that has none).
    static let metadataFields = [
        ("title", "the page's title"), ("language", "the page's language"), ("canonical_url", "the page's canonical URL"),
        ("published", "the page's publication date"),
    ].map { AddedField($0, $1, remedy: "set metadata false (--set metadata=false)") }

    public var addedFields: [AddedField] { options.metadata ? Self.metadataFields : [] }

    private static func write(_ metadata: PageMetadata, to document: inout Document) {
        let canonical = metadata.canonicalURL.flatMap { metadata.resolved($0, pageURL: document.url) }
        let values = [metadata.title, metadata.language, canonical, metadata.published]
        for case let (field, value?) in zip(metadataFields, values) { document.setField(field.key, .string(value)) }
        // A record without an address (an HTML file) takes the one its page states, so that `templates`
        // groups it with its site's pages rather than with every page that has no URL.
        if document.url?.isEmpty ?? true, let canonical, RelativeURL.isWebAddress(canonical) { document.url = canonical }
    }
}
