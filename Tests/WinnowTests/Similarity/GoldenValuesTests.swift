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
        let fingerprint = WordHasher.fingerprint(of: Self.text)
        #expect(fingerprint.words == 18 && StableHash.hex(fingerprint.hash) == "64310573409f4db0")
    }

    /// The vectorised kernel, the scalar loop and a plain re-implementation of the formula give the
    /// pinned signature and band key.
    @Test func minHashSignatureAndBandKey() {
        let options = NearDupOptions()
        var shingles: [UInt64] = []
        _ = options.hasher.shingles(of: Self.text, into: &shingles)
        var kernel: [UInt32] = []
        options.minHasher.appendSignature(of: shingles, to: &kernel)
        let pinned: [UInt32] = [0x0131_0A56, 0x2771_8A81, 0x1A92_EC48, 0x010D_D4DB, 0x369D_6181, 0x23C0_1A2E, 0x006B_E731, 0x1E27_4448]
        #expect(Array(kernel.prefix(8)) == pinned)
        #expect(options.minHasher.scalarSignature(of: shingles) == kernel)
        let plain = (0..<options.permutations).map { slot -> UInt32 in
            let a = StableHash.finalize(options.seed &+ UInt64(2 * slot + 1)) | 1
            let b = StableHash.finalize(options.seed &+ UInt64(2 * slot + 2))
            return UInt32(truncatingIfNeeded: shingles.map { a &* $0 &+ b }.min()! >> 32)
        }
        #expect(plain == kernel)
        #expect(StableHash.hex(options.banding.key(band: 0, of: kernel[...])) == "022c35fbe062fae9")
    }

    @Test func lineFolderKey() {
        #expect(StableHash.hex(LineFolder.fold("503 days have passed since the Embassy opened").key) == "70547250a613af68")
        #expect(
            LineFolder.fold("1577 days have passed since the Embassy opened").key
                == LineFolder.fold("503 days have passed since the Embassy opened").key)
    }
}
