import Foundation
import Testing
import WinnowTestSupport

@testable import Winnow

/// How an input is told to be a web archive: by its first bytes after line breaks and empty gzip members,
/// by a gzip member a few stray bytes on, and by its name; JSONL stays JSONL.
@Suite struct ArchiveDetectionTests {
    private static func record(_ number: Int) -> [UInt8] {
        let text = "the page numbered \(number)"
        return Array(
            ("WARC/1.0\r\nWARC-Type: conversion\r\nWARC-Record-ID: <urn:r\(number)>\r\nWARC-Target-URI: https://example.org/\(number)\r\n"
                + "Content-Length: \(text.utf8.count)\r\n\r\n\(text)\r\n\r\n").utf8)
    }

    private static func members(_ numbers: ClosedRange<Int>) throws -> [UInt8] {
        try numbers.flatMap { try gzipped(record($0)) }
    }

    /// Stray bytes (a line, a line break, a first member whose magic bytes are damaged) before the first
    /// gzip member are one reject at offset 0 that says how many, and the members are read, whatever the
    /// input's name. Before, the file was read as a plain archive (or as JSONL): one reject for it all.
    @Test func strayBytesBeforeTheFirstMemberAreOneReject() async throws {
        let members = try Self.members(1...3)
        var badMagic = members
        badMagic[1] ^= 0xFF
        let firstMember = try gzipped(Self.record(1)).count
        let whole = try gzipped((1...3).flatMap(Self.record))
        let cases: [(bytes: [UInt8], garbage: Int, kept: Int)] = [
            (Array("junk\n".utf8) + members, 5, 3), (Array("\r\n".utf8) + members, 2, 3), (badMagic, firstMember, 2),
            (Array("junk\n".utf8) + whole, 5, 3),
        ]
        let folder = TemporaryFolder()
        for (number, (bytes, garbage, count)) in cases.enumerated() {
            for spec in [
                InputSpec.archive(path: folder.write("\(number).warc.gz", bytes), name: "a"),
                .jsonl(path: folder.write("\(number).jsonl", bytes), name: "j"),
            ] {
                let (summary, kept, rejects) = try await ArchiveFixtures.clean([spec])
                #expect(kept.count == count && summary.records == count + 1, "\(spec): \(rejects)")
                #expect(rejects.map { $0["offset"] as? Int } == [0], "\(spec)")
                #expect(
                    (rejects.first?["message"] as? String)?.hasPrefix(
                        "\(garbage) bytes at offset 0 are not gzip data (garbage before the first member)") == true, "\(spec): \(rejects)")
                #expect(kept.first?["warc_offset"] as? Int == garbage, "\(spec)")
            }
        }
    }

    /// An empty first gzip member, or line breaks before the first record or member, do not hide an
    /// archive whose name does not say so (standard input, a misnamed file). Before, such an archive was
    /// read as JSONL: a malformed_json reject a line.
    @Test func emptyMembersAndLineBreaksFirstStillTellAnArchive() async throws {
        let members = try Self.members(1...3)
        let plain = (1...3).flatMap(Self.record)
        let folder = TemporaryFolder()
        for (bytes, rejected) in [
            (try gzipped([]) + members, 0), (Array("\r\n".utf8) + plain, 0), (Array("\r\n\r\n".utf8) + members, 1),
            (try gzipped([]) + gzipped([]) + gzipped(Array("\r\n".utf8)) + members, 0),
        ] {
            let (summary, kept, rejects) = try await ArchiveFixtures.clean([.jsonl(path: folder.write("pages.jsonl", bytes), name: "p")])
            #expect(kept.count == 3 && summary.rejected == rejected && summary.records == 3 + rejected, "\(rejects)")
        }
    }

    /// JSONL, plain or gzip, stays JSONL, also when its first line is no JSON; a file named `.warc.gz` that
    /// is a plain archive after a stray line is read as one.
    @Test func jsonlStaysJSONLAndAMisnamedPlainArchiveIsPlain() async throws {
        let folder = TemporaryFolder()
        let lines = Array("not json\n{\"id\":\"a\",\"text\":\"the first text\"}\n".utf8)
        for bytes in [lines, try gzipped(lines), Array("\r\n{\"id\":\"a\",\"text\":\"the first text\"}\n".utf8)] {
            let (summary, kept, _) = try await ArchiveFixtures.clean([.jsonl(path: folder.write("l.jsonl", bytes), name: "l")])
            #expect(kept.map { $0["id"] as? String } == ["a"] && summary.skipped == 0, "\(summary.rejectedByReason)")
        }
        let plain = Array("junk\n".utf8) + (1...3).flatMap(Self.record)
        let (summary, kept, rejects) = try await ArchiveFixtures.clean([.archive(path: folder.write("p.warc.gz", plain), name: "p")])
        #expect(kept.count == 3 && summary.records == 4, "\(rejects)")
        #expect((rejects.first?["message"] as? String)?.contains("are not a WARC record (garbage between records)") == true)
    }

    /// JSON settles it at once, so that a slow pipe of JSONL is not waited on; stray bytes need the whole
    /// head (or the end), so that reads split anywhere tell alike.
    @Test func whatSettlesTheFormat() throws {
        func detect(_ text: String, ended: Bool = false) -> ArchiveFormat.Detection? {
            ArchiveFormat.detect(Array(text.utf8), ended: ended, namedArchive: false, namedGzip: false)
        }
        #expect(detect("{") == ArchiveFormat.Detection(isArchive: false, isGzip: false))
        #expect(detect("\u{FEFF} [") == ArchiveFormat.Detection(isArchive: false, isGzip: false))
        #expect(detect("\r\nWARC/1.1\r\n") == ArchiveFormat.Detection(isArchive: true, isGzip: false))
        #expect(detect("WARC/1.") == nil && detect("junk\nmore junk") == nil)
        #expect(detect("junk\nmore junk", ended: true) == ArchiveFormat.Detection(isArchive: false, isGzip: false))
        let junk = Array("junk\n".utf8) + (try gzipped(Self.record(1)))
        #expect(ArchiveFormat.detect(junk, ended: false, namedArchive: false, namedGzip: false) == nil)
        #expect(
            ArchiveFormat.detect(junk, ended: true, namedArchive: false, namedGzip: false)
                == ArchiveFormat.Detection(isArchive: true, isGzip: true))
    }
}
