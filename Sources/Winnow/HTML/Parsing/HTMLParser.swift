import CHTMLParse
import CLibXML2

/// libxml2's HTML parser driven through SAX callbacks into a `PageTreeBuilder`: no libxml2 tree is
/// built, which is about a third faster than `htmlReadMemory`. Recover mode, no network, no
/// external entities; every libxml2 pointer stays in this file.
enum HTMLParser {
    /// Parses valid UTF-8 HTML (decoded and repaired by `CharsetDecoder`) into a page tree.
    /// `shortcuts`: script and style text and inline SVG markup, which the tree drops, are passed over
    /// rather than parsed, and so are the tags libxml2 ignores on a page with many elements open (the
    /// tree is the same either way; false is for tests that show it).
    /// `rules`: the content rules switched on, those of the tree's hints applied as it is built.
    static func parse(_ html: [UInt8], shortcuts: Bool = true, rules: ContentRules = .all) -> PageTree {
        var builder = PageTreeBuilder(rules: rules)
        if !html.isEmpty && html.count <= Int(Int32.max) {
            _ = libxmlReady
            // The builder is a struct reached through a pointer: no exclusivity check per callback.
            withUnsafeMutablePointer(to: &builder) { builder in
                let context = UnsafeMutableRawPointer(builder)
                html.withUnsafeBufferPointer { bytes in
                    bytes.baseAddress!.withMemoryRebound(to: CChar.self, capacity: bytes.count) { pointer in
                        withUnsafePointer(to: shortcuts ? skippingHandler : readingHandler) { handler in
                            _ = winnow_htmlParseSAX(pointer, Int32(bytes.count), handler, context, shortcuts && takesShortcuts ? 1 : 0)
                        }
                    }
                }
            }
        }
        return builder.finish()
    }

    /// `xmlInitParser` once, before the first parse from any thread.
    private static let libxmlReady: Void = { xmlInitParser() }()

    nonisolated(unsafe) private static var skippingHandler = handler(shortcuts: true)
    nonisolated(unsafe) private static var readingHandler = handler(shortcuts: false)

    private static func handler(shortcuts: Bool) -> htmlSAXHandler {
        var handler = htmlSAXHandler()
        let start: startElementSAXFunc = { parser, name, attributes in
            guard let parser, let name else { return }
            HTMLParser.builder(parser).pointee.start(name: HTMLParser.buffer(name), attributes: AttributeList(pointer: attributes))
        }
        let startPassingOverDrawings: startElementSAXFunc = { parser, name, attributes in
            guard let parser, let name else { return }
            let builder = HTMLParser.builder(parser)
            builder.pointee.start(name: HTMLParser.buffer(name), attributes: AttributeList(pointer: attributes))
            // An inline drawing: its markup is dropped whole, so it is passed over when plain enough.
            if name[0] == UInt8(ascii: "s") && name[1] == UInt8(ascii: "v") && name[2] == UInt8(ascii: "g") && name[3] == 0
                && builder.pointee.dropsText
            {
                winnow_htmlSkipSVG(parser, &builder.pointee.drawingEnd)
            }
        }
        handler.startElement = shortcuts && takesShortcuts ? startPassingOverDrawings : start
        handler.endElement = { parser, _ in
            guard let parser else { return }
            HTMLParser.builder(parser).pointee.end()
        }
        let characters: charactersSAXFunc = { parser, bytes, length in
            guard let parser, let bytes, length > 0 else { return }
            let text = UnsafeBufferPointer(start: bytes, count: Int(length))
            HTMLParser.builder(parser).pointee.characters(text)
        }
        handler.characters = characters
        handler.ignorableWhitespace = characters
        // Script and style text: what the builder drops (all but JSON-LD) is passed over, not read.
        handler.cdataBlock =
            shortcuts && takesShortcuts
            ? { parser, bytes, length in
                guard let parser, let bytes, length > 0 else { return }
                let builder = HTMLParser.builder(parser)
                builder.pointee.characters(UnsafeBufferPointer(start: bytes, count: Int(length)))
                if builder.pointee.dropsText { winnow_htmlSkipRawText(parser) }
            } : characters
        return handler
    }

    /// Whether this libxml2 is the release the parser's shortcuts were written against (2.9).
    private static let takesShortcuts = winnow_htmlCanTakeShortcuts() != 0

    /// The builder a parse was started with, from a callback's context (the parser).
    private static func builder(_ parser: UnsafeMutableRawPointer) -> UnsafeMutablePointer<PageTreeBuilder> {
        winnow_htmlUser(parser).assumingMemoryBound(to: PageTreeBuilder.self)
    }

    private static func buffer(_ string: UnsafePointer<xmlChar>) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: string, count: strlen(UnsafeRawPointer(string).assumingMemoryBound(to: CChar.self)))
    }

    /// An element's attributes as libxml2 hands them over: name/value pairs, valid during the callback.
    struct AttributeList: Sequence {
        fileprivate let pointer: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?

        func makeIterator() -> Iterator { Iterator(pointer: pointer) }

        struct Iterator: IteratorProtocol {
            fileprivate let pointer: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?
            private var index = 0

            fileprivate init(pointer: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) {
                self.pointer = pointer
            }

            mutating func next() -> (name: UnsafeBufferPointer<UInt8>, value: UnsafeBufferPointer<UInt8>)? {
                guard let pointer, let name = pointer[index] else { return nil }
                let value = pointer[index + 1]
                index += 2
                return (buffer(name), value.map(buffer) ?? UnsafeBufferPointer(start: nil, count: 0))
            }
        }
    }
}
