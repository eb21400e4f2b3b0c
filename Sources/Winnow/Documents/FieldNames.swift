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
}
