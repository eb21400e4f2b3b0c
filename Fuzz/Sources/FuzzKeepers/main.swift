// The `exact` keepers file reader (`ExactKeepersFile.read`, through `IntermediateFile` and the JSONL
// reader). Settings byte: the keep policy. Invariants: a file that reads gives keepers that write
// back to a file reading to the same keepers, and reading it twice into one tally changes nothing
// (keepers combine by the better rank).
import FuzzSupport
import Winnow

let policies: [KeepPolicy] = [.longest, .first, .newest(field: "date"), .oldest(field: "date")]

FuzzDriver.run { start, count in
    var input = FuzzInput(start, count)
    let keep = policies[Int(input.byte() % 4)]
    let path = ScratchFile.write(input.rest)
    var tally = ExactTally()
    do {
        try ExactKeepersFile.read(path, keep: keep, into: &tally)
    } catch {
        return 0
    }
    do {
        var twice = tally
        try ExactKeepersFile.read(path, keep: keep, into: &twice)
        require(twice.keepers == tally.keepers, "reading a keepers file twice changes the keepers")
        try ExactKeepersFile.write(tally, keep: keep, to: ScratchFile.companion)
        var again = ExactTally()
        try ExactKeepersFile.read(ScratchFile.companion, keep: keep, into: &again)
        require(again.keepers == tally.keepers, "a keepers file written from a tally reads back different")
    } catch {
        require(false, "a keepers file that read once does not read again or back: \(error)")
    }
    return 0
}
