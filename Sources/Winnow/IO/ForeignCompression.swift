import Glibc

/// A compression Winnow does not read (it reads gzip), told from an input's first bytes, so that such
/// an input is refused with how to feed it rather than read as text (every line an `invalid_utf8` reject).
enum ForeignCompression: String, CaseIterable {
    case zstd, bzip2, xz

    /// Bytes needed to tell them all: bzip2's "BZh", its block size and a block's magic number, and
    /// bytes after them, which text would not continue as compressed data does (`continuesAsText`).
    static let sniffBytes = 64

    /// The compression that bytes starting with `head` are in, if one of these.
    static func of(_ head: some Collection<UInt8>) -> ForeignCompression? {
        let head = Array(head.prefix(sniffBytes))
        if head.starts(with: [0x28, 0xB5, 0x2F, 0xFD]) { return .zstd }
        if head.starts(with: [0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00]) { return .xz }
        // "BZh", a block size digit, then a block (the digits of pi) or the end of the stream (of √pi),
        // as far as `head` holds them.
        guard head.count >= 5, head.starts(with: Array("BZh".utf8)), (0x31...0x39).contains(head[3]) else { return nil }
        let rest = head.dropFirst(4).prefix(6)
        let magics: [[UInt8]] = [[0x31, 0x41, 0x59, 0x26, 0x53, 0x59], [0x17, 0x72, 0x45, 0x38, 0x50, 0x90]]
        guard magics.contains(where: { $0.starts(with: rest) }) else { return nil }
        return continuesAsText(head.dropFirst(10)) ? nil : .bzip2
    }

    /// Whether the bytes after bzip2's magic read as text: a page that starts "BZh91AY&SY" goes on in
    /// words, where compressed data holds control bytes or bytes that are not UTF-8 within a few bytes.
    /// Nothing after the magic (a short head) is no text.
    private static func continuesAsText(_ bytes: ArraySlice<UInt8>) -> Bool {
        guard !bytes.isEmpty else { return false }
        let controls = bytes.contains { ($0 < 0x20 && ![0x09, 0x0A, 0x0C, 0x0D].contains($0)) || $0 == 0x7F }
        // A character cut by the end of the head is no sign of binary data.
        return !controls && (0...3).contains { String(validating: bytes.dropLast($0), as: UTF8.self) != nil }
    }

    /// Refuses an input whose first bytes, `head`, are in one of these compressions, in a run under way.
    static func refuse(_ head: some Collection<UInt8>, path: String) throws(WinnowError) {
        guard let compression = of(head) else { return }
        throw WinnowError(.configuration, stoppingRun: compression.problem(path), path: path == "-" ? nil : path)
    }

    /// Refuses, before anything is read, an input file (or standard input redirected from one) in one
    /// of these compressions. Pipes are not looked at, which would take bytes from them: their first
    /// bytes are checked when they are opened (`refuse(_:path:)`). An HTML file is one page, a reject
    /// when it is read (`refusePage`), not a reason to read no other.
    static func refuse(_ inputs: [InputSpec]) throws(WinnowError) {
        for input in inputs {
            if case .html = input { continue }
            guard let head = firstBytes(input.path), let compression = of(head) else { continue }
            throw .configuration(
                compression.problem(input.path) + " (nothing was read)", path: input.path == "-" ? nil : input.path)
        }
    }

    /// The first bytes of a regular file (of standard input's, from where it stands); nil for anything else.
    /// A FIFO is never opened: its writer would take this reader for the run's, and meet none once it closed.
    private static func firstBytes(_ path: String) -> [UInt8]? {
        var named = stat()
        guard path == "-" || (stat(FileName.system(path), &named) == 0 && named.st_mode & S_IFMT == S_IFREG) else { return nil }
        let descriptor = path == "-" ? 0 : open(FileName.system(path), O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else { return nil }
        defer { if path != "-" { close(descriptor) } }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        let offset = lseek(descriptor, 0, SEEK_CUR)
        guard offset >= 0 else { return nil }
        var bytes = [UInt8](repeating: 0, count: sniffBytes)
        let count = bytes.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, offset) }
        return count > 0 ? Array(bytes.prefix(count)) : nil
    }

    /// Refuses an HTML file whose first bytes, `head`, are in one of these compressions, with how to
    /// read the page: its error becomes the page's reject, and the run goes on.
    static func refusePage(_ head: some Collection<UInt8>, path: String) throws(WinnowError) {
        guard let compression = of(head) else { return }
        throw .configuration(
            "the page is \(compression.rawValue)-compressed, which winnow does not read (it reads plain and gzip pages): "
                + "decompress it into a file of its own, as in `\(compression.rawValue) -dc \(Self.quoted(path)) > PAGE.html`, "
                + "and give that file", path: path)
    }

    /// What is wrong with the input at `path` (`-`: standard input), and how to feed it.
    private func problem(_ path: String) -> String {
        let tool = "\(rawValue) -dc"
        guard path != "-" else {
            return "standard input is \(rawValue)-compressed, which winnow does not read (it reads plain and gzip "
                + "input): decompress it on its way in, as in `\(tool) FILE | winnow ... -`"
        }
        return "the input is \(rawValue)-compressed, which winnow does not read (it reads plain and gzip input): "
            + "give it decompressed on standard input, as in `\(tool) \(Self.quoted(path)) | winnow ... -`"
    }

    /// `path` as a shell reads it back: in single quotes unless it holds only plain characters.
    private static func quoted(_ path: String) -> String {
        let plain = path.utf8.allSatisfy { byte in
            (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
                || "._/+-,:@%=".utf8.contains(byte)
        }
        return plain ? path : "'" + path.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "'\\''") + "'"
    }
}
