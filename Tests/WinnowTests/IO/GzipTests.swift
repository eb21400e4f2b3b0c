import Foundation
import Testing
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
}
