import Glibc
import Testing
import WinnowTestSupport

@testable import Winnow

@Suite struct OutputFileTests {
    @Test func nothingAppearsBeforeCommit() throws {
        let folder = TemporaryFolder()
        let output = try OutputFile(path: folder.file("out.jsonl"))
        try output.write(Array("partial\n".utf8))
        #expect(!folder.listing().contains("out.jsonl"))
        try output.commit()
        #expect(folder.listing() == ["out.jsonl"])
        #expect(folder.read("out.jsonl") == "partial\n")
    }

    @Test func abandonedOutputLeavesNoFile() throws {
        let folder = TemporaryFolder()
        folder.write("out.jsonl", "previous good output\n")
        do {
            let output = try OutputFile(path: folder.file("out.jsonl"))
            try output.write(Array(String(repeating: "x", count: 3 << 20).utf8))
        }
        #expect(folder.listing() == ["out.jsonl"])
        #expect(folder.read("out.jsonl") == "previous good output\n")
    }

    /// Small writes are buffered and large ones written where they are: the file keeps their order.
    @Test func smallAndLargeWritesKeepTheirOrder() throws {
        let folder = TemporaryFolder()
        let output = try OutputFile(path: folder.file("out.jsonl"))
        let pieces = [
            "a\n", String(repeating: "b", count: (1 << 20) + 3) + "\n", "c\n", "d\n", String(repeating: "e", count: 2 << 20) + "\n",
            "f\n", String(repeating: "g", count: 70_000) + "\n", "h\n",
        ]
        for piece in pieces { try output.write(Array(piece.utf8)) }
        try output.commit()
        #expect(folder.read("out.jsonl") == pieces.joined())
    }

    /// The temporary file renamed over an existing output takes that output's permission bits.
    @Test func replacedFileKeepsItsPermissions() throws {
        let folder = TemporaryFolder()
        let path = folder.write("private.jsonl", "old\n")
        #expect(chmod(path, 0o600) == 0)
        let output = try OutputFile(path: path)
        try output.write(Array("new\n".utf8))
        try output.commit()
        var info = stat()
        #expect(stat(path, &info) == 0)
        #expect(info.st_mode & 0o777 == 0o600)
        #expect(folder.read("private.jsonl") == "new\n")
    }

    @Test func unwritableFolderIsAClearError() {
        #expect(throws: WinnowError.self) { try OutputFile(path: "/nonexistent-folder/out.jsonl") }
    }
}
