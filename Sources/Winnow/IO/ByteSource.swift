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
    /// The error of the last read, kept here because `SpareCapacityRead` cannot throw it.
    private var failure: WinnowError?
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
        buffer.append(contentsOf: SpareCapacityRead(file: self, maxCount: maxCount))
        if let error = failure {
            failure = nil
            throw error
        }
        let got = buffer.count - start
        if let left = remaining { remaining = max(0, left - got) }
        return got
    }

    /// One `read(2)` into what `Array.append(contentsOf:)` offers past its count (its spare capacity):
    /// the array counts the bytes the call returned, and nothing is written twice. Bytes are trivial,
    /// so reading into that memory initializes it.
    private struct SpareCapacityRead: Sequence {
        let file: FileByteSource
        let maxCount: Int

        func makeIterator() -> EmptyCollection<UInt8>.Iterator { EmptyCollection().makeIterator() }

        func _copyContents(initializing spare: UnsafeMutableBufferPointer<UInt8>) -> (Iterator, Int) {
            guard let base = spare.baseAddress, !spare.isEmpty else { return (makeIterator(), 0) }
            do throws(WinnowError) {
                return (makeIterator(), try file.readOnce(into: base, Swift.min(spare.count, maxCount)))
            } catch {
                file.failure = error
                return (makeIterator(), 0)
            }
        }
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
