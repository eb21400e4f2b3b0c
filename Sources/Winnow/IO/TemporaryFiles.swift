import Foundation
import Synchronization

/// The temporary files a run has open (unfinished outputs, spool files, a report folder it made), so
/// that an interrupted run (SIGINT, SIGTERM, SIGHUP) can delete them before it exits instead of leaving
/// them. A run makes them inside `creating` and moves them into place inside `committing`, which the
/// deletion waits for; once it has begun, neither runs: a file is never made or moved after its list
/// was taken.
package final class TemporaryFiles: Sendable {
    package static let shared = TemporaryFiles()

    private struct State {
        var paths: Set<String> = []
        /// Sections under way (`creating`, `committing`).
        var sections = 0
        /// Set by `removeAll`: no section starts after it.
        var closed = false
        /// Set once `removeAll` has taken the list to delete.
        var taken = false
    }

    private let state = Mutex(State())

    package init() {}

    /// Registers a file the run made. One registered once the deletion has taken its list (made
    /// outside `creating`) is deleted at once.
    func add(_ path: String) {
        let added = state.withLock { state in
            guard !state.taken else { return false }
            state.paths.insert(path)
            return true
        }
        if !added { Self.delete(path) }
    }

    func remove(_ path: String) {
        state.withLock { _ = $0.paths.remove(path) }
    }

    /// The files registered now.
    package var current: Set<String> { state.withLock { $0.paths } }

    /// Runs `create`, which makes temporary files and registers them (`add`), with `removeAll` held off
    /// until it is done, so that a file made while the deletion starts is on its list, never made just
    /// after the list was taken and left behind. Once the deletion has begun, throws without running
    /// `create` (the interrupted process exits meanwhile).
    package func creating<Result>(_ create: () throws(WinnowError) -> Result) throws(WinnowError) -> Result {
        try section(create)
    }

    /// Runs `commit`, which moves a run's finished outputs into place, with `removeAll` held off until
    /// it is done, so that an interrupted run leaves its outputs all new or all as they were. A commit
    /// inside one under way runs; one that would start after `removeAll` has begun throws without
    /// running, so that the run moves no output once the deletion has started (the interrupted
    /// process exits meanwhile: the CLI reports no error of a run it is interrupting).
    package func committing<Result>(_ commit: () throws(WinnowError) -> Result) throws(WinnowError) -> Result {
        try section(commit)
    }

    /// Renames the finished temporary file `temporary` to `final` inside a commit. `final` is then
    /// registered in its place when it is one of the run's temporary files too (a spool file moved
    /// into place between passes), so that an interruption after the rename deletes it. A rename that
    /// fails deletes `temporary`; its error names the output `shownAs`.
    func moveIntoPlace(_ temporary: String, to final: String, staysTemporary: Bool, shownAs name: String) throws(WinnowError) {
        try committing { () throws(WinnowError) in
            guard rename(temporary, final) == 0 else {
                let reason = String(cString: strerror(errno))
                unlink(temporary)
                self.remove(temporary)
                throw .io("cannot move the finished output into place: \(reason)", path: name)
            }
            state.withLock { state in
                state.paths.remove(temporary)
                if staysTemporary { state.paths.insert(final) }
            }
        }
    }

    private func section<Result>(_ body: () throws(WinnowError) -> Result) throws(WinnowError) -> Result {
        // A section inside one under way runs: the outer one cannot finish without it.
        let entered = state.withLock { state in
            guard !state.closed || state.sections > 0 else { return false }
            state.sections += 1
            return true
        }
        guard entered else {
            throw .io("the run was interrupted: its temporary files are being deleted, and nothing more is written")
        }
        defer { state.withLock { $0.sections -= 1 } }
        return try body()
    }

    /// Waits for the sections under way, holds later ones off, and deletes every registered file; for
    /// a signal handler that runs outside signal context (a dispatch source), just before the process
    /// exits while the run's own threads go on.
    package func removeAll() {
        var registered: Set<String> = []
        while !state.withLock({ state in
            state.closed = true
            guard state.sections == 0 else { return false }
            state.taken = true
            swap(&registered, &state.paths)
            return true
        }) {
            usleep(1000)
        }
        for path in registered { Self.delete(path) }
    }

    /// Deletes a file or folder. Renamed first: a file the run goes on writing into a registered folder
    /// by its path cannot appear in it while it is deleted, which would leave it behind. The name keeps
    /// its ending, so that what a kill in between leaves is a stale temporary the next run deletes.
    private static func delete(_ path: String) {
        let name = URL(fileURLWithPath: path)
        let aside =
            name.pathExtension.isEmpty
            ? path + ".removing" : name.deletingPathExtension().path + ".removing." + name.pathExtension
        try? FileManager.default.removeItem(atPath: rename(path, aside) == 0 ? aside : path)
    }
}
