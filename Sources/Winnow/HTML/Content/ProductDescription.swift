import Foundation

/// The `description` of the schema.org Product (or ProductGroup) that a page's JSON-LD states.
/// Some shops write a product's description only there, and show it only after a script runs.
struct ProductDescription: Equatable {
    /// The longest description of a Product object, as the JSON-LD writes it (it may hold HTML).
    private(set) var text: String?

    /// Reads one JSON-LD script; only a script that names a Product is decoded.
    mutating func jsonLD(_ script: [UInt8]) {
        guard ByteSearch.contains(Self.product, in: script), ByteSearch.contains(Self.descriptionKey, in: script),
            let json = try? JSONSerialization.jsonObject(with: Data(script), options: [.fragmentsAllowed])
        else { return }
        visit(json, depth: 0)
    }

    /// Whether the extracted `content` misses a description (as text): one of 30 words or more, at
    /// least half of them not in the content. A description the page shows is already there.
    static func isMissing(_ description: String, from content: String) -> Bool {
        let words = Self.words(description)
        guard words.count >= 30 else { return false }
        let shown = Set(Self.words(content))
        let absent = words.reduce(0) { shown.contains($1) ? $0 : $0 + 1 }
        return absent * 2 >= words.count
    }

    private static let product = Array("Product".utf8)
    private static let descriptionKey = Array("\"description\"".utf8)

    /// Walks a list of entities, a `@graph` and a `mainEntity` for Product objects; depth-bounded.
    private mutating func visit(_ value: Any, depth: Int) {
        guard depth < 8 else { return }
        if let list = value as? [Any] {
            for item in list { visit(item, depth: depth + 1) }
        } else if let object = value as? [String: Any] {
            if Self.namesProduct(object["@type"]), let description = object["description"] as? String,
                description.utf8.count > (text?.utf8.count ?? 0)
            {
                text = description
            }
            // The page's own entities, not the items of a list it holds.
            for (key, inner) in object where key == "@graph" || key == "mainEntity" {
                visit(inner, depth: depth + 1)
            }
        }
    }

    /// A `@type` (a name or a list of names) of Product, ProductGroup or ProductModel.
    private static func namesProduct(_ type: Any?) -> Bool {
        let names = (type as? [Any])?.compactMap { $0 as? String } ?? [(type as? String) ?? ""]
        return names.contains { name in
            var kind = PageKind()
            kind.itemtype(Array(name.utf8))
            return kind.isProduct
        }
    }

    /// Lower-cased runs of letters and digits.
    static func words(_ text: String) -> [Substring] {
        let lowered = text.lowercased()
        return lowered[...].split { !$0.isLetter && !$0.isNumber }
    }
}
