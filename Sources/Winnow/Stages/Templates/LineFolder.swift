/// Folds one line of text into the key that template lines share from page to page: letters
/// lower-cased, whitespace and punctuation ignored, every run of digits one placeholder and every
/// month or weekday name another, so "503 days have passed since…" and "1577 days have passed since…",
/// or "20 July 2019" and "3 March 2021", fold to the same key.
enum LineFolder {
    /// What the templates stage needs to know about a line.
    struct FoldedLine: Sendable, Equatable {
        /// The 64-bit hash of the folded form.
        var key: UInt64
        /// Words and numbers in the line, as the line reads (before placeholders merge).
        var tokens: Int
        /// Whether the line has at least one word made of letters; lines of numbers or symbols only
        /// ("32", "|", "✔") carry no evidence of their own.
        var hasLetters: Bool
        /// Whether the line holds nothing but (Unicode) whitespace.
        var isBlank = false
    }

    static let digitsToken: UInt64 = 0x9E37_79B9_7F4A_7C15
    static let dateNameToken: UInt64 = 0xD6E8_FEB8_6659_FD93
    /// Lines without any word or number are keyed by their symbols instead, in a separate hash space.
    static let symbolSeed: UInt64 = 0x2545_F491_4F6C_DD1D

    /// English month and weekday names, full and abbreviated: the names dates are written with.
    static let dateNames: Set<UInt64> = Set(
        [
            "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
            "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
            "dec", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue",
            "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
        ].map { StableHash.of($0.utf8) })

    private static let dateTable = DateTable(dateNames)

    /// `dateNames` without collisions: the hash's bits from `shift` on name a slot that can hold
    /// only that name, so a word costs one load and one compare, and no branch to mispredict.
    private struct DateTable {
        static let size = 512
        let shift: UInt64
        let slots: [UInt64]

        init(_ names: Set<UInt64>) {
            let sorted = names.sorted()
            func slot(_ value: UInt64, _ shift: UInt64) -> Int { Int(truncatingIfNeeded: value &>> shift) & (Self.size - 1) }
            guard
                let shift = (0...55).lazy.map(UInt64.init).first(where: { shift in
                    Set(sorted.map { slot($0, shift) }).count == sorted.count
                })
            else { preconditionFailure("no collision-free slot bits for the date names") }
            // An empty slot holds a name that lives elsewhere, so no value looked up there equals it.
            var slots = [UInt64](repeating: sorted[0], count: Self.size)
            for name in sorted { slots[slot(name, shift)] = name }
            self.shift = shift
            self.slots = slots
        }

        @inline(__always) func contains(_ value: UInt64) -> Bool {
            slots[Int(truncatingIfNeeded: value &>> shift) & (Self.size - 1)] == value
        }
    }

    /// What a scalar of the Basic Multilingual Plane is to the fold (`ScalarClass` raw values): its
    /// Unicode properties looked up once for all, since non-ASCII text asks for the same few over and over.
    private static let planeClasses: [UInt8] = (0...0xFFFF).map { value in
        UInt8(ScalarClass(UInt32(value)).rawValue)
    }

    /// How the fold treats a scalar: part of a word, part of a number, or a separator.
    private enum ScalarClass: UInt8 {
        case separator, letter, digit

        init(_ value: UInt32) {
            guard let properties = Unicode.Scalar(value).map(\.properties) else { self = .separator; return }
            self = properties.isAlphabetic ? .letter : properties.numericType == .decimal ? .digit : .separator
        }
    }

    private enum TokenKind { case none, letters, digits }

    /// The fold's running state over one line: the line's hash so far and the word or number being read.
    private struct FoldState {
        let dateTable: DateTable
        var lineHash = StableHash()
        var tokenHash = StableHash()
        var kind = TokenKind.none
        var lastPlaceholder: UInt64 = 0
        var tokens = 0
        var hasLetters = false

        init(dateTable: DateTable) {
            self.dateTable = dateTable
        }

        @inline(__always) mutating func continueToken(_ newKind: TokenKind) {
            if kind != newKind {
                endToken()
                kind = newKind
                tokenHash = StableHash()
            }
        }

        @inline(__always) mutating func endToken() {
            switch kind {
            case .none: return
            case .digits: emitPlaceholder(digitsToken)
            case .letters:
                hasLetters = true
                let value = tokenHash.value
                if dateTable.contains(value) {
                    emitPlaceholder(dateNameToken)
                } else {
                    lineHash.add(word: value)
                    lastPlaceholder = 0
                }
            }
            kind = .none
            tokens += 1
        }

        @inline(__always) mutating func emitPlaceholder(_ token: UInt64) {
            // "20 July 2019" and "3 March" differ only in how many placeholders there are: one per run.
            if lastPlaceholder != token { lineHash.add(word: token) }
            lastPlaceholder = token
        }
    }

    /// Folds the UTF-8 bytes of one line (without its line break).
    static func fold(_ line: UnsafeBufferPointer<UInt8>) -> FoldedLine {
        var state = FoldState(dateTable: dateTable)
        let planeClasses = planeClasses
        let count = line.count
        var index = 0
        while index < count {
            let byte = line[index]
            if byte < 0x80 {
                let lower = byte | 0x20
                if lower &- UInt8(ascii: "a") < 26 {
                    state.continueToken(.letters)
                    state.tokenHash.add(lower)
                    index += 1
                    // The rest of an ASCII word, without going round the classification again.
                    while index < count {
                        let next = line[index] | 0x20
                        guard next &- UInt8(ascii: "a") < 26 else { break }
                        state.tokenHash.add(next)
                        index += 1
                    }
                    continue
                }
                if byte &- UInt8(ascii: "0") < 10 {
                    state.continueToken(.digits)
                } else {
                    state.endToken()
                }
                index += 1
                continue
            }
            let (value, length) = UTF8Scalar.decode(line, at: index)
            let scalarClass = value <= 0xFFFF ? ScalarClass(rawValue: planeClasses[Int(value)])! : ScalarClass(value)
            switch scalarClass {
            case .letter:
                state.continueToken(.letters)
                for offset in 0..<length { state.tokenHash.add(line[index + offset]) }
            case .digit:
                state.continueToken(.digits)
            case .separator:
                state.endToken()
            }
            index += length
        }
        state.endToken()
        if state.tokens == 0 {
            return foldSymbols(line)
        }
        return FoldedLine(key: state.lineHash.value, tokens: state.tokens, hasLetters: state.hasLetters)
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
    static func fold(_ line: String) -> FoldedLine {
        var copy = line
        return copy.withUTF8 { fold($0) }
    }
}
