/// A file a corpus stage writes beside the run's outputs, named by one of its options. The runner checks
/// that it is no input or other output, and records those the report reads in the run summary.
public struct SideFile: Sendable {
    /// What the file is, for messages ("neardup clusters").
    public let role: String
    public let path: String
    /// Where the run summary records the file for the report, if the report reads it.
    public let recordedAs: (WritableKeyPath<RunSummary.Outputs, String?> & Sendable)?

    public init(role: String, path: String, recordedAs: (WritableKeyPath<RunSummary.Outputs, String?> & Sendable)? = nil) {
        self.role = role
        self.path = path
        self.recordedAs = recordedAs
    }
}

/// An option of a stage that names a side file the report reads: with a report and no file named, the
/// stage writes it into the report folder under `file`.
public struct ReportFeed: Sendable {
    public let option: String
    public let file: String

    /// The file's name for step `number` (1-based, as the pipeline file counts) when several steps
    /// feed it: `templates.json` → `templates-step3.json`, as the cluster path names its folders.
    public func file(step number: Int) -> String {
        guard let dot = file.firstIndex(of: ".") else { return file + "-step\(number)" }
        return file[..<dot] + "-step\(number)" + file[dot...]
    }

    /// Whether `name` is this feed's file, under any step number.
    public func names(_ name: String) -> Bool {
        guard name != file else { return true }
        let dot = file.firstIndex(of: ".") ?? file.endIndex
        let (stem, suffix) = (file[..<dot] + "-step", file[dot...])
        guard name.hasPrefix(stem), name.hasSuffix(suffix), name.count > stem.count + suffix.count else { return false }
        return name.dropFirst(stem.count).dropLast(suffix.count).allSatisfy { ("0"..."9").contains($0) }
    }

    /// Whether `name` is a file that some stage's feed writes into a report folder: one a run did not
    /// write again is an earlier run's, and goes when the folder is replaced.
    public static func isFed(_ name: String) -> Bool {
        StageRegistry.stages.contains { stage in stage.reportFeeds.contains { $0.names(name) } }
    }
}
