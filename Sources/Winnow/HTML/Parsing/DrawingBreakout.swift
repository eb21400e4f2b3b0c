/// Where a browser ends an inline drawing (`<svg>`) whose markup never closes it: at the start tag of one
/// of the HTML elements that break out of foreign content (HTML's tree construction, "in foreign
/// content"), unless inside one of the drawing's own text elements, which hold HTML.
enum DrawingBreakout {
    /// Whether an element of this lower-case name, started inside a drawing, ends the drawing (`font`
    /// only with a `color`, `face` or `size` attribute).
    static func breaksOut(_ name: UnsafeBufferPointer<UInt8>, _ attributes: HTMLParser.AttributeList) -> Bool {
        switch HTMLTag.named(name) {
        case .b, .blockquote, .body, .br, .center, .code, .dd, .div, .dl, .dt, .embed, .h1, .h2, .h3, .h4, .h5, .h6,
            .head, .hr, .img, .li, .menu, .meta, .ol, .p, .pre, .span, .strong, .table, .ul:
            return true
        case .other:
            if name.elementsEqual("font".utf8) {
                return attributes.contains { ["color", "face", "size"].contains(String(decoding: $0.name, as: UTF8.self)) }
            }
            return otherNames.contains { $0.elementsEqual(name) }
        default:
            return false
        }
    }

    /// Whether an element of this lower-case name holds HTML inside a drawing (an integration point).
    static func holdsHTML(_ name: UnsafeBufferPointer<UInt8>) -> Bool {
        textElements.contains { $0.elementsEqual(name) }
    }

    private static let otherNames: [[UInt8]] = [
        "big", "em", "i", "listing", "nobr", "ruby", "s", "small", "strike", "sub", "sup", "tt", "u", "var",
    ].map { Array($0.utf8) }

    /// libxml2 reports names in lower case: `foreignObject` as "foreignobject".
    private static let textElements: [[UInt8]] = ["foreignobject", "desc", "title"].map { Array($0.utf8) }
}
