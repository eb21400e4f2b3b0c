/// Undoes HTTP's chunked transfer encoding: hex sizes, chunk extensions and trailers are read and dropped.
enum ChunkedDecoder {
    /// Why a chunked body cannot be read, as a sentence for the reject message.
    struct Problem: Error, Sendable, Equatable {
        let message: String
    }

    /// A chunked body undone.
    struct Decoded {
        var payload: [UInt8] = []
        /// Whether the body ends inside a chunk, short of the size its line gave: cut (a body that
        /// ends after a whole chunk, without the last empty one, is only unterminated).
        var isCut = false
    }

    /// The payload of a chunked `body`. A body that ends before its last chunk (a record the crawler
    /// truncated) gives what it holds; a chunk size that is not hexadecimal is a problem.
    static func decode(_ body: UnsafeBufferPointer<UInt8>) throws(Problem) -> Decoded {
        var decoded = Decoded()
        decoded.payload.reserveCapacity(body.count)
        var index = 0
        while index < body.count {
            let lineStart = index
            var size = 0
            var digits = 0
            while index < body.count, let value = hexValue(body[index]) {
                guard digits < 15 else { throw Problem(message: "a chunk size at payload byte \(lineStart) is too large") }
                size = size << 4 | value
                digits += 1
                index += 1
            }
            guard digits > 0 else {
                throw Problem(message: "no chunk size at payload byte \(lineStart) (the body is not chunked as its header says)")
            }
            // The rest of the size line: spaces and chunk extensions, up to its line break.
            while index < body.count && body[index] != 0x0A { index += 1 }
            index += 1
            if size == 0 { break }
            let end = min(index + size, body.count)
            decoded.isCut = index + size > body.count
            if index < end { decoded.payload.append(contentsOf: UnsafeBufferPointer(rebasing: body[index..<end])) }
            index = end
            if index < body.count && body[index] == 0x0D { index += 1 }
            if index < body.count && body[index] == 0x0A { index += 1 }
        }
        return decoded
    }

    @inline(__always)
    private static func hexValue(_ byte: UInt8) -> Int? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): Int(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): Int(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): Int(byte - UInt8(ascii: "A") + 10)
        default: nil
        }
    }
}
