import Testing
import WinnowTestSupport

@testable import Winnow

@Suite struct WholeFileTests {
    /// A file is read by its name's bytes: one whose name is not UTF-8 is found by its `\xHH`
    /// spelling (Foundation did not find it); one that cannot be opened says why.
    @Test func readsByTheNamesBytes() throws {
        let folder = TemporaryFolder()
        FileNameTests.create(Array("cross".utf8) + [0xE9] + Array(".txt".utf8), in: folder, "00000000000000ff\n")
        #expect(try WholeFile.read(folder.path + #"/cross\xE9.txt"#) == Array("00000000000000ff\n".utf8))
        #expect(try CrossSiteLinesFile.read(folder.path + #"/cross\xE9.txt"#) == [0xFF])
        let missing = #expect(throws: WinnowError.self) { try WholeFile.read(folder.file("missing.txt")) }
        #expect(missing?.message.contains("No such file or directory") == true)
    }
}
