import Testing
import WinnowTestSupport

/// `SegmentScore` re-implements trafilatura-eval's `score.py` (`count_item` and `scores`); its counts on
/// fixed inputs are pinned to what that script returns, so that the evaluation test's floor means what
/// the set's figures mean.
@Suite struct SegmentScoreTests {
    static let truth: [String: SegmentScore.Segments] = [
        "a": .init(with: ["The quick  brown fox", "jumps\nover"], without: ["Menu | Home", "lazy cat"]),
        "b": .init(with: ["Über den Wolken", "grenzenlos\u{00A0}sein"], without: ["Impressum"]),
        "c": .init(with: ["short text"], without: ["Some boilerplate"]),
        "d": .init(with: ["never found"], without: ["not there either"]),
        "e": .init(with: ["Cafe\u{0301}"], without: ["Cafe"]),
    ]
    static let predicted = [
        "a": "  The quick brown fox\tjumps over the lazy dog. Menu | Home | About.",
        "b": "Über  den Wolken muss die Freiheit wohl grenzenlos sein",
        "c": "",
        "e": "Ein Cafe\u{0301} am Markt",
    ]

    /// score.py's summed `count_item` and its `scores`: tp 5, fp 2, fn 2, tn 4, F1 0.7142857142857143.
    /// "Cafe" is found inside "Café" written with a combining accent, as Python finds code points.
    @Test func countsAgreeWithTheSetsScorer() {
        let counts = SegmentScore.counts(truth: Self.truth, predicted: Self.predicted)
        #expect(counts == SegmentScore.Counts(tp: 5, fp: 2, fn: 2, tn: 4), "\(counts)")
        #expect(abs(counts.f1 - 0.7142857142857143) < 1e-12)
        #expect(abs(counts.precision - 0.7142857142857143) < 1e-12)
    }

    /// Python's `re.sub(r"\s+", " ", s).strip()`: Unicode spaces and U+001C to U+001F are whitespace.
    @Test func foldsWhitespaceAsPythonDoes() {
        #expect(SegmentScore.folded(" a\u{2009} b\u{1C} c\n") == "a b c")
        #expect(SegmentScore.folded("\n\t ") == "")
    }
}
