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

    /// A run with corpus stages removes the spool files of killed runs on this host, whole or half
    /// written, and leaves a live run's and another machine's.
    @Test func spoolFilesOfEndedRunsGo() async throws {
        let folder = TemporaryFolder()
        let host = TemporaryName.host
        let ended = try endedProcess()
        let stale = folder.write("winnow-spool-\(host)-\(ended)-0.jsonl", "0 1 0 {}\n")
        let half = folder.write(".winnow-spool-\(host)-\(ended)-1.jsonl.winnow-\(host)-\(ended)-3.tmp", "0 1")
        let live = folder.write("winnow-spool-\(host)-\(getppid())-0.jsonl", "0 1 0 {}\n")
        let elsewhere = folder.write("winnow-spool-\(host)x-\(ended)-0.jsonl", "0 1 0 {}\n")
        // Today's names, with the run's token: an ended process's go, a live one's stay.
        let staleRun = folder.write("winnow-spool-\(host)-\(ended)-77-1.spool", [1, 2])
        let liveRun = folder.write("winnow-spool-\(host)-\(getppid())-77-1.spool", [1, 2])
        let input = folder.write("in.jsonl", "{\"id\":\"a\",\"text\":\"one page\"}\n")
        var configuration = RunConfiguration(inputs: [.jsonl(path: input, name: "in")], output: folder.file("out.jsonl"))
        configuration.spoolDirectory = folder.path
        _ = try await PipelineRunner(
            name: "spool", steps: [.document(NormalizeStage(options: NormalizeOptions())), .corpus(ExactStage(options: ExactOptions()))],
            configuration: configuration
        ).run()
        #expect(!FileManager.default.fileExists(atPath: stale))
        #expect(!FileManager.default.fileExists(atPath: half))
        #expect(FileManager.default.fileExists(atPath: live))
        #expect(FileManager.default.fileExists(atPath: elsewhere))
        #expect(!FileManager.default.fileExists(atPath: staleRun))
        #expect(FileManager.default.fileExists(atPath: liveRun))
    }

    /// Inputs named like the leftovers of ended runs (a spool file, a folder of shards, an output's
    /// temporary sibling) are read, not deleted by the removal of leftovers; a true leftover still goes.
    @Test func inputsNamedLikeLeftoversAreReadNotDeleted() async throws {
        let folder = TemporaryFolder()
        let host = TemporaryName.host
        let ended = try endedProcess()
        let spoolNamed = folder.write("winnow-spool-\(host)-\(ended)-5-0.spool", "{\"id\":\"a\",\"text\":\"one page\"}\n")
        let shards = folder.file("winnow-spool-\(host)-\(ended)-6-0.spool")
        try FileManager.default.createDirectory(atPath: shards + "/shards", withIntermediateDirectories: true)
        let inFolder = folder.write("winnow-spool-\(host)-\(ended)-6-0.spool/shards/b.jsonl", "{\"id\":\"b\",\"text\":\"two\"}\n")
        let outputNamed = folder.write(".out.jsonl.winnow-\(host)-\(ended)-9.tmp", "{\"id\":\"c\",\"text\":\"three\"}\n")
        let leftover = folder.write("winnow-spool-\(host)-\(ended)-7-0.spool", [1, 2])
        var configuration = RunConfiguration(
            inputs: [spoolNamed, inFolder, outputNamed].map { .jsonl(path: $0, name: $0) }, output: folder.file("out.jsonl"))
        configuration.spoolDirectory = folder.path
        let summary = try await PipelineRunner(
            name: "named", steps: [.corpus(ExactStage(options: ExactOptions()))], configuration: configuration
        ).run()
        #expect(summary.kept == 3)
        for input in [spoolNamed, inFolder, outputNamed] {
            #expect(FileManager.default.fileExists(atPath: input), "\(input)")
        }
        #expect(!FileManager.default.fileExists(atPath: leftover))
    }
}
