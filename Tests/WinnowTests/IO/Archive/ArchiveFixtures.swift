import Foundation
import Testing
import WinnowTestSupport

@testable import Winnow

/// The web archives in Tests/WinnowTests/Fixtures/Archive (made by `scripts/make-warc fixtures`; their
/// README lists every record), and helpers to read them.
enum ArchiveFixtures {
    static func path(_ name: String) -> String { packageRoot + "/Tests/WinnowTests/Fixtures/Archive/" + name }

    static func bytes(_ name: String) -> [UInt8] {
        Array(FileManager.default.contents(atPath: path(name)) ?? Data())
    }

    /// Runs the clean stage over `inputs` and returns the summary with the cleaned, removed and rejected lines.
    static func clean(
        _ inputs: [InputSpec], maxRecordBytes: Int = 64 << 20,
        identity: ArchiveDocumentDecoder.Identity = .recordID
    ) async throws
        -> (summary: RunSummary, kept: [[String: Any]], rejects: [[String: Any]])
    {
        let folder = TemporaryFolder()
        let summary = try await runPipeline([CleanStage(options: CleanOptions())], inputs: inputs, output: folder.file("out.jsonl")) {
            $0.maxRecordBytes = maxRecordBytes
            $0.archiveDecoder.identity = identity
            $0.rejectsOutput = folder.file("rejects.jsonl")
            $0.removedOutput = folder.file("removed.jsonl")
        }
        return (summary, jsonLines(folder.read("out.jsonl") ?? ""), jsonLines(folder.read("rejects.jsonl") ?? ""))
    }

    /// The records one reader makes of an archive, as comparable text: kind, offset (`@member+inMember` for a
    /// record inside a gzip member), and block or message.
    /// `plainFile`: the source is a plain file the reader may also read ahead in (not standard input).
    static func records(
        of source: any ByteSource, isGzip: Bool, maxRecordBytes: Int = 1 << 20, plainFile: (any PositionalByteSource)? = nil
    ) throws -> [String] {
        let reader = WARCRecordReader(
            stream: try ArchiveByteStream(source: source, isGzip: isGzip, displayName: "a"),
            name: "a", maxRecordBytes: maxRecordBytes, plainFile: plainFile)
        return try records(from: reader)
    }

    /// The records `reader` makes, as `records(of:)` gives them.
    static func records(from reader: WARCRecordReader) throws -> [String] {
        var found: [String] = []
        var batch = RecordBatch()
        while try reader.fill(&batch, targetBytes: 1 << 20) {
            for record in batch.records {
                let what: String =
                    switch record.content {
                    case .archive(let archived):
                        "archive \(archived.kind) \(String(decoding: batch.storage[archived.block], as: UTF8.self))"
                    case .skipped(let reason): "skipped \(reason)"
                    case .damaged(let message): "damaged \(message)"
                    case .oversized(let length, _): "oversized \(length)"
                    case .unreadable(let message, _): "unreadable \(message)"
                    case .jsonLine, .jsonDocument, .htmlFile, .spooled: "not an archive record"
                    }
                found.append("\(record.origin.line) @\(record.offset)\(record.offsetInMember.map { "+\($0)" } ?? "") \(what)")
            }
            batch = RecordBatch()
        }
        return found
    }
}

/// Gzip members made by hand, in stored (uncompressed) deflate blocks: cheap enough to make by the
/// hundred thousand, and with each byte of the data in the member as it is.
enum StoredGzip {
    /// `bytes` as one gzip member whose one deflate block stores them (at most 65,535 bytes).
    static func member(_ bytes: [UInt8]) -> [UInt8] {
        precondition(bytes.count <= 0xFFFF, "a stored block holds at most 65,535 bytes")
        let length = UInt16(bytes.count)
        return [0x1F, 0x8B, 0x08, 0, 0, 0, 0, 0, 0, 0xFF, 0x01] + littleEndian(UInt32(length), count: 2)
            + littleEndian(UInt32(~length), count: 2) + bytes + littleEndian(crc32(bytes), count: 4)
            + littleEndian(UInt32(truncatingIfNeeded: bytes.count), count: 4)
    }

    /// `bytes` cut every `size` bytes, each piece a member of its own.
    static func members(_ bytes: [UInt8], every size: Int) -> [UInt8] {
        stride(from: 0, to: bytes.count, by: size).flatMap { member(Array(bytes[$0..<min($0 + size, bytes.count)])) }
    }

    private static func littleEndian(_ value: UInt32, count: Int) -> [UInt8] {
        (0..<count).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) }
    }

    private static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return ~crc
    }
}

/// Hands out its bytes a few at a time, to check that records do not depend on how reads split the input;
/// as a file, it can be read at any offset too. `onRead` runs before each read, for a test to look at
/// the reader while it works.
final class TrickleByteSource: ByteSource, PositionalByteSource {
    private let bytes: [UInt8]
    private var offset = 0
    private let step: Int
    var onRead: () -> Void = {}

    init(_ bytes: [UInt8], step: Int) {
        self.bytes = bytes
        self.step = step
    }

    func read(into buffer: inout [UInt8], maxCount: Int) throws(WinnowError) -> Int {
        onRead()
        let count = min(step, maxCount, bytes.count - offset)
        buffer.append(contentsOf: bytes[offset..<(offset + count)])
        offset += count
        return count
    }

    var size: Int? { bytes.count }

    func bytes(at start: Int, count: Int) -> [UInt8] {
        Array(bytes[min(start, bytes.count)..<min(start + count, bytes.count)])
    }
}
