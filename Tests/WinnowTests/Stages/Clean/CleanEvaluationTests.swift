import Foundation
import Testing
@testable import Winnow

/// The clean stage on the labelled HTML of ../shared/eval, with quality floors a regression would
/// break (the full sets are measured by scripts/bench-html).
@Suite(.serialized) struct CleanEvaluationTests {
    static let eval = packageRoot + "/../shared/eval"

    static func truth(_ path: String) throws -> [String: String] { try evalTruth(path) }

    static func clean(_ inputs: [InputSpec]) async throws -> [String: String] {
        let folder = TemporaryFolder()
        _ = try await runPipeline([CleanStage(options: CleanOptions())], inputs: inputs, output: folder.file("out.jsonl"))
        return Dictionary(uniqueKeysWithValues: jsonLines(folder.read("out.jsonl") ?? "").map {
            ($0["id"] as! String, $0["text"] as? String ?? "")
        })
    }

    /// The first 40 pages of the articles set by id (a fixed subset; 0.966 when the floor was set).
    @Test func articlesSubset() async throws {
        let all = try Self.truth(Self.eval + "/articles/ground-truth.json")
        let ids = all.keys.sorted().prefix(40)
        let truth = all.filter { ids.contains($0.key) }
        let texts = try await Self.clean(ids.map { .html(path: Self.eval + "/articles/html/\($0).html.gz", id: $0) })
        let score = TextScore.f1(truth: truth, predicted: texts)
        #expect(score.f1 >= 0.96, "\(score)")
        #expect(texts.count == 40)
    }

    /// Every tenth page of wcxb-dev by id (150 pages of every type: a fixed subset), scored with the
    /// benchmark's word F1 (0.859 when the floor was set; the Python scorer agrees to six digits).
    @Test func wcxbSubset() async throws {
        let all = try Self.truth(Self.eval + "/wcxb-dev/ground-truth.json")
        let ids = all.keys.sorted().enumerated().filter { $0.offset % 10 == 0 }.map(\.element)
        let truth = all.filter { ids.contains($0.key) }
        let texts = try await Self.clean(ids.map { .html(path: Self.eval + "/wcxb-dev/html/\($0).html.gz", id: $0) })
        let f1 = TextScore.wordF1(truth: truth, predicted: texts)
        #expect(f1 >= 0.85, "\(f1)")
        #expect(texts.count == ids.count)
    }

    /// The HTML path of the documentation sites, page by page (0.981 and 0.984 when the floors were set).
    @Test(arguments: [("python-docs", 0.975), ("sqlite-docs", 0.975)])
    func documentationSitesHTMLPath(site: String, floor: Double) async throws {
        let path = "\(Self.eval)/sites/\(site)/pages.jsonl.gz"
        let texts = try await Self.clean([.jsonl(path: path, name: path)])
        let score = TextScore.f1(truth: try Self.truth("\(Self.eval)/sites/\(site)/truth.json"), predicted: texts)
        #expect(score.f1 >= floor, "\(site): \(score)")
    }
}
