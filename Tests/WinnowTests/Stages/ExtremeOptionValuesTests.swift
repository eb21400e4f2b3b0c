import Foundation
import Testing
import WinnowTestSupport

@testable import Winnow

/// Option values at the end of Int's range: a limit of Int.max is no limit, and an option with no
/// sensible huge value is refused with its bound, rather than trapping on overflow or hanging.
@Suite struct ExtremeOptionValuesTests {
    @Test func aPayloadLimitOfIntMaxIsNoLimit() throws {
        let page = Array(String(repeating: "<p>A paragraph of a page.</p>\n", count: 200).utf8)
        let gzip = try gzipped(page)
        #expect(try ContentDecoder.decode(gzip, encodings: "gzip", limit: .max) == page)
        // Cut short, the payload goes through zlib's streaming inflate, which sizes its buffer by the limit.
        let cut = try ContentDecoder.decode(Array(gzip.prefix(gzip.count / 2)), encodings: "gzip", limit: .max, keepCut: true)
        #expect(!cut.isEmpty && page.starts(with: cut))
    }

    @Test func intMaxBlankLinesKeepsEveryBlankLine() {
        var options = NormalizeOptions()
        options.maxBlankLines = .max
        #expect(TextNormalizer(options: options).normalize("top\n\n\n\n\nbottom") == "top\n\n\n\n\nbottom")
    }

    @Test(arguments: [
        (["shingle_words=1099511627776"], "shingle_words must be between 1 and 64"),
        (["shingle_words=65"], "shingle_words must be between 1 and 64"),
        (["bands=4294967296", "rows=4294967296"], "bands × rows"),
        (["rows=9223372036854775807"], "bands × rows"),
    ])
    func hugeNearDupSettingsAreRefused(settings: [String], message: String) {
        #expect {
            _ = try NearDupOptions.decode(settings: settings, owner: "stage 'neardup'")
        } throws: { error in
            "\(error)".contains(message)
        }
    }

    @Test func aHugeShingleWidthIsOneShingleOfTheWholeText() {
        var shingles: [UInt64] = []
        #expect(ShingleHasher(width: 1 << 40).shingles(of: "only a few words", into: &shingles) == 4)
        #expect(shingles.count == 1)
    }

    @Test func intMaxThreadsRuns() async throws {
        let folder = TemporaryFolder()
        let input = folder.write("in.jsonl", #"{"id": "a", "text": "  one  page "}"# + "\n")
        let summary = try await runPipeline(
            [NormalizeStage(options: NormalizeOptions())], inputs: [.jsonl(path: input, name: "in.jsonl")],
            output: folder.file("out.jsonl")
        ) { $0.threads = .max }
        #expect(summary.kept == 1)
    }
}
