import Foundation
import Testing
import WinnowTestSupport

/// The map → merge → apply steps on three shards give what one run over the shards gives, for every
/// keep policy, when merges are merged again, and when state files are gzip-compressed.
@Suite struct ShardedStepsTests {
    let cli = CommandLineTests()

    /// 240 generated pages and 40 copies differing in case and spacing, each with a `date` (shared
    /// by many, so ties are broken by id), dealt round-robin into three shards.
    func shards(in folder: TemporaryFolder) throws -> [String] {
        let lines = try String(contentsOfFile: GeneratedNews.corpus, encoding: .utf8).split(separator: "\n").prefix(240)
        var objects = try lines.map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
        for original in objects.prefix(40) {
            var copy = original
            copy["id"] = (original["id"] as! String) + "-copy"
            copy["text"] = (original["text"] as! String).uppercased() + "  "
            objects.append(copy)
        }
        var random = SeededRandom(seed: 11)
        var shards = ["", "", ""]
        for (index, var object) in objects.enumerated() {
            object["date"] = "2026-0\(1 + random.next() % 9)-1\(random.next() % 3)"
            let line = String(decoding: try JSONSerialization.data(withJSONObject: object, options: .sortedKeys), as: UTF8.self)
            shards[index % 3] += line + "\n"
        }
        return ["a", "b", "c"].enumerated().map { folder.write("\($1).jsonl", shards[$0]) }
    }

    func succeeds(_ arguments: [String]) throws -> CommandLineTests.Outcome {
        let outcome = try cli.winnow(arguments)
        #expect(outcome.status == 0, "\(arguments.prefix(2)): \(outcome.stderr)")
        return outcome
    }

    /// Whether two outputs are byte-identical, with a short account of how they differ when not
    /// (the outputs themselves are too long for a test log).
    /// A state file less its `{"input":…}` lines, and with the end line's count of the others.
    static func withoutInputLines(_ file: String) -> String {
        var lines = file.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix("{\"input\"") }
        if lines.last == "" { lines.removeLast() }
        if let end = lines.last, end.hasPrefix("{\"end_of_file\"") { lines[lines.count - 1] = "{\"end_of_file\":\(lines.count - 2)}" }
        return lines.joined(separator: "\n") + "\n"
    }

    func expectSame(_ got: String, _ expected: String?, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
        guard got != expected else { return }
        let gotLines = got.split(separator: "\n"), expectedLines = (expected ?? "").split(separator: "\n")
        let firstDifference =
            zip(gotLines, expectedLines).enumerated().first { $1.0 != $1.1 }?.offset
            ?? min(gotLines.count, expectedLines.count)
        Issue.record(
            "\(what): \(gotLines.count) lines, expected \(expectedLines.count); first difference at line \(firstDifference + 1)",
            sourceLocation: sourceLocation)
    }

    /// Checks that the steps' outputs are the one run's, with the 40 copies removed at least; the
    /// ids kept.
    func expectOneRun(
        _ cleaned: String, _ removed: String?, _ steps: (cleaned: String, removed: String), keep: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> Set<String> {
        expectSame(steps.cleaned, cleaned, "cleaned, keep \(keep)", sourceLocation: sourceLocation)
        expectSame(steps.removed, removed, "removed, keep \(keep)", sourceLocation: sourceLocation)
        #expect(jsonLines(steps.removed).count >= 40, "\(keep)", sourceLocation: sourceLocation)
        return Set(jsonLines(steps.cleaned).compactMap { $0["id"] as? String })
    }

    /// Applies a merged state file to each shard; the shards' cleaned and removed outputs in shard order.
    func applied(
        _ command: String, _ stateOption: String, _ state: String, _ shards: [String], _ extra: [String],
        folder: TemporaryFolder
    ) throws -> (cleaned: String, removed: String) {
        var cleaned = "", removed = ""
        for (index, shard) in shards.enumerated() {
            let removedFile = folder.file("applied-\(index).removed.jsonl")
            cleaned += try succeeds([command, "apply", stateOption, state, shard, "--removed", removedFile, "-q"] + extra).stdout
            removed += folder.read("applied-\(index).removed.jsonl") ?? ""
        }
        return (cleaned, removed)
    }

    @Test func exactStepsMatchOneRunForEveryKeepPolicyAndMergeGrouping() throws {
        let folder = TemporaryFolder()
        let shards = try shards(in: folder)
        var keptBy: [String: Set<String>] = [:]
        for keep in ["longest", "first", "newest:date", "oldest:date"] {
            let policy = ["--keep", keep]
            let one = try succeeds(
                [
                    "exact", shards[0], shards[1], shards[2], "--removed", folder.file("one.removed.jsonl"),
                    "--temp-dir", folder.path, "-q",
                ] + policy)
            let keepers = shards.indices.map { folder.file("\($0).keepers" + ($0 == 2 ? ".gz" : "")) }
            for (shard, file) in zip(shards, keepers) { _ = try succeeds(["exact", "map", shard, "-o", file, "-q"] + policy) }
            _ = try succeeds(["exact", "merge", keepers[0], keepers[1], keepers[2], "-o", folder.file("flat.keepers")] + policy)
            _ = try succeeds(["exact", "merge", keepers[1], keepers[0], "-o", folder.file("ab.keepers.gz")] + policy)
            _ = try succeeds(["exact", "merge", keepers[2], folder.file("ab.keepers.gz"), "-o", folder.file("nested.keepers")] + policy)
            expectSame(folder.read("nested.keepers") ?? "", folder.read("flat.keepers"), "keepers merged in two steps, keep \(keep)")
            #expect(try gunzipped(folder.file("ab.keepers.gz")).hasPrefix("{\"format\":\"winnow.exact-keepers\""))
            _ = try succeeds(["exact", "merge", folder.file("nested.keepers"), "-o", folder.file("again.keepers.gz")] + policy)
            let steps = try applied("exact", "--keepers", folder.file("again.keepers.gz"), shards, policy, folder: folder)
            keptBy[keep] = try expectOneRun(one.stdout, folder.read("one.removed.jsonl"), steps, keep: keep)
        }
        // Each policy keeps other copies, so the equalities above say something about each.
        #expect(Set(keptBy.values).count == 4)
    }

    @Test func nearDupStepsMatchOneRunForEveryKeepPolicyWithGzipStateFiles() throws {
        let folder = TemporaryFolder()
        let shards = try shards(in: folder)
        var keptBy: [String: Set<String>] = [:]
        for keep in ["longest", "first", "newest:date"] {
            let policy = ["--keep", keep]
            let one = try succeeds(
                [
                    "neardup", shards[0], shards[1], shards[2], "--removed", folder.file("one.removed.jsonl"),
                    "--clusters", folder.file("one.clusters"), "--temp-dir", folder.path, "-q",
                ] + policy)
            let signatures = shards.indices.map { folder.file("\($0).sig.gz") }
            for (shard, file) in zip(shards, signatures) { _ = try succeeds(["neardup", "map", shard, "-o", file, "-q"] + policy) }
            _ = try succeeds(
                ["neardup", "merge", signatures[2], signatures[0], signatures[1], "-o", folder.file("all.clusters.gz")] + policy)
            // The merged file records the inputs map read; one run's, read in that run, none.
            let merged = try gunzipped(folder.file("all.clusters.gz"))
            #expect(merged.split(separator: "\n").filter { $0.hasPrefix("{\"input\"") }.count == shards.count)
            expectSame(Self.withoutInputLines(merged), folder.read("one.clusters"), "clusters, keep \(keep)")
            let steps = try applied("neardup", "--clusters", folder.file("all.clusters.gz"), shards, [], folder: folder)
            keptBy[keep] = try expectOneRun(one.stdout, folder.read("one.removed.jsonl"), steps, keep: keep)
        }
        #expect(Set(keptBy.values).count == 3)
    }

    /// What an engine does in place of `neardup merge`: buckets dealt to partitions and judged by `dedup
    /// pairs`, the pairs' connected components dealt to partitions and clustered by `neardup link`. The
    /// clusters are the merge's, whatever the number of partitions.
    @Test func nearDupPairsAndLinkMatchTheMergeAtAnyPartitioning() throws {
        let folder = TemporaryFolder()
        let shards = try shards(in: folder)
        let signatures = shards.indices.map { folder.file("\($0).sig") }
        for (shard, file) in zip(shards, signatures) { _ = try succeeds(["neardup", "map", shard, "-o", file, "-q"]) }
        _ = try succeeds(["neardup", "merge"] + signatures + ["-o", folder.file("merged.clusters")])
        // Link's clusters files record no inputs: each partition's signatures are some of the corpus's.
        let expected = folder.read("merged.clusters")!.split(separator: "\n").dropFirst().dropLast()
            .filter { !$0.hasPrefix("{\"input\"") }.sorted()
        #expect(expected.count > 20)

        let lines = signatures.flatMap { folder.read(($0 as NSString).lastPathComponent)!.split(separator: "\n") }
        let header = String(lines[0])
        let documents = lines.filter { !$0.hasPrefix("{\"format\"") && !$0.hasPrefix("{\"end_of_file\"") && !$0.hasPrefix("{\"input\"") }
            .map { try! JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
        func origin(_ document: [String: Any]) -> String { "\(document["source"]!)#\(document["line"]!)" }
        func line(_ document: [String: Any], judging bands: [Int]? = nil) -> String {
            var document = document
            if let bands { document["judge_bands"] = bands.map(String.init).joined(separator: ",") }
            return String(decoding: try! JSONSerialization.data(withJSONObject: document), as: UTF8.self)
        }
        func stateFile(_ name: String, _ header: String, _ body: [String]) -> String {
            folder.write(name, ([header] + body + ["{\"end_of_file\":\(body.count)}"]).joined(separator: "\n") + "\n")
        }
        for partitions in [1, 3, 7] {
            // Buckets to partitions by their key: each partition gets every member of its buckets.
            var judged = [[String: [Int]]](repeating: [:], count: partitions)
            for document in documents {
                for (band, key) in (document["bands"] as! [String]).enumerated() {
                    let partition = Int(UInt64(key.prefix(8), radix: 16)! % UInt64(partitions))
                    judged[partition][origin(document), default: []].append(band)
                }
            }
            var pairLines: [Substring] = [], pairsHeader = ""
            for partition in 0..<partitions {
                let input = stateFile(
                    "p\(partition).sig", header,
                    documents.compactMap { document in
                        judged[partition][origin(document)].map { line(document, judging: $0) }
                    })
                let output = folder.file("p\(partition).pairs")
                _ = try succeeds(["neardup", "pairs", input, "-o", output])
                let text = folder.read("p\(partition).pairs")!.split(separator: "\n")
                pairsHeader = String(text[0])
                pairLines += text.dropFirst().dropLast()
            }
            // Connected components of the pairs, dealt to partitions round-robin.
            var parent: [String: String] = [:]
            func find(_ node: String) -> String {
                var node = node
                while let next = parent[node], next != node { node = next }
                return node
            }
            let pairs = pairLines.map { try! JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
            for pair in pairs {
                let a = find("\(pair["earlier_source"]!)#\(pair["earlier_line"]!)")
                let b = find("\(pair["later_source"]!)#\(pair["later_line"]!)")
                parent[a] = a
                parent[b] = a
            }
            let components = Array(Set(parent.keys.map(find))).sorted()
            let partitionOf = Dictionary(uniqueKeysWithValues: components.enumerated().map { ($1, $0 % partitions) })
            var clusters: [Substring] = []
            for partition in 0..<partitions {
                let members = documents.filter { parent[origin($0)].map { partitionOf[find($0)] == partition } ?? false }
                let ownPairs = zip(pairs, pairLines).filter {
                    partitionOf[find("\($0.0["earlier_source"]!)#\($0.0["earlier_line"]!)")] == partition
                }
                let input = stateFile("c\(partition).sig", header, members.map { line($0) })
                let pairsFile = stateFile("c\(partition).pairs", pairsHeader, ownPairs.map { String($0.1) })
                _ = try succeeds(["neardup", "link", input, "--pairs", pairsFile, "-o", folder.file("c\(partition).clusters")])
                clusters += folder.read("c\(partition).clusters")!.split(separator: "\n").dropFirst().dropLast()
            }
            #expect(clusters.sorted() == expected, "\(partitions) partitions")
        }
    }

    @Test func templateStepsMatchOneRunWhenMergesAreMergedAndGzipped() throws {
        let folder = TemporaryFolder()
        let shards = try shards(in: folder)
        let one = try succeeds(["templates", shards[0], shards[1], shards[2], "--temp-dir", folder.path, "-q"])
        let counts = shards.indices.map { folder.file("\($0).counts" + ($0 == 1 ? ".gz" : "")) }
        for (shard, file) in zip(shards, counts) { _ = try succeeds(["templates", "map", shard, "-o", file, "-q"]) }
        _ = try succeeds(["templates", "merge", counts[0], counts[1], counts[2], "-o", folder.file("flat.counts")])
        _ = try succeeds(["templates", "merge", counts[2], counts[1], "-o", folder.file("cb.counts.gz")])
        _ = try succeeds(["templates", "merge", folder.file("cb.counts.gz"), counts[0], "-o", folder.file("nested.counts")])
        expectSame(folder.read("nested.counts") ?? "", folder.read("flat.counts"), "counts merged in two steps")
        _ = try succeeds(["templates", "merge", folder.file("nested.counts"), "-o", folder.file("again.counts.gz")])
        expectSame(try gunzipped(folder.file("again.counts.gz")), folder.read("flat.counts"), "merged counts")
        let steps = try applied("templates", "--counts", folder.file("again.counts.gz"), shards, [], folder: folder)
        expectSame(steps.cleaned, one.stdout, "cleaned")
        let unchanged = steps.cleaned == shards.map { folder.read(URL(fileURLWithPath: $0).lastPathComponent)! }.joined()
        #expect(!unchanged, "the templates step removed nothing")
    }
}
