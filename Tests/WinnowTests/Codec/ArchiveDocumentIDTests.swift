import Testing
import WinnowTestSupport

@testable import Winnow

/// A document read from an archive takes its id from a header as it was written: a header that is not
/// UTF-8 would be repaired into an id that two records may share, so such a record is a reject.
@Suite struct ArchiveDocumentIDTests {
    /// Two conversion records whose target URIs differ only in a byte that is not UTF-8 (and a third
    /// whose URI is), with or without record ids.
    static func archive(withRecordIDs: Bool) -> [UInt8] {
        func record(_ number: Int, _ uriByte: [UInt8]) -> [UInt8] {
            let text = "the page numbered \(number)"
            let id = withRecordIDs ? "WARC-Record-ID: <urn:uuid:\(number)>\r\n" : ""
            return Array("WARC/1.0\r\nWARC-Type: conversion\r\n\(id)WARC-Target-URI: http://x.example/".utf8) + uriByte
                + Array("\r\nContent-Length: \(text.utf8.count)\r\n\r\n\(text)\r\n\r\n".utf8)
        }
        return record(1, [0xE9]) + record(2, [0xE8]) + record(3, Array("é".utf8))
    }

    @Test func aTargetURIThatIsNotUTF8IsNoDocumentsID() async throws {
        let folder = TemporaryFolder()
        let withIDs = folder.write("ids.warc.wet", Self.archive(withRecordIDs: true))
        let (_, kept, rejects) = try await ArchiveFixtures.clean([.archive(path: withIDs, name: "w")], identity: .url)
        #expect(kept.map { $0["id"] as? String } == ["http://x.example/é"])
        #expect(rejects.count == 2 && rejects.allSatisfy { $0["reason"] as? String == "invalid_utf8" })
        #expect((rejects.first?["message"] as? String)?.contains("its WARC-Target-URI is not UTF-8") == true, "\(rejects)")
        // Ids from the record ids, which are UTF-8: all three are documents.
        let (_, byRecordID, none) = try await ArchiveFixtures.clean([.archive(path: withIDs, name: "w")])
        #expect(byRecordID.count == 3 && none.isEmpty)
        // Without record ids the URI is the id whichever header is asked for.
        let withoutIDs = folder.write("noids.warc.wet", Self.archive(withRecordIDs: false))
        let (summary, fallback, refused) = try await ArchiveFixtures.clean([.archive(path: withoutIDs, name: "w")])
        #expect(fallback.map { $0["id"] as? String } == ["http://x.example/é"] && refused.count == 2)
        #expect(summary.records == 3 && summary.kept + summary.rejected == 3)
    }
}
