/// How much the report shows, and where it goes: the options of the `report` step that may end a
/// pipeline, and of `winnow report`.
public struct ReportOptions: StageOptions {
    /// What the step does, for listings.
    public static let summary =
        "report.html, report.json, cluster-list.jsonl and clusters.csv of the finished run, in a folder beside the cleaned output "
        + "(out/pages.jsonl → out/pages.report/), with the templates summary and clusters file; skipped, with a note, when "
        + "the cleaned output goes to standard output or a device"

    public var folder = ""
    public var clustersWithText = 200
    public var membersWithText = 10
    public var maxTextBytes = 100_000

    public init() {}

    public static let declarations: [OptionDeclaration<Self>] = [
        .init(
            "folder", \.folder,
            "The folder that receives report.html, report.json, cluster-list.jsonl and clusters.csv; empty puts it beside the cleaned output (out/pages.jsonl → out/pages.report/)."
        ),
        .init(
            "clusters_with_text", \.clustersWithText,
            "The largest near-duplicate clusters whose texts the page carries for the side-by-side view; every cluster is listed either way."
        ),
        .init("members_with_text", \.membersWithText, "Per cluster with texts, how many members are compared with the kept document."),
        .init("max_text_bytes", \.maxTextBytes, "A longer text is cut (at a line end) before it is shown and compared."),
    ]

    /// What is wrong with these options, if anything, in words a user can act on.
    public var validationProblem: String? {
        if clustersWithText < 0 { return "clusters_with_text must be 0 or more" }
        if membersWithText < 2 { return "members_with_text must be 2 or more: the kept document and one copy" }
        if maxTextBytes < 1000 { return "max_text_bytes must be 1000 or more" }
        return nil
    }

    /// Which of `clusters` (the report's largest, in order) the page compares texts of: the first
    /// `clustersWithText` near-duplicate ones, by position.
    func clustersWithText(_ clusters: ArraySlice<RunReport.Cluster>) -> [Int] {
        Array(clusters.indices.filter { clusters[$0].kind == .nearDuplicate }.prefix(clustersWithText))
    }

    /// The ids of the members of `cluster` whose texts the page compares, the kept document first.
    func membersWithText(_ cluster: RunReport.Cluster) -> [String] {
        cluster.members.prefix(membersWithText).map(\.id)
    }

    /// The report folder for a run whose cleaned output is `output`: `folder` when set, else beside it.
    public func folder(forOutput output: String) -> String {
        if !folder.isEmpty { return folder }
        for suffix in [".jsonl.gz", ".ndjson.gz", ".jsonl", ".ndjson", ".gz"] where FileNameEnding.endsWith(output, suffix) {
            return String(decoding: output.utf8.dropLast(suffix.utf8.count), as: UTF8.self) + ".report"
        }
        return output + ".report"
    }
}
