import CZlib

/// A zlib inflate stream for gzip data, fed and drained in steps: what the streaming gzip readers
/// (`GzipByteSource`, `ArchiveByteStream`) share. The stream's memory lives and dies with the value.
final class ZlibInflater {
    private let stream: UnsafeMutablePointer<z_stream>

    /// A stream for gzip data (a 32 KiB window and a gzip, not zlib, wrapper); nil when zlib cannot
    /// make one.
    init?() {
        stream = .allocate(capacity: 1)
        stream.initialize(to: z_stream())
        guard winnow_inflateInit2(stream, 15 + 16) == Z_OK else {
            stream.deallocate()
            return nil
        }
    }

    deinit {
        inflateEnd(stream)
        stream.deallocate()
    }

    /// zlib's message for the last error, if it gave one.
    var message: String? { stream.pointee.msg.map { String(cString: $0) } }

    /// Starts over for the next gzip member.
    func reset() {
        inflateReset(stream)
    }

    /// Inflates from `input[position...]` into `buffer[offset..<offset + count]`: zlib's status, the
    /// input bytes consumed and the output bytes written.
    func step(
        _ input: inout [UInt8], from position: Int, into buffer: inout [UInt8], at offset: Int,
        count: Int
    ) -> (status: Int32, consumed: Int, written: Int) {
        let available = input.count - position
        return input.withUnsafeMutableBufferPointer { inBytes in
            buffer.withUnsafeMutableBufferPointer { outBytes in
                stream.pointee.next_in = inBytes.baseAddress.map { $0 + position }
                stream.pointee.avail_in = UInt32(available)
                stream.pointee.next_out = outBytes.baseAddress! + offset
                stream.pointee.avail_out = UInt32(count)
                let status = inflate(stream, Z_NO_FLUSH)
                let consumed = available - Int(stream.pointee.avail_in)
                let written = count - Int(stream.pointee.avail_out)
                stream.pointee.next_in = nil
                stream.pointee.next_out = nil
                return (status, consumed, written)
            }
        }
    }
}
