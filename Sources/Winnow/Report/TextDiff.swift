/// A word-level comparison of two texts (Myers' O(ND) algorithm), for showing side by side what a
/// near-duplicate changed. Words are compared without their spacing, so a re-wrapped line is not a
/// change; each side keeps its own spacing for display.
struct TextDiff: Sendable, Equatable {
    /// Each side as alternating runs: even positions are shared with the other side (possibly
    /// empty), odd positions are this side's own words.
    let left: [String]
    let right: [String]
    /// False when the texts differ in more words than `maxEdits`: each side is then one run of its own.
    let aligned: Bool

    /// Compares `left` (the kept document) with `right` (a copy). `maxEdits` bounds time and memory:
    /// O((n + m) · maxEdits) steps and O(maxEdits²) integers.
    init(_ left: String, _ right: String, maxEdits: Int = 1500) {
        self.init(Tokens(left), left, right, maxEdits: maxEdits)
    }

    /// Compares `left`, whose words `a` holds (a kept document compared with each of its copies is
    /// cut into words once), with `right`.
    init(_ a: Tokens, _ left: String, _ right: String, maxEdits: Int = 1500) {
        let b = Tokens(right)
        guard let script = Self.editScript(a.keys, b.keys, maxEdits: maxEdits) else {
            self.left = ["", left]
            self.right = ["", right]
            aligned = false
            return
        }
        var leftRuns = Runs(), rightRuns = Runs()
        var x = 0, y = 0
        for edit in script {
            switch edit {
            case .same:
                leftRuns.append(a.bounds[x], own: false)
                rightRuns.append(b.bounds[y], own: false)
                x += 1
                y += 1
            case .onlyLeft:
                leftRuns.append(a.bounds[x], own: true)
                x += 1
            case .onlyRight:
                rightRuns.append(b.bounds[y], own: true)
                y += 1
            }
        }
        self.left = leftRuns.strings(of: left)
        self.right = rightRuns.strings(of: right)
        aligned = true
    }

    enum Edit: Equatable {
        case same, onlyLeft, onlyRight
    }

    /// The shortest edit script from `a` to `b`, or nil when it needs more than `maxEdits` edits.
    static func editScript(_ a: [UInt64], _ b: [UInt64], maxEdits: Int) -> [Edit]? {
        var prefix = 0
        while prefix < a.count && prefix < b.count && a[prefix] == b[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < a.count - prefix && suffix < b.count - prefix && a[a.count - 1 - suffix] == b[b.count - 1 - suffix] {
            suffix += 1
        }
        let middleA = a[prefix..<(a.count - suffix)], middleB = b[prefix..<(b.count - suffix)]
        guard let middle = middleScript(Array(middleA), Array(middleB), maxEdits: maxEdits) else { return nil }
        return [Edit](repeating: .same, count: prefix) + middle + [Edit](repeating: .same, count: suffix)
    }

    /// Myers' greedy forward search, keeping each round's furthest-reaching x per diagonal so the
    /// path can be traced back.
    private static func middleScript(_ a: [UInt64], _ b: [UInt64], maxEdits: Int) -> [Edit]? {
        let n = a.count, m = b.count
        if n == 0 { return [Edit](repeating: .onlyRight, count: m) }
        if m == 0 { return [Edit](repeating: .onlyLeft, count: n) }
        let limit = min(n + m, maxEdits)
        let offset = limit + 1
        var frontier = [Int](repeating: 0, count: 2 * limit + 3)
        var rounds: [[Int]] = []
        var finalRound: Int?
        search: for d in 0...limit {
            for k in stride(from: -d, through: d, by: 2) {
                var x =
                    (k == -d || (k != d && frontier[offset + k - 1] < frontier[offset + k + 1]))
                    ? frontier[offset + k + 1] : frontier[offset + k - 1] + 1
                var y = x - k
                while x < n && y < m && a[x] == b[y] {
                    x += 1
                    y += 1
                }
                frontier[offset + k] = x
                if x >= n && y >= m {
                    rounds.append(Array(frontier[(offset - d)...(offset + d)]))
                    finalRound = d
                    break search
                }
            }
            rounds.append(Array(frontier[(offset - d)...(offset + d)]))
        }
        guard let edits = finalRound else { return nil }

        var script: [Edit] = []
        script.reserveCapacity(n + m)
        var x = n, y = m
        for d in stride(from: edits, to: 0, by: -1) {
            let previous = rounds[d - 1]
            func reach(_ k: Int) -> Int { previous[k + d - 1] }
            let k = x - y
            let down = k == -d || (k != d && reach(k - 1) < reach(k + 1))
            let previousK = down ? k + 1 : k - 1
            let previousX = reach(previousK)
            let previousY = previousX - previousK
            let startX = down ? previousX : previousX + 1
            while x > startX {
                script.append(.same)
                x -= 1
                y -= 1
            }
            script.append(down ? .onlyRight : .onlyLeft)
            x = previousX
            y = previousY
        }
        while x > 0 && y > 0 {
            script.append(.same)
            x -= 1
            y -= 1
        }
        return script.reversed()
    }

    /// A text cut into words, each with the spacing that follows it; the key ignores the spacing.
    struct Tokens {
        var keys: [UInt64] = []
        /// Each word and its spacing, as UTF-8 offsets: one after the other, from 0 to the end.
        var bounds: [Range<Int>] = []

        init(_ text: String) {
            var text = text
            text.withUTF8 { utf8 in
                var index = 0
                while index < utf8.count {
                    // A character of a script written without spaces is a word of its own, as `WordHasher`
                    // reads it: a changed phrase shows as the change, not its whole line.
                    var cursor = index
                    if let end = Self.unspacedCharacterEnd(utf8, at: index) {
                        cursor = end
                    } else {
                        while cursor < utf8.count, !ASCIIByte.isSpace(utf8[cursor]), Self.unspacedCharacterEnd(utf8, at: cursor) == nil {
                            cursor += 1
                        }
                    }
                    var hash = StableHash()
                    for byte in utf8[index..<cursor] { hash.add(byte) }
                    while cursor < utf8.count, ASCIIByte.isSpace(utf8[cursor]) { cursor += 1 }
                    keys.append(hash.value)
                    bounds.append(index..<cursor)
                    index = cursor
                }
            }
        }

        /// Where the character at `index` ends when it belongs to a script written without spaces; else nil.
        static func unspacedCharacterEnd(_ utf8: UnsafeBufferPointer<UInt8>, at index: Int) -> Int? {
            guard utf8[index] >= 0xC0, let base = utf8.baseAddress else { return nil }
            return WordHasher.wordOfItsOwnEnd(base, at: index, count: utf8.count)
        }
    }

    /// Builds alternating shared/own runs. Consecutive words of one side are next to each other in
    /// its text, so a run is one range of it, made a string once.
    struct Runs {
        private var ranges: [Range<Int>] = [0..<0]

        mutating func append(_ word: Range<Int>, own: Bool) {
            let isOwnRun = ranges.count % 2 == 0
            if isOwnRun != own {
                ranges.append(word)
            } else {
                ranges[ranges.count - 1] = ranges[ranges.count - 1].lowerBound..<word.upperBound
            }
        }

        func strings(of text: String) -> [String] {
            var text = text
            return text.withUTF8 { utf8 in
                ranges.map { String(decoding: UnsafeBufferPointer(rebasing: utf8[$0]), as: UTF8.self) }
            }
        }
    }
}
