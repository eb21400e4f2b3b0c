import Foundation
import Glibc
import Synchronization
import Testing
import WinnowTestSupport

@testable import Winnow

/// What an interrupted run deletes, and when: never in the middle of a commit, and nothing left
/// behind in a folder the run goes on writing into.
@Suite struct TemporaryFilesTests {
    /// The deletion waits for the commit under way: the outputs of an interrupted run are all new or
    /// all as they were (a signal during the renames left some of each).
    @Test func anInterruptionWaitsForTheCommitUnderWay() throws {
        let folder = TemporaryFolder()
        let files = TemporaryFiles()
        folder.write(".out.tmp", "new")
        files.add(folder.file(".out.tmp"))
        let (temporary, final) = (folder.file(".out.tmp"), folder.file("out.jsonl"))
        let started = DispatchSemaphore(value: 0)
        let finished = Flag()
        let committer = Thread {
            try? files.committing { () throws(WinnowError) in
                started.signal()
                usleep(300_000)
                rename(temporary, final)
                files.remove(temporary)
                finished.set()
            }
        }
        committer.start()
        started.wait()
        files.removeAll()
        #expect(finished.isSet)
        #expect(folder.listing() == ["out.jsonl"])
    }

    /// A commit inside one under way still runs when an interruption comes meanwhile, so that the
    /// outer one finishes whole (it threw before, leaving the outer commit half done).
    @Test func aCommitInsideOneUnderWayRuns() {
        let files = TemporaryFiles()
        let started = DispatchSemaphore(value: 0)
        let removed = DispatchSemaphore(value: 0)
        let nestedRan = Flag()
        Thread {
            try? files.committing { () throws(WinnowError) in
                started.signal()
                usleep(200_000)
                try files.committing { () throws(WinnowError) in nestedRan.set() }
            }
        }.start()
        started.wait()
        Thread {
            files.removeAll()
            removed.signal()
        }.start()
        #expect(removed.wait(timeout: .now() + 10) == .success, "the deletion waited for a commit that never ended")
        #expect(nestedRan.isSet)
    }

    /// A registered folder is deleted whole while the run, not yet stopped, goes on creating files in it
    /// by path (a report being written when SIGTERM came left the folder behind, not empty).
    @Test func aFolderBeingWrittenIsDeletedWhole() throws {
        let folder = TemporaryFolder()
        let files = TemporaryFiles()
        let work = folder.file(".out.report.winnow-1.tmp")
        try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: false)
        files.add(work)
        let stop = Flag()
        let writer = Thread {
            var number = 0
            while !stop.isSet {
                _ = FileManager.default.createFile(atPath: work + "/part-\(number)", contents: Data("x".utf8))
                number += 1
            }
        }
        writer.start()
        usleep(50_000)
        files.removeAll()
        usleep(50_000)
        stop.set()
        #expect(folder.listing() == [])
    }

    /// A file registered after the deletion took its list is deleted at once (it was kept out of the
    /// list and left behind: `add` ignored that the deletion had begun).
    @Test func aFileRegisteredAfterTheDeletionIsDeletedAtOnce() {
        let folder = TemporaryFolder()
        let files = TemporaryFiles()
        files.removeAll()
        files.add(folder.write(".late.tmp", "x"))
        #expect(folder.listing() == [])
        #expect(files.current.isEmpty)
    }

    /// A file being made while the deletion starts is on its list: the deletion waits for it (an
    /// output opened just after the list was taken, and registered after it, was left behind).
    @Test func aFileBeingMadeWhenTheDeletionStartsIsDeleted() {
        let folder = TemporaryFolder()
        let files = TemporaryFiles()
        let started = DispatchSemaphore(value: 0)
        let made = folder.file(".made.tmp")
        Thread {
            try? files.creating { () throws(WinnowError) in
                started.signal()
                usleep(200_000)
                _ = FileManager.default.createFile(atPath: made, contents: Data("x".utf8))
                files.add(made)
            }
        }.start()
        started.wait()
        files.removeAll()
        #expect(folder.listing() == [])
    }

    /// Once the deletion has begun, an output is not made and a finished one not moved into place:
    /// both throw, and nothing is left.
    @Test func nothingIsMadeOrMovedOnceTheDeletionBegan() throws {
        let folder = TemporaryFolder()
        let files = TemporaryFiles()
        let finished = try OutputFile(path: folder.file("done.jsonl"), temporaryFiles: files)
        try finished.write(Array("line\n".utf8))
        files.removeAll()
        #expect(throws: WinnowError.self) { try OutputFile(path: folder.file("late.jsonl"), temporaryFiles: files) }
        #expect(throws: WinnowError.self) { try finished.commit() }
        #expect(folder.listing() == [])
    }

    /// A spool file moved into place stays registered under its new name, in the same step as the
    /// rename, so an interruption after it deletes the file (a spool file finished as the deletion
    /// began was left behind, or its rename failed with a bogus error).
    @Test func aSpoolFileMovedIntoPlaceIsStillTheRunsTemporaryFile() throws {
        let folder = TemporaryFolder()
        let files = TemporaryFiles()
        let spool = try OutputFile(path: folder.file("run.spool"), temporaryFiles: files)
        try spool.write(Array("record\n".utf8))
        try spool.commit(staysTemporary: true)
        #expect(files.current == [folder.file("run.spool")])
        #expect(folder.listing() == ["run.spool"])
        files.removeAll()
        #expect(folder.listing() == [])
    }

    /// An output committed for good is no longer the run's to delete.
    @Test func aCommittedOutputIsNoLongerRegistered() throws {
        let folder = TemporaryFolder()
        let files = TemporaryFiles()
        let output = try OutputFile(path: folder.file("out.jsonl"), temporaryFiles: files)
        #expect(files.current.count == 1)
        try output.commit()
        #expect(files.current.isEmpty)
        files.removeAll()
        #expect(folder.listing() == ["out.jsonl"])
    }
}

/// A flag one thread sets and another reads.
private final class Flag: Sendable {
    private let value = Atomic(false)
    var isSet: Bool { value.load(ordering: .sequentiallyConsistent) }
    func set() { value.store(true, ordering: .sequentiallyConsistent) }
}
