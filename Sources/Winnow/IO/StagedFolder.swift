import CFolderExchange
import Foundation
import Glibc

/// A folder replaced whole: its new files are written into a hidden sibling (`work`), which takes the
/// folder's place in one step when committed, so a reader (or a run killed at any point) sees the old
/// folder or the new one, never a mix. Entries of the old folder that the new one does not write are
/// carried over, except those it `replaces` by name: files as hard links, sub-folders moved, never
/// copied (`exchange`). Nothing is written to the target before `commit`, and `discard` leaves it
/// untouched. A folder that is, or holds, a mount point is refused at the start.
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
        let trimmed =
            target.utf8.count > 1 && FileNameEnding.endsWith(target, "/") ? String(decoding: target.utf8.dropLast(), as: UTF8.self) : target
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
        for stale in TemporaryName.stale(in: parent, for: URL(fileURLWithPath: physical).lastPathComponent)
        where Self.recoverCarried(from: stale, into: physical) {
            try? FileManager.default.removeItem(atPath: stale)
        }
        try Self.requireMovable(physical, target: target)
        // A killed run of this process id (an id used again) left it.
        guard Self.recoverCarried(from: work, into: physical) else {
            throw .io("cannot move back the sub-folders \(work) holds: move them into the report folder by hand", path: target)
        }
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

    /// The old folder's entries go into the new one without a byte copied or a file opened, in this
    /// order, so that a failure before the swap leaves the target as it was:
    /// 1. each file of any kind (a FIFO, a socket, a symbolic link) is hard-linked into the work folder;
    /// 2. each sub-folder is moved (renamed) into it, keeping its inode, so that a process writing into
    ///    it goes on writing into the new folder; one that cannot be moved (a mount point) moves those
    ///    moved before it back, and the commit fails;
    /// 3. the two folders are exchanged in one step;
    /// 4. an entry made in the old folder since 1 is moved into the new one, and the old folder, which
    ///    holds only links and the files this writing replaced, is deleted.
    /// A reader of the target sees a moved sub-folder missing between 2 and 3 (a few renames); a run
    /// killed there leaves it in the work folder, which the next one moves back (`recoverCarried`).
    private func exchange() throws(WinnowError) {
        guard Self.exists(physical) else {
            guard rename(work, physical) == 0 else {
                throw .io("cannot put the new report folder in place: \(String(cString: strerror(errno)))", path: target)
            }
            finish()
            return
        }
        let moved = try carryOver()
        keepMode()
        var old = work
        if winnow_exchange_paths(work, physical) != 0 {
            let reason = errno
            guard reason == EINVAL || reason == ENOSYS else {
                try moveBack(moved)
                throw .io("cannot put the new report folder in place: \(String(cString: strerror(reason)))", path: target)
            }
            // A file system that cannot swap: the old folder steps aside first, so the target is
            // briefly missing but never mixed.
            old = work + ".old"
            guard rename(physical, old) == 0 else {
                let reason = errno
                try moveBack(moved)
                throw .io("cannot put the new report folder in place: \(String(cString: strerror(reason)))", path: target)
            }
            guard rename(work, physical) == 0 else {
                let reason = errno
                let cause = "cannot put the new report folder in place: \(String(cString: strerror(reason)))"
                guard rename(old, physical) == 0 else {
                    keepWork()
                    throw .io(cause + "; the old folder is \(old), the new one \(work): move one back by hand", path: target)
                }
                try moveBack(moved)
                throw .io(cause, path: target)
            }
        }
        if moveLate(from: old) { try? FileManager.default.removeItem(atPath: old) }
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

    /// Links into the work folder every file of the target that the new folder does not have and
    /// does not replace, and moves every such sub-folder into it; returns the names of those moved.
    private func carryOver() throws(WinnowError) -> [String] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: physical)
        } catch {
            throw .io("cannot list the report folder: \(error.localizedDescription)", path: target)
        }
        var folders: [String] = []
        for name in names.sorted() where !replaces(name) && !Self.exists(work + "/" + name) {
            if Self.isFolder(physical + "/" + name) {
                folders.append(name)
            } else if link(physical + "/" + name, work + "/" + name) != 0 {
                throw .io(
                    "cannot keep '\(name)' of the report folder in the new one: \(String(cString: strerror(errno)))",
                    path: target)
            }
        }
        var moved: [String] = []
        for name in folders {
            guard rename(physical + "/" + name, work + "/" + name) != 0 else {
                moved.append(name)
                continue
            }
            let reason = errno
            try moveBack(moved)
            throw Self.cannotMove(name, of: target, reason: reason)
        }
        return moved
    }

    /// Moves the sub-folders `names` from the work folder back into the target. One that cannot go
    /// back keeps the work folder from being deleted, and the error says where it is.
    private func moveBack(_ names: [String]) throws(WinnowError) {
        let stranded = names.filter { rename(work + "/" + $0, physical + "/" + $0) != 0 }
        guard !stranded.isEmpty else { return }
        keepWork()
        throw .io(
            "the report folder's sub-folders \(stranded.map { "'\($0)'" }.joined(separator: ", ")) could not be "
                + "moved back from \(work) after a failed commit: move them back by hand",
            path: target)
    }

    /// Leaves the work folder where it is, unregistered: it holds the user's sub-folders.
    private func keepWork() {
        finished = true
        TemporaryFiles.shared.remove(work)
    }

    /// After the exchange: moves into the new folder what was made in the old one (`old`) since the
    /// listing and that the new folder does not have; false when an entry could not be moved, and the
    /// old folder is then kept rather than deleted with it.
    private func moveLate(from old: String) -> Bool {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: old) else { return true }
        var movedAll = true
        for name in names where !replaces(name) && !Self.exists(physical + "/" + name) {
            if rename(old + "/" + name, physical + "/" + name) != 0 { movedAll = false }
        }
        return movedAll
    }

    /// The error for a sub-folder that cannot be moved into the new folder, with what the user can do.
    private static func cannotMove(_ name: String, of target: String, reason: Int32) -> WinnowError {
        let cause = String(cString: strerror(reason))
        let advice =
            reason == EBUSY || reason == EXDEV
            ? "it is a mount point, which cannot be moved: unmount it or mount it elsewhere, or give the report another folder"
            : "move it out of the report folder, or give the report another folder"
        return .io(
            "cannot carry the sub-folder '\(name)' of the report folder over into the new one (\(cause)): \(advice); "
                + "the report folder is as it was",
            path: target)
    }

    /// Moves back into the target the sub-folders that a run killed while committing (`exchange`) left
    /// in its work folder, `stale`, before that folder is deleted: a folder there that the target lacks
    /// is the user's, since the report writes none. False when one stays there.
    private static func recoverCarried(from stale: String, into physical: String) -> Bool {
        guard isFolder(stale), let names = try? FileManager.default.contentsOfDirectory(atPath: stale) else { return true }
        var recovered = true
        for name in names where isFolder(stale + "/" + name) && !exists(physical + "/" + name) {
            try? FileManager.default.createDirectory(atPath: physical, withIntermediateDirectories: true)
            if rename(stale + "/" + name, physical + "/" + name) != 0 { recovered = false }
        }
        return recovered
    }

    /// Refuses a target that cannot be replaced by a folder made beside it, or whose entries cannot all
    /// be carried over into that folder: the folder or one of its entries being a mount point, which no
    /// rename moves (and whose files a deletion of the old folder would reach).
    private static func requireMovable(_ physical: String, target: String) throws(WinnowError) {
        guard isFolder(physical) else { return }
        if isMountPoint(physical) {
            throw .configuration(
                "the report folder is a mount point, and the report replaces it whole by a folder made beside it, "
                    + "which cannot take a mount point's place: give the report a folder inside it, or another one",
                path: target)
        }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: physical)) ?? []
        for name in names.sorted() where isMountPoint(physical + "/" + name) {
            throw .configuration(
                "the report folder holds a mount point, '\(name)', and the report, replacing the folder whole, cannot "
                    + "carry it over (no mount point can be moved): unmount it or mount it elsewhere, or give the "
                    + "report another folder",
                path: target)
        }
    }

    /// Whether `path` is where a file system is mounted (a symbolic link is not).
    static func isMountPoint(_ path: String) -> Bool {
        let answer = winnow_is_mount_root(path)
        if answer >= 0 { return answer == 1 }
        // A kernel that cannot tell (before Linux 5.8): another device than its folder's.
        var own = stat()
        var folder = stat()
        return lstat(path, &own) == 0 && stat(URL(fileURLWithPath: path).deletingLastPathComponent().path, &folder) == 0
            && own.st_dev != folder.st_dev
    }

    /// Whether `path` names anything, a dangling symbolic link included.
    static func exists(_ path: String) -> Bool {
        var status = stat()
        return lstat(path, &status) == 0
    }

    /// Whether `path` is a folder itself, not a link to one.
    static func isFolder(_ path: String) -> Bool {
        var status = stat()
        return lstat(path, &status) == 0 && status.st_mode & S_IFMT == S_IFDIR
    }
}
