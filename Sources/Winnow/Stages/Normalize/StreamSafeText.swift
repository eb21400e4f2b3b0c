/// Unicode's Stream-Safe Text Format (UAX #15): no more than 30 non-starters (combining marks) in a
/// row, a COMBINING GRAPHEME JOINER put after each 30th. Normalisation sorts a run of marks by
/// class, quadratic in its length: a run of 80,000 took 15 s. No real writing comes near 30.
enum StreamSafeText {
    static let maxNonStarters = 30
    static let graphemeJoiner: Unicode.Scalar = "\u{034F}"

    /// `text` with a joiner after every 30th non-starter in a row; `text` itself when it has no such run.
    static func limited(_ text: String) -> String {
        guard hasLongRun(text) else { return text }
        var scalars = String.UnicodeScalarView()
        var run = 0
        for scalar in text.unicodeScalars {
            if scalar.properties.canonicalCombiningClass.rawValue == 0 {
                run = 0
            } else if run == maxNonStarters {
                scalars.append(graphemeJoiner)
                run = 1
            } else {
                run += 1
            }
            scalars.append(scalar)
        }
        return String(scalars)
    }

    private static func hasLongRun(_ text: String) -> Bool {
        var run = 0
        for scalar in text.unicodeScalars {
            // ASCII holds no mark: the common case costs one compare a scalar.
            guard scalar.value >= 0x300, scalar.properties.canonicalCombiningClass.rawValue != 0 else {
                run = 0
                continue
            }
            run += 1
            if run > maxNonStarters { return true }
        }
        return false
    }
}
