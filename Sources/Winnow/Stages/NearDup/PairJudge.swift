/// Compares two documents of a signature tally by their positions in keep order: screened by their
/// MinHash signatures (one vector compare), then judged on their shingle sketches, exactly for short
/// documents and with a much tighter estimate than the signature's for long ones.
struct PairJudge {
    let tally: SignatureTally
    let order: [Int]
    let options: NearDupOptions
    private let sketcher: ShingleSketch
    private let screen: Double

    init(tally: SignatureTally, order: [Int], options: NearDupOptions) {
        self.tally = tally
        self.order = order
        self.options = options
        sketcher = options.sketcher
        screen = options.screen
    }

    /// The comparison of the sketches at positions `first` and `second`, or nil when their signatures
    /// are too far apart for the pair to clear `min_jaccard`.
    func compare(_ first: Int, _ second: Int) -> ShingleSketch.Comparison? {
        let permutations = options.permutations
        guard
            !screens(first) || !screens(second)
                || MinHasher.similarity(
                    tally.signature(order[first], permutations: permutations),
                    tally.signature(order[second], permutations: permutations)) >= screen
        else { return nil }
        return sketches(first, second)
    }

    /// Whether the document at `position` has at least as many distinct shingles as signature slots.
    /// A shorter one's slots are partly copies (`MinHasher`'s densification), too few for the screen's
    /// bound; its sketch holds every shingle, so the pair is judged exactly on it instead.
    private func screens(_ position: Int) -> Bool {
        let distinct = tally.sketch(order[position]).count
        return distinct >= options.permutations || distinct >= options.sketch
    }

    /// The comparison of the sketches at positions `first` and `second`, unscreened.
    func sketches(_ first: Int, _ second: Int) -> ShingleSketch.Comparison {
        sketcher.compare(tally.sketch(order[first]), tally.sketch(order[second]))
    }

    /// Whether the pair is alike enough to be a verified pair (`PairRule.joins`), with the comparison
    /// that joined it (complete linkage reads it again).
    func verdict(_ first: Int, _ second: Int) -> (verdict: BucketLeaders.Verdict, joining: ShingleSketch.Comparison?) {
        guard let comparison = compare(first, second) else { return (.screenedOut, nil) }
        return options.rule.joins(comparison) ? (.joined, comparison) : (.rejected, nil)
    }
}
