import Testing
import WinnowTestSupport

@testable import Winnow

/// What an error that stops a run says became of its outputs: nothing written when they are files,
/// how many records went where when a stream had some (it said nothing was written in every case).
@Suite struct StreamedOutcomeTests {
    static let stopped = WinnowError(.damagedInput, stoppingRun: "records read from this stream cannot be trusted", path: "in.gz")

    @Test func filesAndEmptyStreamsHoldNothing() throws {
        let folder = TemporaryFolder()
        let file = try OutputFile(path: folder.file("out.jsonl"))
        try file.write(Array(repeating: 0x0A, count: 1 << 17), records: 1 << 17)
        let device = try OutputFile(path: "/dev/null")
        for outputs in [[file], [device], [file, device, nil]] {
            #expect(
                Self.stopped.restated(for: outputs).description
                    == "in.gz: records read from this stream cannot be trusted; no output was written")
        }
    }

    /// Records buffered but not yet written are not counted; each stream is named with what it got.
    @Test func streamsThatGotRecordsAreCounted() throws {
        let folder = TemporaryFolder()
        let file = try OutputFile(path: folder.file("out.jsonl"))
        let cleaned = try OutputFile(path: "/dev/null")
        try cleaned.write(Array(repeating: 0x0A, count: 3), records: 3)
        #expect(cleaned.recordsSent == 0)
        try cleaned.write(Array(repeating: 0x0A, count: 1 << 16), records: 1 << 16)
        #expect(cleaned.recordsSent == 3 + 1 << 16)
        let removed = try OutputFile(path: "/dev/zero")
        try removed.write(Array(repeating: 0x0A, count: 1 << 20), records: 1)
        #expect(
            Self.stopped.restated(for: [cleaned]).description
                == "in.gz: records read from this stream cannot be trusted; 65539 records had already gone to /dev/null, "
                + "which cannot take them back: they cannot be trusted, and the exit status (not 0) says so")
        #expect(
            Self.stopped.restated(for: [cleaned, file, removed]).description
                == "in.gz: records read from this stream cannot be trusted; no file output was written, but 65539 records "
                + "had already gone to /dev/null and 1 to /dev/zero, which cannot take them back: they cannot be trusted, "
                + "and the exit status (not 0) says so")
    }

    /// Lines a writer drains into a stream without counting them count as its records.
    @Test func drainedLinesAreCountedOnAStream() throws {
        let device = try OutputFile(path: "/dev/null")
        var buffer = Array(String(repeating: "row\n", count: 300_000).utf8)
        try device.drain(&buffer)
        #expect(device.recordsSent == 300_000 && buffer.isEmpty)
    }

    /// An error that says nothing of the outputs is left as it is.
    @Test func otherErrorsAreUnchanged() throws {
        let device = try OutputFile(path: "/dev/null")
        try device.write(Array(repeating: 0x0A, count: 1 << 16), records: 1 << 16)
        let plain = WinnowError(.io, "write failed", path: "x")
        #expect(plain.restated(for: [device]).description == "x: write failed")
    }
}
