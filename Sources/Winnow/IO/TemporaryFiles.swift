import Foundation
import Synchronization

/// The temporary files a run has open (unfinished outputs, spool files, a report folder it made), so
/// that an interrupted run (SIGINT, SIGTERM) can delete them before it exits instead of leaving them.
package final class TemporaryFiles: Sendable {
    package static let shared = TemporaryFiles()
    private let paths = Mutex<Set<String>>([])

    func add(_ path: String) {
        paths.withLock { _ = $0.insert(path) }
    }

    func remove(_ path: String) {
        paths.withLock { _ = $0.remove(path) }
    }

    /// The files registered now.
    package var current: Set<String> { paths.withLock { $0 } }

    /// Deletes every registered file; for a signal handler that runs outside signal context (a
    /// dispatch source), just before the process exits.
    package func removeAll() {
        for path in paths.withLock({ paths in
            defer { paths.removeAll() }; return paths
        }) {
            try? FileManager.default.removeItem(atPath: path)
        }
    }
}
