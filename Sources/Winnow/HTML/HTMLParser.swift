import CLibXML2

/// libxml2's HTML parser driven through SAX callbacks into a `PageTreeBuilder`: no libxml2 tree is
/// built, which is about a third faster than `htmlReadMemory`. Recover mode, no network, no
/// external entities; every libxml2 pointer stays in this file.
enum HTMLParser {
    /// Parses UTF-8 HTML (already decoded and repaired by `CharsetDecoder`) into a page tree.
    static func parse(_ html: [UInt8]) -> PageTree {
        var builder = PageTreeBuilder()
        if !html.isEmpty && html.count <= Int(Int32.max) {
            _ = libxmlReady
            // The builder is a struct reached through a pointer: no exclusivity check per callback.
            withUnsafeMutablePointer(to: &builder) { builder in
                let context = UnsafeMutableRawPointer(builder)
                html.withUnsafeBufferPointer { bytes in
                    bytes.baseAddress!.withMemoryRebound(to: CChar.self, capacity: bytes.count) { pointer in
                        withUnsafePointer(to: handler) { handler in
                            _ = winnow_htmlParseSAX(pointer, Int32(bytes.count), handler, context)
                        }
                    }
                }
            }
        }
        return builder.finish()
    }

    /// `xmlInitParser` once, before the first parse from any thread.
    private static let libxmlReady: Void = { xmlInitParser() }()

    nonisolated(unsafe) private static var handler: htmlSAXHandler = {
        var handler = htmlSAXHandler()
        handler.startElement = { context, name, attributes in
            guard let context, let name else { return }
            context.assumingMemoryBound(to: PageTreeBuilder.self).pointee
                .start(name: buffer(name), attributes: AttributeList(pointer: attributes))
        }
        handler.endElement = { context, _ in
            guard let context else { return }
            context.assumingMemoryBound(to: PageTreeBuilder.self).pointee.end()
        }
        let characters: charactersSAXFunc = { context, bytes, length in
            guard let context, let bytes, length > 0 else { return }
            context.assumingMemoryBound(to: PageTreeBuilder.self).pointee
                .characters(UnsafeBufferPointer(start: bytes, count: Int(length)))
        }
        handler.characters = characters
        handler.cdataBlock = characters
        handler.ignorableWhitespace = characters
        return handler
    }()

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
