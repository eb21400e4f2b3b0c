import Glibc

/// Something that hands out bytes in order: a file, standard input, or a decompressor over one of those.
public protocol ByteSource: AnyObject {
    /// Appends up to `maxCount` bytes to `buffer`; returns how many were appended, 0 at the end.
    func read(into buffer: inout [UInt8], maxCount: Int) throws(WinnowError) -> Int
}

/// Reads a file descriptor with plain `read(2)` calls; owns and closes the descriptor unless it is stdin.
public final class FileByteSource: ByteSource {
    private let descriptor: Int32
    private let ownsDescriptor: Bool
    /// Bytes left of a regular file by its size at opening (nil for pipes and terminals), so a read
    /// reserves only what the file can give, not the whole `maxCount` (a small page read 1 MB at a time).
    private var remaining: Int?
    /// The file's size at opening; nil for pipes and terminals.
    let size: Int?
    /// The name used in messages: the path, or `-` for standard input.
    public let displayName: String

    /// Opens `path` for reading; `-` means standard input.
    public init(path: String) throws(WinnowError) {
        if path == "-" {
            descriptor = 0
            ownsDescriptor = false
        } else {
            let opened = open(FileName.system(path), O_RDONLY | O_CLOEXEC)
            guard opened >= 0 else {
                throw .io("cannot open for reading: \(String(cString: strerror(errno)))", path: path)
            }
            descriptor = opened
            ownsDescriptor = true
        }
        displayName = path
        var status = stat()
        if fstat(descriptor, &status) == 0 && (status.st_mode & S_IFMT) == S_IFREG {
            remaining = Int(status.st_size)
        }
        size = remaining
    }

    deinit {
        if ownsDescriptor { close(descriptor) }
    }

    /// Reads straight into `buffer`'s spare capacity: zero-filling the request first, then trimming it,
    /// cost as much as the read's own copy; a pipe gives what it holds (64 KiB by default) whatever is asked.
    public func read(into buffer: inout [UInt8], maxCount requested: Int) throws(WinnowError) -> Int {
        // One byte past the known end, at least 4 KiB, so the end (or a file that grew) is still seen.
        let maxCount = remaining.map { min(requested, max($0 + 1, 4096)) } ?? requested
        guard maxCount > 0 else { return 0 }
        let start = buffer.count
        // Grown by doubling, as appending does: a batch read 1 MB at a time is not copied at every read.
        if buffer.capacity < start + maxCount { buffer.reserveCapacity(max(start + maxCount, 2 * buffer.capacity)) }
        try buffer.append(addingCapacity: maxCount) { (span: inout OutputSpan<UInt8>) throws(WinnowError) in
            try span.withUnsafeMutableBufferPointer { (spare, initialized) throws(WinnowError) in
                initialized += try readOnce(into: spare.baseAddress! + initialized, min(maxCount, spare.count - initialized))
            }
        }
        let got = buffer.count - start
        if let left = remaining { remaining = max(0, left - got) }
        return got
    }

    /// Up to `count` bytes from file offset `offset` (fewer at the end of the file), with `pread`: the
    /// reads in order go on where they were. For regular files (those with a `size`).
    func bytes(at offset: Int, count: Int) throws(WinnowError) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        var got = 0
        while got < count {
            let result = bytes.withUnsafeMutableBufferPointer {
                Glibc.pread(descriptor, $0.baseAddress! + got, count - got, off_t(offset + got))
            }
            if result == 0 { break }
            if result < 0 {
                if errno == EINTR { continue }
                throw .io("read failed: \(String(cString: strerror(errno)))", path: displayName)
            }
            got += result
        }
        bytes.removeLast(count - got)
        return bytes
    }

    private func readOnce(into pointer: UnsafeMutablePointer<UInt8>, _ count: Int) throws(WinnowError) -> Int {
        while true {
            let result = Glibc.read(descriptor, pointer, count)
            if result >= 0 { return result }
            if errno != EINTR {
                throw .io("read failed: \(String(cString: strerror(errno)))", path: displayName)
            }
        }
    }
}
