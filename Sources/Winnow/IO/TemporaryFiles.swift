import Foundation
import Synchronization

/// The temporary files a run has open (unfinished outputs, spool files, a report folder it made), so
/// that an interrupted run (SIGINT, SIGTERM) can delete them before it exits instead of leaving them.
/// A run moves its finished outputs into place inside `committing`, which the deletion waits for.
package final class TemporaryFiles: Sendable {
    package static let shared = TemporaryFiles()

    private struct State {
        var paths: Set<String> = []
        /// Commits under way.
        var commits = 0
        /// Set by `removeAll`: no commit starts after it.
        var closed = false
    }

    private let state = Mutex(State())

    package init() {}

    func add(_ path: String) {
        state.withLock { _ = $0.paths.insert(path) }
    }

    func remove(_ path: String) {
        state.withLock { _ = $0.paths.remove(path) }
    }

    /// The files registered now.
    package var current: Set<String> { state.withLock { $0.paths } }

    /// Runs `commit`, which moves a run's finished outputs into place, with `removeAll` held off until
    /// it is done, so that an interrupted run leaves its outputs all new or all as they were. A commit
    /// inside one under way runs; one that would start after `removeAll` has begun waits for the exit
    /// that follows it, so that the run neither moves an output nor exits before the deletion is done.
    package func committing<Result>(_ commit: () throws(WinnowError) -> Result) throws(WinnowError) -> Result {
        while !state.withLock({ state in
            guard !state.closed || state.commits > 0 else { return false }
            state.commits += 1
            return true
        }) {
            usleep(10_000)
        }
        defer { state.withLock { $0.commits -= 1 } }
        return try commit()
    }

    /// Waits for the commits under way, holds later ones off, and deletes every registered file; for a
    /// signal handler that runs outside signal context (a dispatch source), just before the process
    /// exits while the run's own threads go on.
    package func removeAll() {
        var registered: Set<String> = []
        while !state.withLock({ state in
            state.closed = true
            guard state.commits == 0 else { return false }
            swap(&registered, &state.paths)
            return true
        }) {
            usleep(1000)
        }
        for path in registered {
            // Renamed first: a file the run goes on writing into a registered folder by its path
            // cannot appear in it while it is deleted, which would leave it behind. The name keeps its
            // ending, so that what a kill in between leaves is a stale temporary the next run deletes.
            let name = URL(fileURLWithPath: path)
            let aside =
                name.pathExtension.isEmpty
                ? path + ".removing" : name.deletingPathExtension().path + ".removing." + name.pathExtension
            try? FileManager.default.removeItem(atPath: rename(path, aside) == 0 ? aside : path)
        }
    }
}
