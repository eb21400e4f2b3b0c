import Foundation

/// The status line and the headers of an archived HTTP response that decide what its payload is.
/// Package-visible for `warc-read-bench`.
package struct HTTPResponseHead: Sendable, Equatable {
    var status: Int
    /// `Content-Type` as sent (the clean stage takes the charset from it).
    var contentType: String?
    /// `Transfer-Encoding`, lower-cased.
    var transferEncoding: String?
    /// `Content-Encoding`, lower-cased.
    var contentEncoding: String?
    /// Where the payload starts in the block: after the header's empty line (the end, without one).
    package var bodyOffset: Int

    /// Why a response head cannot be read, as a sentence for the reject message.
    package struct Problem: Error, Sendable, Equatable {
        package let message: String
    }

    private static let httpPrefix = Array("HTTP/".utf8)
    private static let contentTypeName = Array("content-type".utf8)
    private static let transferEncodingName = Array("transfer-encoding".utf8)
    private static let contentEncodingName = Array("content-encoding".utf8)

    /// Whether the block is an HTTP message at all (a `response` record may hold DNS or FTP data).
    package static func isHTTP(_ block: UnsafeBufferPointer<UInt8>) -> Bool {
        block.starts(with: httpPrefix)
    }

    /// Parses the head of `block`, which starts with `HTTP/`: the final response's, after any interim
    /// ones (`100 Continue`, `103 Early Hints`: 1xx but `101 Switching Protocols`, after which the
    /// connection speaks another protocol) that another head follows.
    package static func parse(_ block: UnsafeBufferPointer<UInt8>) throws(Problem) -> HTTPResponseHead {
        var start = 0
        while true {
            var head = try parseOne(UnsafeBufferPointer(rebasing: block[start...]))
            head.bodyOffset += start
            let next = UnsafeBufferPointer(rebasing: block[head.bodyOffset...])
            guard (100..<200).contains(head.status), head.status != 101, isHTTP(next) else { return head }
            start = head.bodyOffset
        }
    }

    /// Parses the one head at the start of `block`.
    private static func parseOne(_ block: UnsafeBufferPointer<UInt8>) throws(Problem) -> HTTPResponseHead {
        var lineEnd = 0
        while lineEnd < block.count && block[lineEnd] != 0x0A { lineEnd += 1 }
        // "HTTP/1.1 200 OK": the status is the three digits after the first space.
        var index = 0
        while index < lineEnd && block[index] != 0x20 { index += 1 }
        while index < lineEnd && block[index] == 0x20 { index += 1 }
        guard index + 3 <= lineEnd, let status = HeaderFieldScanner.decimal(block, index..<(index + 3)),
            index + 3 == lineEnd || [0x20, 0x0D, 0x0A].contains(block[index + 3])
        else {
            let line = HeaderFieldScanner.string(block, 0..<min(lineEnd, 80)).trimmingTrailingCarriageReturn
            throw Problem(message: "the HTTP status line '\(line)' has no three-digit status")
        }
        var bodyOffset = block.count
        var scan = lineEnd + 1
        while scan < block.count {
            if block[scan] == 0x0A {
                bodyOffset = scan + 1
                break
            }
            if block[scan] == 0x0D && scan + 1 < block.count && block[scan + 1] == 0x0A {
                bodyOffset = scan + 2
                break
            }
            while scan < block.count && block[scan] != 0x0A { scan += 1 }
            scan += 1
        }
        var head = HTTPResponseHead(status: status, bodyOffset: bodyOffset)
        let fields = UnsafeBufferPointer(rebasing: block[0..<bodyOffset])
        // Browsers pass over header lines they cannot read; so does this.
        _ = HeaderFieldScanner.scan(fields, from: min(lineEnd + 1, bodyOffset)) { name, value in
            if HeaderFieldScanner.name(fields, name, is: contentTypeName) {
                // An empty Content-Type says nothing: the payload is sniffed, as without one.
                let type = HeaderFieldScanner.string(fields, value)
                if !type.allSatisfy(\.isWhitespace) { head.contentType = head.contentType ?? type }
            } else if HeaderFieldScanner.name(fields, name, is: transferEncodingName) {
                head.transferEncoding = HeaderFieldScanner.string(fields, value).lowercased()
            } else if HeaderFieldScanner.name(fields, name, is: contentEncodingName) {
                head.contentEncoding = HeaderFieldScanner.string(fields, value).lowercased()
            }
        }
        return head
    }

    init(
        status: Int, contentType: String? = nil, transferEncoding: String? = nil, contentEncoding: String? = nil,
        bodyOffset: Int
    ) {
        self.status = status
        self.contentType = contentType
        self.transferEncoding = transferEncoding
        self.contentEncoding = contentEncoding
        self.bodyOffset = bodyOffset
    }

    private static let htmlTypes = [Array("text/html".utf8), Array("application/xhtml+xml".utf8)]

    /// Whether the media type is `text/html` or `application/xhtml+xml` (any case, any parameters), or
    /// there is none (then the payload is sniffed). Compared bytewise: this runs once per response.
    var isHTMLOrUntyped: Bool {
        guard let contentType else { return true }
        var type = Array(contentType.utf8.prefix { $0 != UInt8(ascii: ";") }.map(ASCIIByte.lowercased))
        while let last = type.last, ASCIIByte.isSpace(last) { type.removeLast() }
        let start = type.firstIndex { !ASCIIByte.isSpace($0) } ?? type.count
        let trimmed = type[start...]
        return trimmed.isEmpty || Self.htmlTypes.contains { trimmed.elementsEqual($0) }
    }

    /// Whether the payload is chunked (`Transfer-Encoding: chunked`, possibly after other codings).
    var isChunked: Bool {
        transferCodings.last == "chunked"
    }

    /// The codings the payload went through before chunking, in the order they were applied (as a
    /// `Content-Encoding` value): its content codings, then any transfer coding but a last `chunked`,
    /// which is undone apart (`Transfer-Encoding: gzip, chunked`); nil when there are none.
    var appliedCodings: String? {
        var transfer = transferCodings
        if transfer.last == "chunked" { transfer.removeLast() }
        let codings = (contentEncoding.map { [$0] } ?? []) + transfer
        return codings.isEmpty ? nil : codings.joined(separator: ", ")
    }

    private var transferCodings: [String] {
        (transferEncoding?.split(separator: ",") ?? []).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}

extension String {
    fileprivate var trimmingTrailingCarriageReturn: String {
        hasSuffix("\r") ? String(dropLast()) : self
    }
}
