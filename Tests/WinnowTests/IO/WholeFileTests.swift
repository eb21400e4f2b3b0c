import Testing
import WinnowTestSupport

@testable import Winnow

@Suite struct WholeFileTests {
    /// A file is read by its name's bytes: one whose name is not UTF-8 is found by its `\xHH`
    /// spelling (Foundation did not find it); one that cannot be opened says why.
    @Test func readsByTheNamesBytes() throws {
        let folder = TemporaryFolder()
        FileNameTests.create(Array("cross".utf8) + [0xE9] + Array(".txt".utf8), in: folder, "00000000000000ff\n")
        #expect(try WholeFile.read(folder.path + #"/cross\xE9.txt"#, limit: 100) == Array("00000000000000ff\n".utf8))
        #expect(try CrossSiteLinesFile.read(folder.path + #"/cross\xE9.txt"#) == [0xFF])
        let missing = #expect(throws: WinnowError.self) { try WholeFile.read(folder.file("missing.txt"), limit: 100) }
        #expect(missing?.message.contains("No such file or directory") == true)
    }

    /// A file is read to its limit and no further: one longer (a wrong name, a corpus) or a stream without
    /// end (`/dev/zero`) is refused, naming the limit, where memory ran out before.
    @Test func aFileOverItsLimitIsRefused() throws {
        let folder = TemporaryFolder()
        let path = folder.write("side.json", String(repeating: "x", count: 100))
        #expect(try WholeFile.read(path, limit: 100).count == 100)
        for (name, limit) in [(path, 99), ("/dev/zero", 3 << 20)] {
            let error = #expect(throws: WinnowError.self) { try WholeFile.read(name, limit: limit) }
            #expect(error?.path == name)
            #expect(
                error?.message.contains(limit == 99 ? "larger than 99 bytes" : "larger than 3 MiB") == true, "\(String(describing: error))")
        }
    }
}
