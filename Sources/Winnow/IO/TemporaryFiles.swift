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
    /// it is done, so that an interrupted run leaves its outputs all new or all as they were. Once
    /// `removeAll` has begun, throws without running it.
    package func committing<Result>(_ commit: () throws(WinnowError) -> Result) throws(WinnowError) -> Result {
        let open = state.withLock { state in
            if !state.closed { state.commits += 1 }
            return !state.closed
        }
        guard open else { throw .io("interrupted: the outputs were left as they were") }
        defer { state.withLock { $0.commits -= 1 } }
        return try commit()
    }

    /// Waits for the commits under way, refuses later ones, and deletes every registered file; for a
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
            // cannot appear in it while it is deleted, which would leave it behind.
            let aside = path + ".removing"
            try? FileManager.default.removeItem(atPath: rename(path, aside) == 0 ? aside : path)
        }
    }
}
