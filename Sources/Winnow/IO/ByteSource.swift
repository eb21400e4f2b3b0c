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
    /// The file's size at opening; nil for pipes and terminals.
    let size: Int?
    private var scratch: [UInt8] = []
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

    public func read(into buffer: inout [UInt8], maxCount requested: Int) throws(WinnowError) -> Int {
        guard let left = remaining else { return try readStream(into: &buffer, maxCount: requested) }
        // One byte past the known end, at least 4 KiB, so the end (or a file that grew) is still seen.
        let maxCount = min(requested, max(left + 1, 4096))
        let start = buffer.count
        buffer.reserveCapacity(start + maxCount)
        Self.appendZeros(maxCount, to: &buffer)
        let got = try buffer.withUnsafeMutableBufferPointer { storage throws(WinnowError) in
            try readOnce(into: storage.baseAddress! + start, maxCount)
        }
        buffer.removeLast(maxCount - got)
        remaining = max(0, left - got)
        return got
    }

    /// Zeros copied from a block of them: `append(contentsOf: repeatElement(0, count:))` is a loop a byte.
    private static let zeros = [UInt8](repeating: 0, count: 1 << 16)

    private static func appendZeros(_ count: Int, to buffer: inout [UInt8]) {
        var left = count
        while left > 0 {
            let step = min(left, zeros.count)
            buffer.append(contentsOf: zeros[..<step])
            left -= step
        }
    }

    /// A pipe or terminal gives what it holds (64 KiB for a default pipe) whatever is asked: the read
    /// lands in a scratch buffer and only what came is appended, instead of zero-filling the whole
    /// request each time (which tripled the cost of reading standard input).
    private func readStream(into buffer: inout [UInt8], maxCount: Int) throws(WinnowError) -> Int {
        if scratch.count < maxCount { scratch = [UInt8](repeating: 0, count: maxCount) }
        let got = try scratch.withUnsafeMutableBufferPointer { storage throws(WinnowError) in
            try readOnce(into: storage.baseAddress!, maxCount)
        }
        buffer.append(contentsOf: scratch[..<got])
        return got
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
