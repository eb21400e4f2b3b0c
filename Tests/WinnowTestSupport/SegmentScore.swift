/// trafilatura-eval's metric, written for the tests: per page, each `with` segment found in the text is a
/// true positive (else a false negative) and each `without` segment found is a false positive (else a
/// true negative); counts are summed over pages, and F1 is 2·tp / (2·tp + fp + fn). Texts and segments
/// are compared with their whitespace runs folded to one space and trimmed, without case folding.
public enum SegmentScore {
    /// A page's segments: those its main text must hold, and those it must not.
    public struct Segments: Sendable {
        public var with: [String]
        public var without: [String]

        public init(with: [String], without: [String]) {
            self.with = with
            self.without = without
        }
    }

    public struct Counts: Equatable, Sendable, CustomStringConvertible {
        public var tp = 0, fp = 0, fn = 0, tn = 0

        public init(tp: Int = 0, fp: Int = 0, fn: Int = 0, tn: Int = 0) {
            (self.tp, self.fp, self.fn, self.tn) = (tp, fp, fn, tn)
        }

        public var precision: Double { tp + fp > 0 ? Double(tp) / Double(tp + fp) : 0 }
        public var recall: Double { tp + fn > 0 ? Double(tp) / Double(tp + fn) : 0 }
        public var f1: Double { tp > 0 ? 2 * Double(tp) / Double(2 * tp + fp + fn) : 0 }
        public var description: String {
            "F1 \(f1) (precision \(precision), recall \(recall); tp \(tp) fp \(fp) fn \(fn) tn \(tn))"
        }
    }

    /// The counts of `predicted` texts against `truth`, both keyed by id. A page with no text misses
    /// every `with` segment and avoids every `without` one, as the set's scorer counts a failed extraction.
    /// Segments are found by code points, not by `Character`s (a segment may end inside a grapheme).
    public static func counts(truth: [String: Segments], predicted: [String: String]) -> Counts {
        var counts = Counts()
        for (id, segments) in truth {
            guard let text = predicted[id].map(folded) else {
                counts.fn += segments.with.count
                counts.tn += segments.without.count
                continue
            }
            let found = { (segment: String) in text.utf8.firstRange(of: folded(segment).utf8) != nil }
            for segment in segments.with {
                if found(segment) { counts.tp += 1 } else { counts.fn += 1 }
            }
            for segment in segments.without {
                if found(segment) { counts.fp += 1 } else { counts.tn += 1 }
            }
        }
        return counts
    }

    /// `text` with each run of whitespace (Unicode's, and the separators U+001C to U+001F, as Python's
    /// `\s` reads them) made one space, and none at either end.
    public static func folded(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if scalar.properties.isWhitespace || (0x1C...0x1F).contains(scalar.value) {
                pendingSpace = !scalars.isEmpty
                continue
            }
            if pendingSpace {
                scalars.append(" ")
                pendingSpace = false
            }
            scalars.append(scalar)
        }
        return String(scalars)
    }
}
