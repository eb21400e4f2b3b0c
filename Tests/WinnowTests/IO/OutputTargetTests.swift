import Foundation
import Glibc
import Testing
import WinnowTestSupport

@testable import Winnow

/// What an output path names, and the refusal of outputs that are inputs or each other.
@Suite struct OutputTargetTests {
    @Test func aFileMayBeWrittenOnlyInAFolderThatExists() throws {
        let folder = TemporaryFolder()
        try OutputTarget.requireFolder(role: "clusters", path: folder.file("new.jsonl"))
        try OutputTarget.requireFolder(role: "clusters", path: "/dev/null")
        try OutputTarget.requireFolder(role: "clusters", path: "-")
        #expect(throws: WinnowError.self) { try OutputTarget.requireFolder(role: "clusters", path: folder.file("no/new.jsonl")) }
        folder.write("file", "x")
        #expect(throws: WinnowError.self) { try OutputTarget.requireFolder(role: "clusters", path: folder.file("file/new.jsonl")) }
    }

    @Test func kindsOfTarget() throws {
        let folder = TemporaryFolder()
        let file = folder.write("out.jsonl", "old\n")
        #expect(try OutputTarget("-") == .standardOutput)
        #expect(try OutputTarget(file) == .file(file))
        #expect(try OutputTarget(folder.file("new.jsonl")) == .file(folder.file("new.jsonl")))
        #expect(try OutputTarget("/dev/null") == .stream("/dev/null"))
        #expect(mkfifo(folder.file("pipe"), 0o600) == 0)
        #expect(try OutputTarget(folder.file("pipe")) == .stream(folder.file("pipe")))
        #expect(throws: WinnowError.self) { try OutputTarget(folder.path) }
        // A link is followed: to an existing file, and to one not made yet.
        #expect(symlink(file, folder.file("link.jsonl")) == 0)
        #expect(try OutputTarget(folder.file("link.jsonl")) == .file(file))
        #expect(symlink("later.jsonl", folder.file("dangling.jsonl")) == 0)
        #expect(try OutputTarget(folder.file("dangling.jsonl")) == .file(folder.file("later.jsonl")))
        // No sibling outputs next to a device or a pipe.
        #expect(OutputTarget.sibling(of: "/dev/null", kind: "removed") == nil)
        #expect(OutputTarget.sibling(of: folder.file("pipe"), kind: "rejects") == nil)
        #expect(OutputTarget.sibling(of: file, kind: "removed") == folder.file("out.removed.jsonl"))
    }

    /// Writing through a link replaces the file it names and keeps the link; writing to /dev/null
    /// leaves it a device (it was replaced by a regular file before).
    @Test func linksAndDevicesAreNeverReplaced() throws {
        let folder = TemporaryFolder()
        let file = folder.write("target.jsonl", "old\n")
        #expect(symlink(file, folder.file("link.jsonl")) == 0)
        let output = try OutputFile(path: folder.file("link.jsonl"))
        try output.write(Array("new\n".utf8))
        try output.commit()
        #expect(folder.read("target.jsonl") == "new\n")
        var info = stat()
        #expect(lstat(folder.file("link.jsonl"), &info) == 0 && info.st_mode & S_IFMT == S_IFLNK)
        let null = try OutputFile(path: "/dev/null")
        try null.write(Array("discarded\n".utf8))
        try null.commit()
        #expect(stat("/dev/null", &info) == 0 && info.st_mode & S_IFMT == S_IFCHR)
    }

    /// `/dev/stdout`, `/dev/fd/N`: the descriptor itself, written to as it is. Resolved as links they
    /// reached the file behind a redirection (replaced it, so `>> all.jsonl` lost what it held) or a
    /// pipe's `pipe:[…]` (no file to create).
    @Test func aDescriptorPathIsWrittenThroughTheDescriptor() throws {
        let folder = TemporaryFolder()
        let file = folder.write("all.jsonl", "earlier\n")
        let held = open(file, O_WRONLY | O_APPEND)
        #expect(held > 2)
        defer { close(held) }
        #expect(try OutputTarget("/dev/stdout") == .descriptor(1))
        #expect(try OutputTarget("/proc/self/fd/\(held)") == .descriptor(held))
        #expect(try OutputTarget("/dev/fd/\(held)") == .descriptor(held))
        #expect(OutputTarget.sibling(of: "/dev/fd/\(held)", kind: "removed") == nil)
        for _ in 0..<2 {
            let output = try OutputFile(path: "/dev/fd/\(held)")
            try output.write(Array("shard\n".utf8))
            try output.commit()
        }
        #expect(folder.read("all.jsonl") == "earlier\nshard\nshard\n")
        #expect(fcntl(held, F_GETFD) >= 0, "the caller's descriptor stays open")
        // A pipe's descriptor too.
        var ends: [Int32] = [0, 0]
        #expect(pipe(&ends) == 0)
        defer { close(ends[0]) }
        // A closed descriptor, numbered high: tests running beside this one open the lowest free
        // numbers, and one of them could take a low number again before it is checked.
        let closed = fcntl(ends[1], F_DUPFD, 900)
        #expect(closed >= 900)
        close(closed)
        let piped = try OutputFile(path: "/dev/fd/\(ends[1])")
        try piped.write(Array("through\n".utf8))
        try piped.commit()
        close(ends[1])
        var buffer = [UInt8](repeating: 0, count: 64)
        #expect(String(decoding: buffer[..<read(ends[0], &buffer, 64)], as: UTF8.self) == "through\n")
        #expect(throws: WinnowError.self) { try OutputTarget("/dev/fd/\(closed)") }
        // A link to /dev/stdout is standard output too; standard error, a descriptor open for reading
        // only and one this process keeps for itself (close-on-exec) are refused before anything is read.
        #expect(symlink("/dev/stdout", folder.file("out.jsonl")) == 0)
        #expect(try OutputTarget(folder.file("out.jsonl")) == .descriptor(1))
        #expect(throws: WinnowError.self) { try OutputTarget("/dev/stderr") }
        let readOnly = open(file, O_RDONLY), ownOnly = open(file, O_WRONLY | O_CLOEXEC)
        defer {
            close(readOnly)
            close(ownOnly)
        }
        #expect(throws: WinnowError.self) { try OutputTarget("/dev/fd/\(readOnly)") }
        #expect(throws: WinnowError.self) { try OutputTarget("/dev/fd/\(ownOnly)") }
        // The file behind a redirection is still refused as an input's own output.
        #expect(throws: WinnowError.self) {
            try OutputTarget.requireDistinct(outputs: [("-o", "/dev/fd/\(held)")], inputs: [file])
        }
    }

    @Test func outputsMustNotBeInputsOrEachOther() throws {
        let folder = TemporaryFolder()
        let input = folder.write("in.jsonl", "{}\n")
        let other = folder.write("sub/other.jsonl", "{}\n")
        // The same file however it is spelled: relative parts, and a link to it.
        #expect(symlink(input, folder.file("alias.jsonl")) == 0)
        for spelling in [input, folder.path + "/sub/../in.jsonl", folder.file("alias.jsonl")] {
            #expect(throws: WinnowError.self) {
                try OutputTarget.requireDistinct(outputs: [("-o", spelling)], inputs: [input])
            }
        }
        // Two outputs that are one new file.
        #expect(throws: WinnowError.self) {
            try OutputTarget.requireDistinct(
                outputs: [
                    ("-o", folder.file("out.jsonl")),
                    ("--removed", folder.path + "/sub/../out.jsonl"),
                ], inputs: [input])
        }
        // Distinct files, standard output once and /dev/null twice are fine.
        try OutputTarget.requireDistinct(
            outputs: [("-o", folder.file("out.jsonl")), ("--removed", other + ".x"), ("--rejects", "-")], inputs: [input, other])
        try OutputTarget.requireDistinct(outputs: [("-o", "/dev/null"), ("--removed", "/dev/null")], inputs: [input])
        // Standard output twice, under any of its names, is one stream for two outputs (it took both before).
        for (first, second) in [("-", "-"), ("-", "/dev/stdout"), ("/dev/fd/1", "-"), ("/dev/stdout", "/proc/self/fd/1")] {
            #expect { try OutputTarget.requireDistinct(outputs: [("-o", first), ("--rejects", second)], inputs: []) } throws: {
                "\($0)".contains("--rejects \(second) and -o \(first) both write to standard output")
            }
        }
    }

    /// Two descriptors open on one pipe, or on one file, are one output twice; a descriptor and a
    /// name of the file it is open on too.
    @Test func descriptorsOnOneFileOrPipeAreOneOutput() throws {
        let folder = TemporaryFolder()
        let file = folder.write("all.jsonl", "")
        let held = open(file, O_WRONLY | O_APPEND), again = dup(held)
        var ends: [Int32] = [0, 0]
        #expect(pipe(&ends) == 0)
        let otherEnd = dup(ends[1])
        defer { for descriptor in [held, again, ends[0], ends[1], otherEnd] { close(descriptor) } }
        for (first, second) in [
            ("/dev/fd/\(held)", "/dev/fd/\(again)"), ("/dev/fd/\(held)", file), ("/dev/fd/\(ends[1])", "/dev/fd/\(otherEnd)"),
        ] {
            #expect { try OutputTarget.requireDistinct(outputs: [("-o", first), ("--removed", second)], inputs: []) } throws: {
                "\($0)".contains("--removed \(second) is also the -o \(first)")
            }
        }
        #expect {
            try OutputTarget.requireDistinct(outputs: [("-o", "/dev/fd/\(held)"), ("--removed", "/dev/fd/\(held)")], inputs: [])
        } throws: {
            "\($0)".contains("both write to descriptor \(held)")
        }
    }
}
