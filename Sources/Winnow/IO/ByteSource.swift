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
    /// zero-fills only what the file can give, not the whole `maxCount` (a small page read 1 MB at a time).
    private var remaining: Int?
    /// The name used in messages: the path, or `-` for standard input.
    public let displayName: String

    /// Opens `path` for reading; `-` means standard input.
    public init(path: String) throws(WinnowError) {
        if path == "-" {
            descriptor = 0
            ownsDescriptor = false
        } else {
            let opened = open(path, O_RDONLY | O_CLOEXEC)
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
    }

    deinit {
        if ownsDescriptor { close(descriptor) }
    }

    public func read(into buffer: inout [UInt8], maxCount requested: Int) throws(WinnowError) -> Int {
        // One byte past the known end, at least 4 KiB, so the end (or a file that grew) is still seen.
        let maxCount = remaining.map { min(requested, max($0 + 1, 4096)) } ?? requested
        let start = buffer.count
        buffer.reserveCapacity(start + maxCount)
        var got = 0
        var failure: Int32 = 0
        buffer.append(contentsOf: repeatElement(0, count: maxCount))
        buffer.withUnsafeMutableBufferPointer { storage in
            while true {
                let result = Glibc.read(descriptor, storage.baseAddress! + start, maxCount)
                if result >= 0 {
                    got = result
                    return
                }
                if errno != EINTR {
                    failure = errno
                    return
                }
            }
        }
        buffer.removeLast(maxCount - got)
        if let left = remaining { remaining = max(0, left - got) }
        if failure != 0 {
            throw .io("read failed: \(String(cString: strerror(failure)))", path: displayName)
        }
        return got
    }
}
