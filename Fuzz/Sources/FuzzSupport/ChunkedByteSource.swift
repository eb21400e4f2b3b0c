import Winnow

/// Hands out bytes held in memory in chunks of varying size (as a pipe or a slow disk would), so that
/// readers meet every chunk boundary; it can fail at the end instead of reporting it.
public final class ChunkedByteSource: ByteSource {
    private let bytes: [UInt8]
    private var offset = 0
    private var chunkState: UInt32
    private let failsAtEnd: Bool
    /// Bytes handed out so far.
    public var delivered: Int { offset }

    /// `chunkSeed` 0 hands out as much as asked; any other value picks chunk sizes of 1 to 64 bytes.
    public init(_ bytes: [UInt8], chunkSeed: UInt8, failsAtEnd: Bool = false) {
        self.bytes = bytes
        chunkState = UInt32(chunkSeed)
        self.failsAtEnd = failsAtEnd
    }

    public func read(into buffer: inout [UInt8], maxCount: Int) throws(WinnowError) -> Int {
        guard offset < bytes.count else {
            if failsAtEnd { throw WinnowError(.io, "simulated read failure") }
            return 0
        }
        var count = min(maxCount, bytes.count - offset)
        if chunkState != 0 {
            chunkState = chunkState &* 1_103_515_245 &+ 12_345
            count = min(count, Int((chunkState >> 16) % 64) + 1)
        }
        buffer.append(contentsOf: bytes[offset..<(offset + count)])
        offset += count
        return count
    }
}
