import Foundation
import Glibc

/// The files a report folder gets, and the check that keeps them off the files a run or report reads
/// and writes: the folder is replaced whole (`StagedFolder`), so a file of it that is an input or an
/// output is lost, not overwritten in place where a check on the outputs alone would see it.
package enum ReportFolder {
    /// What `winnow report` writes into the folder (`ReportBuilder`); `report page` writes the first two.
    package static let files = ["report.json", "report.html", "cluster-list.jsonl", "clusters.csv"]

    /// Refuses, before anything is read, a report folder that is one of `inputs` or `outputs`, whose
    /// files `names` (and, in an existing folder, those it `replaces`, which go) are one of them, that is
    /// or holds the current folder, or, when `holdingNoInput`, that holds an input: a run's inputs are not
    /// where its report goes. The inputs are registered as read (`ReadPaths`).
    package static func requireDistinct(
        _ folder: String, writing names: [String], replacing replaces: (String) -> Bool = { _ in false },
        outputs: [(role: String, path: String)], inputs: [String], holdingNoInput: Bool = false
    ) throws(WinnowError) {
        for input in inputs { ReadPaths.shared.add(input) }
        let physical = StagedFolder.physicalPath(of: folder)
        let files = outputs.map { (role: $0.role, path: $0.path) } + inputs.filter { $0 != "-" }.map { (role: "input", path: $0) }
        let keyed = files.compactMap { file in key(file.path).map { (file.role, file.path, $0) } }
        if let folderKey = OutputTarget.identity(of: physical), let (role, path, _) = keyed.first(where: { $0.2 == folderKey }) {
            throw .configuration(
                "the report folder \(folder) is the \(role) \(path): give the report another folder (nothing was read)",
                path: folder)
        }
        var written = names
        if let existing = try? FileManager.default.contentsOfDirectory(atPath: physical) {
            written += existing.filter { replaces($0) && !names.contains($0) }.sorted()
        }
        for name in written {
            guard let fileKey = key(physical + "/" + name), let (role, path, _) = keyed.first(where: { $0.2 == fileKey })
            else { continue }
            throw .configuration(
                "the report folder \(folder) would replace its \(name), which is the \(role) \(path): give the report "
                    + "another folder, or the file another name (nothing was read)",
                path: path)
        }
        // A name through a folder not made yet (`new/..`) is taken as spelled: it exists once the report makes it.
        let spelled = URL(fileURLWithPath: physical).standardizedFileURL.path
        guard let resolved = realpath(physical, nil) ?? realpath(spelled, nil) else { return }
        let folderPath = String(cString: resolved)
        free(resolved)
        let root = folderPath.hasSuffix("/") ? folderPath : folderPath + "/"
        // The folder is exchanged for a new one: the current folder (or one holding it) cannot be, and would
        // leave this process, and the shell that started it, in a folder that is gone.
        if let current = getcwd(nil, 0) {
            defer { free(current) }
            if (String(cString: current) + "/").hasPrefix(root) {
                throw .configuration(
                    "the report folder \(folder) is the current folder or holds it, and is replaced whole by the report: "
                        + "give the report a folder of its own (nothing was read)",
                    path: folder)
            }
        }
        // An output not written yet has no identity to compare: one the report would replace (a stage's
        // clusters file named folder/clusters.jsonl, taken for an earlier run's) is found by its path.
        for output in outputs where output.path != "-" {
            guard let path = resolvedPath(output.path), path.hasPrefix(root) else { continue }
            let name = String(path.dropFirst(root.count))
            guard names.contains(name) || replaces(name) else { continue }
            throw .configuration(
                "the report folder \(folder) would replace its \(name), which is the \(output.role) \(output.path): give "
                    + "the report another folder, or the file another name (nothing was read)",
                path: output.path)
        }
        guard holdingNoInput else { return }
        for input in inputs where input != "-" {
            guard let real = realpath(FileName.system(input), nil) else { continue }
            defer { free(real) }
            guard String(cString: real).hasPrefix(root) else { continue }
            throw .configuration(
                "the report folder \(folder) holds the input \(input), and is replaced whole by the report: give the "
                    + "report another folder (nothing was read)",
                path: input)
        }
    }

    /// The absolute path a file would have, its folder's links resolved; nil when its folder is not there.
    private static func resolvedPath(_ path: String) -> String? {
        let url = URL(fileURLWithPath: path).standardizedFileURL
        guard let parent = realpath(FileName.system(url.deletingLastPathComponent().path), nil) else { return nil }
        defer { free(parent) }
        let folder = String(cString: parent)
        return (folder.hasSuffix("/") ? folder : folder + "/") + url.lastPathComponent
    }

    /// The identity of a file as `OutputTarget.identity(of:)` keys it; standard output (`-`) is the
    /// file it is open on, which the report would replace as it would the file by name.
    private static func key(_ path: String) -> String? {
        OutputTarget.identity(of: path == "-" ? "/dev/stdout" : path)
    }
}
