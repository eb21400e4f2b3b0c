import Foundation
import Testing
import WinnowTestSupport

@testable import Winnow

/// The WARC and WET reader on the checked-in fixtures: documents, skips, rejects with offsets, and the
/// accounting equation `records = kept + removed + rejected + skipped` on each.
@Suite struct WARCRecordReaderTests {
    private func balanced(_ summary: RunSummary) -> Bool {
        summary.isBalanced && summary.records == summary.kept + summary.removed + summary.rejected + summary.skipped
    }

    @Test func responsesBecomeDocumentsAndTheRestIsCounted() async throws {
        let (summary, kept, rejects) = try await ArchiveFixtures.clean(
            [
                .archive(
                    path: ArchiveFixtures.path("good.warc.gz"),
                    name: "good.warc.gz")
            ], maxRecordBytes: 4096)
        #expect(
            kept.map { $0["url"] as? String }
                == ["plain", "chunked", "gzip", "deflate", "latin", "sniffed", "truncated"]
                .map { "https://news.example/" + $0 })
        #expect(
            kept.allSatisfy {
                ($0["text"] as? String ?? "").contains("The first paragraph of the story")
                    || $0["url"] as? String == "https://news.example/latin"
            })
        let latin = kept.first { $0["url"] as? String == "https://news.example/latin" }
        // The charset is only in the HTTP header: the clean stage reads it from content_type.
        #expect((latin?["text"] as? String)?.hasPrefix("Café crème brûlée — the menu today") == true)
        #expect(latin?["content_type"] as? String == "text/html; charset=windows-1252")
        #expect(kept.allSatisfy { ($0["id"] as? String)?.hasPrefix("<urn:uuid:") == true && $0["warc_date"] is String })
        #expect(kept.allSatisfy { $0["warc_file"] as? String == "good.warc.gz" && $0["html"] == nil })
        #expect(kept.map { $0["truncated"] as? String } == [nil, nil, nil, nil, nil, nil, "length"])
        #expect(kept.first { $0["url"] as? String == "https://news.example/sniffed" }?["content_type"] == nil)

        #expect(
            summary.skippedByReason == [
                "warcinfo": 1, "request": 12, "metadata": 1, "revisit": 1, "resource": 1,
                "not_html": 1, "http_4xx": 1, "http_3xx": 1,
            ])
        #expect(summary.rejectedByReason == ["unsupported_encoding": 1, "too_large": 1])
        #expect(rejects.map { $0["reason"] as? String } == ["unsupported_encoding", "too_large"])
        #expect((rejects.first?["message"] as? String)?.contains("Content-Encoding 'br'") == true)
        #expect(summary.records == 28 && summary.kept == 7 && summary.skipped == 19 && summary.rejected == 2)
        #expect(balanced(summary))
    }

    /// `warc_offset` is the compressed offset of the record's gzip member: gunzipping the file from
    /// there starts with that very record.
    @Test func offsetsFindTheRecordInTheFile() async throws {
        let (_, kept, _) = try await ArchiveFixtures.clean([.archive(path: ArchiveFixtures.path("good.warc.gz"), name: "g")])
        let file = ArchiveFixtures.bytes("good.warc.gz")
        let folder = TemporaryFolder()
        #expect(kept.count == 8)
        for document in kept {
            let offset = try #require(document["warc_offset"] as? Int)
            let member = folder.write("member.gz", Array(file[offset...]))
            let record = try gunzipped(member)
            #expect(record.hasPrefix("WARC/1.0\r\n"))
            #expect(record.prefix(1000).contains("WARC-Record-ID: \(document["id"] as? String ?? "?")"))
        }
    }

    @Test func urlAsTheIdOnRequest() async throws {
        let (_, kept, _) = try await ArchiveFixtures.clean(
            [.archive(path: ArchiveFixtures.path("good.warc.gz"), name: "g")],
            identity: .url)
        #expect(kept.allSatisfy { $0["id"] as? String == $0["url"] as? String })
    }

    @Test func damagedGzipArchiveKeepsEveryGoodRecord() async throws {
        let (summary, kept, rejects) = try await ArchiveFixtures.clean([
            .archive(
                path: ArchiveFixtures.path("damaged.warc.gz"),
                name: "damaged.warc.gz")
        ])
        #expect(
            kept.map { $0["url"] as? String } == ["first", "second", "third", "fourth", "fifth"].map { "https://damaged.example/" + $0 })
        #expect(rejects.allSatisfy { $0["reason"] as? String == "malformed_archive" && $0["source"] as? String == "damaged.warc.gz" })
        #expect(rejects.map { $0["offset"] as? Int } == [861, 1437, 2460, 3519])
        let messages = rejects.map { $0["message"] as? String ?? "" }
        #expect(messages[0].contains("not gzip data (garbage between members)"))
        #expect(messages[1].contains("gzip member at offset 1437 is corrupt"))
        #expect(messages[2].contains("does not end where its Content-Length 323 says"))
        #expect(messages[3].contains("runs into the next record at offset 4049"))
        #expect(summary.skippedByReason == ["warcinfo": 1])
        #expect(balanced(summary) && summary.records == 10)
    }

    @Test func damagedPlainArchiveResynchronises() async throws {
        let (summary, kept, rejects) = try await ArchiveFixtures.clean([
            .archive(
                path: ArchiveFixtures.path("damaged.warc"),
                name: "damaged.warc")
        ])
        #expect(kept.map { $0["url"] as? String } == ["first", "second", "third", "fourth"].map { "https://plain.example/" + $0 })
        let messages = rejects.map { $0["message"] as? String ?? "" }
        #expect(messages.count == 4)
        #expect(messages[0].contains("are not a WARC record (garbage between records)"))
        #expect(messages[1].contains("Content-Length 'twelve' is not a number"))
        #expect(messages[2].contains("does not end where its Content-Length"))
        #expect(messages[3].contains("the file ends 296 bytes short"))
        #expect(rejects.map { $0["offset"] as? Int } == [1209, 2035, 2883, 4465])
        #expect(balanced(summary) && summary.records == 9)
    }

    @Test func wetConversionRecordsBecomeTextDocuments() async throws {
        let (summary, kept, _) = try await ArchiveFixtures.clean([.archive(path: ArchiveFixtures.path("good.warc.wet.gz"), name: "w")])
        #expect(kept.map { $0["language"] as? String } == ["eng", "fra,eng", nil])
        #expect(kept[1]["text"] as? String == "Café crème\nLe menu du jour, avec une virgule, est servi tard.\n")
        #expect(kept.allSatisfy { ($0["id"] as? String)?.hasPrefix("<urn:uuid:") == true && $0["warc_date"] is String })
        #expect(summary.skippedByReason == ["warcinfo": 1] && summary.kept == 3 && balanced(summary))
    }

    /// A conversion block that is not valid UTF-8 is repaired (U+FFFD), as a string would be; a valid one is kept as it is.
    @Test func wetTextThatIsNotUTF8IsRepaired() async throws {
        let folder = TemporaryFolder()
        func record(_ id: String, _ block: [UInt8]) -> [UInt8] {
            Array(
                "WARC/1.0\r\nWARC-Type: conversion\r\nWARC-Record-ID: <urn:uuid:\(id)>\r\nWARC-Target-URI: https://example.org/\(id)\r\nContent-Type: text/plain\r\nContent-Length: \(block.count)\r\n\r\n"
                    .utf8) + block + Array("\r\n\r\n".utf8)
        }
        let path = folder.write(
            "latin.warc.wet", record("a", Array("caf".utf8) + [0xE9] + Array(" ok".utf8)) + record("b", Array("café ok".utf8)))
        let (summary, kept, _) = try await ArchiveFixtures.clean([.archive(path: path, name: "w")])
        #expect(kept.map { $0["text"] as? String } == ["caf\u{FFFD} ok", "café ok"])
        #expect(summary.kept == 2 && balanced(summary))
    }

    /// A record followed by garbage keeps its block, a record archived in it and all: the garbage is a
    /// reject of its own, and the archived record is not read as one of the file's.
    @Test func garbageAfterARecordIsRejectedOnItsOwn() async throws {
        let folder = TemporaryFolder()
        let block = Array(
            "An archived record follows.\r\n\r\nWARC/1.0\r\nWARC-Type: conversion\r\nContent-Length: 5\r\n\r\nhello\r\n\r\nThe end."
                .utf8)
        let header = Array(
            "WARC/1.0\r\nWARC-Type: conversion\r\nWARC-Record-ID: <urn:uuid:a>\r\nWARC-Target-URI: https://example.org/a\r\nContent-Type: text/plain\r\nContent-Length: \(block.count)\r\n\r\n"
                .utf8)
        let path = folder.write("tail.warc.wet", header + block + Array("\r\n\r\nnot a record".utf8))
        let (summary, kept, rejects) = try await ArchiveFixtures.clean([.archive(path: path, name: "w")])
        #expect(kept.map { $0["text"] as? String } == [String(decoding: block, as: UTF8.self)])
        #expect(rejects.map { $0["message"] as? String ?? "" }.allSatisfy { $0.contains("garbage between records") })
        #expect(summary.records == 2 && balanced(summary))
    }

    /// A gzip payload that breaks off is kept only from a record marked `WARC-Truncated` (which says so
    /// in `truncated`); unmarked, it is a `malformed_http` reject, not a page passed off as whole.
    @Test func aCutGzipPayloadIsKeptOnlyWhenTheRecordIsMarkedTruncated() async throws {
        let folder = TemporaryFolder()
        let page = Array(
            ("<html><body><article>" + String(repeating: "<p>The first paragraph of the story, with a comma, ends here.</p>", count: 40)
                + "</article></body></html>").utf8)
        let gzip = try gzipped(page)
        func record(_ id: String, _ body: [UInt8], marked: Bool) -> [UInt8] {
            let http =
                Array("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\nContent-Length: \(body.count)\r\n\r\n".utf8)
                + body
            return Array(
                ("WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:\(id)>\r\nWARC-Target-URI: https://example.org/\(id)\r\n"
                    + (marked ? "WARC-Truncated: length\r\n" : "") + "Content-Length: \(http.count)\r\n\r\n").utf8) + http
                + Array("\r\n\r\n".utf8)
        }
        let cut = Array(gzip.prefix(gzip.count / 2))
        let path = folder.write(
            "cut.warc", record("cut", cut, marked: false) + record("marked", cut, marked: true) + record("whole", gzip, marked: false))
        let (summary, kept, rejects) = try await ArchiveFixtures.clean([.archive(path: path, name: "w")])
        #expect(kept.map { $0["url"] as? String } == ["https://example.org/marked", "https://example.org/whole"])
        #expect(kept.map { $0["truncated"] as? String } == ["length", nil])
        #expect(rejects.map { $0["reason"] as? String } == ["malformed_http"])
        #expect((rejects.first?["message"] as? String)?.contains("gzip payload breaks off after") == true)
        #expect((rejects.first?["message"] as? String)?.contains("not marked WARC-Truncated") == true)
        #expect(summary.kept == 2 && summary.rejected == 1 && balanced(summary))
    }

    /// A chunked body that ends inside a chunk is cut as a gzip stream is: kept only when marked.
    @Test func aChunkedBodyCutInsideAChunkIsKeptOnlyWhenTheRecordIsMarkedTruncated() async throws {
        let folder = TemporaryFolder()
        let page =
            "<html><body><article>" + String(repeating: "<p>The first paragraph of the story ends here.</p>", count: 20)
            + "</article></body></html>"
        let size = String(page.utf8.count, radix: 16)
        func record(_ id: String, _ body: String, marked: Bool) -> [UInt8] {
            let http = Array("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n\(body)".utf8)
            return Array(
                ("WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:\(id)>\r\nWARC-Target-URI: https://example.org/\(id)\r\n"
                    + (marked ? "WARC-Truncated: length\r\n" : "") + "Content-Length: \(http.count)\r\n\r\n").utf8) + http
                + Array("\r\n\r\n".utf8)
        }
        let cut = "\(size)\r\n" + page.prefix(page.utf8.count / 2)
        let path = folder.write(
            "cut.warc",
            record("cut", cut, marked: false) + record("marked", cut, marked: true)
                + record("whole", "\(size)\r\n\(page)\r\n0\r\n\r\n", marked: false)
                + record("unterminated", "\(size)\r\n\(page)\r\n", marked: false))
        let (summary, kept, rejects) = try await ArchiveFixtures.clean([.archive(path: path, name: "w")])
        #expect(
            kept.map { $0["url"] as? String } == [
                "https://example.org/marked", "https://example.org/whole", "https://example.org/unterminated",
            ])
        #expect(rejects.map { $0["reason"] as? String } == ["malformed_http"])
        #expect((rejects.first?["message"] as? String)?.contains("chunked payload breaks off inside a chunk") == true)
        #expect(summary.kept == 3 && summary.rejected == 1 && balanced(summary))
    }

    /// Plain, gzip per record, gzip as a whole: the same documents (offsets aside).
    @Test func everyCompressionGivesTheSameDocuments() async throws {
        let folder = TemporaryFolder()
        let perRecord = ArchiveFixtures.path("good.warc.gz")
        let plain = try gunzippedBytes(perRecord)
        let plainPath = folder.write("plain.warc", plain)
        let wholePath = folder.write("whole.warc.gz", try gzipped(plain))
        func texts(_ path: String) async throws -> [String] {
            try await ArchiveFixtures.clean([.archive(path: path, name: "x")]).kept.map { "\($0["id"] ?? "") \($0["text"] ?? "")" }
        }
        let reference = try await texts(perRecord)
        #expect(reference.count == 8)
        #expect(try await texts(plainPath) == reference)
        #expect(try await texts(wholePath) == reference)
    }

    /// Reads split anywhere give the same records (the NIO verifier's idea: byte by byte and all at once).
    @Test(arguments: ["good.warc.gz", "damaged.warc.gz", "damaged.warc", "good.warc.wet.gz"])
    func recordsDoNotDependOnReadSizes(name: String) throws {
        let bytes = ArchiveFixtures.bytes(name)
        let isGzip = name.hasSuffix(".gz")
        let reference = try ArchiveFixtures.records(of: TrickleByteSource(bytes, step: bytes.count), isGzip: isGzip)
        #expect(reference.count > 3)
        for step in [1, 7, 4096] {
            #expect(try ArchiveFixtures.records(of: TrickleByteSource(bytes, step: step), isGzip: isGzip) == reference)
        }
    }

    /// One or two bytes after the last member, too few to hold gzip's magic, are garbage reported at
    /// their offset (the fuzz target `warc` found them read past the end of the input).
    @Test(arguments: [[0x1F], [0x1F, 0x8B], [0x00, 0x00]] as [[UInt8]])
    func aFewBytesAfterTheLastMemberAreReportedNotReadPast(tail: [UInt8]) throws {
        let bytes = ArchiveFixtures.bytes("good.warc.gz")
        let reference = try ArchiveFixtures.records(of: TrickleByteSource(bytes, step: bytes.count), isGzip: true)
        for step in [1, 2, bytes.count + tail.count] {
            let records = try ArchiveFixtures.records(of: TrickleByteSource(bytes + tail, step: step), isGzip: true)
            #expect(Array(records.dropLast()) == reference, "step \(step)")
            #expect(
                records.last?.contains("@\(bytes.count) damaged \(tail.count) bytes at offset \(bytes.count) are not gzip data") == true)
        }
    }

    /// A record over the limit streams past (only its length is kept) and the next one is read.
    @Test func oversizedRecordsStreamPast() throws {
        let page = "<html><body><p>" + String(repeating: "big ", count: 300_000) + "</p></body></html>"
        let http = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: \(page.utf8.count)\r\n\r\n" + page
        let small = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>small</p>"
        func record(_ type: String, _ block: String) -> String {
            "WARC/1.1\r\nWARC-Type: \(type)\r\nWARC-Record-ID: <urn:x:\(type)>\r\nContent-Length: \(block.utf8.count)\r\n\r\n" + block
                + "\r\n\r\n"
        }
        let archive = record("response", http) + record("resource", String(repeating: "r", count: 2_000_000)) + record("response", small)
        let found = try ArchiveFixtures.records(
            of: TrickleByteSource(Array(archive.utf8), step: 65536), isGzip: false,
            maxRecordBytes: 100_000)
        #expect(found.count == 3)
        #expect(found[0] == "1 @0 oversized \(http.utf8.count)")
        #expect(found[1].hasPrefix("2 @") && found[1].hasSuffix("skipped resource"))
        #expect(found[2].hasSuffix("archive response \(small)"))
    }

    @Test func archivesAreFoundByNameAndByContent() async throws {
        let folder = TemporaryFolder()
        folder.write("crawl/a.warc.gz", ArchiveFixtures.bytes("good.warc.gz"))
        folder.write("crawl/b.warc.wet.gz", ArchiveFixtures.bytes("good.warc.wet.gz"))
        folder.write("crawl/c.jsonl", "{\"id\":\"j\",\"text\":\"plain JSONL beside them\"}\n")
        let specs = try InputSpec.resolve([folder.file("crawl")])
        #expect(
            specs == [
                .archive(path: folder.file("crawl/a.warc.gz"), name: folder.file("crawl/a.warc.gz")),
                .archive(path: folder.file("crawl/b.warc.wet.gz"), name: folder.file("crawl/b.warc.wet.gz")),
                .jsonl(path: folder.file("crawl/c.jsonl"), name: folder.file("crawl/c.jsonl")),
            ])
        #expect(try await ArchiveFixtures.clean(specs).kept.count == 8 + 3 + 1)
        // A misnamed archive is told by its first bytes.
        let misnamed = folder.write("pages.jsonl", ArchiveFixtures.bytes("good.warc.gz"))
        let (summary, kept, _) = try await ArchiveFixtures.clean([.jsonl(path: misnamed, name: "pages.jsonl")])
        #expect(kept.count == 8 && summary.skipped == 19)
    }

    @Test func withoutACleanStageHTMLPagesAreRejectedSaying() async throws {
        let folder = TemporaryFolder()
        let summary = try await runPipeline(
            [], inputs: [.archive(path: ArchiveFixtures.path("good.warc.gz"), name: "g")],
            output: folder.file("out.jsonl")
        ) { $0.rejectsOutput = folder.file("r.jsonl") }
        #expect(summary.rejectedByReason["missing_text"] == 8)
        #expect(summary.isBalanced && summary.skipped == 19)
    }

    @Test func aSummaryWithoutSkippedCountsStillLoads() throws {
        var summary = RunSummary(pipeline: "p")
        summary.records = 3
        summary.kept = 3
        let encoded = try JSONEncoder().encode(summary)
        var object = try JSONSerialization.jsonObject(with: encoded) as! [String: Any]
        object.removeValue(forKey: "skipped")
        object.removeValue(forKey: "skipped_by_reason")
        let decoded = try JSONDecoder().decode(RunSummary.self, from: JSONSerialization.data(withJSONObject: object))
        #expect(decoded == summary && decoded.isBalanced)
    }
}

extension WARCRecordReaderTests {
    /// A gzip member too large for the whole-member fast path (over 16 MiB) streams through zlib, with
    /// the same records as the plain file.
    @Test func aHugeGzipMemberStreams() throws {
        let filler = String(repeating: " ", count: 17 << 20)
        let small = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>after the big one</p>"
        func record(_ type: String, _ block: String) -> String {
            "WARC/1.0\r\nWARC-Type: \(type)\r\nContent-Length: \(block.utf8.count)\r\n\r\n" + block + "\r\n\r\n"
        }
        let plain = Array((record("resource", filler) + record("response", small)).utf8)
        let compressed = try gzipped(plain)
        let fromGzip = try ArchiveFixtures.records(of: TrickleByteSource(compressed, step: 1 << 20), isGzip: true)
        let fromPlain = try ArchiveFixtures.records(of: TrickleByteSource(plain, step: 1 << 20), isGzip: false)
        // One member for the whole file: the second record lies inside it.
        #expect(fromGzip == fromPlain.map { $0.replacingOccurrences(of: "2 @", with: "2 @0+") })
        #expect(fromGzip.count == 2 && fromGzip[1].hasSuffix("archive response \(small)"))
    }
}

extension WARCRecordReaderTests {
    /// The records of `archive` read `step` bytes at a time, each with its numbers as `#`, runs of the same counted.
    private func runs(_ archive: String, step: Int) throws -> [String] {
        let found = try ArchiveFixtures.records(of: TrickleByteSource(Array(archive.utf8), step: step), isGzip: false)
        var runs: [(count: Int, text: String)] = []
        for record in found {
            let text = String(record.map { $0.isNumber ? "#" : $0 }).replacingOccurrences(of: "#+", with: "#", options: .regularExpression)
            if runs.last?.text == text { runs[runs.count - 1].count += 1 } else { runs.append((1, text)) }
        }
        return runs.map { "\($0.count)x \($0.text)" }
    }

    /// Version lines with no empty line after them: each is a record whose header runs into the next
    /// line, one reject each, however the bytes are read (read at once, each line's header ran on to the
    /// next record's empty line, one rescan per line: quadratic time).
    @Test func versionLinesWithoutAHeaderEndAreOneRejectEach() throws {
        let page = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>kept</p>"
        let record = "WARC/1.0\r\nWARC-Type: response\r\nContent-Length: \(page.utf8.count)\r\n\r\n" + page + "\r\n\r\n"
        let lines = { (count: Int) in String(repeating: "WARC/1.0\r\n", count: count) }
        let archive = record + lines(3) + record + lines(7000) + record + lines(5)
        let kept = "# @# archive response HTTP/#.# # OK\r\nContent-Type: text/html\r\n\r\n<p>kept</p>"
        let runsInto = "# @# damaged the record at offset # runs into the next record at offset # (its header has no end)"
        let cutByEnd = "# @# damaged the WARC header at offset # breaks off at the end of the file"
        let expected = [
            "1x " + kept, "3x " + runsInto, "1x " + kept, "7000x " + runsInto, "1x " + kept, "4x " + runsInto, "1x " + cutByEnd,
        ]
        for step in [4096, archive.utf8.count] {
            #expect(try runs(archive, step: step) == expected, "\(step)")
        }
        let found = try ArchiveFixtures.records(of: TrickleByteSource(Array(archive.utf8), step: 4096), isGzip: false)
        #expect(
            found[390] == "391 @4104 damaged the record at offset 4104 runs into the next record at offset 4114 (its header has no end)")
    }
}

extension WARCRecordReaderTests {
    /// A record a gzip member, ended by the empty line (CRLF CRLF), by LF LF as sloppy writers end it,
    /// by one line break, or by nothing: the next member starts the next record, so each block ends
    /// where its Content-Length says and every record is read. In a plain file a short trailer before the
    /// next record is no such edge (a wrong length could end there inside a record it took in): those
    /// two records are rejects, and the reader finds the next record after their headers.
    @Test func recordsInTheirOwnGzipMembersEndWithAnyLineBreaks() throws {
        let trailers = ["\r\n\r\n", "\n\n", "\r\n", "\n", ""]
        let blocks = trailers.indices.map(ResponseRecord.pageBlock)
        let records = trailers.indices.map { ResponseRecord.page($0, trailer: trailers[$0]) }
        let members = try records.flatMap(gzipped)
        let found = try ArchiveFixtures.records(of: TrickleByteSource(members, step: 7), isGzip: true)
        #expect(found.count == trailers.count, "\(found)")
        for (number, text) in found.enumerated() {
            #expect(text.hasPrefix("\(number + 1) @") && text.hasSuffix("archive response " + blocks[number]), "\(text)")
        }
        let plain = Array(records.joined())
        let fromPlain = try ArchiveFixtures.records(of: TrickleByteSource(plain, step: 7), isGzip: false)
        #expect(fromPlain.count == trailers.count, "\(fromPlain)")
        for (number, text) in fromPlain.enumerated() {
            let expected = [2, 3].contains(number) ? "does not end where its Content-Length" : "archive response " + blocks[number]
            #expect(text.contains(expected), "\(text)")
        }
    }
}

extension WARCRecordReaderTests {
    /// A Content-Length over the limit that runs past the end of a plain file is wrong at its header:
    /// the records after it are read (streamed past, they were lost, with one reject for all of them).
    @Test func aClaimPastThePlainFilesEndLosesNoRecordAfterIt() async throws {
        let folder = TemporaryFolder()
        func record(_ id: String, _ text: String, claiming length: Int? = nil) -> String {
            "WARC/1.0\r\nWARC-Type: conversion\r\nWARC-Record-ID: <urn:uuid:\(id)>\r\nWARC-Target-URI: https://example.org/\(id)\r\n"
                + "Content-Type: text/plain\r\nContent-Length: \(length ?? text.utf8.count)\r\n\r\n\(text)\r\n\r\n"
        }
        let archive =
            record("a", "the first page") + record("b", "a page whose length is wrong", claiming: 9_000_000)
            + record("c", "the third page") + record("d", "the fourth page")
        let path = folder.write("wrong.warc.wet", Array(archive.utf8))
        let (summary, kept, rejects) = try await ArchiveFixtures.clean([.archive(path: path, name: "w")], maxRecordBytes: 1 << 20)
        #expect(kept.map { $0["text"] as? String } == ["the first page", "the third page", "the fourth page"])
        #expect(
            rejects.count == 1
                && (rejects[0]["message"] as? String)?.contains("claims 9000000 bytes (Content-Length) but the file ends") == true)
        #expect(summary.records == 4 && balanced(summary))
    }
}

extension WARCRecordReaderTests {
    /// A record whose own gzip member fails its check (CRC) at its end is one reject, not a document with
    /// bytes that cannot be trusted and a second reject for the member, whatever its trailer.
    @Test func aRecordWhoseMemberFailsItsCheckIsOneReject() throws {
        for trailer in ["\r\n\r\n", "\n\n", ""] {
            func member(_ number: Int) throws -> [UInt8] { try gzipped(ResponseRecord.page(number, trailer: trailer)) }
            var broken = try member(1)
            broken[broken.count - 8] ^= 0xFF
            let archive = try member(0) + broken + member(2)
            for step in [7, 1 << 20] {
                let found = try ArchiveFixtures.records(of: TrickleByteSource(archive, step: step), isGzip: true)
                #expect(found.count == 3, "\(found)")
                #expect(found.first?.hasSuffix("<p>page 0</p>") == true && found.last?.hasSuffix("<p>page 2</p>") == true, "\(found)")
                #expect(
                    found.dropFirst().first?.contains("is in a damaged gzip member") == true,
                    "\(trailer.debugDescription) \(step): \(found)")
            }
        }
    }
}

extension WARCRecordReaderTests {
    /// A `WARC-Record-ID` that is not UTF-8 is a reject when it would be the document's id: repaired, two
    /// such ids (`\xff` and `\xfe`) read as one and were deduplicated as one. As the id is not needed when
    /// the URL gives ids, such records are kept then.
    /// Two Content-Length fields that disagree leave the record's end unclear (readers that take the last
    /// would cut the archive elsewhere): refused, where the first was taken before. One repeated alike is
    /// fine, and a length past any number is said to be too large, not "not a number".
    @Test func contentLengthsMustAgreeAndFit() {
        func parse(_ lengths: [String]) -> Result<WARCHeader, WARCHeader.Problem> {
            let text = "WARC/1.1\r\nWARC-Type: resource\r\n" + lengths.map { "Content-Length: \($0)\r\n" }.joined() + "\r\n"
            return Array(text.utf8).withUnsafeBufferPointer { bytes in
                Result { () throws(WARCHeader.Problem) in try WARCHeader.parse(bytes) }
            }
        }
        #expect((try? parse(["351", "351"]).get())?.contentLength == 351)
        guard case .failure(let disagreeing) = parse(["351", "3"]), case .failure(let huge) = parse(["999999999999999999999"]) else {
            Issue.record("accepted")
            return
        }
        #expect(disagreeing.message.contains("two Content-Length fields disagree (351 and 3)"))
        #expect(huge.message.contains("'999999999999999999999' is too large"))
    }

    @Test func aRecordIDThatIsNotUTF8IsNoDocumentsID() async throws {
        let folder = TemporaryFolder()
        func record(_ id: [UInt8], _ name: String) -> [UInt8] {
            let text = "the page called \(name)"
            return Array("WARC/1.0\r\nWARC-Type: conversion\r\nWARC-Record-ID: <urn:".utf8) + id
                + Array(
                    ">\r\nWARC-Target-URI: https://example.org/\(name)\r\nContent-Length: \(text.utf8.count)\r\n\r\n\(text)\r\n\r\n".utf8)
        }
        let path = folder.write(
            "ids.warc.wet", record([0xFF, 0x31], "a") + record([0xFE, 0x31], "b") + record(Array("é1".utf8), "c"))
        let (summary, kept, rejects) = try await ArchiveFixtures.clean([.archive(path: path, name: "w")])
        #expect(kept.map { $0["id"] as? String } == ["<urn:é1>"])
        #expect(rejects.count == 2 && rejects.allSatisfy { $0["reason"] as? String == "invalid_utf8" })
        #expect((rejects.first?["message"] as? String)?.contains("its WARC-Record-ID is not UTF-8") == true, "\(rejects)")
        #expect(summary.records == 3 && balanced(summary))
        let (_, byURL, none) = try await ArchiveFixtures.clean([.archive(path: path, name: "w")], identity: .url)
        #expect(byURL.count == 3 && none.isEmpty)
    }
}

extension WARCRecordReaderTests {
    /// A header cut short (here in the middle of its `WARC-Record-ID` line) followed by the next record:
    /// the next record's version line ends the damaged one, which is one reject, and the next record is
    /// read as itself. Before, the header took in the next record's fields, and that record was lost
    /// (skipped under the cut record's type, or kept under the id `<urn:WARC/1.0`).
    @Test func aHeaderCutShortDoesNotSwallowTheNextRecord() async throws {
        let http = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>the page of record b</p>"
        func record(_ type: String, _ id: String, _ block: String) -> String {
            "WARC/1.0\r\nWARC-Type: \(type)\r\nWARC-Record-ID: <urn:\(id)>\r\nWARC-Target-URI: https://example.org/\(id)\r\n"
                + "Content-Length: \(block.utf8.count)\r\n\r\n\(block)\r\n\r\n"
        }
        func cut(_ record: String) -> String { String(record[..<record.range(of: "<urn:")!.upperBound]) }
        for first in [record("request", "a", "GET / HTTP/1.1\r\n\r\n"), record("response", "a", http)] {
            let plain = Array((cut(first) + record("response", "b", http)).utf8)
            let next = cut(first).utf8.count
            // Plain, gzip over the whole file, and gzip members that do not follow the records.
            let unaligned = try stride(from: 0, to: plain.count, by: 50).flatMap {
                try gzipped(Array(plain[$0..<min($0 + 50, plain.count)]))
            }
            for (bytes, isGzip) in [(plain, false), (try gzipped(plain), true), (unaligned, true)] {
                let found = try ArchiveFixtures.records(of: TrickleByteSource(bytes, step: 7), isGzip: isGzip)
                #expect(found.count == 2, "\(found)")
                #expect(
                    found.first?.hasPrefix("1 @0 damaged the record at offset 0 runs into the next record at offset ") == true, "\(found)")
                #expect(found.last?.hasSuffix("archive response \(http)") == true, "\(found)")
            }
            let folder = TemporaryFolder()
            let (summary, kept, rejects) = try await ArchiveFixtures.clean([.archive(path: folder.write("cut.warc", plain), name: "c")])
            #expect(kept.map { $0["id"] as? String } == ["<urn:b>"] && kept.first?["warc_offset"] as? Int == next)
            #expect(rejects.map { $0["offset"] as? Int } == [0] && rejects.first?["reason"] as? String == "malformed_archive")
            #expect(summary.records == 2 && balanced(summary))
        }
    }
}

extension WARCRecordReaderTests {
    /// A field whose value ends in "WARC/1.0" or "WARC/1.1" is not the next record's version line: a
    /// valid record stays whole, whether that field comes first or after the fields every record has.
    /// Before, each such record was a reject.
    @Test func aFieldValueEndingInAVersionIsNotARecordStart() async throws {
        let http = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>about the format</p>"
        func record(_ id: String, uriFirst: Bool) -> String {
            let uri = "WARC-Target-URI: https://example.org/spec/WARC/1.\(id.count % 2)\r\n"
            let fields = "WARC-Type: response\r\nWARC-Record-ID: <urn:\(id)>\r\nWARC-Date: 2024-01-01T00:00:00Z\r\n"
            return "WARC/1.0\r\n" + (uriFirst ? uri + fields : fields + uri)
                + "Content-Length: \(http.utf8.count)\r\n\r\n\(http)\r\n\r\n"
        }
        let records = [record("a", uriFirst: true), record("bb", uriFirst: false), record("c", uriFirst: false)]
        let plain = Array(records.joined().utf8)
        let members = try records.flatMap { try gzipped(Array($0.utf8)) }
        for (bytes, isGzip) in [(plain, false), (try gzipped(plain), true), (members, true)] {
            for step in [7, 4096, bytes.count] {
                let found = try ArchiveFixtures.records(of: TrickleByteSource(bytes, step: step), isGzip: isGzip)
                #expect(found.count == 3 && found.allSatisfy { $0.hasSuffix("archive response \(http)") }, "\(step) \(found)")
            }
        }
        let folder = TemporaryFolder()
        let (summary, kept, rejects) = try await ArchiveFixtures.clean([.archive(path: folder.write("spec.warc", plain), name: "s")])
        #expect(
            kept.map { $0["url"] as? String } == [
                "https://example.org/spec/WARC/1.1", "https://example.org/spec/WARC/1.0", "https://example.org/spec/WARC/1.1",
            ])
        #expect(rejects.isEmpty && summary.records == 3 && balanced(summary))
    }

    /// Version strings inside lines, one a line with no header end: each ends the header before it
    /// at the next, so every one is a record start read once (one reject each), not a scan to the size limit.
    @Test func versionStringsInsideLinesAreOneRejectEach() throws {
        let archive = "WARC/1.0\r\n" + String(repeating: "X-Note: seeWARC/1.0\r\n", count: 5000)
        for step in [4096, archive.utf8.count] {
            let found = try ArchiveFixtures.records(of: TrickleByteSource(Array(archive.utf8), step: step), isGzip: false)
            #expect(found.count == 5001, "\(step)")
            #expect(found.allSatisfy { $0.contains("damaged") }, "\(step)")
        }
    }
}

extension WARCRecordReaderTests {
    /// A header over the size limit (here 100 KiB) is a reject wherever it lies: at the start of the file
    /// or across a read's edge, read all at once or a few KiB at a time. Before, the limit held only when
    /// more had to be read, so a header already read whole was taken whatever its size.
    @Test func theHeaderSizeLimitHoldsWhereverTheHeaderLies() throws {
        let http = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>a page</p>"
        func record(_ id: String, padding: Int) -> String {
            "WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:\(id)>\r\nX-Padding: \(String(repeating: "a", count: padding))\r\n"
                + "Content-Length: \(http.utf8.count)\r\n\r\n\(http)\r\n\r\n"
        }
        let filler =
            "WARC/1.0\r\nWARC-Type: metadata\r\nContent-Length: 1000000\r\n\r\n" + String(repeating: "x", count: 1_000_000) + "\r\n\r\n"
        let big = record("big", padding: 100 << 10)
        for archive in [big + record("next", padding: 10), filler + big + record("next", padding: 10)] {
            let bytes = Array(archive.utf8)
            for step in [4096, 1 << 20, bytes.count] {
                let found = try ArchiveFixtures.records(of: TrickleByteSource(bytes, step: step), isGzip: false)
                let tooLong = found.filter { $0.contains("has no end within \(WARCRecordReader.maxHeaderBytes) bytes") }
                #expect(
                    tooLong.count == 1 && found.last?.hasSuffix("archive response \(http)") == true,
                    "\(step): \(found.map { $0.prefix(120) })")
                #expect(found.count == (archive.hasPrefix(filler) ? 3 : 2), "\(step): \(found.map { $0.prefix(120) })")
            }
        }
    }
}

extension WARCRecordReaderTests {
    /// A last gzip member that breaks before giving a byte (cut after its gzip header, corrupt from its
    /// first block, or magic bytes and junk) is one reject. Before, it vanished: its damage sat behind its
    /// own member start at the end of the output, and nothing read past that.
    @Test func aLastGzipMemberBrokenBeforeItsFirstByteIsOneReject() throws {
        let good = try gzipped(ResponseRecord.page("a", id: "a", type: "warcinfo")) + gzipped(ResponseRecord.page("b", id: "b"))
        var corrupt = try gzipped(ResponseRecord.page("c", id: "c"))
        corrupt[10] |= 0x06  // the first deflate block's type becomes 3, which does not exist
        let broken = [
            Array(try gzipped(ResponseRecord.page("c", id: "c")).prefix(10)), corrupt, [0x1F, 0x8B, 0x08, 0x00] + Array("junk".utf8),
        ]
        for (last, says) in zip(broken, ["is truncated", "is corrupt", "is truncated"]) {
            for step in [7, 1 << 20] {
                let found = try ArchiveFixtures.records(of: TrickleByteSource(good + last, step: step), isGzip: true)
                #expect(found.count == 3 && found[1].hasSuffix("<p>page b</p>"), "\(found)")
                #expect(
                    found.last?.hasPrefix("3 @\(good.count) damaged the gzip member at offset \(good.count) \(says)") == true, "\(found)")
            }
        }
    }

    /// A gzip member in the middle that breaks before giving a byte is a reject at its own offset, and the
    /// record of the member after it is read at its own. Before, that record was rejected for the broken
    /// member's damage (at the same place in the output) under its own offset, then read again and kept.
    @Test func aMiddleGzipMemberBrokenBeforeItsFirstByteIsRejectedAtItsOwnOffset() throws {
        let first = try gzipped(ResponseRecord.page("a", id: "a", type: "warcinfo"))
        let cut = Array(try gzipped(ResponseRecord.page("b", id: "b")).prefix(10))
        let archive = try first + cut + gzipped(ResponseRecord.page("c", id: "c"))
        for step in [7, 1 << 20] {
            let found = try ArchiveFixtures.records(of: TrickleByteSource(archive, step: step), isGzip: true)
            #expect(found.count == 3, "\(found)")
            #expect(
                found.dropFirst().first?.hasPrefix("2 @\(first.count) damaged the gzip member at offset \(first.count) is corrupt") == true,
                "\(found)")
            #expect(
                found.last?.hasPrefix("3 @\(first.count + cut.count) archive response") == true
                    && found.last?.hasSuffix("<p>page c</p>") == true, "\(found)")
        }
    }
}

extension WARCRecordReaderTests {
    /// A gzip member cut inside a WARC header (the record's own member, or the whole file's) is one reject,
    /// as when the cut falls in the block. Before, the header breaking off at the end of the file was one
    /// reject and the truncated member a second, for one record.
    @Test func aGzipMemberCutInsideAHeaderIsOneReject() throws {
        let first = Array("WARC/1.0\r\nWARC-Type: warcinfo\r\nContent-Length: 13\r\n\r\nsoftware: x\r\n\r\n\r\n".utf8)
        // A long header of hard-to-compress fields, so that half the compressed bytes end inside it.
        let fields = (0..<60).map { "X-Field-\($0): \(String(UInt32(truncatingIfNeeded: ($0 + 1) &* 2_654_435_761), radix: 16))\r\n" }
        let second = Array(("WARC/1.0\r\nWARC-Type: metadata\r\n" + fields.joined() + "Content-Length: 6\r\n\r\nx: y\r\n\r\n\r\n").utf8)
        let member = try gzipped(second)
        let whole = try gzipped(first + second)
        let archives = [
            (try gzipped(first) + member.prefix(member.count / 2), try gzipped(first).count),
            (Array(whole.prefix(whole.count * 3 / 4)), 0),
        ]
        for (archive, damagedMember) in archives {
            for step in [7, 1 << 20] {
                let found = try ArchiveFixtures.records(of: TrickleByteSource(archive, step: step), isGzip: true)
                #expect(found.count == 2 && found[0].hasSuffix("skipped warcinfo"), "\(found)")
                #expect(
                    found.last?.contains("breaks off: the gzip member at offset \(damagedMember) is truncated (the file ends inside it)")
                        == true,
                    "\(found)")
            }
        }
    }
}

extension WARCRecordReaderTests {
    /// A record whose own gzip member fails its check after bytes that are no record (here `junk` after
    /// the record's end, inside the member) is that one reject too, the bytes with it. Before, only damage
    /// up to the record's end counted: the record was kept, and the junk and the member were two rejects.
    @Test func aRecordWhoseMemberFailsItsCheckAfterMoreBytesIsOneReject() throws {
        var broken = try gzipped(ResponseRecord.page(1) + Array("junk".utf8))
        broken[broken.count - 8] ^= 0xFF
        let first = try gzipped(ResponseRecord.page(0))
        let archive = try first + broken + gzipped(ResponseRecord.page(2))
        for step in [7, 1 << 20] {
            let found = try ArchiveFixtures.records(of: TrickleByteSource(archive, step: step), isGzip: true)
            #expect(
                found.count == 3 && found.first?.hasSuffix("<p>page 0</p>") == true && found.last?.hasSuffix("<p>page 2</p>") == true,
                "\(found)")
            #expect(
                found.dropFirst().first?.hasPrefix(
                    "2 @\(first.count) damaged the record at offset \(first.count) is in a damaged gzip member") == true,
                "\(found)")
        }
    }
}

extension WARCRecordReaderTests {
    /// A last record followed only by part of its empty line (`\r`, `\n`, `\r\n`, `\r\n\r`, ...) before the
    /// end of the input (a plain file, gzip over the whole file, its own last member) is read: nothing
    /// but line breaks is missing. Before, it was a "does not end where its Content-Length says" reject,
    /// where one followed by nothing was read. Anything else after the block is still a wrong length.
    @Test func aLastRecordEndedByPartOfItsEmptyLineIsRead() throws {
        let blocks = ["a", "b"].map(ResponseRecord.pageBlock)
        for (tail, read) in [
            ("", true), ("\r", true), ("\n", true), ("\r\n", true), ("\r\n\r", true), ("\n\r\n", true), ("\r\r", true),
            ("\r\nx", false), ("x", false), ("\r\n\r\n\r\n", true), ("\r\r\r\r\r", false),
        ] {
            let first = ResponseRecord.page("a")
            let last = ResponseRecord.page("b", trailer: tail)
            let plain = first + last
            let archives = [(plain, false), (try gzipped(plain), true), (try gzipped(first) + gzipped(last), true)]
            for (bytes, isGzip) in archives {
                for step in [1, 7, bytes.count] {
                    let found = try ArchiveFixtures.records(of: TrickleByteSource(bytes, step: step), isGzip: isGzip)
                    let what = "\(tail.debugDescription) gzip \(isGzip) step \(step): \(found)"
                    #expect(found.first?.hasSuffix("archive response \(blocks[0])") == true, "\(what)")
                    if read {
                        #expect(found.count == 2 && found.last?.hasSuffix("archive response \(blocks[1])") == true, "\(what)")
                    } else {
                        #expect(found.dropFirst().first?.contains("does not end where its Content-Length") == true, "\(what)")
                    }
                }
            }
        }
    }

    /// Every byte a gzip member of its own (450,000 members): the records of the plain file, read in
    /// linear time (a few seconds). Before, each member start passed shifted every pending one along, and
    /// each record scanned them all: more than the minute allowed (500,000 members took 60 s in a release build).
    @Test(.timeLimit(.minutes(1))) func manyTinyGzipMembersReadInLinearTime() throws {
        let records = (0..<840).map { number in
            ResponseRecord.record(
                Array((ResponseRecord.pageHead + "<p>page \(number): \(String(repeating: "words ", count: 70))</p>").utf8))
        }
        let plain = Array(records.joined())
        let members = StoredGzip.members(plain, every: 1)
        #expect(plain.count > 450_000)
        func blocks(_ found: [String]) -> [String] { found.map { String($0.drop { $0 != " " }.dropFirst().drop { $0 != " " }) } }
        let fromPlain = try ArchiveFixtures.records(of: TrickleByteSource(plain, step: plain.count), isGzip: false)
        let fromMembers = try ArchiveFixtures.records(of: TrickleByteSource(members, step: members.count), isGzip: true)
        #expect(fromPlain.count == 840 && blocks(fromMembers) == blocks(fromPlain))
    }
}

extension WARCRecordReaderTests {
    /// Four conversion records; the second's Content-Length is `error` bytes off and over the size limit.
    private func claimArchive(error: Int) -> (bytes: [UInt8], offsets: [Int], texts: [String]) {
        let texts = ["the first page", String(repeating: "a long page ", count: 150), "the third page", "the fourth page"]
        var bytes: [UInt8] = []
        var offsets: [Int] = []
        for (number, text) in texts.enumerated() {
            offsets.append(bytes.count)
            bytes += Array(
                ("WARC/1.0\r\nWARC-Type: conversion\r\nWARC-Record-ID: <urn:uuid:\(number)>\r\n"
                    + "Content-Length: \(text.utf8.count + (number == 1 ? error : 0))\r\n\r\n\(text)\r\n\r\n").utf8)
        }
        return (bytes, offsets, texts)
    }

    /// A Content-Length over the size limit that ends inside the next record (too long) or inside its own
    /// block (too short), in a plain file: the file is read where the claim ends, the claim is a reject at
    /// its header, and reading resumes after the header, as for a smaller record. Every other record is
    /// read. Before, a claim too long streamed past the third record (in no output, not counted).
    @Test func aWrongClaimOverTheLimitInAPlainFileLosesNoRecord() async throws {
        for error in [60, 150, -60, -1000] {
            let (bytes, offsets, texts) = claimArchive(error: error)
            for step in [7, 4096, bytes.count] {
                let found = try ArchiveFixtures.records(
                    of: TrickleByteSource(bytes, step: step), isGzip: false, maxRecordBytes: 1000,
                    plainFile: TrickleByteSource(bytes, step: step))
                #expect(found.count == 4, "\(error) \(step): \(found)")
                #expect(
                    found.dropFirst().first
                        == "2 @\(offsets[1]) damaged the record at offset \(offsets[1]) does not end where its Content-Length "
                        + "\(texts[1].utf8.count + error) says (no empty line after the block)", "\(error) \(step): \(found)")
                #expect(found.last == "4 @\(offsets[3]) archive conversion \(texts[3])", "\(error) \(step): \(found)")
                #expect(found.dropFirst(2).first == "3 @\(offsets[2]) archive conversion \(texts[2])", "\(error) \(step): \(found)")
            }
            let folder = TemporaryFolder()
            let path = folder.write("claim.warc.wet", bytes)
            let (summary, kept, rejects) = try await ArchiveFixtures.clean([.archive(path: path, name: "c")], maxRecordBytes: 1000)
            #expect(kept.map { $0["text"] as? String } == [texts[0], texts[2], texts[3]], "\(error)")
            #expect(rejects.map { $0["offset"] as? Int } == [offsets[1]], "\(error)")
            #expect(summary.records == 4 && balanced(summary), "\(error)")
        }
    }

    /// The same claims where the input cannot be read again (standard input, gzip over the whole file):
    /// a claim too short loses nothing; one too long shows wrong only at its end, and its reject says
    /// which records went with it. Before, it said nothing of them.
    @Test func aWrongClaimStreamedPastSaysWhichRecordsItTook() throws {
        for error in [60, 150, 2000, -60, -1000] {
            let (bytes, offsets, texts) = claimArchive(error: error)
            for (input, isGzip) in [(bytes, false), (try gzipped(bytes), true)] {
                for step in [7, 4096, input.count] {
                    let found = try ArchiveFixtures.records(
                        of: TrickleByteSource(input, step: step), isGzip: isGzip, maxRecordBytes: 1000)
                    let what = "\(error) gzip \(isGzip) step \(step): \(found)"
                    #expect(found.first == "1 @0 archive conversion \(texts[0])", "\(what)")
                    // Gzip over the whole file: every record is in the member at offset 0.
                    let place = isGzip ? "0+\(offsets[3])" : "\(offsets[3])"
                    #expect(found.last == "\(found.count) @\(place) archive conversion \(texts[3])" || error > 100, "\(what)")
                    let reject = found.dropFirst().first ?? ""
                    switch error {
                    case 60:
                        let claim = texts[1].utf8.count + 60
                        let member = isGzip ? " in the gzip member at offset 0" : ""
                        let expected: String =
                            "does not end where its Content-Length \(claim) says (no empty line after the block); "
                            + "over the size limit, it was streamed past before that showed, and this input cannot be read again "
                            + "(standard input, or gzip holding more than one record in a member): the record at offset "
                            + "\(offsets[2])\(member) is lost with it; to read it, run again with --max-record-bytes \(claim) or more, "
                            + "or on the archive as a plain file"
                        #expect(found.count == 3, "\(what)")
                        #expect(reject.hasSuffix(expected), "\(what)")
                    case 150, 2000:
                        #expect(found.count == 2, "\(what)")
                        #expect(
                            reject.contains(error == 150 ? "does not end where its Content-Length" : "but the file ends")
                                && reject.contains(
                                    "the 2 records at offsets \(offsets[2]) to \(offsets[3])\(isGzip ? " in the gzip member at offset 0" : "") "
                                        + "are lost with it"),
                            "\(what)")
                    default:
                        #expect(found.count == 4 && !reject.contains("lost"), "\(what)")
                        #expect(found.dropFirst(2).first?.hasSuffix("archive conversion \(texts[2])") == true, "\(what)")
                    }
                }
            }
        }
    }
}

extension WARCRecordReaderTests {
    /// A response split into segments (`WARC-Segment-Number: 1`, then `continuation` records) holds only
    /// the start of its page, chunked or compressed or not: a `segmented_record` reject that says so, not a
    /// page with half its text (or a `malformed_http` reject for a cut payload). Its continuations are
    /// skipped as `continuation`; a segmented response that is no page anyway is skipped as such.
    @Test func aSegmentedRecordIsRejectedAndItsContinuationsSkipped() async throws {
        let html =
            "<html><body><p>" + String(repeating: "First half of the story. ", count: 20) + "</p><p>"
            + String(repeating: "The second half. ", count: 20) + "</p></body></html>"
        func record(_ type: String, _ id: String, _ block: [UInt8], segment: Int) -> [UInt8] {
            let origin = segment > 1 ? "WARC-Segment-Origin-ID: <urn:uuid:\(id)-1>\r\n" : ""
            return Array(
                ("WARC/1.0\r\nWARC-Type: \(type)\r\nWARC-Record-ID: <urn:uuid:\(id)-\(segment)>\r\n"
                    + "WARC-Target-URI: http://example.com/\(id)\r\nWARC-Segment-Number: \(segment)\r\n\(origin)"
                    + "Content-Length: \(block.count)\r\n\r\n").utf8) + block + Array("\r\n\r\n".utf8)
        }
        func segmented(_ id: String, head: String, body: [UInt8]) -> [UInt8] {
            let block = Array(head.utf8) + body
            let cut = block.count / 2
            return record("response", id, Array(block[..<cut]), segment: 1)
                + record("continuation", id, Array(block[cut...]), segment: 2)
        }
        let chunked = String(html.utf8.count, radix: 16) + "\r\n" + html + "\r\n0\r\n\r\n"
        let archive =
            segmented("plain", head: "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n", body: Array(html.utf8))
            + segmented(
                "chunked", head: "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n",
                body: Array(chunked.utf8))
            + segmented(
                "gzip", head: "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\n\r\n",
                body: try gzipped(Array(html.utf8)))
            + segmented("missing", head: "HTTP/1.1 404 Not Found\r\nContent-Type: text/html\r\n\r\n", body: Array(html.utf8))
        let folder = TemporaryFolder()
        let (summary, kept, rejects) = try await ArchiveFixtures.clean([.archive(path: folder.write("segments.warc", archive), name: "s")])
        #expect(kept.isEmpty)
        #expect(rejects.map { $0["reason"] as? String } == ["segmented_record", "segmented_record", "segmented_record"])
        #expect(
            (rejects.first?["message"] as? String)?.contains(
                "is the first segment of a record continued in 'continuation' records (WARC-Segment-Number 1), which Winnow does not join")
                == true, "\(rejects)")
        #expect(summary.skippedByReason == ["continuation": 4, "http_4xx": 1])
        #expect(summary.records == 8 && balanced(summary))
    }
}

extension WARCRecordReaderTests {
    /// Responses whose Content-Encoding names no coding (`none`, a charset, a transfer word) are pages
    /// when their payload reads as text; on compressed bytes such a word is an `unsupported_encoding`
    /// reject that says why. Before, every one was that reject.
    @Test func pagesWhoseContentEncodingNamesNoCodingAreKept() async throws {
        let html =
            "<html><body><article><p>" + String(repeating: "A paragraph of the page about rivers. ", count: 8)
            + "</p></article></body></html>"
        func record(_ id: String, _ encoding: String, _ body: [UInt8]) -> [UInt8] {
            let head = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: \(encoding)\r\n\r\n"
            return ResponseRecord.record(Array(head.utf8) + body, id: id)
        }
        let words = ["UTF-8", "none", "binary", "8bit"]
        let archive =
            words.enumerated().flatMap { record("\($0.offset)", $0.element, Array(html.utf8)) }
            + record("gzipped", "utf-8", try gzipped(Array(html.utf8))) + record("brotli", "br", Array(html.utf8))
        let folder = TemporaryFolder()
        let (summary, kept, rejects) = try await ArchiveFixtures.clean([.archive(path: folder.write("words.warc", archive), name: "w")])
        #expect(kept.map { $0["id"] as? String } == words.indices.map { "<urn:\($0)>" })
        #expect(kept.allSatisfy { ($0["text"] as? String)?.hasPrefix("A paragraph of the page about rivers.") == true })
        #expect(rejects.map { $0["reason"] as? String } == ["unsupported_encoding", "unsupported_encoding"])
        #expect(
            (rejects.first?["message"] as? String)?.contains(
                "its Content-Encoding 'utf-8' names no coding (a charset or transfer word put there by mistake), "
                    + "but its payload does not read as text") == true, "\(rejects)")
        #expect((rejects.last?["message"] as? String)?.contains("Content-Encoding 'br'") == true, "\(rejects)")
        #expect(summary.records == 6 && balanced(summary))
    }
}

extension WARCRecordReaderTests {
    /// A response whose block holds `100 Continue` before the final `200 OK` is that page; one whose final
    /// response is a 404 is skipped as `http_4xx`. Before, both were `http_1xx` skips.
    @Test func aPageAfterAnInterimResponseIsKept() async throws {
        let html =
            "<html><body><article><p>" + String(repeating: "The page after an interim response. ", count: 8)
            + "</p></article></body></html>"
        func record(_ id: String, _ final: String) -> [UInt8] {
            ResponseRecord.record(
                Array("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 \(final)\r\nContent-Type: text/html\r\n\r\n\(html)".utf8), id: id)
        }
        let folder = TemporaryFolder()
        let path = folder.write("interim.warc", record("ok", "200 OK") + record("missing", "404 Not Found"))
        let (summary, kept, rejects) = try await ArchiveFixtures.clean([.archive(path: path, name: "i")])
        #expect(kept.map { $0["id"] as? String } == ["<urn:ok>"] && rejects.isEmpty)
        #expect((kept.first?["text"] as? String)?.hasPrefix("The page after an interim response.") == true)
        #expect(summary.skippedByReason == ["http_4xx": 1] && summary.records == 2 && balanced(summary))
    }
}

extension WARCRecordReaderTests {
    /// Gzip members of two records each; the first record's Content-Length runs into the next member. The
    /// record after it in its own member is read (reading resumes after the wrong header, as in a plain
    /// file), and the next member's records too. Before, reading resumed at the next member, and the
    /// second record was in no output and not counted.
    @Test func aWrongLengthIntoTheNextMemberLeavesTheRecordsBeforeIt() throws {
        let blocks = (1...4).map(ResponseRecord.pageBlock)
        let records = (1...4).map { ResponseRecord.page($0) }
        let firstMember = ResponseRecord.page(1, lengthError: records[1].count + 40) + records[1]
        let archive = try gzipped(firstMember) + gzipped(records[2] + records[3])
        for step in [7, 1 << 20] {
            let found = try ArchiveFixtures.records(of: TrickleByteSource(archive, step: step), isGzip: true)
            #expect(found.count == 4, "\(step): \(found)")
            #expect(
                found.first?.hasPrefix("1 @0 damaged the record at offset 0 runs into the next record at offset ") == true,
                "\(step): \(found)")
            for number in 2...4 {
                #expect(found.dropFirst(number - 1).first?.hasSuffix("archive response \(blocks[number - 1])") == true, "\(step): \(found)")
            }
        }
    }

    /// Each document's `warc_offset` (its gzip member's compressed offset) and `warc_offset_in_member`
    /// (its offset in that member's bytes, when it does not start the member), and each reject's `offset`
    /// and `offset_in_member`, find the record by a seek in the file and an inflate: per record, a member of
    /// several records, gzip over the whole file, two such files one after the other, and plain. Before, a
    /// record inside a member had its offset in the whole file's decompressed bytes (`zcat | tail -c`),
    /// beside compressed offsets in the same file.
    @Test func offsetPairsFindEachRecordByASeekAndAnInflate() async throws {
        func record(_ number: Int) -> [UInt8] {
            let text = "the page numbered \(number), with a few words of its own"
            let length = number == 5 ? "twelve" : "\(text.utf8.count)"
            return Array(
                ("WARC/1.0\r\nWARC-Type: conversion\r\nWARC-Record-ID: <urn:r\(number)>\r\n"
                    + "WARC-Target-URI: https://example.org/\(number)\r\nContent-Length: \(length)\r\n\r\n\(text)\r\n\r\n").utf8)
        }
        let records = (1...6).map(record)
        let layouts: [(String, [UInt8])] = [
            ("per-record.warc.gz", try records.flatMap(gzipped)),
            (
                "several-in-a-member.warc.gz",
                try gzipped(records[0]) + gzipped(records[1] + records[2] + records[3] + records[4]) + gzipped(records[5])
            ),
            ("whole.warc.gz", try gzipped(records.flatMap { $0 })),
            ("two-wholes.warc.gz", try gzipped(records[0..<3].flatMap { $0 }) + gzipped(records[3...].flatMap { $0 })),
            ("plain.warc", records.flatMap { $0 }),
        ]
        let folder = TemporaryFolder()
        for (name, bytes) in layouts {
            let path = folder.write(name, bytes)
            let (summary, kept, rejects) = try await ArchiveFixtures.clean([.archive(path: path, name: name)])
            #expect(kept.count == 5 && rejects.count == 1 && summary.records == 6, "\(name)")
            let found =
                kept.map { ($0["id"] as? String, $0["warc_offset"] as? Int, $0["warc_offset_in_member"] as? Int) }
                + rejects.map { ("<urn:r5>", $0["offset"] as? Int, $0["offset_in_member"] as? Int) }
            for (id, offset, inMember) in found {
                let offset = try #require(offset, "\(name) \(id ?? "")")
                #expect(inMember != 0, "\(name): an offset of 0 in the member is left out")
                let tail = folder.write("tail", Array(bytes[offset...]))
                let member = name.hasSuffix(".gz") ? try gunzippedBytes(tail) : Array(bytes[offset...])
                let text = String(decoding: member.dropFirst(inMember ?? 0).prefix(60), as: UTF8.self)
                #expect(text.hasPrefix("WARC/1.0\r\nWARC-Type: conversion\r\nWARC-Record-ID: \(id ?? "?")\r\n"), "\(name): \(text)")
                #expect(name.hasSuffix(".gz") || inMember == nil, "\(name)")
            }
            if name.hasPrefix("whole") {
                #expect(Set(found.map(\.1)) == [0], "\(name): every record is in the one member at offset 0")
            }
        }
    }
}

extension WARCRecordReaderTests {
    /// The same with the first record over the size limit: streamed past, the record after it in its
    /// member cannot be read again, and the reject says it is lost, however the input is read.
    @Test func aWrongLengthOverTheLimitIntoTheNextMemberSaysWhatItTook() throws {
        let blocks = (1...4).map { ResponseRecord.pageBlock($0) + String(repeating: " ", count: 400) }
        func record(_ number: Int, error: Int = 0) -> [UInt8] { ResponseRecord.record(Array(blocks[number - 1].utf8), lengthError: error) }
        let first = record(1, error: record(2).count + 400)
        let archive = try gzipped(first + record(2)) + gzipped(record(3) + record(4))
        for step in [7, 1 << 20] {
            let found = try ArchiveFixtures.records(of: TrickleByteSource(archive, step: step), isGzip: true, maxRecordBytes: 1000)
            #expect(found.count == 3, "\(step): \(found)")
            #expect(
                found.first?.hasPrefix("1 @0 damaged the record at offset 0 runs into the next record at offset ") == true
                    && found.first?.contains("is wrong); over the size limit, it was streamed past before that showed") == true
                    && found.first?.contains("the record at offset \(first.count) in the gzip member at offset 0 is lost with it") == true,
                "\(step): \(found)")
            #expect(found.last?.hasSuffix("archive response \(blocks[3])") == true, "\(step): \(found)")
        }
    }
}

extension WARCRecordReaderTests {
    /// A gzip member of several records that fails its check (a byte changed in a stored block, which only
    /// the CRC catches) makes each of its records a reject naming the member, and nothing else: the records
    /// counted are the archive's. Before, the records were kept with the changed byte, and the member was
    /// one more reject, so that the records outnumbered the archive's. Gzip over the whole file alike.
    @Test func eachRecordOfAMemberThatFailsItsCheckIsAReject() throws {
        var several = StoredGzip.member(ResponseRecord.page(2) + ResponseRecord.page(3) + ResponseRecord.page(4))
        several[several.count - 30] ^= 0x01
        let first = StoredGzip.member(ResponseRecord.page(1))
        let archives = [(first + several + StoredGzip.member(ResponseRecord.page(5)), first.count), (several, 0)]
        for (archive, member) in archives {
            for step in [7, archive.count] {
                let found = try ArchiveFixtures.records(of: TrickleByteSource(archive, step: step), isGzip: true)
                let damaged = found.filter { $0.contains(" damaged ") }
                #expect(found.count == (member == 0 ? 3 : 5) && damaged.count == 3, "\(found)")
                #expect(
                    damaged.allSatisfy {
                        $0.contains("is in a damaged gzip member: the gzip member at offset \(member) is corrupt (incorrect data check)")
                    }, "\(found)")
                #expect(damaged.first?.hasPrefix("\(member == 0 ? 1 : 2) @\(member) damaged the record at offset \(member) is") == true)
                if member > 0 {
                    #expect(found.first?.hasSuffix("<p>page 1</p>") == true && found.last?.hasSuffix("<p>page 5</p>") == true, "\(found)")
                }
            }
        }
    }

    /// A member too large to inflate whole first (over 16 MiB) streams: when it fails its check after
    /// records read from it were passed on, they cannot be taken back, and the run stops (as for JSONL
    /// gzip) instead of keeping them. Cut by the end of the file instead, its bytes are as written: the
    /// records before the cut stay and the cut one is a reject. A large record's own member that fails
    /// its check is that record's one reject, as a small one's is.
    @Test func aStreamedMemberThatFailsItsCheckAfterRecordsStopsTheRun() async throws {
        let filler = Array(
            ("WARC/1.0\r\nWARC-Type: resource\r\nContent-Length: \(17 << 20)\r\n\r\n" + String(repeating: " ", count: 17 << 20)
                + "\r\n\r\n").utf8)
        let whole = try gzipped(filler + ResponseRecord.page(1) + ResponseRecord.page(2))
        var flipped = whole
        flipped[flipped.count - 8] ^= 0xFF
        #expect {
            _ = try ArchiveFixtures.records(of: TrickleByteSource(flipped, step: 1 << 20), isGzip: true)
        } throws: { error in
            guard let error = error as? WinnowError, error.kind == .damagedInput else { return false }
            return error.message.contains("the gzip member at offset 0 is corrupt (incorrect data check)")
                && error.message.contains("cannot be trusted, so nothing was written")
        }
        // Cut in its trailer: every record is whole, and the member's end is missing.
        let cut = try ArchiveFixtures.records(of: TrickleByteSource(Array(whole.dropLast(8)), step: 1 << 20), isGzip: true)
        #expect(
            cut.count == 4 && cut[0].hasSuffix("skipped resource") && cut[2].hasSuffix("<p>page 2</p>"), "\(cut.map { $0.prefix(200) })")
        #expect(cut.last?.hasPrefix("4 @0 damaged the gzip member at offset 0 is truncated") == true, "\(cut.map { $0.prefix(200) })")
        // The large record in a member of its own that fails its check is one reject, and the run goes on.
        var own = try gzipped(filler)
        own[own.count - 8] ^= 0xFF
        let perRecord = try ArchiveFixtures.records(
            of: TrickleByteSource(own + gzipped(ResponseRecord.page(1)), step: 1 << 20), isGzip: true)
        #expect(perRecord.count == 2 && perRecord[1].hasSuffix("<p>page 1</p>"), "\(perRecord.map { $0.prefix(200) })")
        #expect(
            perRecord[0].hasPrefix("1 @0 damaged the record at offset 0 is in a damaged gzip member"), "\(perRecord.map { $0.prefix(200) })"
        )
    }
}

extension WARCRecordReaderTests {
    /// Bytes that no compressor shrinks (a SplitMix64 stream), so that gzip stores them as they are.
    private static func noise(_ count: Int, seed: UInt64) -> [UInt8] {
        var state = seed
        return (0..<count).map { _ in
            state &+= 0x9E37_79B9_7F4A_7C15
            var mixed = (state ^ (state >> 30)) &* 0xBF58_476D_1CE4_E5B9
            mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
            return UInt8(truncatingIfNeeded: mixed ^ (mixed >> 31))
        }
    }

    /// A record whose payload holds gzip data (a page's gzip, then a .warc.gz archived as a download),
    /// stored as is in its member, which breaks early: the broken record is one reject and reading resumes
    /// at the next real member. Before, the search for the next member took the payload's gzip data for
    /// members: the archived record was kept as the file's, and the rest was two more rejects.
    @Test func gzipDataInsideABrokenMembersPayloadIsNoMember() throws {
        func record(_ id: String, _ payload: [UInt8]) -> [UInt8] {
            ResponseRecord.record(Array("HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\n\r\n".utf8) + payload, id: id)
        }
        let page = try gzipped(Array("<html><body><p>a page served gzip-encoded</p></body></html>".utf8))
        let inner = try gzipped(record("inner", Array("<p>the archived page</p>".utf8)))
        let payload = Self.noise(50_000, seed: 1) + page + Self.noise(50_000, seed: 2) + inner + Self.noise(100, seed: 3)
        var broken = try gzipped(record("outer-2", payload))
        broken[12] ^= 0x55
        let first = try gzipped(record("outer-1", Array("<p>one</p>".utf8)))
        let archive = first + broken + (try gzipped(record("outer-3", Array("<p>three</p>".utf8))))
        for step in [4096, archive.count] {
            let found = try ArchiveFixtures.records(of: TrickleByteSource(archive, step: step), isGzip: true)
            #expect(found.count == 3, "\(found.map { $0.prefix(150) })")
            #expect(found.first?.hasSuffix("<p>one</p>") == true && found.last?.hasSuffix("<p>three</p>") == true)
            #expect(found.last?.hasPrefix("3 @\(first.count + broken.count) archive") == true, "\(found.map { $0.prefix(150) })")
            #expect(
                found.dropFirst().first?.hasPrefix("2 @\(first.count) damaged the gzip member at offset \(first.count) is corrupt") == true)
        }
    }

    /// Garbage between members that holds gzip's magic bytes is one reject, up to the next member: magic
    /// bytes whose member does not inflate to a record are garbage too. Before, they were a member of
    /// their own, broken: a second reject.
    @Test func magicBytesInGarbageAreGarbage() throws {
        let first = try gzipped(ResponseRecord.page("a", id: "a"))
        let junk = Array("junk".utf8) + [0x1F, 0x8B, 0x08, 0x00] + Array("more junk".utf8)
        let archive = try first + junk + gzipped(ResponseRecord.page("b", id: "b"))
        for step in [7, archive.count] {
            let found = try ArchiveFixtures.records(of: TrickleByteSource(archive, step: step), isGzip: true)
            #expect(found.count == 3 && found.last?.hasSuffix("<p>page b</p>") == true, "\(found)")
            #expect(
                found[1]
                    == "2 @\(first.count) damaged \(junk.count) bytes at offset \(first.count) are not gzip data (garbage between members)")
        }
    }
}

extension WARCRecordReaderTests {
    /// A run of empty gzip members leaves one event (the member that gives the bytes after them), not one
    /// each: 100,000 of them kept 100,000 events in one read, memory no record limit bounded. The record
    /// after them is found at its own member's offset.
    @Test func emptyGzipMembersKeepNoEventEach() throws {
        let empty = StoredGzip.member([])
        let archive = Array(repeatElement(empty, count: 100_000).joined()) + (try gzipped(ResponseRecord.page("a", id: "a")))
        let stream = try ArchiveByteStream(source: TrickleByteSource(archive, step: archive.count), isGzip: true, displayName: "a")
        var buffer: [UInt8] = []
        while try stream.read(into: &buffer, maxCount: 1 << 20) > 0 {}
        #expect(stream.takeEvents() == [.memberStart(decompressed: 0, compressed: 100_000 * empty.count)])
        let found = try ArchiveFixtures.records(of: TrickleByteSource(archive, step: 4096), isGzip: true)
        #expect(found.count == 1 && found[0].hasPrefix("1 @\(100_000 * empty.count) archive"), "\(found)")
    }
}

extension WARCRecordReaderTests {
    /// A record over the size limit whose block is split into 190,000 gzip members of 16 bytes: the
    /// member starts inside it are dropped as it streams past, so the events waiting stay few and the
    /// records around it are read. Before, each member's start waited until the record ended: memory grew
    /// with the members, not with the limit (a million members of 4 bytes: 98 MB at peak, now 36 MB).
    @Test func aRecordStreamedPastOverManyTinyMembersKeepsFewEvents() throws {
        let block = Array(ResponseRecord.pageHead.utf8) + Array(repeating: UInt8(ascii: "x"), count: 3_000_000)
        let huge = ResponseRecord.record(block, id: "huge")
        let headerEnd = huge.count - block.count - 4
        let archive =
            StoredGzip.member(ResponseRecord.page(1)) + StoredGzip.member(Array(huge[..<headerEnd]))
            + StoredGzip.members(Array(huge[headerEnd...]), every: 16) + StoredGzip.member(ResponseRecord.page(2))
        for step in [4096, 1 << 20] {
            let source = TrickleByteSource(archive, step: step)
            let reader = WARCRecordReader(
                stream: try ArchiveByteStream(source: source, isGzip: true, displayName: "a"), name: "a", maxRecordBytes: 100_000)
            var mostPending = 0
            source.onRead = { [unowned reader] in mostPending = max(mostPending, reader.pendingEvents) }
            let found = try ArchiveFixtures.records(from: reader)
            let second = StoredGzip.member(ResponseRecord.page(1)).count
            #expect(mostPending <= 2 * ArchiveByteStream.maxEventsPerRead, "\(step): \(mostPending) events waited")
            #expect(
                found.count == 3 && found[0].hasSuffix("<p>page 1</p>") && found[1] == "2 @\(second) oversized \(block.count)"
                    && found[2].hasSuffix("<p>page 2</p>"), "\(step): \(found)")
        }
    }
}

extension WARCRecordReaderTests {
    /// The records a wrong claim streamed past took with it are named in its reject as every record is:
    /// the compressed offset of the gzip member each lies in and its offset in that member's bytes, which
    /// a seek and an inflate find (`tail -c +$((N+1)) | zcat | tail -c +$((K+1))`). Here the claim's
    /// record and those after it share a member after the first record's own, or the file is cut into
    /// members every 97 bytes. Before, the message gave offsets in the whole file's decompressed bytes.
    @Test func recordsLostWithAClaimAreNamedByTheirMemberAndTheirOffsetInIt() throws {
        for error in [60, 150] {
            let (bytes, offsets, _) = claimArchive(error: error)
            let layouts = [
                try gzipped(Array(bytes[..<offsets[1]])) + gzipped(Array(bytes[offsets[1]...])),
                StoredGzip.members(bytes, every: 97),
            ]
            for archive in layouts {
                let found = try ArchiveFixtures.records(
                    of: TrickleByteSource(archive, step: 4096), isGzip: true, maxRecordBytes: 1000)
                let reject = found.dropFirst().first ?? ""
                let lost = try #require(reject.range(of: "more than one record in a member): ")?.upperBound, "\(found)")
                let named = reject[lost...].prefix { $0 != ";" }
                let places = named.matches(of: /offsets? (\d+) (?:to (\d+) )?in the gzip member at offset (\d+)/)
                    .flatMap { match in
                        [match.output.1, match.output.2].compactMap { $0 }.map { (Int($0)!, Int(match.output.3)!) }
                    }
                #expect(places.count == (error == 60 ? 1 : 2) && named.hasSuffix("lost with it"), "\(error): \(named)")
                for ((inMember, member), number) in zip(places, 2...) {
                    let text = String(
                        decoding: try inflatedMembers(Array(archive[member...])).dropFirst(inMember).prefix(80), as: UTF8.self)
                    #expect(
                        text.hasPrefix("WARC/1.0\r\nWARC-Type: conversion\r\nWARC-Record-ID: <urn:uuid:\(number)>"), "\(named): \(text)")
                }
            }
        }
    }

    /// The members of `archive` inflated one after another, as `zcat` gives them.
    private func inflatedMembers(_ archive: [UInt8]) throws -> [UInt8] {
        let folder = TemporaryFolder()
        return try gunzippedBytes(folder.write("tail.gz", archive))
    }
}
