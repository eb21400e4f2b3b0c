/// The `removed_reason` values Winnow's stages write, declared once (the README lists them with the
/// stage that writes each).
public enum RemovalReason {
    /// clean: the page gave no text (or only whitespace, with `drop_empty`).
    public static let noText = "no-text"
    /// clean: the HTML is larger than `max_bytes`.
    public static let htmlTooLarge = "html-too-large"
    /// clean: the "HTML" is binary data.
    public static let binary = "binary"
    /// normalize: nothing was left after normalising (with `drop_empty`).
    public static let empty = "empty"
    /// exact: a copy of a document kept elsewhere.
    public static let exactDuplicate = "exact-duplicate"
    /// templates: every line of the page was a template line.
    public static let templateOnly = "template-only"
    /// neardup: a near-duplicate of its cluster's kept document.
    public static let nearDuplicate = "near-duplicate"
}
