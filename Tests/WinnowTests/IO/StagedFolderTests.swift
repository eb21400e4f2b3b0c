import Foundation
import Glibc
import Testing
import WinnowTestSupport

@testable import Winnow

/// A report folder is replaced whole: nothing reaches the target before the commit, the commit swaps
/// the folders in one step, and files of the old folder that the new one lacks are kept.
@Suite struct StagedFolderTests {
    @Test func aNewFolderAppearsOnlyAtTheCommit() throws {
        let folder = TemporaryFolder()
        let target = folder.file("parent/report")
        let staged = try StagedFolder(target: target)
        #expect(staged.work.hasPrefix(folder.file("parent/.report.winnow-")))
        try "new".write(toFile: staged.work + "/a.txt", atomically: false, encoding: .utf8)
        #expect(!FileManager.default.fileExists(atPath: target))
        try staged.commit()
        #expect(folder.read("parent/report/a.txt") == "new")
        let parent = try FileManager.default.contentsOfDirectory(atPath: folder.file("parent"))
        #expect(parent == ["report"])
        #expect(!TemporaryFiles.shared.current.contains(staged.work))
    }

    @Test func theCommitReplacesFilesAndKeepsTheOthers() throws {
        let folder = TemporaryFolder()
        let target = folder.file("report")
        folder.write("report/report.json", "old")
        folder.write("report/notes.txt", "mine")
        folder.write("report/sub/kept.txt", "also mine")
        let staged = try StagedFolder(target: target)
        try "new".write(toFile: staged.work + "/report.json", atomically: false, encoding: .utf8)
        #expect(folder.read("report/report.json") == "old", "untouched before the commit")
        try staged.commit()
        #expect(folder.read("report/report.json") == "new")
        #expect(folder.read("report/notes.txt") == "mine")
        #expect(folder.read("report/sub/kept.txt") == "also mine")
        #expect(folder.listing().filter { $0.contains(".winnow-") }.isEmpty, "\(folder.listing())")
    }

    @Test func filesItReplacesAreNotCarriedOver() throws {
        let folder = TemporaryFolder()
        let target = folder.file("report")
        folder.write("report/templates.json", "an earlier run's")
        folder.write("report/clusters-step3.jsonl", "an earlier run's")
        folder.write("report/notes.txt", "mine")
        let staged = try StagedFolder(target: target, replacing: ReportFeed.isFed)
        try "new".write(toFile: staged.work + "/report.json", atomically: false, encoding: .utf8)
        try staged.commit()
        #expect(folder.read("report/templates.json") == nil && folder.read("report/clusters-step3.jsonl") == nil)
        #expect(folder.read("report/notes.txt") == "mine" && folder.read("report/report.json") == "new")
        let feed = ReportFeed(option: "summary", file: "templates.json")
        #expect(feed.names("templates.json") && feed.names("templates-step12.json"))
        #expect(!feed.names("templates-step.json") && !feed.names("templates-stepx.json") && !feed.names("my-templates.json"))
    }

    @Test func aLinkedFolderIsReplacedWhereItLeadsAndStaysALink() throws {
        let folder = TemporaryFolder()
        folder.write("data/reports/run/report.json", "old")
        folder.write("data/reports/run/notes.txt", "mine")
        let link = folder.file("run.report")
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: folder.file("data/reports/run"))
        let staged = try StagedFolder(target: link + "/")
        #expect(staged.work.hasPrefix(folder.file("data/reports/.run.winnow-")), "\(staged.work)")
        #expect(staged.work == StagedFolder.workFolder(for: link), "the pipeline's stages find the same work folder")
        try "new".write(toFile: staged.work + "/report.json", atomically: false, encoding: .utf8)
        try staged.commit()
        let destination = try FileManager.default.destinationOfSymbolicLink(atPath: link)
        #expect(destination == folder.file("data/reports/run"))
        #expect(folder.read("run.report/report.json") == "new")
        #expect(folder.read("data/reports/run/notes.txt") == "mine")
        let siblings = try FileManager.default.contentsOfDirectory(atPath: folder.file("data/reports"))
        #expect(siblings == ["run"])
    }

    @Test func aDiscardedFolderLeavesTheTargetAsItWas() throws {
        let folder = TemporaryFolder()
        folder.write("report/report.json", "old")
        do {
            let staged = try StagedFolder(target: folder.file("report"))
            try "new".write(toFile: staged.work + "/report.json", atomically: false, encoding: .utf8)
            #expect(staged.staged(folder.file("report/x.json")) == staged.work + "/x.json")
            #expect(staged.final(staged.work + "/x.json") == folder.file("report/x.json"))
            #expect(staged.staged(folder.file("reporter/x.json")) == folder.file("reporter/x.json"))
        }
        #expect(folder.read("report/report.json") == "old")
        #expect(folder.listing().filter { $0.contains(".winnow-") }.isEmpty, "\(folder.listing())")
    }

    @Test func aFileWhereTheFolderGoesIsRefused() throws {
        let folder = TemporaryFolder()
        folder.write("report", "a file")
        #expect { try StagedFolder(target: folder.file("report")) } throws: { "\($0)".contains("not a folder") }
        #expect(folder.read("report") == "a file")
    }

    /// A replaced folder keeps its permissions (a private 0700, a shared sticky 1777), as a replaced file does.
    @Test(arguments: [0o700, 0o1777, 0o750]) func theCommitKeepsTheFoldersMode(mode: Int) throws {
        let folder = TemporaryFolder()
        folder.write("report/report.json", "old")
        let target = folder.file("report")
        #expect(chmod(target, mode_t(mode)) == 0)
        let staged = try StagedFolder(target: target)
        try "new".write(toFile: staged.work + "/report.json", atomically: false, encoding: .utf8)
        try staged.commit()
        var info = stat()
        #expect(stat(target, &info) == 0)
        #expect(Int(info.st_mode & 0o7777) == mode)
        #expect(folder.read("report/report.json") == "new")
    }
}
