/// A line that credits where the text or a picture came from ("Quelle: dpa", "Foto: Jane Doe",
/// "Źródło: PAP", "Photo credit: …"): written under an article or beside its images, it names the
/// agency or the photographer and is not part of the text.
enum CreditLine {
    /// Drops each block of the content (a paragraph, a line of its own) of `creditLineChars` or fewer
    /// whose text opens with one of the labels and a colon, unless the content holds nothing else.
    static func drop(_ include: inout [Bool], tree: PageTree, stats: BlockStats) {
        let nodes = tree.nodes
        var kept: Int32 = 0
        for index in nodes.indices where include[index] && nodes[index].tag == .text { kept += stats.chars[index] }
        var checked = Set<Int>()
        for index in nodes.indices where include[index] && nodes[index].tag == .text && stats.chars[index] > 0 {
            let block = Int(stats.owner[index])
            guard block > 0, checked.insert(block).inserted, stats.chars[block] <= ContentThresholds.creditLineChars,
                kept > stats.chars[block], isCredit(block, tree: tree, include: include)
            else { continue }
            for inner in block..<Int(nodes[block].end) where include[inner] && nodes[inner].tag == .text {
                kept -= stats.chars[inner]
                include[inner] = false
            }
        }
    }

    /// Whether the text of the block at `index` opens with a label, then a colon (spaces between allowed).
    private static func isCredit(_ index: Int, tree: PageTree, include: [Bool]) -> Bool {
        let words = tree.foldedText(of: index, limit: 40) { include[$0] }
        return labels.contains { label in
            guard words.starts(with: label) else { return false }
            let rest = words.dropFirst(label.count).drop { $0 == 0x20 }
            return rest.first == UInt8(ascii: ":")
        }
    }

    /// Labels of a source or a picture's credit in English, German, French, Spanish, Portuguese and
    /// Italian, Dutch and Polish (lower case; a capital beyond ASCII is written as it appears).
    private static let labels: [[UInt8]] = [
        // English
        "source", "sources", "photo", "photos", "image", "images", "credit", "credits", "photo credit", "photo credits",
        "image credit", "image credits", "image source",
        // German
        "quelle", "quellen", "quellenangaben", "textquelle", "bildquelle", "fotoquelle", "foto", "fotos", "bild", "bilder",
        "titelbild", "beitragsbild", "fotocredit",
        // French
        "crédit photo", "crédits photo", "crédit photos", "crédits photos", "credit photo", "credits photos",
        // Spanish, Portuguese and Italian
        "fuente", "fuentes", "imagen", "foto de portada", "fonte", "fontes",
        // Dutch, Polish
        "bron", "źródło", "Źródło", "źródła", "Źródła", "zdjęcie", "fot.",
    ].map { Array($0.utf8) }
}
