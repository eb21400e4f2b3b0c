import Foundation

/// The labelled news corpus the evaluation tests share: `NewsCorpus` with a fixed seed over the vendored
/// article texts (300 stories, 692 pages), made once per test process and written as
/// corpus.jsonl (`id`, `url`, `text`) and truth.json (per page: `articleBody`, `story`) in a temporary
/// folder removed when the process exits.
public enum GeneratedNews {
    public static let seed: UInt64 = 7

    public static let pages: [NewsCorpus.Page] = {
        let articles = try! Fixtures.truth("articles/ground-truth.json.gz").sorted { $0.key < $1.key }.map(\.value)
        return NewsCorpus(articles: articles, stories: 300, siteCount: 24, seed: seed).pages
    }()

    public static let folder: String = {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("winnow-news-\(getpid())").path
        try! FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(atPath: GeneratedNews.folder) }
        let lines = pages.map { page in
            String(
                decoding: try! JSONSerialization.data(
                    withJSONObject: ["id": page.id, "url": page.url, "text": page.text],
                    options: [.sortedKeys, .withoutEscapingSlashes]), as: UTF8.self)
        }
        try! (lines.joined(separator: "\n") + "\n").write(toFile: folder + "/corpus.jsonl", atomically: true, encoding: .utf8)
        let truth = Dictionary(uniqueKeysWithValues: pages.map { ($0.id, ["articleBody": $0.body, "story": $0.story]) })
        try! JSONSerialization.data(withJSONObject: truth, options: [.sortedKeys, .withoutEscapingSlashes])
            .write(to: URL(fileURLWithPath: folder + "/truth.json"))
        return folder
    }()

    public static var corpus: String { folder + "/corpus.jsonl" }

    /// Page id → article body as published on that page.
    public static var bodies: [String: String] { Dictionary(uniqueKeysWithValues: pages.map { ($0.id, $0.body) }) }

    /// Page id → story id (pages of one story are one duplicate cluster).
    public static func stories() -> [String: String] { Dictionary(uniqueKeysWithValues: pages.map { ($0.id, $0.story) }) }

    /// Page id → the page it copies exactly, up to case, spacing and punctuation (itself for an original).
    public static var originals: [String: String] { Dictionary(uniqueKeysWithValues: pages.map { ($0.id, $0.original) }) }
}
