/// Folds one line of text into the key that template lines share from page to page: letters
/// lower-cased, whitespace and punctuation ignored, every run of digits one placeholder and every
/// month or weekday name another, so "503 days have passed since…" and "1577 days have passed since…",
/// or "20 July 2019" and "3 March 2021", fold to the same key.
public enum LineFolder {
    /// What the templates stage needs to know about a line.
    public struct FoldedLine: Sendable, Equatable {
        /// The 64-bit hash of the folded form.
        public var key: UInt64
        /// Words and numbers in the line, as the line reads (before placeholders merge).
        public var tokens: Int
        /// Whether the line has at least one word made of letters; lines of numbers or symbols only
        /// ("32", "|", "✔") carry no evidence of their own.
        public var hasLetters: Bool
        /// Whether the line holds nothing but (Unicode) whitespace.
        public var isBlank = false
    }

    private static let digitsToken: UInt64 = 0x9E37_79B9_7F4A_7C15
    private static let dateNameToken: UInt64 = 0xD6E8_FEB8_6659_FD93
    /// Lines without any word or number are keyed by their symbols instead, in a separate hash space.
    private static let symbolSeed: UInt64 = 0x2545_F491_4F6C_DD1D

    /// English month and weekday names, full and abbreviated: the names dates are written with.
    static let dateNames: Set<UInt64> = Set([
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
        "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
        "dec", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue",
        "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
    ].map { StableHash.of($0.utf8) })

    private enum TokenKind { case none, letters, digits }

    /// Folds the UTF-8 bytes of one line (without its line break).
    public static func fold(_ line: UnsafeBufferPointer<UInt8>) -> FoldedLine {
        var lineHash = StableHash()
        var tokenHash = StableHash()
        var kind = TokenKind.none
        var lastPlaceholder: UInt64 = 0
        var tokens = 0
        var hasLetters = false

        @inline(__always) func endToken() {
            switch kind {
            case .none: return
            case .digits: emitPlaceholder(digitsToken)
            case .letters:
                hasLetters = true
                let value = tokenHash.value
                if dateNames.contains(value) {
                    emitPlaceholder(dateNameToken)
                } else {
                    lineHash.add(word: value)
                    lastPlaceholder = 0
                }
            }
            kind = .none
            tokens += 1
        }
        @inline(__always) func emitPlaceholder(_ token: UInt64) {
            // "20 July 2019" and "3 March" differ only in how many placeholders there are: one per run.
            if lastPlaceholder != token { lineHash.add(word: token) }
            lastPlaceholder = token
        }
        @inline(__always) func continueToken(_ newKind: TokenKind) {
            if kind != newKind {
                endToken()
                kind = newKind
                tokenHash = StableHash()
            }
        }

        var index = 0
        while index < line.count {
            let byte = line[index]
            if byte < 0x80 {
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"):
                    continueToken(.letters)
                    tokenHash.add(byte)
                case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                    continueToken(.letters)
                    tokenHash.add(byte | 0x20)
                case UInt8(ascii: "0")...UInt8(ascii: "9"):
                    continueToken(.digits)
                default:
                    endToken()
                }
                index += 1
                continue
            }
            let (value, length) = UTF8Scalar.decode(line, at: index)
            let properties = Unicode.Scalar(value).map(\.properties)
            if let properties, properties.isAlphabetic {
                continueToken(.letters)
                for offset in 0..<length { tokenHash.add(line[index + offset]) }
            } else if let properties, properties.numericType == .decimal {
                continueToken(.digits)
            } else {
                endToken()
            }
            index += length
        }
        endToken()
        if tokens == 0 {
            return foldSymbols(line)
        }
        return FoldedLine(key: lineHash.value, tokens: tokens, hasLetters: hasLetters)
    }

    /// A line without words or numbers is keyed by its symbols ("|", "✔", "* * *"), whitespace aside.
    private static func foldSymbols(_ line: UnsafeBufferPointer<UInt8>) -> FoldedLine {
        var symbols = StableHash(seed: symbolSeed)
        var count = 0
        var index = 0
        while index < line.count {
            let (value, length) = UTF8Scalar.decode(line, at: index)
            if let scalar = Unicode.Scalar(value), !scalar.properties.isWhitespace {
                for offset in 0..<length { symbols.add(line[index + offset]) }
                count += 1
            }
            index += length
        }
        return FoldedLine(key: symbols.value, tokens: 0, hasLetters: false, isBlank: count == 0)
    }

    /// Folds a line given as a string (tests and tools).
    public static func fold(_ line: String) -> FoldedLine {
        var copy = line
        return copy.withUTF8 { fold($0) }
    }
}
