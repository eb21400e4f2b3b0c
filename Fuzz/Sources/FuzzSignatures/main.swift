// The `neardup` signatures file reader (`SignaturesFile.read`, through `IntermediateFile` and the
// JSONL reader), then the clustering of what it read. Settings byte: the default parameters or small
// ones (16 permutations, 4 bands of 2 rows, 16-hash sketches). Invariants: a file that reads gives a
// tally whose arrays agree in length, that writes back to a file reading to the same tally, and
// whose clusters have two or more members, the kept one first, similarities between 0 and 1.
import FuzzSupport
import Winnow

let small: NearDupOptions = {
    var options = NearDupOptions()
    options.permutations = 16
    options.bands = 4
    options.rows = 2
    options.sketch = 16
    return options
}()

func sameTally(_ a: SignatureTally, _ b: SignatureTally) -> Bool {
    a.ids == b.ids && a.ranks == b.ranks && a.fingerprints == b.fingerprints && a.shingleCounts == b.shingleCounts
        && a.signatures == b.signatures
        && a.bucketKeys == b.bucketKeys && a.sketches == b.sketches && a.sketchEnds == b.sketchEnds
}

FuzzDriver.run { start, count in
    var input = FuzzInput(start, count)
    let options = input.byte() & 1 == 0 ? NearDupOptions() : small
    let path = ScratchFile.write(input.rest)
    var tally = SignatureTally()
    do {
        try SignaturesFile.read(path, options: options, into: &tally)
    } catch {
        return 0
    }
    let documents = tally.count
    require(
        tally.ranks.count == documents && tally.shingleCounts.count == documents && tally.sketchEnds.count == documents,
        "per-document arrays differ in length")
    require(tally.signatures.count == documents * options.permutations, "signatures of the wrong length")
    require(tally.bucketKeys.count == documents * options.bands, "bucket keys of the wrong length")
    require(
        zip(tally.sketchEnds, tally.sketchEnds.dropFirst()).allSatisfy { $0 < $1 } && tally.sketchEnds.last ?? 0 == tally.sketches.count,
        "sketch ends do not partition the sketches")
    do {
        try SignaturesFile.write(tally, options: options, to: ScratchFile.companion)
        var again = SignatureTally()
        try SignaturesFile.read(ScratchFile.companion, options: options, into: &again)
        require(sameTally(tally, again), "a signatures file written from a tally reads back different")
    } catch {
        require(false, "a signatures file written from a tally does not read back: \(error)")
    }
    for cluster in DuplicateClusters(tally: tally, options: options).clusters {
        require(cluster.size >= 2, "a cluster of one")
        require(cluster.members[0].similarity == 1, "the kept document is not first")
        require(cluster.members.allSatisfy { $0.similarity >= 0 && $0.similarity <= 1 }, "a similarity outside 0...1")
    }
    return 0
}
