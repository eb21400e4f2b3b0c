import Testing
import WinnowTestSupport

@testable import Winnow

/// Pinned values of every hash written to the files that shards exchange (signatures, keepers,
/// template counts): a change here means machines running different builds would merge files that
/// disagree, so it must come with a new version of those file formats. Each value was computed once
/// and is checked here against a published test vector or a plain re-implementation where there is one.
@Suite struct GoldenValuesTests {
    static let text =
        "Die Stadtverwaltung hat am Dienstag beschlossen, die Straßenbahnlinie 7 bis 2027 zu verlängern — 503 Tage nach dem Antrag."

    /// FNV-1a 64 before the finishing mix matches its published vectors; the finish is MurmurHash3's
    /// fmix64, re-implemented here.
    @Test func stableHashIsFNV1aThenFmix64() {
        func fnv(_ text: String) -> UInt64 {
            var hash = StableHash()
            for byte in text.utf8 { hash.add(byte) }
            return hash.state
        }
        #expect(fnv("") == 0xCBF2_9CE4_8422_2325)
        #expect(fnv("a") == 0xAF63_DC4C_8601_EC8C)
        #expect(fnv("foobar") == 0x8594_4171_F739_67E8)
        func fmix64(_ value: UInt64) -> UInt64 {
            var h = value
            h ^= h >> 33; h &*= 0xFF51_AFD7_ED55_8CCD
            h ^= h >> 33; h &*= 0xC4CE_B9FE_1A85_EC53
            return h ^ (h >> 33)
        }
        #expect(StableHash.of(Array("foobar".utf8)) == fmix64(0x8594_4171_F739_67E8))
        #expect(StableHash.hex(StableHash.of(Array("foobar".utf8))) == "2c22194922d1672b")
    }

    @Test func shingleHashesAndFingerprint() {
        var shingles: [UInt64] = []
        let words = NearDupOptions().hasher.shingles(of: Self.text, into: &shingles)
        #expect(words == 18 && shingles.count == 14)
        #expect(shingles.prefix(4).map(StableHash.hex) == ["753a35e0bf83eeb4", "cc0b4169418dcb3d", "f90e1df66ebafa38", "7de2bc9e6d230cfb"])
        // Exact's fingerprint since keepers version 3: the block hash of the folded words (`FoldedWords`).
        let fingerprint = WordHasher.fingerprint(of: Self.text)
        let folded =
            "die stadtverwaltung hat am dienstag beschlossen die straßenbahnlinie 7 bis 2027 zu verlängern 503 tage nach dem antrag"
        #expect(fingerprint.words == 18 && fingerprint.hash == Array(folded.utf8).withUnsafeBufferPointer { BlockHash.of($0) })
        #expect(StableHash.hex(fingerprint.hash) == "6e1a9e4ad1732374")
    }

    /// A plain re-implementation of one permutation hashing and its densification (without the
    /// signature's order tables) gives the pinned signature and band key.
    @Test func minHashSignatureAndBandKey() {
        let options = NearDupOptions()
        var shingles: [UInt64] = []
        _ = options.hasher.shingles(of: Self.text, into: &shingles)
        var signature: [UInt32] = []
        options.minHasher.appendSignature(of: shingles, to: &signature)
        let pinned: [UInt32] = [0x5921_8AA4, 0x4A05_8E3B, 0x78BE_4310, 0x6106_A9C6, 0x22E5_2348, 0x817F_87AE, 0x0112_CDE1, 0x9E4C_4D5B]
        #expect(Array(signature.prefix(8)) == pinned)
        let seed = options.seed, slots = UInt64(options.permutations)
        let key = StableHash.finalize(seed ^ 0x6A09_E667_F3BC_C908)
        let multiplier = StableHash.finalize(seed ^ 0xBB67_AE85_84CA_A73B) | 1
        let probeSeed = StableHash.finalize(seed ^ 0x3C6E_F372_FE94_F82B)
        var plain = [UInt32?](repeating: nil, count: options.permutations)
        for shingle in shingles {
            let mixed = (shingle ^ key) &* multiplier
            let slot = Int(mixed.multipliedFullWidth(by: slots).high)
            plain[slot] = min(plain[slot] ?? .max, UInt32(truncatingIfNeeded: mixed))
        }
        // An empty slot takes the value of the filled slot that comes first in its own order.
        let densified = plain.indices.map { slot -> UInt32 in
            if let value = plain[slot] { return value }
            let source = plain.indices.filter { plain[$0] != nil }.min {
                (MinHasher.probeHash(probeSeed, slot, $0), $0) < (MinHasher.probeHash(probeSeed, slot, $1), $1)
            }!
            return plain[source]!
        }
        #expect(densified == signature)
        #expect(StableHash.hex(options.banding.key(band: 0, of: signature[...])) == "994d2ad6be76e3cf")
    }

    @Test func lineFolderKey() {
        // Since template counts version 3 and summary parts version 2 (words hashed eight bytes at a time).
        #expect(StableHash.hex(LineFolder.fold("503 days have passed since the Embassy opened").key) == "b0fe0999e1a87d99")
        #expect(
            LineFolder.fold("503 days have passed since the Embassy opened")
                == LineFolderTests.referenceFold("503 days have passed since the Embassy opened"))
        #expect(
            LineFolder.fold("1577 days have passed since the Embassy opened").key
                == LineFolder.fold("503 days have passed since the Embassy opened").key)
    }
}
