/// Writes the text of the chosen nodes of a page with its structure: a blank line between
/// paragraphs and headings, one line per list item, table row or `<br>`, a space between table
/// cells, `<pre>` as written, and every other run of whitespace folded into one space. Invisible
/// format characters (`InvisibleCharacters`: soft hyphens, zero-width spaces) and control characters
/// (`ControlCharacters`) are not written, nor joiners that join nothing, variation selectors that select
/// for nothing, or interlinear annotations (`InterlinearAnnotation`): what the normalize stage drops.
struct TextRenderer {
    /// The text so far: the first `count` bytes of a buffer as large as the text can grow (`render`),
    /// written without an array's uniqueness and capacity checks at every byte.
    private let output: UnsafeMutableBufferPointer<UInt8>
    private var count = 0
    /// The strongest break asked for since the last text: 0 none, 1 space, 2 line, 3 blank line.
    private var pending = 0
    /// Where the joiners written last, right after content, start (-1: none): they stay only if
    /// content follows them with no break, else they are taken back.
    private var joinersStart = -1
    /// Where the text stood at an interlinear annotation's separator: its terminator takes the text
    /// back to there; a break before it ends the annotation, which is then kept.
    private var annotation: (count: Int, pending: Int, joinersStart: Int)?

    private init(output: UnsafeMutableBufferPointer<UInt8>) {
        self.output = output
    }

    /// The text of the nodes whose `include` flag is set (an excluded element excludes its subtree).
    static func render(_ tree: PageTree, include: [Bool]) -> String {
        // Every text byte is written at most once, and every element asks for at most two breaks (where
        // it starts and where it closes) of at most two bytes each.
        let capacity = tree.text.count + 4 * tree.nodes.count
        let bytes = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, initialized in
            var renderer = TextRenderer(output: buffer)
            renderer.write(tree, include: include)
            initialized = renderer.count
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private mutating func write(_ tree: PageTree, include: [Bool]) {
        var closing: [(end: Int32, layout: HTMLTag.Layout, isPre: Bool)] = []
        var preDepth = 0
        var index = 0
        let nodes = tree.nodes
        while index < nodes.count {
            while let top = closing.last, top.end <= index {
                closing.removeLast()
                if top.isPre {
                    preDepth -= 1
                    trimTrailingSpace()
                }
                requestBreak(for: top.layout)
            }
            let node = nodes[index]
            guard include[index] else {
                index = Int(node.end)
                continue
            }
            if node.tag == .text {
                let start = Int(node.textStart), end = Int(node.textEnd)
                if preDepth > 0 {
                    appendVerbatim(tree.text[start..<end])
                } else {
                    appendFolded(tree.text[start..<end])
                }
            } else {
                let layout = node.tag.layout
                requestBreak(for: layout)
                if layout == .lineBreak && node.end == index + 1 {
                    index += 1
                    continue
                }
                let isPre = node.tag == .pre
                if isPre { preDepth += 1 }
                closing.append((node.end, layout, isPre))
            }
            index += 1
        }
        takeBackJoiners()
    }

    private mutating func append(_ byte: UInt8) {
        precondition(count < output.count, "text longer than its bound")
        output[count] = byte
        count += 1
    }

    private mutating func requestBreak(for layout: HTMLTag.Layout) {
        if layout != .inline && layout != .dropped { annotation = nil }
        switch layout {
        case .paragraph: pending = max(pending, 3)
        case .line, .lineBreak: pending = max(pending, 2)
        case .cell: pending = max(pending, 1)
        case .inline, .dropped: break
        }
    }

    private mutating func flushBreak() {
        defer { pending = 0 }
        takeBackJoiners()
        guard count > 0 else { return }
        switch pending {
        case 3:
            append(0x0A)
            append(0x0A)
        case 2: append(0x0A)
        case 1: append(0x20)
        default: break
        }
    }

    private mutating func appendFolded(_ text: ArraySlice<UInt8>) {
        var index = text.startIndex
        while index < text.endIndex {
            let byte = text[index]
            if Self.isSpace(byte) {
                if pending == 0 { pending = 1 }
            } else if byte == 0xC2, index + 1 < text.endIndex, text[index + 1] == 0xA0 {
                if pending == 0 { pending = 1 }
                index += 1
            } else if byte < 0x20 || byte == 0x7F || byte == 0xC2, case let length = ControlCharacters.removedLength(text, at: index),
                length > 0
            {
                index += length - 1
            } else if byte >= 0xC2, case let length = InvisibleCharacters.removedLength(text, at: index), length > 0 {
                if byte == 0xEF, let mark = InterlinearAnnotation.mark(text, at: index) { annotationMark(mark) }
                index += length - 1
            } else if byte >= 0xE1, case let length = InvisibleCharacters.variationSelectorLength(text, at: index), length > 0 {
                // Written only right after content, which it then counts as.
                if pending == 0 && follows {
                    joinersStart = -1
                    for offset in 0..<length { append(text[index + offset]) }
                }
                index += length - 1
            } else if byte == 0xE2, case let length = InvisibleCharacters.joinerLength(text, at: index), length > 0 {
                // Written only right after content, and taken back unless content follows.
                if pending == 0 && count > 0 {
                    if joinersStart < 0 { joinersStart = count }
                    for offset in 0..<length { append(text[index + offset]) }
                }
                index += length - 1
            } else {
                if pending > 0 { flushBreak() }
                joinersStart = -1
                append(byte)
            }
            index += 1
        }
    }

    /// Whether the text written so far ends with content (not white space), which a variation selector modifies.
    private var follows: Bool {
        count > 0 && !Self.isSpace(output[count - 1])
    }

    /// Reads an interlinear annotation's separator or terminator (`InterlinearAnnotation`).
    private mutating func annotationMark(_ mark: UInt32) {
        if mark == InterlinearAnnotation.separator {
            if annotation == nil { annotation = (count, pending, joinersStart) }
        } else {
            if let annotation { (count, pending, joinersStart) = annotation }
            annotation = nil
        }
    }

    /// Removes the joiners written last, which no content followed.
    private mutating func takeBackJoiners() {
        if joinersStart >= 0 { count = joinersStart }
        // Joiners from before an annotation's separator: the text it would take back to is gone.
        if let annotation, count < annotation.count { self.annotation = nil }
        joinersStart = -1
    }

    private mutating func appendVerbatim(_ text: ArraySlice<UInt8>) {
        if pending > 0 { flushBreak() }
        joinersStart = -1
        var index = text.startIndex
        while index < text.endIndex {
            let byte = text[index]
            if byte < 0x20 || byte == 0x7F || byte == 0xC2, case let length = ControlCharacters.removedLength(text, at: index),
                length > 0
            {
                index += length
                continue
            }
            if byte >= 0xC2, case let length = InvisibleCharacters.removedLength(text, at: index), length > 0 {
                if byte == 0xEF, let mark = InterlinearAnnotation.mark(text, at: index) { annotationMark(mark) }
                index += length
                continue
            }
            if byte >= 0xE1, case let length = InvisibleCharacters.variationSelectorLength(text, at: index), length > 0, !follows {
                index += length
                continue
            }
            if byte == 0x0A || byte == 0x0D { annotation = nil }
            // HTML's line breaks: CR LF and a lone CR are each one line feed.
            if byte != 0x0D {
                append(byte)
            } else if index + 1 == text.endIndex || text[index + 1] != 0x0A {
                append(0x0A)
            }
            index += 1
        }
    }

    /// Ends a `<pre>`: its trailing blank lines become the paragraph break.
    private mutating func trimTrailingSpace() {
        while count > 0 && Self.isSpace(output[count - 1]) { count -= 1 }
    }

    /// HTML's white space: ASCII's, and form feed.
    private static func isSpace(_ byte: UInt8) -> Bool {
        ASCIIByte.isSpace(byte) || byte == 0x0C
    }
}
