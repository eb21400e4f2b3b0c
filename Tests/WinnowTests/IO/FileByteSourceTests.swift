import Glibc
import Testing
import WinnowTestSupport

@testable import Winnow

@Suite struct FileByteSourceTests {
    /// Bytes that differ from their neighbours, so a read that lands in the wrong place shows.
    private static func pattern(_ count: Int) -> [UInt8] { (0..<count).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ $0 / 251) } }

    /// Reads until the end, in reads of at most `maxCount`, appending after what `buffer` held.
    private static func readAll(_ source: FileByteSource, into buffer: inout [UInt8], maxCount: Int) throws -> [Int] {
        var counts: [Int] = []
        while true {
            let got = try source.read(into: &buffer, maxCount: maxCount)
            counts.append(got)
            if got == 0 { return counts }
        }
    }

    /// A file is appended after what the buffer holds, each read at most what was asked, a few bytes
    /// or a whole file at a time; then reads give 0.
    @Test(arguments: [1, 4096, 65_536, 1 << 20])
    func readsAFileAfterWhatTheBufferHolds(maxCount: Int) throws {
        let folder = TemporaryFolder()
        let bytes = Self.pattern(300_001)
        let source = try FileByteSource(path: folder.write("file.bin", bytes))
        var buffer: [UInt8] = [1, 2, 3]
        let counts = try Self.readAll(source, into: &buffer, maxCount: maxCount)
        #expect(buffer == [1, 2, 3] + bytes)
        #expect(counts.allSatisfy { $0 <= maxCount })
        #expect(try source.read(into: &buffer, maxCount: maxCount) == 0)
        #expect(buffer.count == 3 + bytes.count)
    }

    /// Bytes read at an offset are the file's there (fewer at its end, none past it), and the reads in
    /// order go on where they were.
    @Test func readsAtAnOffsetApartFromTheReadsInOrder() throws {
        let folder = TemporaryFolder()
        let bytes = Self.pattern(10_000)
        let source = try FileByteSource(path: folder.write("file.bin", bytes))
        var buffer: [UInt8] = []
        #expect(try source.read(into: &buffer, maxCount: 100) == 100)
        #expect(try source.bytes(at: 5000, count: 13) == Array(bytes[5000..<5013]))
        #expect(try source.bytes(at: 9995, count: 13) == Array(bytes[9995...]))
        #expect(try source.bytes(at: 20_000, count: 13) == [])
        _ = try Self.readAll(source, into: &buffer, maxCount: 4096)
        #expect(buffer == bytes)
    }

    /// A pipe is read as it comes, with no size known.
    @Test func readsAPipe() throws {
        var ends: [Int32] = [0, 0]
        #expect(pipe(&ends) == 0)
        defer { close(ends[0]) }
        let bytes = Self.pattern(20_000)
        #expect(bytes.withUnsafeBytes { write(ends[1], $0.baseAddress, $0.count) } == bytes.count)
        close(ends[1])
        let source = try FileByteSource(path: "/proc/self/fd/\(ends[0])")
        #expect(source.size == nil)
        var buffer: [UInt8] = [9]
        _ = try Self.readAll(source, into: &buffer, maxCount: 1 << 20)
        #expect(buffer == [9] + bytes)
    }

    /// A read that fails throws, and leaves the buffer as it was.
    @Test func aFailedReadThrowsAndAppendsNothing() throws {
        let folder = TemporaryFolder()
        let source = try FileByteSource(path: folder.path)
        var buffer: [UInt8] = [4, 5]
        let error = #expect(throws: WinnowError.self) { try source.read(into: &buffer, maxCount: 4096) }
        #expect(error?.message.contains("read failed") == true)
        #expect(buffer == [4, 5])
    }
}
