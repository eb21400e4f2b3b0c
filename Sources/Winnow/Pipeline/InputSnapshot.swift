import Glibc

/// The identity of a run's inputs when they can be read a second time as they are: every one a
/// regular, uncompressed JSONL file. A corpus stage at the head of a pipeline then reads its inputs
/// again for the apply pass instead of copying them to a spool file first; the snapshot proves,
/// before that second read, that no input changed in between.
struct InputSnapshot: Equatable {
    private struct FileIdentity: Equatable {
        let path: String
        let device: UInt64
        let inode: UInt64
        let size: Int64
        let modified: timespec

        static func == (lhs: FileIdentity, rhs: FileIdentity) -> Bool {
            lhs.path == rhs.path && lhs.device == rhs.device && lhs.inode == rhs.inode && lhs.size == rhs.size
                && lhs.modified.tv_sec == rhs.modified.tv_sec && lhs.modified.tv_nsec == rhs.modified.tv_nsec
        }
    }

    private let files: [FileIdentity]

    /// Nil when an input is standard input, an HTML file, a pipe or other special file, or gzip
    /// (decompressing twice costs more than the spool saves).
    init?(_ inputs: [InputSpec]) {
        var files: [FileIdentity] = []
        for input in inputs {
            guard case .jsonl(let path, _) = input, path != "-", let identity = Self.identity(of: path),
                !Self.isGzip(path)
            else { return nil }
            files.append(identity)
        }
        guard !files.isEmpty else { return nil }
        self.files = files
    }

    /// Throws when an input was replaced, truncated or written to since the snapshot was taken.
    func verifyUnchanged() throws(WinnowError) {
        for file in files where Self.identity(of: file.path) != file {
            throw WinnowError(.io, stoppingRun: "input changed while the run read it (it is read twice)", path: file.path)
        }
    }

    private static func identity(of path: String) -> FileIdentity? {
        var info = stat()
        guard stat(FileName.system(path), &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        return FileIdentity(
            path: path, device: UInt64(info.st_dev), inode: UInt64(info.st_ino),
            size: Int64(info.st_size), modified: info.st_mtim)
    }

    /// Gzip by its magic bytes; an unreadable file counts as gzip, so it keeps the spool.
    private static func isGzip(_ path: String) -> Bool {
        guard let file = try? FileByteSource(path: path) else { return true }
        var head: [UInt8] = []
        while head.count < 2, let count = try? file.read(into: &head, maxCount: 2 - head.count), count > 0 {}
        return InputOpener.isGzip(head)
    }
}
