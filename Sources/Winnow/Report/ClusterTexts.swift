/// What the report page compares for one cluster: each shown member's text against the kept
/// document's, word by word.
struct ClusterTexts {
    struct Comparison {
        /// The member's position in the cluster's `members` (0 is the kept document).
        var member: Int
        var diff: TextDiff
    }

    /// The cluster's position in the report's `clusters`.
    var cluster: Int
    var comparisons: [Comparison]

    /// Nil when the kept document's text was not found.
    init?(cluster: Int, members: [String], texts: [ByteString: String]) {
        guard let kept = members.first.flatMap({ texts[ByteString($0)] }) else { return nil }
        self.cluster = cluster
        let keptWords = TextDiff.Tokens(kept)
        comparisons = members.enumerated().dropFirst().compactMap { position, id in
            texts[ByteString(id)].map { Comparison(member: position, diff: TextDiff(keptWords, kept, $0)) }
        }
    }
}
