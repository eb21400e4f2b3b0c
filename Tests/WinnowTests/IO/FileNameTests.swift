import Glibc
import Testing
import WinnowTestSupport

@testable import Winnow

@Suite struct FileNameTests {
    /// Creates a file whose name is the raw bytes `name` in `folder`, holding `text`.
    static func create(_ name: [UInt8], in folder: TemporaryFolder, _ text: String) {
        let path = (Array(folder.path.utf8) + [UInt8(ascii: "/")] + name).map { CChar(bitPattern: $0) } + [0]
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        precondition(descriptor >= 0, "cannot create a test file")
        _ = Array(text.utf8).withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        close(descriptor)
    }

    static let names: [[UInt8]] = [
        Array("plain.jsonl".utf8), Array("café.jsonl".utf8), Array(#"a\b.jsonl"#.utf8),
        Array("caf".utf8) + [0xE9] + Array(".jsonl".utf8), Array(#"caf\xE9.jsonl"#.utf8),
        Array(#"caf\x5C.jsonl"#.utf8), Array(#"caf\"#.utf8) + [0xE9], [0xFF, 0xFE], [0xED, 0xA0, 0x80],
        [0xC3], Array(#"\xe9"#.utf8), [0xF0, 0x9F, 0x98, 0x80],
    ]

    @Test(arguments: names) func aNameReadsBackToItsBytes(_ raw: [UInt8]) {
        #expect(FileName.bytes(FileName.string(raw)) == raw)
    }

    @Test func distinctNamesAreDistinctStringsAndUTF8NamesAreThemselves() {
        #expect(Set(Self.names.map { FileName.string($0) }).count == Self.names.count)
        #expect(FileName.string(Array("caf".utf8) + [0xE9] + Array(".jsonl".utf8)) == #"caf\xE9.jsonl"#)
        #expect(FileName.string(Array(#"caf\xE9.jsonl"#.utf8)) == #"caf\x5CxE9.jsonl"#)
        for name in ["plain.jsonl", "café.jsonl", #"a\b.jsonl"#, #"\xe9"#, "😀"] {
            #expect(FileName.string(Array(name.utf8)) == name)
        }
    }

    /// An argument typed with `\xE9` is spelled `\x5CxE9` as a name, and read back as typed when it is
    /// text; only a name so spelled is reported as holding a backslash escape.
    @Test func anArgumentReadsBackAsTypedWhenItIsText() {
        #expect(FileName.text(#"k\x5CxE9"#) == #"k\xE9"#)
        #expect(FileName.text(#"caf\xE9"#) == #"caf\xE9"#, "not UTF-8: kept spelled")
        #expect(FileName.text("plain=1") == "plain=1")
        #expect(FileName.spellsABackslash(#"out\x5CxE9.jsonl"#))
        #expect(!FileName.spellsABackslash(#"out\xE9.jsonl"#) && !FileName.spellsABackslash("out.jsonl"))
    }

    /// A folder holding a name that is not UTF-8 is read whole, and each file's records name it apart.
    @Test func aFolderWithANameThatIsNotUTF8IsReadWhole() throws {
        let folder = TemporaryFolder()
        Self.create(Array("caf".utf8) + [0xE9] + Array(".jsonl".utf8), in: folder, "{\"id\":\"a\"}\n")
        Self.create(Array(#"caf\xE9.jsonl"#.utf8), in: folder, "{\"id\":\"b\"}\n")
        let inputs = try InputSpec.resolve([folder.path])
        #expect(inputs.map(\.path) == [folder.path + #"/caf\x5CxE9.jsonl"#, folder.path + #"/caf\xE9.jsonl"#])
        let reader = RecordReader(inputs: inputs, maxRecordBytes: 1 << 20)
        var lines: [String] = []
        while let batch = try reader.nextBatch() {
            for record in batch.records {
                guard case .jsonLine(let range) = record.content else { Issue.record("\(record.content)"); continue }
                lines.append(String(decoding: batch.storage[range], as: UTF8.self) + " " + record.origin.source)
            }
        }
        #expect(lines == [#"{"id":"b"} "# + inputs[0].path, #"{"id":"a"} "# + inputs[1].path])
        // Given directly, by the name the folder listing gives.
        #expect(try InputSpec.resolve([inputs[1].path]) == [.jsonl(path: inputs[1].path, name: inputs[1].path)])
    }
}
