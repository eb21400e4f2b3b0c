/// What a page says it is in its schema.org types (JSON-LD `@type`, microdata `itemtype`) and its
/// `og:type`: a product, an article, or neither.
struct PageKind: Equatable {
    /// A type of Product (or ProductGroup) is named.
    private(set) var namesProduct = false
    /// A type of Article (NewsArticle, BlogPosting...) is named.
    private(set) var namesArticle = false

    /// A control to buy it is named ("add-to-cart", "buy-now"), on a page that may state no type.
    private(set) var sellsProduct = false

    /// A page about one product, not an article that reviews products (which names both).
    var isProduct: Bool { (namesProduct || sellsProduct) && !namesArticle }

    /// Notes an element named as a purchase control.
    mutating func offersPurchase() {
        sellsProduct = true
    }

    /// Reads an `og:type` value ("product", "product.item", "article").
    mutating func openGraph(type: String) {
        let value = type.lowercased()
        if value.hasPrefix("product") { namesProduct = true }
        if value == "article" { namesArticle = true }
    }

    /// Reads a microdata `itemtype` ("https://schema.org/Product"): the name after the last slash.
    mutating func itemtype(_ value: [UInt8]) {
        let name = value.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: true).last ?? []
        schemaType(name)
    }

    /// Reads every `"@type"` of a JSON-LD script, a single name or a list of names.
    mutating func jsonLD(_ script: [UInt8]) {
        JSONLDStrings.forEach(Self.typeKey, in: script) { name in
            schemaType(name)
            return true
        }
    }

    private static let typeKey = Array("\"@type\"".utf8)
    private static let product = Array("Product".utf8)
    private static let article = Array("Article".utf8)
    private static let blogPosting = Array("BlogPosting".utf8)

    private mutating func schemaType<Name: Collection>(_ name: Name) where Name.Element == UInt8 {
        // Product, ProductGroup, ProductModel; not a longer word.
        if name.starts(with: Self.product) {
            let next = name.dropFirst(Self.product.count).first
            if next == nil || (next! >= UInt8(ascii: "A") && next! <= UInt8(ascii: "Z")) { namesProduct = true }
        }
        if name.reversed().starts(with: Self.article.reversed()) || name.elementsEqual(Self.blogPosting) {
            namesArticle = true
        }
    }
}
