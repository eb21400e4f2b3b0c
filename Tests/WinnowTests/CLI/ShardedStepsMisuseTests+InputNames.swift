import Foundation
import Testing
import WinnowTestSupport

extension ShardedStepsMisuseTests {
    /// Documents are known by the input's name as given at map: apply refuses another spelling of
    /// that name, which would make exact remove every keeper and neardup remove nothing.
    @Test func applyRefusesAnInputSpelledOtherwiseThanAtMap() throws {
        let folder = TemporaryFolder()
        let absolute = shard(in: folder)
        _ = try succeeds(["exact", "map", "shard.jsonl", "-o", "keep.jsonl", "-q"], in: folder)
        _ = try succeeds(["exact", "merge", "keep.jsonl", "-o", "keepers.jsonl"], in: folder)
        _ = try succeeds(["neardup", "map", "shard.jsonl", "-o", "sig.jsonl", "-q"], in: folder)
        _ = try succeeds(["neardup", "merge", "sig.jsonl", "-o", "clusters.jsonl"], in: folder)
        let steps = [
            ("exact", ["--keepers", "keepers.jsonl"], ["a", "b", "c"]), ("neardup", ["--clusters", "clusters.jsonl"], ["b", "c"]),
        ]
        for (stage, state, kept) in steps {
            for spelling in ["./shard.jsonl", absolute, "../" + URL(fileURLWithPath: folder.path).lastPathComponent + "/shard.jsonl"] {
                let outcome = try run([stage, "apply"] + state + [spelling, "-o", "out.jsonl", "-q"], in: folder)
                #expect(outcome.status != 0, "\(stage) \(spelling)")
                #expect(outcome.stderr.contains("mapped as 'shard.jsonl'"), "\(outcome.stderr)")
                #expect(folder.read("out.jsonl") == nil, "nothing is written")
            }
            let applied = try succeeds([stage, "apply"] + state + ["shard.jsonl", "-q"], in: folder)
            #expect(ids(applied.stdout) == kept, "\(stage)")
        }
    }

    /// A shard changed between map and apply (its lines in another order, as two shards swapped
    /// would be; a text edited under its id; cut short) holds other documents, or none, at the places
    /// the state files name: apply fails rather than remove every keeper as a copy of itself, or the
    /// copies of a keeper that is gone. Neardup noticed the edited text only since its clusters file
    /// carries each member's fingerprint; a text recased keeps its folded words and passes.
    @Test func applyRefusesAShardChangedSinceMap() throws {
        let folder = TemporaryFolder()
        let path = shard(in: folder)
        _ = try succeeds(["exact", "map", "shard.jsonl", "-o", "keep.jsonl", "-q"], in: folder)
        _ = try succeeds(["exact", "merge", "keep.jsonl", "-o", "keepers.jsonl"], in: folder)
        _ = try succeeds(["neardup", "map", "shard.jsonl", "-o", "sig.jsonl", "-q"], in: folder)
        _ = try succeeds(["neardup", "merge", "sig.jsonl", "-o", "clusters.jsonl"], in: folder)
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        let edited = lines.map { $0.contains("\"id\":\"c\"") ? $0.replacingOccurrences(of: "tomato", with: "onion") : String($0) }
        let changes = [
            ("reordered", lines.reversed().joined(separator: "\n"), [("exact", "keepers.jsonl"), ("neardup", "clusters.jsonl")]),
            ("edited", edited.joined(separator: "\n"), [("exact", "keepers.jsonl"), ("neardup", "clusters.jsonl")]),
            // Cut after its near-duplicates: the keeper of the exact copies (c) is gone.
            ("cut", lines.prefix(2).joined(separator: "\n"), [("exact", "keepers.jsonl")]),
        ]
        for (change, text, steps) in changes {
            _ = folder.write("shard.jsonl", text + "\n")
            for (stage, state) in steps {
                let flag = stage == "exact" ? "--keepers" : "--clusters"
                let outcome = try run([stage, "apply", flag, state, "shard.jsonl", "-o", "out.jsonl", "-q"], in: folder)
                #expect(outcome.status != 0, "\(stage) \(change)")
                #expect(outcome.stderr.contains("\(state) records the document"), "\(outcome.stderr)")
                #expect(folder.read("out.jsonl") == nil, "nothing is written")
            }
        }
        let recased = lines.map { $0.contains("\"id\":\"a\"") ? $0.replacingOccurrences(of: "council", with: "COUNCIL,") : String($0) }
        _ = folder.write("shard.jsonl", recased.joined(separator: "\n") + "\n")
        _ = try succeeds(["neardup", "apply", "--clusters", "clusters.jsonl", "shard.jsonl", "-o", "out.jsonl", "-q"], in: folder)
        _ = try succeeds(["exact", "apply", "--keepers", "keepers.jsonl", "shard.jsonl", "-o", "out.jsonl", "-q"], in: folder)
    }
}
