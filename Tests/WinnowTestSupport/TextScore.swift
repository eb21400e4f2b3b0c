/// The article-extraction benchmark's text metric, written for the tests: texts become multisets of
/// 4-grams of word tokens (letters, digits, underscore); per document tp/fp/fn are normalised, and
/// precision and recall are averaged over documents before F1 is taken.
public enum TextScore {
    public static func tokens(_ text: String) -> [Substring] {
        text.split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "_") })
    }

    public static func shingles(_ text: String) -> [String: Int] {
        let words = tokens(text)
        var counts: [String: Int] = [:]
        guard !words.isEmpty else { return counts }
        for start in 0..<max(1, words.count - 3) {
            counts[words[start..<min(words.count, start + 4)].joined(separator: " "), default: 0] += 1
        }
        return counts
    }

    /// F1, precision and recall of `predicted` texts against `truth`, both keyed by id.
    public static func f1(truth: [String: String], predicted: [String: String]) -> (f1: Double, precision: Double, recall: Double) {
        var precisions: [Double] = []
        var recalls: [Double] = []
        for (id, trueText) in truth {
            let t = shingles(trueText), p = shingles(predicted[id] ?? "")
            var tp = 0.0, fp = 0.0, fn = 0.0
            for key in Set(t.keys).union(p.keys) {
                let tc = Double(t[key] ?? 0), pc = Double(p[key] ?? 0)
                tp += min(tc, pc)
                fp += max(0, pc - tc)
                fn += max(0, tc - pc)
            }
            let sum = tp + fp + fn
            guard sum > 0 else { continue }
            let (ntp, nfp, nfn) = (tp / sum, fp / sum, fn / sum)
            if ntp + nfp > 0 { precisions.append(nfp == 0 && nfn == 0 ? 1 : ntp / (ntp + nfp)) }
            if ntp + nfn > 0 { recalls.append(nfp == 0 && nfn == 0 ? 1 : ntp / (ntp + nfn)) }
        }
        let p = precisions.isEmpty ? 0 : precisions.reduce(0, +) / Double(precisions.count)
        let r = recalls.isEmpty ? 0 : recalls.reduce(0, +) / Double(recalls.count)
        return (p + r > 0 ? 2 * p * r / (p + r) : 0, p, r)
    }

    /// WCXB's published metric, written for the tests: per page, lower-cased word tokens as a bag,
    /// precision, recall and F1 of their overlap; F1 is the mean of the pages' F1. A page with no
    /// true text scores 1 when nothing is predicted, else 0.
    public static func wordF1(truth: [String: String], predicted: [String: String]) -> Double {
        guard !truth.isEmpty else { return 0 }
        var sum = 0.0
        for (id, trueText) in truth {
            let t = bag(trueText), p = bag(predicted[id] ?? "")
            if t.isEmpty {
                sum += p.isEmpty ? 1 : 0
                continue
            }
            let overlap = Double(t.reduce(0) { $0 + min($1.value, p[$1.key] ?? 0) })
            guard overlap > 0 else { continue }
            let precision = overlap / Double(p.values.reduce(0, +)), recall = overlap / Double(t.values.reduce(0, +))
            sum += 2 * precision * recall / (precision + recall)
        }
        return sum / Double(truth.count)
    }

    public static func bag(_ text: String) -> [String: Int] {
        var counts: [String: Int] = [:]
        for token in tokens(text.lowercased()) { counts[String(token), default: 0] += 1 }
        return counts
    }
}
