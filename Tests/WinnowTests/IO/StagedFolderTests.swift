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

    /// A sub-folder is moved into the new folder, not copied: it keeps its inode, so a process that
    /// goes on appending to a file in it after the commit writes into the new folder's file.
    @Test func aSubFolderKeepsItsInodeAndItsWriters() throws {
        let folder = TemporaryFolder()
        let target = folder.file("report")
        folder.write("report/logs/app.log", "before\n")
        let before = try Self.inode(folder.file("report/logs"))
        let log = try #require(FileHandle(forWritingAtPath: folder.file("report/logs/app.log")))
        defer { try? log.close() }
        try log.seekToEnd()
        let staged = try StagedFolder(target: target)
        try "new".write(toFile: staged.work + "/report.json", atomically: false, encoding: .utf8)
        try staged.commit()
        try log.write(contentsOf: Data("after\n".utf8))
        #expect(try Self.inode(folder.file("report/logs")) == before)
        #expect(folder.read("report/logs/app.log") == "before\nafter\n")
        #expect(folder.read("report/report.json") == "new")
        #expect(folder.listing().filter { $0.contains(".winnow-") }.isEmpty, "\(folder.listing())")
    }

    /// A large file in a sub-folder is not read at all: the same inode, whatever its size.
    @Test func aLargeFileInASubFolderIsNotCopied() throws {
        let folder = TemporaryFolder()
        let big = folder.write("report/data/big.bin", "")
        #expect(truncate(big, 200 << 20) == 0, "a sparse file of 200 MB")
        let before = try Self.inode(big)
        let staged = try StagedFolder(target: folder.file("report"))
        try staged.commit()
        #expect(try Self.inode(big) == before)
        var info = stat()
        #expect(stat(big, &info) == 0 && info.st_size == 200 << 20)
    }

    /// A FIFO, in a sub-folder or at the top, is carried over without being opened: opening one to
    /// copy it blocked the commit until a writer came, forever.
    @Test func aFIFOIsCarriedOverWithoutOpeningIt() throws {
        let folder = TemporaryFolder()
        folder.write("report/report.json", "old")
        try FileManager.default.createDirectory(atPath: folder.file("report/pipes"), withIntermediateDirectories: true)
        let fifos = [folder.file("report/pipes/in.fifo"), folder.file("report/top.fifo")]
        for fifo in fifos { #expect(mkfifo(fifo, 0o600) == 0) }
        let inodes = try fifos.map(Self.inode)
        // Were a FIFO opened, these writers would end the wait, so the test fails, not hangs.
        Thread.detachNewThread {
            Thread.sleep(forTimeInterval: 5)
            for fifo in fifos {
                let descriptor = open(fifo, O_WRONLY | O_NONBLOCK)
                if descriptor >= 0 { close(descriptor) }
            }
        }
        let clock = ContinuousClock.now
        let staged = try StagedFolder(target: folder.file("report"))
        try staged.commit()
        #expect(ContinuousClock.now - clock < .seconds(4), "the commit waited on a FIFO")
        #expect(try fifos.map(Self.inode) == inodes)
        for fifo in fifos { #expect(Self.kind(fifo) == S_IFIFO, "\(fifo)") }
    }

    /// A UNIX socket, in a sub-folder or at the top, is carried over: opening one to copy it failed the
    /// commit ("No such device or address").
    @Test func aSocketIsCarriedOver() throws {
        let folder = TemporaryFolder()
        folder.write("report/report.json", "old")
        try FileManager.default.createDirectory(atPath: folder.file("report/run"), withIntermediateDirectories: true)
        let sockets = [folder.file("report/run/control.sock"), folder.file("report/top.sock")]
        for socket in sockets { #expect(mknod(socket, S_IFSOCK | 0o600, 0) == 0) }
        let inodes = try sockets.map(Self.inode)
        let staged = try StagedFolder(target: folder.file("report"))
        try "new".write(toFile: staged.work + "/report.json", atomically: false, encoding: .utf8)
        try staged.commit()
        #expect(try sockets.map(Self.inode) == inodes)
        for socket in sockets { #expect(Self.kind(socket) == S_IFSOCK, "\(socket)") }
        #expect(folder.read("report/report.json") == "new")
    }

    /// Sub-folders that a run killed between moving them and the exchange left in its work folder are
    /// moved back by the next run before that folder is deleted as stale.
    @Test func subFoldersLeftInAKilledRunsWorkFolderAreMovedBack() throws {
        let folder = TemporaryFolder()
        folder.write("report/notes.txt", "mine")
        // No process has this id (above the kernel's limit).
        let stale = folder.file(TemporaryName.prefix(for: "report", process: 99_999_999) + ".tmp")
        folder.write(URL(fileURLWithPath: stale).lastPathComponent + "/logs/app.log", "carried")
        folder.write(URL(fileURLWithPath: stale).lastPathComponent + "/report.json", "a killed run's")
        let staged = try StagedFolder(target: folder.file("report"))
        #expect(!FileManager.default.fileExists(atPath: stale))
        #expect(folder.read("report/logs/app.log") == "carried", "back in place before anything is written")
        #expect(folder.read("report/report.json") == nil)
        staged.discard()
        #expect(folder.read("report/logs/app.log") == "carried" && folder.read("report/notes.txt") == "mine")
    }

    /// A sub-folder that cannot be moved fails the commit before the exchange, with the ones moved
    /// before it back in place and the target as it was. Here the name is one the longer work folder's
    /// path cannot hold (PATH_MAX); a mount point is the case met in use (tried by hand: it needs root).
    @Test func aSubFolderThatCannotBeMovedLeavesTheTargetAsItWas() throws {
        let folder = TemporaryFolder()
        var parent = folder.path
        while parent.utf8.count < 3_700 { parent += "/" + String(repeating: "p", count: 200) }
        let target = parent + "/r"
        let long = String(repeating: "b", count: 4_094 - target.utf8.count)
        try FileManager.default.createDirectory(atPath: target + "/a", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: target + "/" + long, withIntermediateDirectories: true)
        try "old".write(toFile: target + "/report.json", atomically: false, encoding: .utf8)
        let before = try Self.inode(target + "/a")
        let staged = try StagedFolder(target: target)
        try "new".write(toFile: staged.work + "/report.json", atomically: false, encoding: .utf8)
        #expect { try staged.commit() } throws: { error in
            "\(error)".contains("cannot carry the sub-folder '\(long)'") && "\(error)".contains("as it was")
        }
        #expect(try Self.inode(target + "/a") == before, "moved back")
        #expect(Self.kind(target + "/" + long) == S_IFDIR)
        #expect(try String(contentsOfFile: target + "/report.json", encoding: .utf8) == "old")
        staged.discard()
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent) == ["r"])
    }

    /// A report folder that is a mount point cannot be replaced by a folder made beside it: refused
    /// before anything is written.
    @Test func aMountPointIsRefused() throws {
        #expect(StagedFolder.isMountPoint("/proc"))
        #expect(!StagedFolder.isMountPoint(TemporaryFolder().path))
        #expect { try StagedFolder(target: "/proc") } throws: { "\($0)".contains("is a mount point") }
    }

    private static func inode(_ path: String) throws -> UInt {
        var info = stat()
        guard lstat(path, &info) == 0 else { throw POSIXError(.ENOENT) }
        return UInt(info.st_ino)
    }

    private static func kind(_ path: String) -> mode_t {
        var info = stat()
        return lstat(path, &info) == 0 ? info.st_mode & S_IFMT : 0
    }
}
