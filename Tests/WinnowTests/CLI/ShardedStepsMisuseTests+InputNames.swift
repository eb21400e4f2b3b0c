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
                #expect(
                    outcome.stderr.contains("no map step read an input of this name") && outcome.stderr.contains("'shard.jsonl'"),
                    "\(outcome.stderr)")
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

    /// One shard mapped under two names (a second spelling, or a hard link) is two shards of the same
    /// documents to a merge. Neardup's clusters name both: apply of one would remove every clustered
    /// document as a copy of its twin under the other, so it refuses, naming both. Exact's keepers
    /// name only the bytewise first (every twin ties): apply of that name keeps every text once, and
    /// of the other is refused as a respelling.
    @Test func applyRefusesAnInputMappedTwiceUnderTwoNames() throws {
        let folder = TemporaryFolder()
        _ = shard(in: folder)
        try FileManager.default.linkItem(atPath: folder.file("shard.jsonl"), toPath: folder.file("link.jsonl"))
        for second in ["./shard.jsonl", "link.jsonl"] {
            _ = try succeeds(["exact", "map", "shard.jsonl", "-o", "one.keep", "-q"], in: folder)
            _ = try succeeds(["exact", "map", second, "-o", "two.keep", "-q"], in: folder)
            _ = try succeeds(["exact", "merge", "one.keep", "two.keep", "-o", "keepers.jsonl"], in: folder)
            _ = try succeeds(["neardup", "map", "shard.jsonl", "-o", "one.sig", "-q"], in: folder)
            _ = try succeeds(["neardup", "map", second, "-o", "two.sig", "-q"], in: folder)
            _ = try succeeds(["neardup", "merge", "one.sig", "two.sig", "-o", "clusters.jsonl"], in: folder)
            let refusals = [
                ("neardup", ["--clusters", "clusters.jsonl"], "shard.jsonl", "mapped twice"),
                ("neardup", ["--clusters", "clusters.jsonl"], second, "mapped twice"),
                ("exact", ["--keepers", "keepers.jsonl"], "shard.jsonl", "mapped as '\(second)'"),
            ]
            for (stage, state, given, message) in refusals {
                let outcome = try run([stage, "apply"] + state + [given, "-o", "out.jsonl", "-q"], in: folder)
                #expect(outcome.status != 0, "\(stage) \(given)")
                #expect(outcome.stderr.contains(message), "\(outcome.stderr)")
                #expect(folder.read("out.jsonl") == nil, "nothing is written")
            }
            let keepers = try succeeds(["exact", "apply", "--keepers", "keepers.jsonl", second, "-q"], in: folder)
            #expect(ids(keepers.stdout) == ["a", "b", "c"])
            // Both names given: each document is kept once, under one of them.
            for (stage, state) in [("exact", ["--keepers", "keepers.jsonl"]), ("neardup", ["--clusters", "clusters.jsonl"])] {
                let both = try succeeds([stage, "apply"] + state + ["shard.jsonl", second, "-q"], in: folder)
                #expect(ids(both.stdout).sorted() == (stage == "exact" ? ["a", "b", "c"] : ["b", "c"]), "\(stage)")
            }
        }
    }

    /// Two machines' shards at one path, mapped where each lives, one by a relative name and one by its
    /// full path: the two names denote one file on this machine but record other documents, so apply
    /// of the name mapped here runs.
    @Test func twoMachinesShardsAtOnePathAreNotAFileMappedTwice() throws {
        let folder = TemporaryFolder()
        let path = shard(in: folder)
        let here = try String(contentsOfFile: path, encoding: .utf8)
        // Copies of one text, so that each state file records them under the full path.
        let there = (0..<3).map { #"{"id":"x\#($0)","text":"another machine's page with words of its own, copied"}"# }
        _ = folder.write("shard.jsonl", there.joined(separator: "\n") + "\n")
        _ = try succeeds(["exact", "map", path, "-o", "there.keep", "-q"], in: folder)
        _ = try succeeds(["neardup", "map", path, "-o", "there.sig", "-q"], in: folder)
        _ = folder.write("shard.jsonl", here)
        _ = try succeeds(["exact", "map", "shard.jsonl", "-o", "here.keep", "-q"], in: folder)
        _ = try succeeds(["neardup", "map", "shard.jsonl", "-o", "here.sig", "-q"], in: folder)
        _ = try succeeds(["exact", "merge", "here.keep", "there.keep", "-o", "keepers.jsonl"], in: folder)
        _ = try succeeds(["neardup", "merge", "here.sig", "there.sig", "-o", "clusters.jsonl"], in: folder)
        let exact = try succeeds(["exact", "apply", "--keepers", "keepers.jsonl", "shard.jsonl", "-q"], in: folder)
        #expect(ids(exact.stdout) == ["a", "b", "c"])
        let nearDup = try succeeds(["neardup", "apply", "--clusters", "clusters.jsonl", "shard.jsonl", "-q"], in: folder)
        #expect(ids(nearDup.stdout) == ["b", "c"])
    }

    /// Exact's keepers file holds a keeper for every text map read: a text it has none for comes from
    /// an input map did not read (or a line added since), and could be a copy of a text no keeper
    /// stands for. Apply refuses it rather than keep it unchecked.
    @Test func exactApplyRefusesATextMapDidNotRead() throws {
        let folder = TemporaryFolder()
        let path = shard(in: folder)
        _ = try succeeds(["exact", "map", "shard.jsonl", "-o", "keep.jsonl", "-q"], in: folder)
        _ = try succeeds(["exact", "merge", "keep.jsonl", "-o", "keepers.jsonl"], in: folder)
        let original = try String(contentsOfFile: path, encoding: .utf8)
        _ = folder.write("more.jsonl", #"{"id":"m","text":"a page no map step read"}"# + "\n" + original)
        let unmapped = ["shard.jsonl", "more.jsonl"]
        let refused = try run(["exact", "apply", "--keepers", "keepers.jsonl"] + unmapped + ["-o", "out.jsonl", "-q"], in: folder)
        #expect(refused.status != 0 && refused.stderr.contains("more.jsonl: no map step read an input"), "\(refused.stderr)")
        // A keepers file that records no inputs (an engine's driver writes it from framed maps).
        let keepers = folder.read("keepers.jsonl")!
        _ = folder.write("engine.jsonl", ShardedStepsTests.withoutInputLines(keepers))
        #expect(keepers.contains(#"{"input":"shard.jsonl"}"#) && !folder.read("engine.jsonl")!.contains(#""input""#))
        let added = original + #"{"id":"e","text":"a line added after map"}"# + "\n"
        for (inputs, place) in [(unmapped, "more.jsonl:1"), (["shard.jsonl"], "shard.jsonl:5")] {
            if place == "shard.jsonl:5" { _ = folder.write("shard.jsonl", added) }
            let outcome = try run(["exact", "apply", "--keepers", "engine.jsonl"] + inputs + ["-o", "out.jsonl", "-q"], in: folder)
            #expect(outcome.status != 0, "\(place)")
            #expect(
                outcome.stderr.contains(place) && outcome.stderr.contains("records no document with this text"), "\(outcome.stderr)")
            #expect(folder.read("out.jsonl") == nil, "nothing is written")
        }
    }

    /// The map steps' state files record the names of the inputs they read: apply run from another
    /// folder, or given a renamed copy of a shard, is refused, where before exact removed every
    /// document as a copy of itself and neardup removed none. A shard none of whose documents keeps
    /// a text is recorded too, and applied.
    @Test func applyRefusesAnInputMapReadUnderAnotherName() throws {
        let folder = TemporaryFolder()
        try FileManager.default.createDirectory(atPath: folder.file("shards"), withIntermediateDirectories: true)
        _ = folder.write(
            "shards/s0.jsonl",
            """
            {"id":"d1","text":"The harbour council approved the new budget on Monday after a long and heated debate"}
            {"id":"d2","text":"The harbour council approved the new budget on Monday after a long and heated debate"}
            {"id":"d3","text":"Rain is expected across the northern valleys for most of the weekend, forecasters said"}

            """)
        _ = folder.write(
            "shards/s1.jsonl",
            """
            {"id":"d4","text":"Rain is expected across the northern valleys for most of the weekend, forecasters said"}

            """)
        let shards = ["shards/s0.jsonl", "shards/s1.jsonl"]
        _ = try succeeds(["exact", "map"] + shards + ["-o", "keep.jsonl", "-q"], in: folder)
        _ = try succeeds(["exact", "merge", "keep.jsonl", "-o", "keepers.jsonl"], in: folder)
        _ = try succeeds(["neardup", "map"] + shards + ["-o", "sig.jsonl", "-q"], in: folder)
        _ = try succeeds(["neardup", "merge", "sig.jsonl", "-o", "clusters.jsonl"], in: folder)
        _ = folder.write("copy-of-s0.jsonl", folder.read("shards/s0.jsonl")!)
        let steps = [("exact", "--keepers", "keepers.jsonl"), ("neardup", "--clusters", "clusters.jsonl")]
        for (stage, option, state) in steps {
            let inShards = try cli.winnow(
                [stage, "apply", option, "../" + state, "s0.jsonl", "-o", "../out.jsonl", "-q"], in: folder.file("shards"))
            #expect(inShards.status != 0, "\(stage) from shards/")
            #expect(inShards.stderr.contains("of this file name, 'shards/s0.jsonl'"), "\(inShards.stderr)")
            let copy = try run([stage, "apply", option, state, "copy-of-s0.jsonl", "-o", "out.jsonl", "-q"], in: folder)
            #expect(copy.status != 0 && copy.stderr.contains("no map step read an input of this name"), "\(copy.stderr)")
            #expect(folder.read("out.jsonl") == nil, "nothing is written")
            let s0 = try succeeds([stage, "apply", option, state, "shards/s0.jsonl", "-q"], in: folder)
            #expect(ids(s0.stdout) == ["d1", "d3"], "\(stage)")
            let twice = try run([stage, "apply", option, state, "shards/", "shards/s0.jsonl", "-o", "out.jsonl", "-q"], in: folder)
            #expect(
                twice.status != 0 && twice.stderr.contains("shards/s0.jsonl: this input is given to apply more than once"),
                "\(twice.stderr)")
            // s1 holds no keeper and no cluster's kept document, and is still an input map read.
            let s1 = try succeeds([stage, "apply", option, state, "shards/s1.jsonl", "-q"], in: folder)
            #expect(ids(s1.stdout) == [], "\(stage)")
        }
    }

    /// A counts file records the input lines it counted: apply refuses a page at a line it does not
    /// cover (another shard's counts, an input renamed, given twice or grown since map), as exact's apply
    /// refuses an input its keepers do not record; before, it removed nothing from it with status 0. An
    /// input of no pages, which a counts file cannot record, passes, and so does a file that records
    /// no input lines (the cluster path's driver writes its partitions' counts so).
    @Test func templatesApplyRefusesAPageItsCountsDidNotCount() throws {
        let folder = TemporaryFolder()
        let path = shard(in: folder)
        _ = folder.write("other.jsonl", #"{"id":"o","text":"a page of another shard"}"# + "\n")
        _ = folder.write("empty.jsonl", "")
        _ = try succeeds(["templates", "map", "other.jsonl", "-o", "other.counts", "-q"], in: folder)
        _ = try succeeds(["templates", "map", "shard.jsonl", "empty.jsonl", "-o", "shard.counts", "-q"], in: folder)
        let original = try String(contentsOfFile: path, encoding: .utf8)
        let refusals = [
            (
                "other.counts", ["shard.jsonl"],
                "shard.jsonl:1: other.counts counts no page of this input: it records the inputs map counted (among them 'other.jsonl')"
            ),
            (
                "shard.counts", ["./shard.jsonl"],
                "./shard.jsonl:1: shard.counts counts no page of this input: it records the inputs map counted (of this file name, 'shard.jsonl')"
            ),
            (
                "shard.counts", ["shard.jsonl", "shard.jsonl"],
                "shard.jsonl#2:1: this input is given to apply more than once, but map counted it once"
            ),
            ("shard.counts", ["grown.jsonl"], "grown.jsonl:1: shard.counts counts no page of this input"),
        ]
        _ = folder.write("grown.jsonl", original)
        for (counts, inputs, message) in refusals {
            let outcome = try run(["templates", "apply", "--counts", counts] + inputs + ["-o", "out.jsonl", "-q"], in: folder)
            #expect(outcome.status != 0, "\(inputs)")
            #expect(outcome.stderr.contains(message) && outcome.stderr.contains("no output file was committed"), "\(outcome.stderr)")
            #expect(folder.read("out.jsonl") == nil, "nothing is written")
        }
        _ = folder.write("shard.jsonl", original + #"{"id":"e","text":"a line added after map"}"# + "\n")
        let grown = try run(["templates", "apply", "--counts", "shard.counts", "shard.jsonl", "-o", "out.jsonl", "-q"], in: folder)
        #expect(
            grown.status != 0 && grown.stderr.contains("shard.jsonl:5: shard.counts counts no page read at this line"), "\(grown.stderr)")
        _ = folder.write("shard.jsonl", original)
        let applied = try succeeds(["templates", "apply", "--counts", "shard.counts", "shard.jsonl", "empty.jsonl", "-q"], in: folder)
        #expect(ids(applied.stdout) == ["a", "b", "c", "d"])
        let counts = try #require(folder.read("other.counts"))
        _ = folder.write("engine.counts", ShardedStepsTests.withoutInputLines(counts))
        #expect(counts.contains(#"{"input":"other.jsonl""#) && !folder.read("engine.counts")!.contains(#""input""#))
        _ = try succeeds(["templates", "apply", "--counts", "engine.counts", "shard.jsonl", "-q"], in: folder)
    }

    /// Map, merge and apply are given one keep policy: a merge or apply given none, of keepers mapped
    /// with `--keep newest:ts`, is told to give `--keep newest:ts`, not to map again with the default.
    @Test func exactStepsNameTheKeepPolicyTheirKeepersWereChosenWith() throws {
        let folder = TemporaryFolder()
        _ = shard(in: folder)
        _ = try succeeds(["exact", "map", "--keep", "newest:ts", "shard.jsonl", "-o", "keep.jsonl", "-q"], in: folder)
        let advice =
            "the keepers were chosen with keep policy 'newest:ts', and this step was given 'longest' (the default): give --keep newest:ts"
        let merge = try run(["exact", "merge", "keep.jsonl", "-o", "keepers.jsonl"], in: folder)
        #expect(merge.status != 0 && merge.stderr.contains("keep.jsonl:1: " + advice), "\(merge.stderr)")
        #expect(folder.read("keepers.jsonl") == nil)
        _ = try succeeds(["exact", "merge", "--keep", "newest:ts", "keep.jsonl", "-o", "keepers.jsonl"], in: folder)
        let apply = try run(["exact", "apply", "--keepers", "keepers.jsonl", "shard.jsonl", "-o", "out.jsonl", "-q"], in: folder)
        #expect(apply.status != 0 && apply.stderr.contains("keepers.jsonl:1: " + advice), "\(apply.stderr)")
        let oldest = try run(["exact", "apply", "--keep", "oldest:ts", "--keepers", "keepers.jsonl", "shard.jsonl", "-q"], in: folder)
        #expect(oldest.stderr.contains("and this step was given 'oldest:ts': give --keep newest:ts"), "\(oldest.stderr)")
        let applied = try succeeds(
            ["exact", "apply", "--keep", "newest:ts", "--keepers", "keepers.jsonl", "shard.jsonl", "-q"], in: folder)
        #expect(ids(applied.stdout) == ["a", "b", "c"])
    }
}
