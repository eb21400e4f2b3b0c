/// Opens an input path as a byte stream, decompressing it when it starts with the gzip magic bytes
/// (whatever its name says); refuses one in a compression it does not read (`ForeignCompression`).
enum InputOpener {
    /// Whether a stream starting with `head` is gzip (its two magic bytes).
    static func isGzip(_ head: some Collection<UInt8>) -> Bool {
        head.starts(with: [0x1F, 0x8B])
    }

    /// `content` is what the input holds, which messages about its damage speak of.
    static func open(_ path: String, name: String, content: GzipContent = .records) throws(WinnowError) -> any ByteSource {
        let file = try FileByteSource(path: path)
        var head: [UInt8] = []
        while head.count < ForeignCompression.sniffBytes {
            if try file.read(into: &head, maxCount: 64 * 1024 - head.count) == 0 { break }
        }
        if content == .page {
            try ForeignCompression.refusePage(head, path: path)
        } else {
            try ForeignCompression.refuse(head, path: path)
        }
        let replay = ReplayByteSource(head: head, rest: file)
        if isGzip(head) {
            return try GzipByteSource(replay, displayName: name, content: content)
        }
        return replay
    }
}

/// Hands out bytes already read (to sniff the format) before the rest of the stream.
final class ReplayByteSource: ByteSource {
    private var head: [UInt8]
    private var headOffset = 0
    private let rest: any ByteSource

    init(head: [UInt8], rest: any ByteSource) {
        self.head = head
        self.rest = rest
    }

    func read(into buffer: inout [UInt8], maxCount: Int) throws(WinnowError) -> Int {
        if headOffset < head.count {
            let count = min(maxCount, head.count - headOffset)
            buffer.append(contentsOf: head[headOffset..<(headOffset + count)])
            headOffset += count
            if headOffset == head.count { head = []; headOffset = 0 }
            return count
        }
        return try rest.read(into: &buffer, maxCount: maxCount)
    }
}
