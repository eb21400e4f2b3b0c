import Foundation
import Testing
import WinnowTestSupport

/// A run that streams its output (standard output, a pipe) cannot take back what it sent: when it
/// fails after that, it says how many records went out and that they cannot be trusted (it said that
/// nothing was written, with the records on standard output); and it says when removed documents
/// have nowhere to go.
@Suite struct StreamedOutputCommandLineTests {
    let cli = CommandLineTests()

    /// About 3 MB of records of made-up words, which gzip to more than the 1 MiB that is inflated
    /// whole (and checked before any record is handed out): records reach standard output before the
    /// input's end.
    static let pages: String = {
        var state: UInt64 = 1
        func word() -> String {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return String((state >> 24) % 36_000_000_000, radix: 36)
        }
        return (0..<3000).map { number in
            "{\"id\":\"p\(number)\",\"text\":\"" + (0..<120).map { _ in word() }.joined(separator: " ") + "\"}\n"
        }.joined()
    }()

    /// A gzip input whose checksum fails at its end, after its records were streamed.
    @Test func aFailedChecksumSaysHowManyRecordsWentToStandardOutput() throws {
        let folder = TemporaryFolder()
        var compressed = try gzipped(Array(Self.pages.utf8))
        compressed[compressed.count - 6] ^= 0x01
        folder.write("in.jsonl.gz", compressed)
        let streamed = try cli.winnow(["normalize", "in.jsonl.gz"], in: folder.path)
        let sent = streamed.stdout.split(separator: "\n").count
        #expect(streamed.status == 1)
        #expect(sent > 0)
        #expect(
            streamed.stderr.contains(
                "records read from this stream cannot be trusted; repair or re-fetch the file; \(sent) records had already "
                    + "gone to standard output, which cannot take them back: they cannot be trusted, and the exit status "
                    + "(not 0) says so"), "\(streamed.stderr)")
        #expect(!streamed.stderr.contains("nothing was written") && !streamed.stderr.contains("no output was written"))
        let filed = try cli.winnow(["normalize", "in.jsonl.gz", "-o", "out.jsonl"], in: folder.path)
        #expect(filed.status == 1)
        #expect(filed.stderr.contains("repair or re-fetch the file; no output was written"), "\(filed.stderr)")
        #expect(folder.listing() == ["in.jsonl.gz"])
    }

    /// A map step writing its signatures file to a stream says how many signature lines went out.
    @Test func aFailedChecksumSaysHowManySignaturesWentToAStream() throws {
        let folder = TemporaryFolder()
        var compressed = try gzipped(Array(Self.pages.utf8))
        compressed[compressed.count - 6] ^= 0x01
        folder.write("in.jsonl.gz", compressed)
        let map = try cli.winnow(["neardup", "map", "in.jsonl.gz", "-o", "/dev/stdout"], in: folder.path)
        let sent = map.stdout.split(separator: "\n").filter { $0.contains("\"signature\":") }.count
        #expect(map.status == 1)
        #expect(sent > 0)
        #expect(
            map.stderr.contains("repair or re-fetch the file; \(sent) records had already gone to standard output,"),
            "\(map.stderr)")
    }

    /// More rejects than allowed after records were streamed: exit 2, the count of what went out, and
    /// the rejects file not written.
    @Test func tooManyRejectsSaysHowManyRecordsWentToStandardOutput() throws {
        let folder = TemporaryFolder()
        folder.write("in.jsonl", Self.pages + "{bad\n{bad\n{bad\n")
        let outcome = try cli.winnow(
            ["normalize", "in.jsonl", "--max-rejects", "2", "--rejects", "rejects.jsonl"], in: folder.path)
        let sent = outcome.stdout.split(separator: "\n").count
        #expect(outcome.status == 2)
        #expect(sent > 0)
        #expect(
            outcome.stderr.contains(
                "3 records rejected, more than --max-rejects 2; no file output was written, but \(sent) records had "
                    + "already gone to standard output"), "\(outcome.stderr)")
        #expect(folder.listing() == ["in.jsonl"])
    }

    /// Without a removed output (none is made beside standard output or a device), the removed
    /// documents are only counted: the run says so once, unless quiet.
    @Test func removedDocumentsWithNowhereToGoAreNoted() throws {
        let folder = TemporaryFolder()
        folder.write("in.jsonl", "{\"id\":\"a\",\"text\":\"same words\"}\n{\"id\":\"b\",\"text\":\"same words\"}\n")
        let streamed = try cli.winnow(["exact", "in.jsonl"], in: folder.path)
        #expect(streamed.status == 0)
        #expect(streamed.stdout == "{\"id\":\"a\",\"text\":\"same words\"}\n")
        let note =
            "note: 1 removed document was counted but not written: no removed output is made beside standard output; "
            + "give --removed FILE to keep them"
        #expect(streamed.stderr.components(separatedBy: note).count == 2, "\(streamed.stderr)")
        let device = try cli.winnow(["exact", "in.jsonl", "-o", "/dev/null"], in: folder.path)
        #expect(device.stderr.contains("no removed output is made beside a device, pipe or descriptor (/dev/null)"))
        for arguments in [["-q"], ["--removed", "removed.jsonl"], ["-o", "out.jsonl"]] {
            let outcome = try cli.winnow(["exact", "in.jsonl"] + arguments, in: folder.path)
            #expect(outcome.status == 0)
            #expect(!outcome.stderr.contains("note:"), "\(arguments): \(outcome.stderr)")
        }
    }
}
