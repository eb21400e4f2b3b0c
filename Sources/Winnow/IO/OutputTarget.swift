import Glibc

/// What an output path names, found before anything is written: a file is replaced atomically, but
/// a device, pipe or socket (`/dev/null`, a FIFO another process reads) is written straight to and
/// never replaced, and a folder or block device is refused.
package enum OutputTarget: Sendable, Equatable {
    /// `-`: standard output.
    case standardOutput
    /// A regular file or a new path, with symbolic links resolved: written beside, renamed into place.
    case file(String)
    /// A character device, FIFO or socket: opened and written to as it is.
    case stream(String)
    /// A descriptor the caller holds open for writing, named as `/dev/stdout`, `/dev/fd/N` or
    /// `/proc/self/fd/N` (a shell's redirection, `>(command)`), or a link to one: written to as it is,
    /// like standard output, so that a redirection's append (`>> all.jsonl`) or a pipe behaves as for `-`.
    case descriptor(Int32)

    package init(_ path: String) throws(WinnowError) {
        if path == "-" { self = .standardOutput; return }
        // Outputs, their siblings and the report folder are made by name with Foundation too, which
        // would take the `\xHH` of a name that is not UTF-8 literally (`FileName`): refused, not renamed.
        if let problem = FileName.spellingProblem(path) {
            throw .configuration("the output's name \(problem); give the output another name", path: path)
        }
        if let descriptor = Self.descriptor(named: path) {
            self = .descriptor(try Self.requireWritable(descriptor, path: path))
            return
        }
        var info = stat()
        guard lstat(path, &info) == 0 else {
            guard errno == ENOENT else { throw .io("cannot check the output: \(String(cString: strerror(errno)))", path: path) }
            self = .file(path)
            return
        }
        var target = path
        if info.st_mode & S_IFMT == S_IFLNK {
            // Another spelling of a descriptor's name ("//dev/stdout", a link to /dev/stdout) is that descriptor.
            if let linked = try? Self.linkTarget(path), let descriptor = Self.descriptor(named: linked) {
                self = .descriptor(try Self.requireWritable(descriptor, path: path))
                return
            }
            guard let resolved = realpath(path, nil) else {
                // A link to a file not made yet: the file it names is created, the link kept.
                self = .file(try Self.linkTarget(path))
                return
            }
            target = String(cString: resolved)
            free(resolved)
            guard stat(target, &info) == 0 else { throw .io("cannot check the output's link target", path: path) }
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG: self = .file(target)
        case S_IFCHR, S_IFIFO, S_IFSOCK: self = .stream(target)
        case S_IFDIR: throw .io("the output is a folder; give a file name", path: path)
        default: throw .io("refusing to write to a block device or other special file", path: path)
        }
    }

    /// A descriptor the caller handed over open for writing: not standard error, where the logs go;
    /// not one this process opened for itself (those are close-on-exec, inherited ones are not); not
    /// one open for reading only. Checked before anything is read, not found out by the first write.
    private static func requireWritable(_ descriptor: Int32, path: String) throws(WinnowError) -> Int32 {
        guard descriptor != 2 else {
            throw .io("standard error carries the run's messages; write the output to standard output (-) or a file", path: path)
        }
        let flags = fcntl(descriptor, F_GETFD), mode = fcntl(descriptor, F_GETFL)
        guard flags >= 0, mode >= 0 else {
            throw .io("the output names descriptor \(descriptor), which is not open", path: path)
        }
        guard flags & FD_CLOEXEC == 0, mode & O_ACCMODE != O_RDONLY else {
            throw .io("descriptor \(descriptor) was not handed to winnow open for writing (open it with N>FILE)", path: path)
        }
        return descriptor
    }

    /// The descriptor a path names when it names one of this process's own: resolving it as a link
    /// would reach the file behind it (replacing it instead of appending) or a pipe's `pipe:[…]`.
    private static func descriptor(named path: String) -> Int32? {
        switch path {
        case "/dev/stdout": return 1
        case "/dev/stderr": return 2
        default:
            for prefix in ["/dev/fd/", "/proc/self/fd/", "/proc/\(getpid())/fd/"] where path.hasPrefix(prefix) {
                let number = path.dropFirst(prefix.count)
                guard !number.isEmpty, number.allSatisfy(\.isASCII), number.allSatisfy(\.isNumber) else { return nil }
                return Int32(number)
            }
            return nil
        }
    }

    /// Where a dangling symbolic link points, relative to the link's folder when the link is relative.
    private static func linkTarget(_ path: String) throws(WinnowError) -> String {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let length = readlink(path, &buffer, buffer.count - 1)
        guard length > 0 else { throw .io("cannot read the output's symbolic link", path: path) }
        let target = String(decoding: buffer[..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        guard !target.hasPrefix("/"), let slash = path.lastIndex(of: "/") else { return target }
        return String(path[...slash]) + target
    }

    /// The default removed and rejects files beside a cleaned output: `out.jsonl` → `out.removed.jsonl`;
    /// none beside standard output, a device or a pipe.
    package static func sibling(of output: String, kind: String) -> String? {
        guard hasSiblings(output) else { return nil }
        for suffix in [".jsonl.gz", ".jsonl", ".ndjson.gz", ".ndjson"] where FileNameEnding.endsWith(output, suffix) {
            return String(decoding: output.utf8.dropLast(suffix.utf8.count), as: UTF8.self) + "." + kind + suffix
        }
        return output + "." + kind + ".jsonl"
    }

    /// Whether outputs beside this one (removed, rejects, a report folder) can be named after it:
    /// only for a file, never next to a device or pipe.
    package static func hasSiblings(_ path: String) -> Bool {
        if case .file = try? OutputTarget(path) { return true }
        return false
    }

    /// Refuses, before anything is read, an output that is one of the inputs or another output: the
    /// run would destroy its own input, lose one output under another, or interleave two in one stream.
    /// Files are compared by identity (device and inode), new paths by their folder's real path, so
    /// spelling does not matter; standard output (`-`) and descriptors by number and by what they are
    /// open on. A character device (`/dev/null`) opened by name may take several outputs. The inputs
    /// are registered as read (`ReadPaths`), so that no removal of a killed run's leftovers deletes one.
    package static func requireDistinct(outputs: [(role: String, path: String)], inputs: [String]) throws(WinnowError) {
        var inputKeys: [String: String] = [:]
        for input in inputs {
            ReadPaths.shared.add(input)
            // Standard input is whatever file the shell redirected it from (`< in.jsonl`).
            let key = input == "-" ? openIdentity(of: 0).key : identity(of: input)
            if let key { inputKeys[key] = input == "-" ? "- (standard input, redirected from that file)" : input }
        }
        var descriptors: [Int32: String] = [:]
        var outputKeys: [String: String] = [:]
        for (role, path) in outputs {
            guard !path.isEmpty else {
                throw .configuration("\(role) is given an empty name: give the output a file name (nothing was read)")
            }
            let key: String?
            // Whether the output may be an input: a file, never a pipe, terminal or device.
            var isFile = false
            let target = try OutputTarget(path)
            switch target {
            case .standardOutput, .descriptor:
                let descriptor = if case .descriptor(let held) = target { held } else { Int32(1) }
                if let other = descriptors.updateValue("\(role) \(path)", forKey: descriptor) {
                    throw .configuration(
                        "\(role) \(path) and \(other) both write to \(descriptor == 1 ? "standard output" : "descriptor \(descriptor)"): "
                            + "their lines would interleave in one stream; give each output its own file (nothing was read)",
                        path: path)
                }
                (key, isFile) = openIdentity(of: descriptor)
            case .stream(let device):
                var info = stat()
                guard stat(device, &info) == 0, info.st_mode & S_IFMT != S_IFCHR else { continue }
                key = Self.key(info)
            case .file:
                key = identity(of: path)
                isFile = true
            }
            guard let key else { continue }
            if isFile, let input = inputKeys[key] {
                throw .configuration("\(role) \(path) is the input \(input): choose another output; nothing was read", path: path)
            }
            if let other = outputKeys[key] {
                throw .configuration(
                    "\(role) \(path) is also the \(other): give each output its own file (nothing was read)", path: path)
            }
            outputKeys[key] = "\(role) \(path)"
        }
    }

    /// A file's identity as the checks compare it: device and inode.
    private static func key(_ info: stat) -> String { "\(info.st_dev):\(info.st_ino)" }

    /// What a descriptor is open on, as `identity(of:)` keys a file, and whether it is a regular file;
    /// no key for a character device (a terminal, `/dev/null`) or a descriptor that is not open.
    private static func openIdentity(of descriptor: Int32) -> (key: String?, isFile: Bool) {
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT != S_IFCHR else { return (nil, false) }
        return (key(info), info.st_mode & S_IFMT == S_IFREG)
    }

    /// Refuses, before anything is read, an output file whose folder does not exist or cannot be
    /// written: such a side file would otherwise fail the run only once the whole input was read.
    package static func requireFolder(role: String, path: String) throws(WinnowError) {
        guard case .file(let target) = try OutputTarget(path) else { return }
        let folder = target.contains("/") ? String(target[..<target.lastIndex(of: "/")!]) : "."
        let shown = folder.isEmpty ? "/" : folder
        var info = stat()
        guard stat(shown, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else {
            throw .configuration("\(role) \(path): the folder \(shown) does not exist; create it first (nothing was read)", path: path)
        }
        guard access(shown, W_OK | X_OK) == 0 else {
            throw .configuration("\(role) \(path): the folder \(shown) is not writable (nothing was read)", path: path)
        }
    }

    /// A key equal for two spellings of one file: device and inode when it exists, else the real
    /// path of its folder and its name, after the links that lead to it (a link to a file not made yet).
    static func identity(of path: String) -> String? {
        var info = stat()
        if stat(FileName.system(path), &info) == 0 { return key(info) }
        var path = path
        for _ in 0..<40 {
            guard lstat(FileName.system(path), &info) == 0, info.st_mode & S_IFMT == S_IFLNK,
                let target = try? linkTarget(path)
            else { break }
            path = target
        }
        let slash = path.lastIndex(of: "/")
        let folder = slash.map { $0 == path.startIndex ? "/" : String(path[..<$0]) } ?? "."
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        guard let resolved = realpath(FileName.system(folder), nil) else { return nil }
        defer { free(resolved) }
        return "new:" + FileName.string(UnsafeBufferPointer(start: resolved, count: strlen(resolved)).map { UInt8(bitPattern: $0) }) + "/"
            + name
    }
}
