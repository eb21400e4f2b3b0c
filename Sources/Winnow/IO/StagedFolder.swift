import CFolderExchange
import Foundation
import Glibc

/// A folder replaced whole: its new files are written into a hidden sibling (`work`), which takes the
/// folder's place in one step when committed, so a reader (or a run killed at any point) sees the old
/// folder or the new one, never a mix. Files of the old folder that the new one does not write are
/// carried over, except those it `replaces` by name; nothing is written to the target before `commit`,
/// and `discard` leaves it untouched.
public final class StagedFolder {
    public let target: String
    public let work: String
    /// Names of the old folder's files that belong to what is written now: one this writing did not
    /// make again is stale (a side file of an earlier run), so it is not carried over.
    private let replaces: (String) -> Bool
    /// The folder that is replaced: `target`, or the folder it links to (the link stays a link).
    private let physical: String
    private var finished = false

    /// The hidden sibling that `target`'s files are written into in this process (beside the folder a
    /// link leads to, so that the two can be exchanged).
    public static func workFolder(for target: String) -> String {
        let url = URL(fileURLWithPath: physicalPath(of: target))
        return url.deletingLastPathComponent().path + "/" + TemporaryName.prefix(for: url.lastPathComponent) + ".tmp"
    }

    /// `target` without a trailing slash, or where it leads when it is a symbolic link.
    static func physicalPath(of target: String) -> String {
        let trimmed = target.count > 1 && target.hasSuffix("/") ? String(target.dropLast()) : target
        var status = stat()
        guard lstat(trimmed, &status) == 0, status.st_mode & S_IFMT == S_IFLNK else { return trimmed }
        return URL(fileURLWithPath: trimmed).resolvingSymlinksInPath().path
    }

    /// Creates the (empty) work folder, and the target's parent folders when they are missing.
    public init(target: String, replacing replaces: @escaping (String) -> Bool = { _ in false }) throws(WinnowError) {
        if let problem = FileName.spellingProblem(target) {
            throw .configuration("the report folder's name \(problem); give it another name", path: target)
        }
        self.target = target
        self.replaces = replaces
        physical = Self.physicalPath(of: target)
        work = Self.workFolder(for: target)
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: target, isDirectory: &isFolder), !isFolder.boolValue {
            throw .configuration("the report folder exists and is not a folder", path: target)
        }
        let parent = URL(fileURLWithPath: physical).deletingLastPathComponent().path
        TemporaryName.removeStale(in: parent, for: URL(fileURLWithPath: physical).lastPathComponent)
        do {
            try? FileManager.default.removeItem(atPath: work)
            try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
        } catch {
            throw .io("cannot create the report folder: \(error.localizedDescription)", path: target)
        }
        TemporaryFiles.shared.add(work)
    }

    deinit {
        if !finished { discard() }
    }

    /// Where a path inside the target is written until the commit (other paths are left as they are).
    public func staged(_ path: String) -> String {
        path.hasPrefix(target + "/") ? work + path.dropFirst(target.count) : path
    }

    /// The path in the target of a path written in the work folder (the inverse of `staged`).
    public func final(_ path: String) -> String {
        path.hasPrefix(work + "/") ? target + path.dropFirst(work.count) : path
    }

    /// Puts the work folder in the target's place and deletes the old folder; an interruption waits
    /// for it (`TemporaryFiles.committing`).
    public func commit() throws(WinnowError) {
        guard !finished else { return }
        try TemporaryFiles.shared.committing { () throws(WinnowError) in try exchange() }
    }

    private func exchange() throws(WinnowError) {
        if FileManager.default.fileExists(atPath: physical) {
            try carryOver()
            keepMode()
            if winnow_exchange_paths(work, physical) != 0 {
                let reason = errno
                guard reason == EINVAL || reason == ENOSYS else {
                    throw .io("cannot put the new report folder in place: \(String(cString: strerror(reason)))", path: target)
                }
                // A file system that cannot swap: the old folder steps aside first, so the target is
                // briefly missing but never mixed.
                let aside = work + ".old"
                guard rename(physical, aside) == 0, rename(work, physical) == 0 else {
                    throw .io("cannot put the new report folder in place: \(String(cString: strerror(errno)))", path: target)
                }
                try? FileManager.default.removeItem(atPath: aside)
                finish()
                return
            }
            try? FileManager.default.removeItem(atPath: work)
        } else if rename(work, physical) != 0 {
            throw .io("cannot put the new report folder in place: \(String(cString: strerror(errno)))", path: target)
        }
        finish()
    }

    /// Deletes the work folder; the target stays as it was.
    public func discard() {
        guard !finished else { return }
        try? FileManager.default.removeItem(atPath: work)
        finish()
    }

    private func finish() {
        finished = true
        TemporaryFiles.shared.remove(work)
    }

    /// Gives the work folder the old folder's permissions (a private 0700 or a shared 1777 one stays
    /// so), as a replaced output file keeps its own, rather than the umask's default.
    private func keepMode() {
        var old = stat()
        guard stat(physical, &old) == 0 else { return }
        chmod(work, old.st_mode & 0o7777)
    }

    /// Links into the work folder every entry of the target that the new folder does not have and
    /// does not replace.
    private func carryOver() throws(WinnowError) {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: physical)
        } catch {
            throw .io("cannot list the report folder: \(error.localizedDescription)", path: target)
        }
        for name in names where !replaces(name) && !FileManager.default.fileExists(atPath: work + "/" + name) {
            var isFolder: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: physical + "/" + name, isDirectory: &isFolder)
            let kept =
                isFolder.boolValue
                ? (try? FileManager.default.copyItem(atPath: physical + "/" + name, toPath: work + "/" + name)) != nil
                : link(physical + "/" + name, work + "/" + name) == 0
            guard kept else {
                throw .io("cannot keep '\(name)' of the report folder in the new one: \(String(cString: strerror(errno)))", path: target)
            }
        }
    }
}
