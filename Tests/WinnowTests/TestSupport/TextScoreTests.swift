import Testing
import WinnowTestSupport

/// `TextScore` re-implements the shared scorers (`score_text.py`: the 4-gram metric, and `--metric
/// words`); its results on fixed inputs are pinned to what that script's functions return, to
/// twelve decimal places, so that the floors of the evaluation tests mean what the benchmarks' figures mean.
@Suite struct TextScoreTests {
    static let truth = [
        "a": "The quick brown fox jumps over the lazy dog. The quick brown fox jumps again!",
        "b": "Über den Wolken muss die Freiheit wohl grenzenlos sein, sagt man_so 42 mal.",
        "c": "short text",
        "d": "",
        "e": "Numbers 3.14 and 2,718 stay tokens; snake_case_words too, and so do “quoted” words.",
        "f": "Repeated repeated repeated repeated repeated words words.",
        "g": "Один два три четыре пять шесть семь",
    ]
    static let predicted = [
        "a": "quick brown fox jumps over the lazy dog. Menu | Home | About. The quick brown fox jumps again!",
        "b": "über den Wolken muss die Freiheit wohl grenzenlos sein",
        "c": "short text",
        "d": "Some boilerplate",
        "f": "Repeated repeated repeated words words words.",
        "g": "Один два три четыре пять",
        "x": "not in the truth",
    ]

    /// score_text.py's `summarize_shingles` over `tp_fp_fn` of each pair: (F1, precision, recall).
    @Test func fourGramMetricAgreesWithTheSharedScorer() {
        let score = TextScore.f1(truth: Self.truth, predicted: Self.predicted)
        #expect(abs(score.f1 - 0.5461140926257205) < 1e-12, "\(score)")
        #expect(abs(score.precision - 0.6230158730158731) < 1e-12, "\(score)")
        #expect(abs(score.recall - 0.4861111111111111) < 1e-12, "\(score)")
    }

    /// score_text.py's `summarize_words` over `word_prf` of each pair: the mean of per-page F1.
    @Test func wordMetricAgreesWithTheSharedScorer() {
        let f1 = TextScore.wordF1(truth: Self.truth, predicted: Self.predicted)
        #expect(abs(f1 - 0.6136779886779886) < 1e-12, "\(f1)")
    }

    @Test func perfectAndEmptyPredictions() {
        #expect(TextScore.f1(truth: Self.truth, predicted: Self.truth).f1 == 1)
        #expect(TextScore.wordF1(truth: Self.truth, predicted: Self.truth) == 1)
        #expect(TextScore.f1(truth: Self.truth, predicted: [:]).f1 == 0)
    }
}
