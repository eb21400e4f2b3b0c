import Foundation
import Testing
import WinnowTestSupport

@testable import Winnow

/// A killed run's temporary siblings are removed by the next run that writes the same output, and
/// nothing of a live process or of another machine is touched.
@Suite struct TemporaryNameTests {
    /// The id of a process that has ended.
    func endedProcess() throws -> pid_t {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/true")
        try process.run()
        process.waitUntilExit()
        return process.processIdentifier
    }

    @Test func leftoversOfEndedProcessesGoAndOthersStay() throws {
        let folder = TemporaryFolder()
        let host = TemporaryName.host
        let stale = folder.write(".out.jsonl.winnow-\(host)-\(try endedProcess())-17.tmp", "half")
        let live = folder.write(".out.jsonl.winnow-\(host)-\(getppid())-18.tmp", "running")
        let elsewhere = folder.write(".out.jsonl.winnow-\(host)x-\(try endedProcess())-19.tmp", "other machine")
        let otherOutput = folder.write(".other.jsonl.winnow-\(host)-\(try endedProcess())-20.tmp", "not this output")
        let staleFolder = folder.file(".out.report.winnow-\(host)-\(try endedProcess()).tmp")
        try FileManager.default.createDirectory(atPath: staleFolder, withIntermediateDirectories: true)

        let output = try OutputFile(path: folder.file("out.jsonl"))
        try output.commit()
        let report = try StagedFolder(target: folder.file("out.report"))
        report.discard()

        #expect(!FileManager.default.fileExists(atPath: stale))
        #expect(!FileManager.default.fileExists(atPath: staleFolder))
        for kept in [live, elsewhere, otherOutput] {
            #expect(FileManager.default.fileExists(atPath: kept), "\(kept)")
        }
    }
}
