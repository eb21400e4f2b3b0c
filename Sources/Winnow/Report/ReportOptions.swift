/// How much the report shows, and where it goes: the options of the `report` step that may end a
/// pipeline, and of `winnow report`.
public struct ReportOptions: StageOptions {
    /// The folder that receives report.html, report.json and clusters.csv; "" puts it beside the
    /// cleaned output (`out/pages.jsonl` → `out/pages.report/`).
    public var folder = ""
    /// The largest near-duplicate clusters whose texts the page carries for the side-by-side view;
    /// every cluster is listed either way. Texts are what makes the page large.
    public var clustersWithText = 200
    /// Per cluster with texts, how many members are compared with the kept document.
    public var membersWithText = 10
    /// A longer text is cut (at a line end) before it is shown and compared.
    public var maxTextBytes = 100_000

    public init() {}

    enum CodingKeys: String, CodingKey, CaseIterable {
        case folder
        case clustersWithText = "clusters_with_text"
        case membersWithText = "members_with_text"
        case maxTextBytes = "max_text_bytes"
    }

    public static var keys: [String] { CodingKeys.allCases.map(\.rawValue) }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = ReportOptions()
        folder = try container.decodeIfPresent(String.self, forKey: .folder) ?? defaults.folder
        clustersWithText = try container.decodeIfPresent(Int.self, forKey: .clustersWithText) ?? defaults.clustersWithText
        membersWithText = try container.decodeIfPresent(Int.self, forKey: .membersWithText) ?? defaults.membersWithText
        maxTextBytes = try container.decodeIfPresent(Int.self, forKey: .maxTextBytes) ?? defaults.maxTextBytes
        if let problem = validationProblem {
            throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: problem))
        }
    }

    /// What is wrong with these options, if anything, in words a user can act on.
    public var validationProblem: String? {
        if clustersWithText < 0 { return "clusters_with_text must be 0 or more" }
        if membersWithText < 2 { return "members_with_text must be 2 or more: the kept document and one copy" }
        if maxTextBytes < 1000 { return "max_text_bytes must be 1000 or more" }
        return nil
    }

    /// The report folder for a run whose cleaned output is `output`: `folder` when set, else beside it.
    public func folder(forOutput output: String) -> String {
        if !folder.isEmpty { return folder }
        for suffix in [".jsonl.gz", ".ndjson.gz", ".jsonl", ".ndjson", ".gz"] where output.hasSuffix(suffix) {
            return String(output.dropLast(suffix.count)) + ".report"
        }
        return output + ".report"
    }
}
