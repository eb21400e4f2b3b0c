import Testing

@testable import Winnow

/// The block hash against a plain re-implementation (wyhash's 128-bit multiply step over
/// zero-padded sixteen-byte blocks), and over every tail length.
@Suite struct BlockHashTests {
    func plain(_ bytes: [UInt8]) -> UInt64 {
        func mix(_ a: UInt64, _ b: UInt64) -> UInt64 {
            let product = a.multipliedFullWidth(by: b)
            return product.high ^ product.low
        }
        func word(_ bytes: ArraySlice<UInt8>) -> UInt64 {
            bytes.enumerated().reduce(0) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) }
        }
        var state = BlockHash.seed
        var blocks = bytes[...]
        while blocks.count >= 16 {
            state = mix(word(blocks.prefix(8)) ^ BlockHash.blockKey, word(blocks.dropFirst(8).prefix(8)) ^ state)
            blocks = blocks.dropFirst(16)
        }
        state = mix(word(blocks.prefix(8)) ^ BlockHash.blockKey, word(blocks.dropFirst(8)) ^ state)
        return mix(state ^ BlockHash.lengthKey, UInt64(bytes.count) ^ BlockHash.seed)
    }

    func hash(_ bytes: [UInt8]) -> UInt64 {
        bytes.withUnsafeBufferPointer { BlockHash.of($0) }
    }

    @Test func matchesAPlainImplementationAtEveryLength() {
        let text = Array("the quick brown fox jumps over the lazy dog, then sleeps under the old oak tree".utf8)
        var seen: Set<UInt64> = []
        for length in 0...text.count {
            let prefix = Array(text.prefix(length))
            #expect(hash(prefix) == plain(prefix), "length \(length)")
            seen.insert(hash(prefix))
        }
        #expect(seen.count == text.count + 1)
    }

    /// Zero bytes are not padding: a text and the text with zeros after it differ.
    @Test func trailingZerosChangeTheHash() {
        #expect(hash([]) != hash([0]))
        #expect(hash([0x61]) != hash([0x61, 0]))
        #expect(hash(Array(repeating: 0x61, count: 16)) != hash(Array(repeating: 0x61, count: 16) + [0]))
    }

    /// Pinned: a change here changes exact's keepers files and needs a new version of their format.
    @Test func pinnedValue() {
        #expect(StableHash.hex(hash(Array("foobar".utf8))) == "2dd2759cdd075d5f")
    }
}
