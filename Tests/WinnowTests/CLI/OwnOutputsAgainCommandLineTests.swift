import Foundation
import Testing
import WinnowTestSupport

/// Winnow's outputs read again (yesterday's output with today's crawl, the removed output checked
/// with other settings): the fields a stage writes are replaced, or dropped, on every document it
/// passes, so that none says what an earlier run decided and this one did not.
@Suite struct OwnOutputsAgainCommandLineTests {
    let cli = CommandLineTests()
    static let harbour =
        "The harbour council approved the new budget on Monday after a long and heated debate about ferry fares "
        + "and the cost of repairs to the old pier"
    static let rain =
        "Rain is expected across the northern valleys for most of the weekend, forecasters said on Friday, with "
        + "flood warnings issued for three rivers and two towns"

    func line(_ fields: [String: Any]) -> String {
        String(decoding: try! JSONSerialization.data(withJSONObject: fields, options: .sortedKeys), as: UTF8.self)
    }

    func fields(_ text: String) -> [String: Set<String>] {
        Dictionary(uniqueKeysWithValues: jsonLines(text).map { ($0["id"] as! String, Set($0.keys).subtracting(["id", "text"])) })
    }

    @Test func aDocumentNotClusteredAgainLosesItsEarlierCluster() throws {
        let yesterday = line(["id": "a2", "text": Self.harbour, "cluster": "a2", "cluster_size": 2])
        let today = line(["id": "b1", "text": Self.rain])
        let outcome = try cli.winnow(["neardup", "-", "-q"], stdin: yesterday + "\n" + today + "\n")
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(fields(outcome.stdout) == ["a2": [], "b1": []])
    }

    @Test func aRemovedDocumentKeptAgainNoLongerSaysItWasRemoved() throws {
        let removed =
            [
                "id": "a1", "text": Self.harbour + ".", "cluster": "a2", "cluster_size": 2, "duplicate_of": "a2",
                "similarity": 0.92, "removed_by": "neardup", "removed_reason": "near-duplicate",
            ] as [String: Any]
        let neardup = try cli.winnow(["neardup", "-", "-q"], stdin: line(removed) + "\n")
        #expect(neardup.status == 0, "\(neardup.stderr)")
        #expect(fields(neardup.stdout) == ["a1": []])
        // Another stage keeps what neardup said: those fields are not its own.
        let normalize = try cli.winnow(["normalize", "-", "-q"], stdin: line(removed) + "\n")
        #expect(fields(normalize.stdout)["a1"]?.isSuperset(of: ["removed_by", "duplicate_of", "cluster"]) == true)
        // Exact keeps it, and drops exact's own fields only.
        let exact = try cli.winnow(["exact", "-", "-q"], stdin: line(removed) + "\n")
        #expect(fields(exact.stdout) == ["a1": ["cluster", "cluster_size", "similarity", "removed_by", "removed_reason"]])
    }

    @Test func aCopyRemovedAgainSaysOnlyWhatThisRunFound() throws {
        // Read again with a stale duplicate_of_origin (its id was its kept copy's then, not now).
        let kept = line(["id": "k", "text": Self.rain])
        let copy = line(["id": "z", "text": Self.rain, "duplicate_of_origin": "old.jsonl:3", "duplicate_of": "x"])
        let outcome = try cli.winnow(["exact", "-", "-q", "--removed", "/dev/stdout", "-o", "/dev/null"], stdin: kept + "\n" + copy + "\n")
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let removed = jsonLines(outcome.stdout)
        #expect(removed.count == 1 && removed.first?["duplicate_of"] as? String == "k")
        #expect(removed.first?["duplicate_of_origin"] == nil)
    }
}
