// signature-bench: Winnow's signature work on one core, measured the way ../shared/bench/minhash_ref.c
// measures its own: a text file of one document per line, read into memory first, no output.
//
//   swift build -c release --product signature-bench
//   .build/release/signature-bench TEXT_FILE [REPS] [ONLY]
//
// Prints MB/s of text for three nested amounts of work: `words+shingles`, the word and shingle hashes;
// `signatures`, those and the MinHash signature (the reference's work); `map`, everything `dedup map`
// computes per document (the neardup stage's map: rank, signature, LSH bucket keys and shingle
// sketch), without the JSON around it. ONLY names one of the three to run alone (for a profiler).
// Each figure is on the wall clock (as the reference's) and on this thread's CPU clock (steadier when
// other processes share the cores).
import Foundation
import Winnow

let arguments = CommandLine.arguments
guard arguments.count >= 2, let data = FileManager.default.contents(atPath: arguments[1]) else {
    FileHandle.standardError.write(Data("usage: signature-bench TEXT_FILE [REPS] [words+shingles|signatures|map]\n".utf8))
    exit(2)
}
let reps = arguments.count > 2 ? max(1, Int(arguments[2]) ?? 5) : 5
let only = arguments.count > 3 ? arguments[3] : nil
let texts = [UInt8](data).split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map {
    String(decoding: $0, as: UTF8.self)
}
let bytes = Double(data.count)
let options = NearDupOptions()
let hasher = ShingleHasher(width: options.shingleWords)
let minHasher = MinHasher(permutations: options.permutations, seed: options.seed)
let stage = NearDupStage(options: options)
let documents = texts.enumerated().map { index, text in
    Document(id: String(index), text: text, origin: DocumentOrigin(source: "bench", line: index + 1))
}

/// Seconds on `clock` (CLOCK_MONOTONIC or CLOCK_THREAD_CPUTIME_ID).
func seconds(_ clock: clockid_t) -> Double {
    var time = timespec()
    clock_gettime(clock, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

/// Runs `work` over every text `reps` times; prints the MB/s and the checksum it returns.
func measure(_ name: String, _ work: () -> UInt64) {
    guard only == nil || only == name else { return }
    var checksum: UInt64 = 0
    let wall = seconds(CLOCK_MONOTONIC), cpu = seconds(CLOCK_THREAD_CPUTIME_ID)
    for _ in 0..<reps { checksum &+= work() }
    let megabytes = bytes * Double(reps) / 1e6
    let line =
        "\(name): "
        + String(
            format: "%.1f MB/s (CPU clock %.1f MB/s)", megabytes / (seconds(CLOCK_MONOTONIC) - wall),
            megabytes / (seconds(CLOCK_THREAD_CPUTIME_ID) - cpu))
    print(line + "  [\(reps) reps, checksum \(checksum)]")
}

measure("words+shingles") {
    var shingles: [UInt64] = [], sum: UInt64 = 0
    for text in texts {
        _ = hasher.shingles(of: text, into: &shingles)
        sum &+= shingles.first ?? 0
    }
    return sum
}
measure("signatures") {
    var shingles: [UInt64] = [], signatures: [UInt32] = [], sum: UInt64 = 0
    for text in texts {
        guard hasher.shingles(of: text, into: &shingles) > 0 else { continue }
        signatures.removeAll(keepingCapacity: true)
        minHasher.appendSignature(of: shingles, to: &signatures)
        sum &+= UInt64(signatures[0])
    }
    return sum
}
measure("map") {
    var tally = SignatureTally()
    for document in documents { stage.map(document, into: &tally) }
    return UInt64(tally.signatures.first ?? 0) &+ UInt64(tally.sketches.count)
}
