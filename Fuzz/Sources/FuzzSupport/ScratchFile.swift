import Glibc

/// A file the state-file readers can open, rewritten for every input: one per process, in /dev/shm
/// when there is one (a RAM disk keeps thousands of rewrites a second cheap), removed at exit.
public enum ScratchFile {
    nonisolated(unsafe) private static var path: String?

    /// Writes `bytes` to the scratch file and returns its path.
    public static func write(_ bytes: [UInt8]) -> String {
        let target = path ?? create()
        let descriptor = open(target, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        require(descriptor >= 0, "cannot open \(target)")
        defer { close(descriptor) }
        var written = 0
        while written < bytes.count {
            let result = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress! + written, bytes.count - written) }
            require(result > 0, "cannot write \(target)")
            written += result
        }
        return target
    }

    /// A second scratch path next to the first (for writing a file back and reading it again).
    public static var companion: String { (path ?? create()) + ".out" }

    private static func create() -> String {
        var isDirectory = stat()
        let folder = stat("/dev/shm", &isDirectory) == 0 ? "/dev/shm" : "/tmp"
        let created = "\(folder)/winnow-fuzz-\(getpid())"
        path = created
        atexit {
            if let path = ScratchFile.path {
                unlink(path)
                unlink(path + ".out")
            }
        }
        return created
    }
}
