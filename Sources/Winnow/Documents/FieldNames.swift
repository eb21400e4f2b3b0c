/// Which JSON keys hold the fields Winnow works on; every other key is carried through untouched.
public struct FieldNames: Sendable, Equatable {
    public var id: String
    public var text: String
    public var html: String
    public var url: String

    public init(id: String = "id", text: String = "text", html: String = "html", url: String = "url") {
        self.id = id
        self.text = text
        self.html = html
        self.url = url
    }

    public static let standard = FieldNames()

    /// On a removed document: the stage that removed it.
    public static let removedBy = "removed_by"
    /// On a removed document: why (`near-duplicate`, `template-only`, `no-text`, ...).
    public static let removedReason = "removed_reason"
}

/// Recorded in the run summary as `{"id", "text", "html", "url"}`.
extension FieldNames: Codable {}
