import Foundation
import Testing
import WinnowTestSupport

@testable import Winnow

/// The parts that turn an archived HTTP response into a page: head, chunking, content encoding, sniffing.
@Suite struct HTTPPayloadTests {
    private func head(_ text: String) throws -> HTTPResponseHead {
        let bytes = Array(text.utf8)
        return try bytes.withUnsafeBufferPointer { buffer throws(HTTPResponseHead.Problem) in try HTTPResponseHead.parse(buffer) }
    }

    @Test func responseHead() throws {
        let message =
            "HTTP/1.1 200 OK\r\ncontent-TYPE: text/HTML; charset=ISO-8859-1\r\nTransfer-Encoding: Chunked\r\n"
            + "Content-Encoding: GZIP\r\nbroken line\r\n\r\nbody"
        let parsed = try head(message)
        #expect(parsed.status == 200)
        #expect(parsed.contentType == "text/HTML; charset=ISO-8859-1" && parsed.isHTMLOrUntyped)
        #expect(parsed.isChunked && parsed.contentEncoding == "gzip")
        #expect(parsed.bodyOffset == message.utf8.count - 4)
        #expect(try head("HTTP/1.0 404\n\n").status == 404)
        #expect(try head("HTTP/1.1 200 OK\r\nContent-Type:  Application/XHTML+XML \r\n\r\n").isHTMLOrUntyped)
        #expect(try !head("HTTP/1.1 200 OK\r\nContent-Type: text/html-fragment\r\n\r\n").isHTMLOrUntyped)
        #expect(try head("HTTP/1.1 200 OK\r\n\r\n").isHTMLOrUntyped)
        #expect(try head("HTTP/1.1 200 OK\r\nServer: x\r\n").bodyOffset == 28)
        #expect(throws: HTTPResponseHead.Problem.self) { try head("HTTP/1.1 OK\r\n\r\n") }
    }

    /// Interim responses (1xx but 101) before the final one are passed over: its status, fields and body
    /// count. Before, `100 Continue` first made the whole block an `http_1xx` skip, the page with it.
    @Test func interimResponsesComeBeforeTheFinalOne() throws {
        let final = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\n\r\n"
        for interim in ["HTTP/1.1 100 Continue\r\n\r\n", "HTTP/1.1 100 Continue\n\nHTTP/1.1 103 Early Hints\r\nLink: </a.css>\r\n\r\n"] {
            let parsed = try head(interim + final + "body")
            #expect(parsed.status == 200 && parsed.contentType == "text/html" && parsed.contentEncoding == "gzip", "\(interim)")
            #expect(parsed.bodyOffset == (interim + final).utf8.count, "\(interim)")
        }
        // A last 1xx is the response: with no final one after it, or after 101 (the protocol changed).
        #expect(try head("HTTP/1.1 100 Continue\r\n\r\n").status == 100)
        #expect(try head("HTTP/1.1 100 Continue\r\n\r\n<html>").status == 100)
        #expect(try head("HTTP/1.1 101 Switching Protocols\r\n\r\n" + final).status == 101)
        #expect(throws: HTTPResponseHead.Problem.self) { try head("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 OK\r\n\r\n") }
    }

    /// Transfer codings before `chunked` are undone after it, then the content codings; an empty
    /// Content-Type is none, so the payload is sniffed.
    @Test func codingsAndEmptyTypes() throws {
        let both = try head("HTTP/1.1 200 OK\r\nContent-Encoding: deflate\r\nTransfer-Encoding: gzip, chunked\r\n\r\n")
        #expect(both.isChunked && both.appliedCodings == "deflate, gzip")
        #expect(try head("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n").appliedCodings == nil)
        #expect(try head("HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip\r\n\r\n").appliedCodings == "gzip")
        #expect(try head("HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\n\r\n").appliedCodings == "gzip")
        let page = Array("<html><body>A page.</body></html>".utf8)
        let transferred = try head("HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip, chunked\r\n\r\n")
        #expect(try ContentDecoder.decode(try gzipped(page), encodings: transferred.appliedCodings, limit: 1 << 20) == page)
        let untyped = try head("HTTP/1.1 200 OK\r\nContent-Type: \r\nContent-Type:\r\n\r\n")
        #expect(untyped.contentType == nil && untyped.isHTMLOrUntyped)
        #expect(try head("HTTP/1.1 200 OK\r\nContent-Type:  \r\nContent-Type: image/png\r\n\r\n").contentType == "image/png")
    }

    @Test func chunkedBodies() throws {
        func decoded(_ text: String) throws -> ChunkedDecoder.Decoded {
            let bytes = Array(text.utf8)
            return try bytes.withUnsafeBufferPointer { buffer throws(ChunkedDecoder.Problem) in try ChunkedDecoder.decode(buffer) }
        }
        func decode(_ text: String) throws -> String { String(decoding: try decoded(text).payload, as: UTF8.self) }
        #expect(try decode("5\r\nHello\r\n7;ext=1\r\n, world\r\n0\r\nTrailer: x\r\n\r\n") == "Hello, world")
        #expect(try decode("A\r\n0123456789\r\n0\r\n\r\n") == "0123456789")
        // A truncated record: what the body holds is kept, and said to be cut inside a chunk.
        #expect(try decode("5\r\nHel") == "Hel")
        #expect(try decoded("5\r\nHel").isCut && !decoded("5\r\nHello").isCut && !decoded("5\r\nHello\r\n").isCut)
        #expect(try !decoded("5\r\nHello\r\n0\r\n\r\n").isCut)
        #expect(throws: ChunkedDecoder.Problem.self) { try decode("<html>not chunked</html>") }
    }

    @Test func contentEncodings() throws {
        let page = Array(String(repeating: "<p>Compressed page text.</p>", count: 200).utf8)
        #expect(try ContentDecoder.decode(try gzipped(page), encodings: "gzip", limit: 1 << 20) == page)
        #expect(try ContentDecoder.decode(try gzipped(page), encodings: "x-gzip", limit: 1 << 20) == page)
        #expect(try ContentDecoder.decode(page, encodings: "identity", limit: 1 << 20) == page)
        // An empty body is empty, not a cut stream (it was rejected as a cut archive).
        for coding in ["gzip", "deflate", "x-gzip, deflate"] {
            #expect(try ContentDecoder.decode([], encodings: coding, limit: 1 << 20) == [])
        }
        #expect(try ContentDecoder.decode(try gzipped(try gzipped(page)), encodings: "gzip, gzip", limit: 1 << 20) == page)
        // deflate as zlib data (what the standard says) and as raw deflate (what some servers send).
        let gzip = try gzipped(page)
        let raw = Array(gzip[10..<(gzip.count - 8)])
        #expect(try ContentDecoder.decode(raw, encodings: "deflate", limit: 1 << 20) == page)
        // zlib data: a header, the raw stream, the Adler-32 of the page. A wrong checksum is damage, not raw deflate.
        var (a, b): (UInt32, UInt32) = (1, 0)
        for byte in page { (a, b) = ((a + UInt32(byte)) % 65521, (b + (a + UInt32(byte)) % 65521) % 65521) }
        let adler = b << 16 | a
        let zlib = [0x78, 0x9C] + raw + [24, 16, 8, 0].map { UInt8(truncatingIfNeeded: adler >> $0) }
        #expect(try ContentDecoder.decode(zlib, encodings: "deflate", limit: 1 << 20) == page)
        var badAdler = zlib
        badAdler[badAdler.count - 1] ^= 0x01
        #expect(throws: ContentDecoder.Problem.corrupt("incorrect data check")) {
            try ContentDecoder.decode(badAdler, encodings: "deflate", limit: 1 << 20)
        }
        #expect(throws: ContentDecoder.Problem.unsupported("br")) { try ContentDecoder.decode(page, encodings: "br", limit: 1 << 20) }
        // A small payload that inflates past the limit stops there.
        let bomb = try gzipped([UInt8](repeating: 0x20, count: 5_000_000))
        #expect(throws: ContentDecoder.Problem.tooLarge(limit: 100_000)) {
            try ContentDecoder.decode(bomb, encodings: "gzip", limit: 100_000)
        }
        // Cut short: what it holds for a record marked truncated, else `.cut`, for gzip and deflate alike.
        let cut = try ContentDecoder.decode(Array(gzip.prefix(gzip.count / 2)), encodings: "gzip", limit: 1 << 20, keepCut: true)
        #expect(!cut.isEmpty && page.starts(with: cut))
        #expect(throws: ContentDecoder.Problem.cut(decoded: cut.count)) {
            try ContentDecoder.decode(Array(gzip.prefix(gzip.count / 2)), encodings: "gzip", limit: 1 << 20)
        }
        // Cut inside the gzip trailer: the page is whole but its check is missing.
        #expect(throws: ContentDecoder.Problem.self) {
            try ContentDecoder.decode(Array(gzip.dropLast(3)), encodings: "gzip", limit: 1 << 20)
        }
        #expect(throws: ContentDecoder.Problem.self) {
            try ContentDecoder.decode(Array(raw.prefix(raw.count / 2)), encodings: "deflate", limit: 1 << 20)
        }
        // A wrong size or checksum in the trailer is damage, even in a record marked truncated: not a cut.
        for position in [gzip.count - 1, gzip.count - 6] {
            var damaged = gzip
            damaged[position] ^= 0x01
            for keepCut in [false, true] {
                #expect(
                    throws: ContentDecoder.Problem.corrupt(position == gzip.count - 1 ? "incorrect length check" : "incorrect data check")
                ) {
                    try ContentDecoder.decode(damaged, encodings: "gzip", limit: 1 << 20, keepCut: keepCut)
                }
            }
        }
        // Raw deflate whose first bytes pass zlib's header check (08 1D), so that read as zlib it seems
        // cut: two stored blocks, the first of 29 bytes starting 1D 00. Whole as raw, it is read as raw.
        let first: [UInt8] = [0x1D, 0x00] + Array(String(repeating: "x", count: 27).utf8)
        let rest = Array(page.prefix(1000))
        let stored: [UInt8] =
            [0x08, 0x1D, 0x00, 0xE2, 0xFF] + first + [0x01, UInt8(rest.count & 0xFF), UInt8(rest.count >> 8)]
            + [~UInt8(rest.count & 0xFF), ~UInt8(rest.count >> 8)] + rest
        #expect(try ContentDecoder.decode(stored, encodings: "deflate", limit: 1 << 20) == first + rest)
        #expect(throws: ContentDecoder.Problem.self) {
            try ContentDecoder.decode(Array("not gzip at all".utf8), encodings: "gzip", limit: 100)
        }
    }

    /// Words that name no content coding, which servers put in Content-Encoding by mistake: `none` and
    /// `identity` are no coding; a charset or transfer word (`utf-8`, `binary`, `8bit`) is none on a
    /// payload that reads as text, as browsers take it, and still refused on one that does not (it may
    /// be compressed). Real codings Winnow cannot undo stay refused. Before, each was `unsupported`.
    @Test func wordsThatNameNoCoding() throws {
        let page = Array("<html><head><title>P</title></head><body><p>Caf\u{E9} \u{2014} text.</p>\r\n\t</body></html>".utf8)
        let gzip = try gzipped(page)
        let zlib: [UInt8] = [0x78, 0x9C] + Array(gzip[10..<(gzip.count - 8)]) + [0, 0, 0, 0]
        for word in ["none", "identity", "utf-8", "utf8", "binary", "8bit", "7bit", "iso-8859-1", "us-ascii"] {
            #expect(try ContentDecoder.decode(page, encodings: word, limit: 1 << 20) == page, "\(word)")
            #expect(try ContentDecoder.decode(gzip, encodings: "\(word), gzip", limit: 1 << 20) == page, "\(word)")
        }
        for coded in [gzip, zlib, [0x1B, 0x2A, 0x00, 0xF8] + page] {
            #expect(try ContentDecoder.decode(coded, encodings: "none", limit: 1 << 20) == coded)
            for word in ["utf-8", "binary", "8bit"] {
                #expect(throws: ContentDecoder.Problem.notACoding(word)) {
                    try ContentDecoder.decode(coded, encodings: word, limit: 1 << 20)
                }
            }
        }
        for coding in ["br", "zstd", "compress", "chunked", "text"] {
            #expect(throws: ContentDecoder.Problem.unsupported(coding)) {
                try ContentDecoder.decode(page, encodings: coding, limit: 1 << 20)
            }
        }
    }

    @Test(arguments: [
        ("<!DOCTYPE html><html>", true), ("\u{FEFF}  \n<html lang=en>", true), ("<p>text", true), ("<!-- c -->", true),
        ("<HEAD>", true), ("{\"json\": true}", false), ("%PDF-1.7", false), ("<?xml version=\"1.0\"?><rss>", false),
        ("<pre>text</pre>", false), ("plain text", false),
    ])
    func sniffing(text: String, isHTML: Bool) {
        #expect(HTMLSniffer.looksLikeHTML(Array(text.utf8)) == isHTML)
    }
}
