/// The label of an advertising slot ("Advertisement", "Anzeige", "Werbung", "Publicidad", "Reklama",
/// "Sponsored"), written as a block of its own above or below the ad: the label stays in the text when
/// the ad itself (a script, an iframe, an element named as an ad) is left out.
enum AdLabel {
    /// Drops each block of the content, not a list or an item of one, whose whole text is such a label
    /// (case, spacing and the dashes, colons and brackets around it ignored).
    static func drop(_ include: inout [Bool], tree: PageTree, stats: BlockStats) {
        LabelBlocks(labels: labels, maxChars: ContentThresholds.adLabelChars).drop(&include, tree: tree, stats: stats)
    }

    /// Labels in English, German, French, Spanish, Italian, Portuguese, Dutch, Polish and Czech,
    /// Scandinavian languages, Indonesian, Japanese and Chinese (lower case; a capital beyond ASCII is
    /// written as it appears).
    private static let labels: [[UInt8]] = [
        // English
        "advertisement", "advertisements", "advertising", "advert", "sponsored", "sponsored content",
        "continue reading below", "advertisement - continue reading below", "story continues below advertisement",
        "article continues below advertisement", "scroll to continue with content",
        // German
        "anzeige", "werbung",
        // French, Spanish, Italian, Portuguese
        "publicité", "publicitÉ", "publicidad", "pubblicità", "publicidade",
        // Dutch, Polish and Czech, Danish, Swedish and Norwegian, Indonesian
        "advertentie", "reklama", "annonce", "annons", "annonse", "iklan",
        // Japanese, Chinese
        "広告", "广告",
    ].map { Array($0.utf8) }
}
