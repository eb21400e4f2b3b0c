import Foundation
import Testing
@testable import Winnow

/// The templates stage on the labelled sets of ../shared/eval, with quality floors a regression
/// would break, and the shard invariance the cluster deployment relies on.
@Suite(.serialized) struct TemplatesEvaluationTests {
    static let eval = packageRoot + "/../shared/eval"

    static func truth(_ path: String) throws -> [String: String] { try evalTruth(path) }

    static func texts(_ jsonl: String) -> [String: String] {
        Dictionary(uniqueKeysWithValues: jsonLines(jsonl).map { ($0["id"] as! String, $0["text"] as? String ?? "") })
    }

    /// Runs the templates stage alone over `input` and returns the cleaned texts by id.
    static func clean(_ input: String, threads: Int = 2) async throws -> (texts: [String: String], raw: String) {
        let folder = TemporaryFolder()
        _ = try await runSteps([.corpus(TemplatesStage(options: TemplateOptions()))],
                               inputs: [.jsonl(path: input, name: input)], output: folder.file("out.jsonl")) {
            $0.threads = threads
            $0.spoolDirectory = folder.path
        }
        let raw = folder.read("out.jsonl")!
        return (texts(raw), raw)
    }

    static var newsCorpus: String { GeneratedNews.folder }

    @Test(arguments: [("python-docs", 0.985), ("sqlite-docs", 0.980)])
    func documentationSitesTextPath(site: String, floor: Double) async throws {
        let (texts, _) = try await Self.clean("\(Self.eval)/sites/\(site)/pages.jsonl.gz")
        let score = TextScore.f1(truth: try Self.truth("\(Self.eval)/sites/\(site)/truth.json"), predicted: texts)
        #expect(score.f1 >= floor, "\(site): \(score)")
    }

    @Test func generatedNewsCorpus() async throws {
        let (texts, _) = try await Self.clean(Self.newsCorpus + "/corpus.jsonl")
        let score = TextScore.f1(truth: try Self.truth(Self.newsCorpus + "/truth.json"), predicted: texts)
        #expect(score.f1 >= 0.99, "news: \(score)")
    }

    @Test func seedsLoseTheirSharedTemplateButNoArticleSentence() async throws {
        let input = packageRoot + "/samples/pages.jsonl"
        let before = Self.texts(try String(contentsOfFile: input, encoding: .utf8))
        let (after, _) = try await Self.clean(input)
        let lines = { (id: String, texts: [String: String]) in
            texts[id]!.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
        let first = lines("seed-001", before), second = lines("seed-003", before)
        let shared = Set(first.map { LineFolder.fold($0).key }).intersection(second.map { LineFolder.fold($0).key })
        #expect(shared.count >= 8)
        for id in ["seed-001", "seed-003"] {
            let kept = lines(id, after)
            #expect(kept.allSatisfy { !shared.contains(LineFolder.fold($0).key) }, "\(id) keeps a shared line")
            // Article sentences: lines of 12 words or more that only this page has.
            for line in lines(id, before) where line.split(separator: " ").count >= 12
                && !shared.contains(LineFolder.fold(line).key) {
                #expect(kept.contains(line), "\(id) lost: \(line.prefix(60))")
            }
        }
    }

    @Test func oneShardOrSeveralGiveTheSameCountsAndTheSameOutput() async throws {
        let folder = TemporaryFolder()
        let corpus = try String(contentsOfFile: Self.newsCorpus + "/corpus.jsonl", encoding: .utf8)
        let records = corpus.split(separator: "\n")
        var shards: [String] = []
        for shard in 0..<3 {
            let lines = records.enumerated().filter { $0.offset % 3 == shard }.map(\.element)
            shards.append(folder.write("shard-\(shard).jsonl", lines.joined(separator: "\n") + "\n"))
        }
        let options = TemplateOptions()
        let stage = TemplatesStage(options: options)
        func tally(_ inputs: [String]) async throws -> TemplateCounts {
            var configuration = RunConfiguration(inputs: inputs.map { .jsonl(path: $0, name: $0) }, output: "-")
            configuration.threads = 2
            return try await PipelineRunner(name: "map", steps: [], configuration: configuration).tally(stage)
        }
        let whole = try await tally([Self.newsCorpus + "/corpus.jsonl"])
        var merged = TemplateCounts()
        for shard in shards.reversed() { merged.merge(try await tally([shard])) }
        #expect(merged == whole)
        try TemplateCountsFile.write(whole, options: options, to: folder.file("whole.counts"))
        try TemplateCountsFile.write(merged, options: options, to: folder.file("merged.counts"))
        #expect(folder.read("whole.counts") == folder.read("merged.counts"))
        #expect(try TemplateCountsFile.read(folder.file("merged.counts"), options: options) == whole)

        // Applying the merged counts shard by shard gives what one run over everything gives.
        let remover = stage.decider(for: try TemplateCountsFile.read(folder.file("merged.counts"), options: options))
        var pieces: [String: String] = [:]
        for (index, shard) in shards.enumerated() {
            _ = try await runPipeline([remover], inputs: [.jsonl(path: shard, name: shard)], output: folder.file("out-\(index).jsonl"))
            pieces.merge(Self.texts(folder.read("out-\(index).jsonl")!)) { first, _ in first }
        }
        let (single, oneThread) = try await Self.clean(Self.newsCorpus + "/corpus.jsonl", threads: 1)
        #expect(pieces == single)
        #expect(try await Self.clean(Self.newsCorpus + "/corpus.jsonl", threads: 4).raw == oneThread)
    }
}
