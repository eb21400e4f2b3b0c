import Foundation

/// The temporary file that holds a run's documents between passes while a corpus stage merges its
/// tally, as `SpoolCodec` writes them: with their origins, so the next pass names and ranks documents
/// by where the user's records were, and with what each map step computed for its apply step.
enum Spool {
    /// Host and process id in the name say whose a spool file is, so that `removeStale` can tell a
    /// killed run's spool files from a live run's; `run` (`newRun()`) keeps apart the runs of one process.
    static func path(in directory: String, run: UInt32, phase: Int) -> String {
        "\(directory)/\(namePrefix)\(getpid())-\(run)-\(phase)\(nameSuffix)"
    }

    /// A token for one run's spool files: two pipelines running at once in one process (a library
    /// user's, the tests') would otherwise write and read each other's.
    static func newRun() -> UInt32 {
        UInt32.random(in: 0...UInt32.max)
    }

    /// The file beside a phase's spool that holds a shared map's retraction records (`SharedMap`).
    static func retractionsPath(in directory: String, run: UInt32, phase: Int) -> String {
        "\(directory)/\(namePrefix)\(getpid())-\(run)-\(phase)-retractions\(nameSuffix)"
    }

    /// The file that holds a phase's removals that follow the pass's other removals (`BatchProcessor.laterRemovalsFrom`).
    static func laterRemovalsPath(in directory: String, run: UInt32, phase: Int) -> String {
        "\(directory)/\(namePrefix)\(getpid())-\(run)-\(phase)-removed\(nameSuffix)"
    }

    private static var namePrefix: String { "winnow-spool-\(TemporaryName.host)-" }
    private static var nameSuffix: String { ".spool" }

    /// Readies `directory` for a run's spool files: refuses a name they cannot be made under (before
    /// anything is read, not on the first spool) and deletes what killed runs left there.
    static func prepare(_ directory: String) throws(WinnowError) {
        if let problem = FileName.spellingProblem(directory) {
            throw .configuration(
                "the folder for temporary files (--temp-dir) \(problem); give a folder with a UTF-8 name (nothing was read)",
                path: directory)
        }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isFolder), isFolder.boolValue else {
            throw .configuration(
                "the folder for temporary files (--temp-dir, else TMPDIR or /tmp) is not there or not a folder; "
                    + "create it or give another (nothing was read)",
                path: directory)
        }
        removeStale(in: directory)
    }

    /// Deletes the spool files (and their half-written temporaries) that runs on this host which have
    /// ended, killed before they could, left in `directory`; also those of releases that named them `.jsonl`.
    private static func removeStale(in directory: String) {
        for suffix in [nameSuffix, ".jsonl"] {
            TemporaryName.removeEnded(in: directory, startingWith: namePrefix, endingWith: suffix)
        }
        TemporaryName.removeEnded(in: directory, startingWith: "." + namePrefix, endingWith: ".tmp")
    }

    static func remove(_ path: String) {
        try? FileManager.default.removeItem(atPath: path)
        TemporaryFiles.shared.remove(path)
    }
}
