import Foundation
import Testing
@testable import Winnow

/// Near-duplicate detection on a generated, labelled news corpus (the default pipeline: templates
/// before neardup), with a quality floor, and the shard invariance of map → merge → apply.
@Suite(.serialized) struct DedupEvaluationTests {
    @Test func defaultPipelineFindsTheSyndicatedCopies() async throws {
        let folder = TemporaryFolder()
        let definition = try PipelineDefinition.load(path: packageRoot + "/Pipelines/default.yaml")
        _ = try await runSteps(try definition.makeStages(), inputs: [.jsonl(path: GeneratedNews.corpus, name: "corpus")],
                               output: folder.file("out.jsonl")) {
            $0.removedOutput = folder.file("removed.jsonl")
            $0.spoolDirectory = folder.path
        }
        var clusters: [String: String] = [:]
        for document in jsonLines(folder.read("out.jsonl")! + folder.read("removed.jsonl")!) {
            if let cluster = document["cluster"] as? String { clusters[document["id"] as! String] = cluster }
            // Exact copies are removed before clustering: they join their keeper's cluster.
            if let keeper = document["duplicate_of"] as? String, document["cluster"] == nil {
                clusters[document["id"] as! String] = keeper
            }
        }
        // Exact removals point at a keeper that may itself be in a cluster: follow it.
        for (id, label) in clusters { if let next = clusters[label], next != label { clusters[id] = next } }
        let score = PairScore(truth: try GeneratedNews.stories(), predicted: clusters)
        #expect(score.precision >= 0.99 && score.f1 >= 0.94, "\(score)")
    }

    @Test func oneShardOrSeveralGiveTheSameClusters() async throws {
        let folder = TemporaryFolder()
        let records = try String(contentsOfFile: GeneratedNews.corpus, encoding: .utf8).split(separator: "\n")
        var shards: [String] = []
        for shard in 0..<3 {
            let lines = records.enumerated().filter { $0.offset % 3 == shard }.map(\.element)
            shards.append(folder.write("shard-\(shard).jsonl", lines.joined(separator: "\n") + "\n"))
        }
        let options = NearDupOptions()
        let stage = NearDupStage(options: options)
        func tally(_ inputs: [String]) async throws -> SignatureTally {
            var configuration = RunConfiguration(inputs: inputs.map { .jsonl(path: $0, name: $0) }, output: "-")
            configuration.threads = 2
            return try await PipelineRunner(name: "map", steps: [], configuration: configuration).tally(stage)
        }
        try SignaturesFile.write(try await tally([GeneratedNews.corpus]), options: options, to: folder.file("whole.sig"))
        var merged = SignatureTally()
        for (index, shard) in shards.enumerated().reversed() {
            try SignaturesFile.write(try await tally([shard]), options: options, to: folder.file("\(index).sig"))
            try SignaturesFile.read(folder.file("\(index).sig"), options: options, into: &merged)
        }
        var whole = SignatureTally()
        try SignaturesFile.read(folder.file("whole.sig"), options: options, into: &whole)
        try ClustersFile.write(DuplicateClusters(tally: whole, options: options), to: folder.file("whole.clusters"))
        let fromShards = DuplicateClusters(tally: merged, options: options)
        try ClustersFile.write(fromShards, to: folder.file("shards.clusters"))
        #expect(fromShards.clusters.count >= 10)
        // The same clusters, kept documents and similarities; only the members' origins name other files.
        func withoutOrigins(_ name: String) throws -> [[String]] {
            try ClustersFile.read(folder.file(name)).clusters.map { $0.members.map { "\($0.id) \($0.similarity)" } }
        }
        #expect(try withoutOrigins("whole.clusters") == (try withoutOrigins("shards.clusters")))
        #expect(try ClustersFile.read(folder.file("shards.clusters")).clusters == fromShards.clusters.map {
            DuplicateClusters.Cluster(members: $0.members.map { .init(id: $0.id, origin: $0.origin, similarity: Double(ClustersFile.rounded($0.similarity))!) })
        })

        // A signatures file made with other parameters is refused with the reason.
        var other = options
        other.rows = 7
        var ignored = SignatureTally()
        #expect(throws: WinnowError.self) { try SignaturesFile.read(folder.file("0.sig"), options: other, into: &ignored) }
    }

    @Test func damagedClusterAndSignatureFilesFailWithFileAndLine() throws {
        let folder = TemporaryFolder()
        let header = String(decoding: ClustersFile.header, as: UTF8.self)
        let clusters = folder.write("bad.clusters", header + "\n{\"cluster\":\"a\",\"members\":[{\"id\":\"a\",\"similarity\":1}]}\n")
        #expect { try ClustersFile.read(clusters) } throws: { "\($0)".contains("bad.clusters:2") && "\($0)".contains("two or more") }
        // A file without the header (empty, or another file given by mistake) is refused on line 1.
        for text in ["", "{\"id\":\"a\"}\n"] {
            let foreign = folder.write("foreign.clusters", text)
            #expect { try ClustersFile.read(foreign) } throws: { "\($0)".contains("foreign.clusters:1") && "\($0)".contains("header") }
        }
        let options = NearDupOptions()
        let signaturesHeader = String(decoding: JSONValue.object(SignaturesFile.header(options)).encoded(), as: UTF8.self)
        let signatures = folder.write("bad.sig", signaturesHeader + "\n{\"id\":\"x\",\"rank\":\"zz\"}\n")
        var tally = SignatureTally()
        #expect { try SignaturesFile.read(signatures, options: options, into: &tally) } throws: {
            "\($0)".contains("bad.sig:2") && "\($0)".contains("signature")
        }
        // A sketch out of order, or longer than the header's size, would compare wrongly: refused.
        let slots = String(repeating: "0", count: 8 * options.permutations)
        for sketch in ["0000000200000001", (0...options.sketch).map { String(format: "%08x", $0) }.joined()] {
            let line = "{\"id\":\"x\",\"source\":\"s\",\"line\":1,\"rank\":\"00\",\"shingles\":2,\"signature\":\"\(slots)\",\"sketch\":\"\(sketch)\"}"
            let path = folder.write("sketch.sig", signaturesHeader + "\n" + line + "\n")
            var sketchTally = SignatureTally()
            #expect { try SignaturesFile.read(path, options: options, into: &sketchTally) } throws: {
                "\($0)".contains("sketch.sig:2") && "\($0)".contains("ascending")
            }
            #expect(sketchTally.count == 0)
        }
    }
}
