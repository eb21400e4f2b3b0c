import Glibc
import Synchronization

/// The files and folders this process reads. Removing a killed run's leftovers by their names
/// (`TemporaryName.removeEnded`) spares each of them, and any folder that holds one: an input that
/// happens to be named like a leftover is read, never deleted.
package final class ReadPaths: Sendable {
    package static let shared = ReadPaths()
    /// Real paths: symbolic links resolved, so that any spelling of an input is recognised.
    private let paths = Mutex<Set<String>>([])

    /// Registers a file or folder that is read (standard input, `-`, is no path).
    package func add(_ path: String) {
        guard path != "-", let real = Self.real(path) else { return }
        paths.withLock { _ = $0.insert(real) }
    }

    /// Whether deleting `path` would delete something read: it is, or holds, a registered path.
    func holds(_ path: String) -> Bool {
        guard let real = Self.real(path) else { return false }
        return paths.withLock { $0.contains { $0 == real || $0.hasPrefix(real + "/") } }
    }

    private static func real(_ path: String) -> String? {
        guard let resolved = realpath(FileName.system(path), nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
