import Foundation

/// One input to read, as resolved from the command line: a JSONL stream, a single HTML file, or a web archive.
public enum InputSpec: Sendable, Equatable {
    /// A JSONL file (plain or gzip), or `-` for standard input. `name` is used in messages and derived ids.
    /// A web archive given this way is still read as one: the format is told from the content.
    case jsonl(path: String, name: String)
    /// A web archive (WARC or WET, plain or gzip) by its name, read as one even when it starts with damage.
    case archive(path: String, name: String)
    /// An HTML file (plain or gzip); `id` is its path relative to the folder it was found in, or as
    /// given when named on its own, suffix and all, numbered (`#2`) when another input's is the same.
    case html(path: String, id: String)

    /// The file read (`-` for standard input).
    public var path: String {
        switch self {
        case .jsonl(let path, _), .html(let path, _), .archive(let path, _): path
        }
    }

    static let jsonlSuffixes = [".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz", ".json.gz"]
    static let htmlSuffixes = [".html", ".htm", ".html.gz", ".htm.gz"]

    /// Expands command-line inputs: `-` (or nothing) is standard input, a file is read as it is, a
    /// folder contributes its JSONL shards, HTML files and web archives, recursively, in sorted order.
    /// Standard input, or a pipe, given twice is refused: the second reading would get nothing.
    public static func resolve(_ arguments: [String]) throws(WinnowError) -> [InputSpec] {
        if arguments.isEmpty { return [.jsonl(path: "-", name: "stdin")] }
        var specs: [InputSpec] = []
        var pipes = ReadOnceInputs()
        for argument in arguments {
            if argument == "-" {
                try pipes.add(argument)
                specs.append(.jsonl(path: "-", name: "stdin"))
                continue
            }
            var info = stat()
            guard stat(FileName.system(argument), &info) == 0 else {
                throw .configuration("input not found", path: argument)
            }
            if info.st_mode & S_IFMT != S_IFDIR {
                try pipes.add(argument, info)
                if FileNameEnding.hasSuffix(argument, in: htmlSuffixes) {
                    specs.append(.html(path: argument, id: argument))
                } else if FileNameEnding.hasSuffix(argument, in: ArchiveFormat.suffixes) {
                    specs.append(.archive(path: argument, name: argument))
                } else {
                    specs.append(.jsonl(path: argument, name: argument))
                }
                continue
            }
            let found = try folderContents(argument)
            guard !found.isEmpty else {
                throw .configuration(
                    "folder holds no input files (\((jsonlSuffixes + htmlSuffixes + ArchiveFormat.suffixes + ["part-00000"]).joined(separator: ", ")))",
                    path: argument)
            }
            specs.append(contentsOf: found)
        }
        return distinctPageIDs(specs)
    }

    /// `specs` with the ids of HTML files made distinct: two folders that both hold `a.html`, or a file
    /// given twice, would give two documents one id, and duplicates would name a document as its own copy.
    private static func distinctPageIDs(_ specs: [InputSpec]) -> [InputSpec] {
        var ids = DistinctNames.numbered(specs.compactMap { if case .html(_, let id) = $0 { id } else { nil } })[...]
        return specs.map { spec in
            guard case .html(let path, _) = spec, let id = ids.popFirst() else { return spec }
            return .html(path: path, id: id)
        }
    }

    /// The JSONL files a written output is read from: the file itself, or the part files (and shards)
    /// of a folder, as an engine writes an output, in bytewise order.
    package static func jsonlFiles(_ path: String) throws(WinnowError) -> [InputSpec] {
        guard isFolder(path) else { return [.jsonl(path: path, name: path)] }
        return try folderContents(path).map { .jsonl(path: $0.path, name: $0.path) }
    }

    /// Whether `path` is a folder (an engine's output of part files, say), not a file.
    static func isFolder(_ path: String) -> Bool {
        var info = stat()
        return stat(FileName.system(path), &info) == 0 && info.st_mode & S_IFMT == S_IFDIR
    }

    private static func folderContents(_ folder: String) throws(WinnowError) -> [InputSpec] {
        var relativePaths: [String] = []
        var visited: Set<[UInt64]> = []
        try collect(folder, relative: "", into: &relativePaths, visited: &visited)
        // Bytewise order, so that the same folder is read in the same order on every machine: by the
        // names' own bytes, not their `FileName` spelling.
        relativePaths = relativePaths.map { (bytes: FileName.bytes($0), path: $0) }
            .sorted { $0.bytes.lexicographicallyPrecedes($1.bytes) }.map(\.path)
        let prefix = FileNameEnding.endsWith(folder, "/") ? folder : folder + "/"
        return relativePaths.map { relative in
            if FileNameEnding.hasSuffix(relative, in: htmlSuffixes) { return .html(path: prefix + relative, id: relative) }
            if FileNameEnding.hasSuffix(relative, in: ArchiveFormat.suffixes) {
                return .archive(path: prefix + relative, name: prefix + relative)
            }
            return .jsonl(path: prefix + relative, name: prefix + relative)
        }
    }

    /// Adds the input files below `folder` (hidden names skipped, linked folders followed once); a
    /// folder that cannot be listed is an error, never a silent gap in the corpus.
    private static func collect(
        _ folder: String, relative: String, into paths: inout [String],
        visited: inout Set<[UInt64]>
    ) throws(WinnowError) {
        var info = stat()
        guard stat(FileName.system(folder), &info) == 0, visited.insert([UInt64(info.st_dev), UInt64(info.st_ino)]).inserted else { return }
        for name in try names(in: folder) where !FileNameEnding.hasPrefix(name, ".") {
            let path = FileNameEnding.endsWith(folder, "/") ? folder + name : folder + "/" + name
            let entry = relative.isEmpty ? name : relative + "/" + name
            var entryInfo = stat()
            guard stat(FileName.system(path), &entryInfo) == 0 else {
                if isInputName(name) {
                    throw .io("cannot read input: \(String(cString: strerror(errno)))", path: path)
                }
                continue
            }
            let kind = entryInfo.st_mode & S_IFMT
            if kind == S_IFDIR {
                try collect(path, relative: entry, into: &paths, visited: &visited)
            } else if isInputName(name) {
                // A FIFO, socket or device would block the run or read without end: named on its own
                // it is read as asked, but a folder's inputs are files.
                guard kind == S_IFREG else {
                    throw .configuration(
                        "not a regular file (\(Self.kindName(kind))): a folder's inputs must be files; name it on its own to read it",
                        path: path)
                }
                paths.append(entry)
            }
        }
    }

    private static func kindName(_ kind: mode_t) -> String {
        switch kind {
        case S_IFIFO: "a FIFO"
        case S_IFSOCK: "a socket"
        case S_IFCHR: "a character device"
        case S_IFBLK: "a block device"
        default: "not a file"
        }
    }

    /// The names in `folder` as `FileName` writes them, so a name that is not UTF-8 is still found.
    private static func names(in folder: String) throws(WinnowError) -> [String] {
        func unlisted() -> WinnowError {
            .io(
                "cannot list the folder, so its files would be missing from the run (\(String(cString: strerror(errno))))",
                path: folder)
        }
        guard let directory = opendir(FileName.system(folder)) else { throw unlisted() }
        defer { closedir(directory) }
        var names: [String] = []
        while true {
            errno = 0
            guard let entry = readdir(directory) else { break }
            let raw = withUnsafeBytes(of: &entry.pointee.d_name) { Array($0.prefix { $0 != 0 }) }
            if raw != [UInt8(ascii: ".")] && raw != Array("..".utf8) { names.append(FileName.string(raw)) }
        }
        guard errno == 0 else { throw unlisted() }
        return names
    }

    /// Whether a file in an input folder is read: JSONL shards, HTML files, web archives, and the
    /// part files Spark and Hadoop write (`part-00000`, `part-r-00000.gz`), so an engine's output folder
    /// reads as it was written.
    private static func isInputName(_ name: String) -> Bool {
        FileNameEnding.hasSuffix(name, in: jsonlSuffixes + htmlSuffixes + ArchiveFormat.suffixes)
            || isPartFile(name)
    }

    /// A part file of an engine's output folder (`part-`, Hadoop's `r-` or `m-`, then five digits or
    /// more); its checksum files (`.crc`) are not.
    private static func isPartFile(_ name: String) -> Bool {
        guard FileNameEnding.hasPrefix(name, "part-"), !FileNameEnding.hasSuffix(name, in: [".crc"]) else { return false }
        var rest = name.utf8.dropFirst(5)
        if rest.starts(with: "r-".utf8) || rest.starts(with: "m-".utf8) { rest = rest.dropFirst(2) }
        return rest.prefix { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }.count >= 5
    }
}
