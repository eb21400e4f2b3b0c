/// The HTML elements the cleanup stage tells apart, and what each means for text: dropped with its
/// content, a block that breaks lines, or inline. Any other element is `.other` and reads as inline.
enum HTMLTag: UInt8, Sendable, CaseIterable {
    case other
    case text
    // Document structure.
    case html, head, body, title, meta, link, base
    // Sections and page chrome.
    case article, main, section, nav, aside, header, footer, address, hgroup, search
    // Blocks.
    case p, div, center, blockquote, pre, figure, figcaption, details, summary, dialog, hr, br
    case h1, h2, h3, h4, h5, h6
    case ul, ol, li, dl, dt, dd, menu, dir
    case table, caption, thead, tbody, tfoot, tr, td, th, colgroup, col
    case form, fieldset, legend, label
    // Inline elements that matter to scoring or metadata; `strong` and `b` make a bold line a heading.
    case a, time, img, span, code, strong, b
    // A MathML formula: its `alttext`, else the text of its tokens (`PageTreeBuilder`).
    case math
    // Dropped with their content.
    case script, style, noscript, template, svg, iframe, object, embed, canvas
    case select, option, optgroup, datalist, textarea, button, input, audio, video, source, track, map, area
    case frameset, frame, noframes, slot
    // Ruby annotations: the reading of the base text beside it (furigana) and the fallback
    // parentheses around it; written inline they split the words they annotate.
    case rt, rp

    /// Looks a tag up by its lower-case name (libxml2's HTML parser reports names in lower case).
    static func named(_ name: UnsafeBufferPointer<UInt8>) -> HTMLTag {
        guard name.count <= 10 else { return .other }
        let hash = key(name)
        var slot = Int(truncatingIfNeeded: hash) & (byName.count - 1)
        while true {
            let entry = byName[slot]
            if entry.tag == .other || entry.key == hash { return entry.tag }
            slot = (slot + 1) & (byName.count - 1)
        }
    }

    /// What the element does to the text around it.
    var layout: Layout {
        Self.layouts[Int(rawValue)]
    }

    /// How text is laid out around an element.
    enum Layout: UInt8 {
        /// Inline: text flows through it.
        case inline
        /// Starts and ends a paragraph: a blank line before and after.
        case paragraph
        /// Starts and ends a line: list items, table rows, definition terms.
        case line
        /// A table cell: a space between cells of a row.
        case cell
        /// A line break inside a paragraph.
        case lineBreak
        /// Dropped with everything inside it: scripts, styles, forms controls, embedded documents.
        case dropped
    }

    /// A void element of those dropped: it has no content, so what libxml2 puts inside it (it keeps
    /// `<embed>`, `<source>` and `<track>` open) is the text around it.
    var isEmptyDropped: Bool {
        switch self {
        case .embed, .source, .track, .area, .input, .base, .link, .meta: true
        default: false
        }
    }

    var isHeading: Bool {
        switch self {
        case .h1, .h2, .h3, .h4, .h5, .h6: true
        default: false
        }
    }

    private static func key(_ name: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash = StableHash()
        for byte in name { hash.add(byte | 0x20) }
        return hash.state
    }

    /// Tags by the hash of their names, open addressing (`.other` marks a free slot): one lookup per
    /// element start, without the standard dictionary's hashing of the key again.
    private static let byName: [(key: UInt64, tag: HTMLTag)] = {
        var byName = [(key: UInt64, tag: HTMLTag)](repeating: (0, .other), count: 512)
        for tag in HTMLTag.allCases where tag != .other && tag != .text {
            let hash = Array("\(tag)".utf8).withUnsafeBufferPointer { key($0) }
            var slot = Int(truncatingIfNeeded: hash) & (byName.count - 1)
            while byName[slot].tag != .other { slot = (slot + 1) & (byName.count - 1) }
            byName[slot] = (hash, tag)
        }
        return byName
    }()

    private static let layouts: [Layout] = HTMLTag.allCases.map { tag in
        switch tag {
        case .script, .style, .template, .svg, .iframe, .object, .embed, .canvas,
            .select, .option, .optgroup, .datalist, .textarea, .input, .audio, .video, .source,
            .track, .map, .area, .frameset, .frame, .noframes, .slot, .title, .meta, .link, .base, .rt, .rp:
            .dropped
        case .br:
            .lineBreak
        case .li, .dt, .dd, .tr, .caption, .legend, .summary, .figcaption:
            .line
        case .td, .th:
            .cell
        case .html, .head, .body, .noscript, .article, .main, .section, .nav, .aside, .header, .footer, .address, .hgroup,
            .search, .p, .div, .center, .blockquote, .pre, .figure, .details, .dialog, .hr,
            .h1, .h2, .h3, .h4, .h5, .h6, .ul, .ol, .dl, .menu, .dir, .table, .thead, .tbody, .tfoot,
            .colgroup, .col, .form, .fieldset:
            .paragraph
        case .other, .text, .label, .a, .time, .img, .span, .code, .strong, .b, .button, .math:
            .inline
        }
    }
}
