import Foundation
import Testing
import WinnowTestSupport

/// The sharded steps refuse state files and inputs given in ways that would remove documents that
/// must stay (or keep copies that must go) with exit status 0: here, a state file given twice to a merge.
@Suite struct ShardedStepsMisuseTests {
    let cli = CommandLineTests()

    /// A shard of four documents: `a` and `b` near-duplicates (b is a with a sentence more), `c` and
    /// `d` exact copies (case aside); written as `shard.jsonl` in `folder`, where the
    /// steps run, so that the inputs are named as a user in that folder names them.
    func shard(in folder: TemporaryFolder) -> String {
        let story =
            "the council voted on tuesday to extend the river path by two miles after a long debate "
            + "about the cost of the new bridge and the trees that would have to be moved to make room"
        let other = "a recipe for tomato soup needs ripe tomatoes an onion two cloves of garlic and some basil leaves"
        let records = [
            ["id": "a", "text": story], ["id": "b", "text": story + " and the work starts in the spring"],
            ["id": "c", "text": other], ["id": "d", "text": other.uppercased()],
        ]
        return folder.write(
            "shard.jsonl",
            records.map { String(decoding: try! JSONSerialization.data(withJSONObject: $0, options: .sortedKeys), as: UTF8.self) }
                .joined(separator: "\n") + "\n")
    }

    func run(_ arguments: [String], in folder: TemporaryFolder) throws -> CommandLineTests.Outcome {
        try cli.winnow(arguments, in: folder.path)
    }

    func succeeds(_ arguments: [String], in folder: TemporaryFolder) throws -> CommandLineTests.Outcome {
        let outcome = try run(arguments, in: folder)
        #expect(outcome.status == 0, "\(arguments.prefix(2)): \(outcome.stderr)")
        return outcome
    }

    func ids(_ text: String) -> [String] { jsonLines(text).compactMap { $0["id"] as? String } }

    @Test func nearDupMergeRefusesADocumentGivenTwice() throws {
        let folder = TemporaryFolder()
        _ = shard(in: folder)
        _ = try succeeds(["neardup", "map", "shard.jsonl", "-o", "sig.jsonl", "-q"], in: folder)
        let twice = try run(["neardup", "merge", "sig.jsonl", "sig.jsonl", "-o", "clusters.jsonl"], in: folder)
        #expect(twice.status != 0)
        #expect(twice.stderr.contains("shard.jsonl:1") && twice.stderr.contains("both in sig.jsonl"), "\(twice.stderr)")
        #expect(folder.read("clusters.jsonl") == nil, "no clusters file is written")
        // A copy under another name (a glob over a folder that holds a backup) is the same documents.
        _ = folder.write("copy.jsonl", folder.read("sig.jsonl")!)
        let copied = try run(["neardup", "merge", "sig.jsonl", "copy.jsonl", "-o", "clusters.jsonl"], in: folder)
        #expect(copied.status != 0)
        #expect(copied.stderr.contains("one in sig.jsonl, one in copy.jsonl"), "\(copied.stderr)")
        _ = try succeeds(["neardup", "merge", "sig.jsonl", "-o", "clusters.jsonl"], in: folder)
        let applied = try succeeds(["neardup", "apply", "--clusters", "clusters.jsonl", "shard.jsonl", "-q"], in: folder)
        #expect(ids(applied.stdout) == ["b", "c"], "the longer of a and b stays, and c of its copies (by id)")
    }

    /// Counts add, so a page counted in two files would count twice: a counts file given twice (under
    /// any spelling, or copied under another name), a merged file beside one of its parts, or two
    /// shards mapped under one name are refused, naming both files (the copy and the merged file were
    /// merged, every count doubled, before counts files recorded the input lines they cover).
    @Test func templatesMergeRefusesAPageCountedTwice() throws {
        let folder = TemporaryFolder()
        _ = shard(in: folder)
        _ = try succeeds(["templates", "map", "shard.jsonl", "-o", "counts.jsonl", "-q"], in: folder)
        _ = folder.write("copy.jsonl", folder.read("counts.jsonl")!)
        _ = folder.write("other/shard.jsonl", #"{"id":"z","url":"https://z.example/","text":"a page of another machine"}"# + "\n")
        _ = folder.write("more.jsonl", #"{"id":"y","url":"https://y.example/","text":"a page of one more shard"}"# + "\n")
        let mapped = try cli.winnow(["templates", "map", "shard.jsonl", "-o", "../other.jsonl", "-q"], in: folder.file("other"))
        #expect(mapped.status == 0, "\(mapped.stderr)")
        _ = try succeeds(["templates", "map", "more.jsonl", "-o", "more.counts", "-q"], in: folder)
        _ = try succeeds(["templates", "merge", "more.counts", "counts.jsonl", "-o", "both.jsonl"], in: folder)
        for (first, second) in [
            ("counts.jsonl", "counts.jsonl"), ("counts.jsonl", "./counts.jsonl"), ("counts.jsonl", folder.file("counts.jsonl")),
            ("counts.jsonl", "copy.jsonl"), ("both.jsonl", "counts.jsonl"), ("counts.jsonl", "other.jsonl"),
        ] {
            let twice = try run(["templates", "merge", first, second, "-o", "merged.jsonl"], in: folder)
            #expect(twice.status != 0, "\(second)")
            #expect(
                twice.stderr.contains("\(second): \(first) and this counts file both count the page read at shard.jsonl:1"),
                "\(twice.stderr)")
            #expect(folder.read("merged.jsonl") == nil, "no counts file is written")
        }
        _ = try succeeds(["templates", "merge", "counts.jsonl", "-o", "merged.jsonl"], in: folder)
        #expect(folder.read("merged.jsonl") == folder.read("counts.jsonl"))
    }

    /// A map step writes only its state file: the run outputs it would not write are refused, not ignored.
    @Test func mapStepsRefuseTheRunOutputs() throws {
        let folder = TemporaryFolder()
        _ = shard(in: folder)
        for stage in ["exact", "neardup", "templates"] {
            for flag in ["--removed", "--rejects", "--stats"] {
                let outcome = try run([stage, "map", "shard.jsonl", "-o", "state.jsonl", flag, "side.json", "-q"], in: folder)
                #expect(outcome.status != 0, "\(stage) \(flag)")
                #expect(outcome.stderr.contains("\(flag) is not written by a map step"), "\(outcome.stderr)")
                #expect(folder.read("state.jsonl") == nil && folder.read("side.json") == nil)
            }
        }
    }

    /// A keepers file given twice, or two shards mapped under one name, record documents of one
    /// origin: refused, as neardup's and templates' merges refuse them (apply could not tell them apart).
    @Test func exactMergeRefusesADocumentRecordedTwice() throws {
        let folder = TemporaryFolder()
        _ = shard(in: folder)
        _ = try succeeds(["exact", "map", "shard.jsonl", "-o", "keep.jsonl", "-q"], in: folder)
        _ = folder.write("other/shard.jsonl", #"{"id":"z","text":"a page of another machine's shard"}"# + "\n")
        let mapped = try cli.winnow(["exact", "map", "shard.jsonl", "-o", "../other.jsonl", "-q"], in: folder.file("other"))
        #expect(mapped.status == 0, "\(mapped.stderr)")
        for second in ["keep.jsonl", "./keep.jsonl", "other.jsonl"] {
            let twice = try run(["exact", "merge", "keep.jsonl", second, "-o", "merged.jsonl"], in: folder)
            #expect(twice.status != 0, "\(second)")
            #expect(twice.stderr.contains("both record a document read at shard.jsonl:1"), "\(twice.stderr)")
            #expect(folder.read("merged.jsonl") == nil, "no keepers file is written")
        }
        _ = try succeeds(["exact", "merge", "keep.jsonl", "-o", "merged.jsonl"], in: folder)
        let applied = try succeeds(["exact", "apply", "--keepers", "merged.jsonl", "shard.jsonl", "-q"], in: folder)
        #expect(ids(applied.stdout) == ["a", "b", "c"])
    }
}
