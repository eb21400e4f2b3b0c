import Foundation

/// The labelled pages vendored in Tests/WinnowTests/Fixtures (fixed subsets of public benchmarks; see
/// ATTRIBUTION.md there), read in place so that the suite needs nothing beside the checkout.
public enum Fixtures {
    public static let folder = packageRoot + "/Tests/WinnowTests/Fixtures"

    /// A gzipped truth file (`{"<id>": {"articleBody": ..., ...}}`) as parsed JSON objects by id.
    public static func entries(_ relativePath: String) throws -> [String: [String: Any]] {
        let text = try gunzipped(folder + "/" + relativePath)
        return try JSONSerialization.jsonObject(with: Data(text.utf8)) as! [String: [String: Any]]
    }

    /// The `articleBody` of every page of a gzipped truth file, by id.
    public static func truth(_ relativePath: String) throws -> [String: String] {
        try entries(relativePath).mapValues { $0["articleBody"] as? String ?? "" }
    }

    /// The `with` and `without` segments of every page of a gzipped trafilatura-eval truth file, by id.
    public static func segments(_ relativePath: String) throws -> [String: SegmentScore.Segments] {
        try entries(relativePath).mapValues {
            SegmentScore.Segments(with: $0["with"] as? [String] ?? [], without: $0["without"] as? [String] ?? [])
        }
    }

    /// The ids of the vendored HTML pages of a set (`articles`, `wcxb` or `trafilatura`), sorted.
    public static func pageIDs(_ set: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: "\(folder)/\(set)/html")
            .filter { $0.hasSuffix(".html.gz") }.map { String($0.dropLast(".html.gz".count)) }.sorted()
    }

    public static func htmlPath(_ set: String, _ id: String) -> String { "\(folder)/\(set)/html/\(id).html.gz" }

    public static func sitePages(_ site: String) -> String { "\(folder)/sites/\(site)/pages.jsonl.gz" }

    public static func siteTruth(_ site: String) throws -> [String: String] { try truth("sites/\(site)/truth.json.gz") }

    /// The `text` field of a documentation site's pages by id: all visible text of each page, templates
    /// included (what a crawler's plain-text extraction gives, the sites' naive baseline).
    public static func siteText(_ site: String) throws -> [String: String] {
        Dictionary(
            uniqueKeysWithValues: jsonLines(try gunzipped(sitePages(site))).map {
                ($0["id"] as! String, $0["text"] as? String ?? "")
            })
    }
}
