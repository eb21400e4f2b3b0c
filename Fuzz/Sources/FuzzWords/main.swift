// The word rules that exact and neardup share, in their three implementations: `WordHasher.forEachWord`
// (per scalar), the bulk scan (`wordHashes`, sixteen ASCII bytes a step, a long text read as two halves)
// and exact's fold (`WordHasher.fingerprint`), on any bytes. Invariants: the bulk hashes are
// forEachWord's, and the fold counts as many words; AddressSanitizer checks that neither writes past
// the room it sized.
import FuzzSupport
@_spi(Fuzzing) import Winnow

FuzzDriver.run { start, count in
    let bytes = FuzzInput(start, count).rest
    var reference: [UInt64] = []
    bytes.withUnsafeBufferPointer { WordHasher.forEachWord(in: $0) { reference.append($0) } }
    var bulk: [UInt64] = []
    WordHasher.wordHashes(of: bytes, into: &bulk)
    require(bulk == reference, "the bulk scan's \(bulk.count) words are not forEachWord's \(reference.count)")
    let fingerprint = bytes.withUnsafeBufferPointer { WordHasher.fingerprint(of: $0) }
    require(fingerprint.words == reference.count, "the fold counts \(fingerprint.words) words, forEachWord \(reference.count)")
    return 0
}
