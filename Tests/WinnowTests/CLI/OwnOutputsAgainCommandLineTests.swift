import Foundation
import Testing
import WinnowTestSupport

/// Winnow's outputs read again (the removed output checked with other settings), fields named like
/// Winnow's that other tools write, and pipelines of two steps of one stage: a stage replaces what
/// says it removed the document when it keeps it, and leaves every other field as it came.
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

    @Test func aRemovedDocumentKeptAgainNoLongerSaysTheStageRemovedIt() throws {
        let removed =
            [
                "id": "a1", "text": Self.harbour + ".", "cluster": "a2", "cluster_size": 2, "duplicate_of": "a2",
                "similarity": 0.92, "removed_by": "neardup", "removed_reason": "near-duplicate",
            ] as [String: Any]
        let copyFields: Set<String> = ["cluster", "cluster_size", "duplicate_of", "similarity"]
        let neardup = try cli.winnow(["neardup", "-", "-q"], stdin: line(removed) + "\n")
        #expect(neardup.status == 0, "\(neardup.stderr)")
        #expect(fields(neardup.stdout) == ["a1": copyFields])
        // Other stages keep what neardup said: removed_by is not theirs.
        for stage in ["normalize", "exact"] {
            let kept = try cli.winnow([stage, "-", "-q"], stdin: line(removed) + "\n")
            #expect(fields(kept.stdout) == ["a1": copyFields.union(["removed_by", "removed_reason"])], "\(stage)")
        }
    }

    /// A topic model's `cluster`, a crawler's `duplicate_of`: on documents the stages neither cluster
    /// nor remove, they pass through as they came.
    @Test func fieldsNamedLikeWinnowsPassThroughDocumentsNotClustered() throws {
        let own = line(["id": "t", "text": Self.rain, "cluster": "topic-7", "duplicate_of": "https://canonical.example/x"])
        for stage in ["neardup", "exact"] {
            let outcome = try cli.winnow([stage, "-", "-q"], stdin: own + "\n")
            #expect(outcome.stdout == own + "\n", "\(stage): \(outcome.stderr)")
        }
    }

    /// Two neardup steps (a strict one, then the default): the first step's labels stay on a kept
    /// document the second does not cluster.
    @Test func aSecondNearDupStepKeepsTheFirstStepsLabels() throws {
        let folder = TemporaryFolder()
        _ = folder.write(
            "p.yaml", "version: 1\nname: two\nsteps:\n  - neardup:\n      threshold: 0.95\n      containment: 0\n  - neardup\n")
        let documents = [
            line(["id": "a1", "text": Self.harbour + "."]), line(["id": "a2", "text": Self.harbour + "!"]),
            line(["id": "b1", "text": Self.rain]),
        ]
        let outcome = try cli.winnow(
            ["run", "p.yaml", "-", "-o", "-", "-q"], stdin: documents.joined(separator: "\n") + "\n", in: folder.path)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let kept = jsonLines(outcome.stdout)
        #expect(kept.count == 2 && kept.first { $0["id"] as? String == "a1" }?["cluster_size"] as? Int == 2, "\(outcome.stdout)")
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
