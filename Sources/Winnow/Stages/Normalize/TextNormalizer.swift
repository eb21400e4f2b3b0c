import Foundation
import Glibc

/// Rewrites text in one pass over its Unicode scalars according to `NormalizeOptions`.
public struct TextNormalizer: Sendable {
    public let options: NormalizeOptions

    public init(options: NormalizeOptions = NormalizeOptions()) {
        self.options = options
    }

    /// The normalised text.
    public func normalize(_ text: String) -> String {
        normalizeIfChanged(text) ?? text
    }

    /// The normalised text, or nil when normalisation leaves `text` as it is. The Unicode form is
    /// applied again where the quick check is unsure after characters were dropped: a soft hyphen
    /// between a letter and its accent kept the two from composing.
    public func normalizeIfChanged(_ text: String) -> String? {
        var composed = options.unicode.applied(to: text)
        if let folded = composed.withUTF8(foldIfChanged) { return recomposed(folded) }
        return Self.sameBytes(composed, text) ? nil : composed
    }

    /// The same on UTF-8 bytes (valid), giving valid UTF-8: text that the Unicode form surely leaves
    /// alone (nearly all) is folded where it lies, without becoming a string.
    func normalizeIfChanged(utf8 text: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        if isNormal(text) { return nil }
        guard options.unicode.leavesUnchanged(text) else {
            return normalizeIfChanged(String(decoding: text, as: UTF8.self)).map { Array($0.utf8) }
        }
        guard let folded = foldIfChanged(text) else { return nil }
        guard needsRecomposing(folded) else { return folded }
        return Array(options.unicode.applied(to: String(decoding: folded, as: UTF8.self)).utf8)
    }

    /// The folded bytes, or nil when folding leaves `bytes` as they are.
    private func foldIfChanged(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        let output = fold(bytes)
        let same =
            output.count == bytes.count
            && (bytes.isEmpty
                || output.withUnsafeBufferPointer { memcmp($0.baseAddress!, bytes.baseAddress!, bytes.count) == 0 })
        return same ? nil : output
    }

    /// Folded text, with the Unicode form applied again where dropped characters may let others compose.
    private func recomposed(_ folded: [UInt8]) -> String {
        let text = String(decoding: folded, as: UTF8.self)
        return needsRecomposing(folded) ? options.unicode.applied(to: text) : text
    }

    /// Whether folded text (in the Unicode form before it was folded) may need the form again: only
    /// where a dropped character stood between two that compose, which the NFC quick check rules out.
    private func needsRecomposing(_ folded: [UInt8]) -> Bool {
        options.unicode != .none && !folded.withUnsafeBufferPointer(NFCQuickCheck.isKnownNFC)
    }

    /// Whether two strings hold the same UTF-8 bytes: one `memcmp`, where the generic
    /// `elementsEqual` on `utf8` views walked them byte by byte (5% of the default pipeline).
    static func sameBytes(_ first: String, _ second: String) -> Bool {
        var first = first, second = second
        return first.withUTF8 { a in
            second.withUTF8 { b in a.count == b.count && (a.isEmpty || memcmp(a.baseAddress!, b.baseAddress!, a.count) == 0) }
        }
    }

    /// Whether eight bytes (little-endian) are printable ASCII or single spaces, none last: after
    /// content, each comes out as it is under every option. Tests on all bytes at once (SWAR).
    @inline(__always)
    static func isPlainRun(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        // Some byte below 0x20, or above 0x7E (these two tests are exact as a whole, not per byte).
        let below = (word &- 0x20 &* ones) & ~word & highs
        let above = ((word &+ ones) | word) & highs
        guard below | above == 0 else { return false }
        // Exactly the bytes that are spaces: none may follow another, and the last may not be one.
        let xored = word ^ (0x20 &* ones)
        let spaces = ~(((xored & 0x7F7F_7F7F_7F7F_7F7F) &+ 0x7F7F_7F7F_7F7F_7F7F) | xored) & highs
        return spaces & (spaces >> 8) == 0 && spaces >> 63 == 0
    }

    /// Whether the usual options (the defaults, with NFC or no Unicode form) leave `bytes` exactly as
    /// they are, decided by reading them once, eight ASCII bytes at a time, instead of folding a copy:
    /// nearly every text is normal already. The text is then content, single spaces between content
    /// and runs of at most two line feeds between lines. False means only "fold to find out".
    func isNormal(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard options.removeControl, options.removeInvisible, options.foldSpaces, options.trimLines,
            options.maxBlankLines == 1, options.unicode != .nfkc
        else { return false }
        guard let base = bytes.baseAddress, let last = bytes.last else { return true }
        guard last != 0x20 && last != 0x0A else { return false }
        let count = bytes.count
        let lows: UInt64 = 0x7F7F_7F7F_7F7F_7F7F, highs: UInt64 = 0x8080_8080_8080_8080, ones: UInt64 = 0x0101_0101_0101_0101
        /// The high bit of each byte equal to `byte`, exact per byte.
        @inline(__always) func equal(_ word: UInt64, _ byte: UInt8) -> UInt64 {
            let x = word ^ (UInt64(byte) &* ones)
            return ~(((x & lows) &+ lows) | x) & highs
        }
        // Which of the bytes before were spaces and line feeds, as high bits of the previous block's
        // lanes; the text starts as if after two line feeds, so that it may not start with either.
        var spaces: UInt64 = 0
        var breaks: UInt64 = 0x8080 << 48
        var run = (joins: false, end: 0)
        var i = 0
        while i < count {
            if i &+ 8 <= count {
                let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                if word & highs == 0 {
                    let lineFeeds = equal(word, 0x0A)
                    let space = equal(word, 0x20)
                    let control = ~((word & lows) &+ (0x60 &* ones)) & highs
                    let before = (space << 8) | (spaces >> 56)
                    let breakBefore = (lineFeeds << 8) | (breaks >> 56)
                    let twoBreaksBefore = breakBefore & ((lineFeeds << 16) | (breaks >> 48))
                    let wrong =
                        (control & ~lineFeeds) | equal(word, 0x7F) | (space & (before | breakBefore))
                        | (lineFeeds & (before | twoBreaksBefore))
                    guard wrong == 0 else { return false }
                    spaces = space
                    breaks = lineFeeds
                    i &+= 8
                    continue
                }
            }
            // One scalar: a space or line feed by the same rules, any other content as it is.
            let (value, length) = UTF8Scalar.decode(bytes, at: i)
            let spaceBefore = spaces >> 63 != 0, breakBefore = breaks >> 63 != 0
            switch value {
            case 0x20:
                guard !spaceBefore && !breakBefore else { return false }
            case 0x0A:
                guard !spaceBefore && !(breakBefore && (breaks >> 55) & 1 != 0) else { return false }
            case 0x21..<0x7F:
                break
            case 0x200C...0x200D where options.removeInvisible:
                // A joiner stays only between content on its line.
                if i >= run.end { run = joinerRun(bytes, after: i + length) }
                guard !spaceBefore && !breakBefore && run.joins else { return false }
            case _ where options.removeInvisible && InvisibleCharacters.isVariationSelector(value):
                // A variation selector stays only after content on its line.
                guard !spaceBefore && !breakBefore else { return false }
                fallthrough
            default:
                guard value >= 0x80, classify(value) == .content,
                    options.unicode == .none || value < 0x300 || NFCQuickCheck.isStable(value)
                else { return false }
            }
            spaces = value == 0x20 ? 1 << 63 : 0
            breaks = (breaks >> 8) & (0x80 << 48) | (value == 0x0A ? 1 << 63 : 0)
            i &+= length
        }
        return true
    }

    private enum Class {
        case content, space, lineBreak, carriageReturn, drop
    }

    private func classify(_ value: UInt32) -> Class {
        switch value {
        case 0x0A, 0x0B, 0x0C, 0x85, 0x2028, 0x2029: return .lineBreak
        case 0x0D: return .carriageReturn
        case 0x09, 0x20, 0xA0, 0x1680, 0x2000...0x200A, 0x202F, 0x205F, 0x3000:
            return .space
        case _ where ControlCharacters.isRemoved(value):
            return options.removeControl ? .drop : .content
        default:
            return options.removeInvisible && InvisibleCharacters.isRemoved(value) ? .drop : .content
        }
    }

    /// Where the first character at or after `index` that is neither a joiner nor dropped starts, and
    /// whether it is content (not white space or a break): the joiners before it join something. Every
    /// joiner before `end` has the same answer, so a run of joiners is scanned once, not once each.
    private func joinerRun(_ bytes: UnsafeBufferPointer<UInt8>, after index: Int) -> (joins: Bool, end: Int) {
        var index = index
        while index < bytes.count {
            let (value, length) = UTF8Scalar.decode(bytes, at: index)
            if value >= 0x21 && value < 0x7F { return (true, index) }
            switch classify(value) {
            case .content where !InvisibleCharacters.isJoiner(value): return (true, index)
            case .content, .drop: index += length
            case .space, .lineBreak, .carriageReturn: return (false, index)
            }
        }
        return (false, index)
    }

    /// One pass over the UTF-8 bytes (valid, as in every Swift string). Whitespace is held back until
    /// content follows, so that line ends and runs can be trimmed; content bytes are copied as they are.
    /// The output is never longer than the input (every byte written stands for at least one read),
    /// so it is written into a buffer of the input's size without bounds growth.
    private func fold(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        let count = bytes.count
        return [UInt8](unsafeUninitializedCapacity: max(count, 1)) { out, written in
            var o = 0
            var hasPendingSpace = false
            // The held-back whitespace itself, needed only when spaces are kept as they are (dropped
            // characters inside a run are not part of it).
            var pendingSpace: [UInt8] = []
            var pendingBreaks = 0
            var lineHasContent = false
            var afterCarriageReturn = false
            // Line breaks kept in a row: one more than the blank lines; Int.max blank lines is no limit.
            let maxBreaks = options.maxBlankLines < Int.max ? options.maxBlankLines + 1 : Int.max
            let keepEdges = !options.trimLines
            let fold = options.foldSpaces
            // The answer of the last scan past a run of joiners (`joinerRun`), good for every joiner before its end.
            var run = (joins: false, end: 0)
            // The state at an interlinear annotation's separator, which its terminator on the same line
            // returns to (`InterlinearAnnotation`): the annotation is not written.
            var annotation: (o: Int, hasPendingSpace: Bool, pendingSpace: [UInt8], pendingBreaks: Int, lineHasContent: Bool)?

            @inline(__always) func flushSpace() {
                if fold {
                    out[o] = 0x20
                    o += 1
                } else {
                    for byte in pendingSpace {
                        out[o] = byte
                        o += 1
                    }
                }
            }

            var i = 0
            while i < count {
                let lead = bytes[i]
                let (value, length) = UTF8Scalar.decode(bytes, at: i)
                let kind: Class = (value >= 0x21 && value < 0x7F) ? .content : classify(value)
                if afterCarriageReturn {
                    afterCarriageReturn = false
                    if value == 0x0A {
                        i += length
                        continue
                    }
                }
                switch kind {
                case .drop:
                    if value == InterlinearAnnotation.separator && annotation == nil {
                        annotation = (o, hasPendingSpace, pendingSpace, pendingBreaks, lineHasContent)
                    } else if value == InterlinearAnnotation.terminator, let saved = annotation {
                        (o, hasPendingSpace, pendingSpace, pendingBreaks, lineHasContent) = saved
                        annotation = nil
                    }
                case .carriageReturn, .lineBreak:
                    annotation = nil
                    afterCarriageReturn = kind == .carriageReturn
                    if keepEdges && lineHasContent && hasPendingSpace { flushSpace() }
                    hasPendingSpace = false
                    if !fold { pendingSpace.removeAll(keepingCapacity: true) }
                    pendingBreaks += 1
                    lineHasContent = false
                case .space:
                    hasPendingSpace = true
                    if !fold { pendingSpace.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[i..<(i + length)])) }
                case .content:
                    if options.removeInvisible && InvisibleCharacters.isVariationSelector(value) && (!lineHasContent || hasPendingSpace) {
                        i += length
                        continue
                    }
                    if options.removeInvisible && InvisibleCharacters.isJoiner(value) {
                        if i >= run.end { run = joinerRun(bytes, after: i + length) }
                        if !(lineHasContent && !hasPendingSpace && pendingBreaks == 0 && run.joins) {
                            i += length
                            continue
                        }
                    }
                    if pendingBreaks > 0 {
                        if o > 0 {
                            for _ in 0..<min(pendingBreaks, maxBreaks) {
                                out[o] = 0x0A
                                o += 1
                            }
                        }
                        pendingBreaks = 0
                    }
                    if hasPendingSpace {
                        if lineHasContent || keepEdges { flushSpace() }
                        hasPendingSpace = false
                        if !fold { pendingSpace.removeAll(keepingCapacity: true) }
                    }
                    out[o] = lead
                    if length > 1 {
                        for k in 1..<length { out[o + k] = bytes[i + k] }
                    }
                    o += length
                    lineHasContent = true
                    i += length
                    // Printable ASCII after content, and one space between two such characters, come
                    // out as they are in every mode: copy the run without decoding or classifying it,
                    // eight bytes at a time while they are such (`isPlainRun`), then byte by byte.
                    while i + 8 <= count {
                        let word = UnsafeRawPointer(bytes.baseAddress! + i).loadUnaligned(as: UInt64.self)
                        guard Self.isPlainRun(word) else { break }
                        UnsafeMutableRawPointer(out.baseAddress! + o).storeBytes(of: word, as: UInt64.self)
                        o += 8
                        i += 8
                    }
                    while i < count {
                        let byte = bytes[i]
                        if byte &- 0x21 < 0x5E {
                            out[o] = byte
                            o += 1
                            i += 1
                        } else if byte == 0x20 && i + 1 < count && bytes[i + 1] &- 0x21 < 0x5E {
                            out[o] = 0x20
                            out[o + 1] = bytes[i + 1]
                            o += 2
                            i += 2
                        } else {
                            break
                        }
                    }
                    continue
                }
                i += length
            }
            if keepEdges && lineHasContent && hasPendingSpace { flushSpace() }
            written = o
        }
    }
}
