import CZlib

/// Streaming gzip compression of bytes handed in chunk by chunk.
final class GzipCompressor {
    private let stream: UnsafeMutablePointer<z_stream>
    private var output: [UInt8] = []

    init(level: Int32 = 6) throws(WinnowError) {
        stream = .allocate(capacity: 1)
        stream.initialize(to: z_stream())
        guard winnow_deflateInit2(stream, level, 15 + 16) == Z_OK else {
            stream.deallocate()
            throw .io("cannot initialise the gzip encoder")
        }
    }

    deinit {
        deflateEnd(stream)
        stream.deallocate()
    }

    /// Compresses `bytes` and returns what is ready to be written; `finish` ends the stream.
    func compress(_ bytes: [UInt8], finish: Bool = false) -> [UInt8] {
        output.removeAll(keepingCapacity: true)
        bytes.withUnsafeBufferPointer { inBytes in
            // zlib never writes through next_in; its C type is merely not const.
            stream.pointee.next_in = inBytes.baseAddress.map { UnsafeMutablePointer(mutating: $0) }
            stream.pointee.avail_in = UInt32(inBytes.count)
            while true {
                let start = output.count
                let room = max(64 * 1024, inBytes.count / 2)
                output.append(contentsOf: repeatElement(0, count: room))
                let status = output.withUnsafeMutableBufferPointer { outBytes in
                    stream.pointee.next_out = outBytes.baseAddress! + start
                    stream.pointee.avail_out = UInt32(room)
                    return deflate(stream, finish ? Z_FINISH : Z_NO_FLUSH)
                }
                let written = room - Int(stream.pointee.avail_out)
                output.removeLast(room - written)
                if finish ? status == Z_STREAM_END : stream.pointee.avail_in == 0 && stream.pointee.avail_out > 0 {
                    break
                }
            }
            stream.pointee.next_in = nil
            stream.pointee.next_out = nil
        }
        return output
    }
}
