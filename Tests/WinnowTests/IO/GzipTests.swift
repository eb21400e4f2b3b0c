import Foundation
import Testing
import WinnowTestSupport

@testable import Winnow

@Suite struct GzipTests {
    private func readAll(_ path: String) throws -> [UInt8] {
        let source = try InputOpener.open(path, name: path)
        var bytes: [UInt8] = []
        while try source.read(into: &bytes, maxCount: 1000) > 0 {}
        return bytes
    }

    @Test func readsMultiMemberGzip() throws {
        let folder = TemporaryFolder()
        let first = Array(String(repeating: "first member line\n", count: 500).utf8)
        let second = Array("second member\n".utf8)
        let path = folder.write("multi.jsonl.gz", try gzipped(first) + gzipped(second))
        #expect(try readAll(path) == first + second)
    }

    @Test func detectsGzipByContentNotName() throws {
        let folder = TemporaryFolder()
        let payload = Array("{\"text\":\"x\"}\n".utf8)
        #expect(try readAll(folder.write("looks-plain.jsonl", try gzipped(payload))) == payload)
        #expect(try readAll(folder.write("plain.jsonl.gz", payload)) == payload)
    }

    @Test func truncatedGzipIsAnError() throws {
        let folder = TemporaryFolder()
        let compressed = try gzipped(Array(String(repeating: "some text to compress ", count: 2000).utf8))
        let path = folder.write("cut.gz", Array(compressed.prefix(compressed.count / 2)))
        #expect(throws: WinnowError.self) { try readAll(path) }
    }

    @Test func trailingGarbageIsAnError() throws {
        let folder = TemporaryFolder()
        let path = folder.write("junk.gz", try gzipped(Array("ok\n".utf8)) + Array("garbage".utf8))
        #expect(throws: WinnowError.self) { try readAll(path) }
    }

    @Test func compressorOutputReadsBackWithSystemGzip() throws {
        let folder = TemporaryFolder()
        let output = try OutputFile(path: folder.file("out.jsonl.gz"))
        let text = (0..<20_000).map { "{\"id\":\"\($0)\",\"text\":\"line \($0)\"}\n" }.joined()
        for chunk in stride(from: 0, to: text.utf8.count, by: 100_000) {
            let bytes = Array(text.utf8)
            try output.write(Array(bytes[chunk..<min(chunk + 100_000, bytes.count)]))
        }
        try output.commit()
        #expect(try gunzipped(folder.file("out.jsonl.gz")) == text)
    }

    /// Every record of a JSONL input as the run sees it: lines, and rejects with their message.
    private func records(_ path: String) throws -> (lines: [String], rejects: [(message: String, partial: String)]) {
        let reader = RecordReader(inputs: [.jsonl(path: path, name: path)], maxRecordBytes: 1 << 20)
        var lines: [String] = [], rejects: [(String, String)] = []
        while let batch = try reader.nextBatch() {
            for record in batch.records {
                switch record.content {
                case .jsonLine(let range): lines.append(String(decoding: batch.storage[range], as: UTF8.self))
                case .unreadable(let message, let partial):
                    rejects.append((message, String(decoding: batch.storage[partial], as: UTF8.self)))
                default: Issue.record("unexpected \(record.content)")
                }
            }
        }
        return (lines, rejects)
    }

    private var thousandLines: [String] { (0..<1000).map { "{\"id\":\"\($0)\",\"text\":\"record \($0) of a compressed file\"}" } }

    /// Bytes after the last gzip stream: every record before them is kept, and one reject says where
    /// the junk starts (the last megabyte of records became one reject before).
    @Test func junkAfterTheStreamKeepsEveryRecord() throws {
        let folder = TemporaryFolder()
        let compressed = try gzipped(Array((thousandLines.joined(separator: "\n") + "\n").utf8))
        let found = try records(folder.write("junk.jsonl.gz", compressed + Array("JUNKJUNK".utf8)))
        #expect(found.lines == thousandLines)
        #expect(found.rejects.count == 1)
        #expect(found.rejects.first?.message.contains("from compressed byte \(compressed.count)") == true)
    }

    /// A file cut inside its stream: the complete lines are records, the cut one is the reject.
    @Test func aTruncatedFileKeepsItsCompleteLines() throws {
        let folder = TemporaryFolder()
        let compressed = try gzipped(Array((thousandLines.joined(separator: "\n") + "\n").utf8))
        let found = try records(folder.write("cut.jsonl.gz", Array(compressed.prefix(compressed.count * 2 / 3))))
        #expect(found.lines.count > 300)
        #expect(found.lines == Array(thousandLines.prefix(found.lines.count)))
        #expect(found.rejects.count == 1)
        let reject = try #require(found.rejects.first)
        #expect(reject.message.contains("truncated") && reject.message.contains("compressed byte"))
        #expect(thousandLines[found.lines.count].hasPrefix(reject.partial))
    }

    /// A file cut only in its trailer (every line whole, the checksum missing): every line is a record,
    /// and the break is one more, at the line after the last, holding no line, since whether anything
    /// followed cannot be known; `records` counts it (README, the summary).
    @Test func aFileCutInItsTrailerKeepsEveryLineAndCountsTheBreak() throws {
        let folder = TemporaryFolder()
        let compressed = try gzipped(Array((thousandLines.joined(separator: "\n") + "\n").utf8))
        let path = folder.write("trailer.jsonl.gz", Array(compressed.dropLast(4)))
        let found = try records(path)
        #expect(found.lines == thousandLines)
        #expect(found.rejects.count == 1 && found.rejects.first?.partial == "")
        let reader = RecordReader(inputs: [.jsonl(path: path, name: "trailer.jsonl.gz")], maxRecordBytes: 1 << 20)
        var last: RawRecord?
        while let batch = try reader.nextBatch() { last = batch.records.last ?? last }
        #expect(last?.origin.line == 1001)
    }

    /// A failed checksum means records already handed out may be damaged: the read fails as a whole
    /// (a flipped byte let hundreds of damaged records through with exit 0 before).
    @Test(arguments: [-6, -900])
    func aFailedChecksumFailsTheRead(flipAt: Int) throws {
        let folder = TemporaryFolder()
        var compressed = try gzipped(Array((thousandLines.joined(separator: "\n") + "\n").utf8))
        compressed[compressed.count + flipAt] ^= 0x01
        let path = folder.write("flipped.jsonl.gz", compressed)
        #expect { try records(path) } throws: { ($0 as? WinnowError)?.kind == .damagedInput }
    }
}
