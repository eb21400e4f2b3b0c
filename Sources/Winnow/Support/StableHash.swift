/// A 64-bit hash that is the same on every machine, run and shard (unlike Swift's `Hasher`, which is
/// seeded per process), so hashes can be written to intermediate files and merged elsewhere.
/// FNV-1a over bytes, finished with MurmurHash3's 64-bit mixer so that close inputs spread apart.
struct StableHash: Sendable {
    private(set) var state: UInt64

    static let offsetBasis: UInt64 = 0xCBF2_9CE4_8422_2325
    static let prime: UInt64 = 0x0000_0100_0000_01B3

    init(seed: UInt64 = StableHash.offsetBasis) {
        state = seed
    }

    @inline(__always)
    mutating func add(_ byte: UInt8) {
        state = (state ^ UInt64(byte)) &* Self.prime
    }

    /// Mixes a whole 64-bit value in (a token's hash, say) with one multiply.
    @inline(__always)
    mutating func add(word: UInt64) {
        state = (state ^ word) &* Self.prime
        state ^= state >> 29
    }

    /// The well-mixed hash of everything added so far.
    var value: UInt64 { Self.finalize(state) }

    /// MurmurHash3's fmix64: every input bit affects every output bit.
    @inline(__always)
    static func finalize(_ value: UInt64) -> UInt64 {
        var h = value
        h ^= h >> 33
        h &*= 0xFF51_AFD7_ED55_8CCD
        h ^= h >> 33
        h &*= 0xC4CE_B9FE_1A85_EC53
        h ^= h >> 33
        return h
    }

    /// The hash of a byte sequence.
    static func of<Bytes: Sequence>(_ bytes: Bytes) -> UInt64 where Bytes.Element == UInt8 {
        var hash = StableHash()
        for byte in bytes { hash.add(byte) }
        return hash.value
    }

    /// Sixteen lowercase hex digits: how hashes are written in JSON, where numbers above 2^53 lose precision.
    static func hex(_ value: UInt64) -> String {
        var digits: [UInt8] = []
        Hex.append(sixteenDigitsOf: value, to: &digits)
        return String(decoding: digits, as: UTF8.self)
    }

    /// Reads exactly sixteen hex digits back (a shorter key is another key, not this one abbreviated).
    static func parseHex(_ text: some StringProtocol) -> UInt64? {
        guard text.utf8.count == 16, let values = Hex.parse(ArraySlice(text.utf8), digits: 16) else { return nil }
        return values[0]
    }
}
