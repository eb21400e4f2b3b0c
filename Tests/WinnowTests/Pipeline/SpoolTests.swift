import Foundation
import Testing
import WinnowTestSupport

@testable import Winnow

/// The spool between passes: its line prefix round trips, and the fingerprint that exact's map
/// step carries in it decides the apply step exactly as computing the fingerprint again would.
@Suite struct SpoolTests {
    private let spool = Spool(sources: ["first.jsonl", "second.jsonl"])
    private let document = Document(
        id: "d", text: "some text", origin: DocumentOrigin(source: "second.jsonl", line: 7),
        offset: 1234)

    @Test(arguments: [nil, 0, 0x0123_4567_89AB_CDEF, UInt64.max] as [UInt64?])
    func prefixRoundTrips(key: UInt64?) throws {
        var bytes: [UInt8] = []
        spool.appendPrefix(of: document, key: key, to: &bytes)
        DocumentEncoder().encode(document, into: &bytes)
        let prefix = try #require(spool.parsePrefix(bytes[...]))
        #expect(prefix.origin == document.origin)
        #expect(prefix.offset == 1234)
        #expect(prefix.key == key)
        #expect(bytes[prefix.json...].starts(with: Array(#"{"id":"d""#.utf8)))
    }

    @Test(arguments: [
        "1 7 1234 #0123 {}", "1 7 1234 #0123456789abcdeg {}", "1 7 1234 #0123456789abcdef0 {}",
        "2 7 1234 {}",
    ])
    func aDamagedPrefixIsRefused(line: String) {
        #expect(spool.parsePrefix(Array(line.utf8)[...]) == nil)
    }

    @Test func exactsApplyStepJudgesByTheCarriedFingerprint() throws {
        let stage = ExactStage(options: ExactOptions())
        var tally = ExactTally()
        let keeper = Document(id: "k", text: "The same words, here", origin: DocumentOrigin(source: "in", line: 1))
        let key = try #require(stage.mapCarrying(keeper, into: &tally))
        #expect(key == WordHasher.fingerprint(of: "the same words here").hash)
        let remover = stage.apply(using: tally)
        func other(carrying key: UInt64?) -> Document {
            var document = Document(id: "o", text: "words of its own", origin: DocumentOrigin(source: "in", line: 2))
            document.carriedKey = key
            return document
        }
        var plain = other(carrying: nil)
        #expect(remover.process(&plain) == .keep)
        var carrying = other(carrying: key)
        #expect(remover.process(&carrying) == .remove(reason: ExactRemover.reason))
        // A stage that changes the text drops what was carried for the old text.
        var changed = other(carrying: key)
        changed.text = "words of its own"
        #expect(changed.carriedKey == nil)
        #expect(remover.process(&changed) == .keep)
    }

    /// A gzip input is spooled (fingerprints carried), a plain one read again (fingerprints computed):
    /// the two runs of exact decide alike.
    @Test func carriedFingerprintsGiveTheOutputOfComputedOnes() async throws {
        let folder = TemporaryFolder()
        var bytes: [UInt8] = []
        for index in 0..<40 {
            let text = index % 3 == 0 ? "A story told twice, word for word" : "Story \(index % 7) of its own words"
            bytes += Array(#"{"id": "d\#(index)", "text": "\#(index % 2 == 0 ? text.uppercased() : text)"}"#.utf8) + [0x0A]
        }
        let inputs = [("plain", folder.write("corpus.jsonl", bytes)), ("gzip", folder.write("corpus.jsonl.gz", try gzipped(bytes)))]
        var outputs: [[String?]] = []
        for (name, input) in inputs {
            let summary = try await runSteps(
                [.corpus(ExactStage(options: ExactOptions()))],
                inputs: [.jsonl(path: input, name: "corpus")], output: folder.file("\(name).jsonl")
            ) {
                $0.removedOutput = folder.file("\(name).removed.jsonl")
            }
            #expect(summary.removed == 40 - 8)
            #expect(summary.spooledBytes > 0 || name == "plain")
            outputs.append(["", ".removed"].map { folder.read("\(name)\($0).jsonl") })
        }
        #expect(outputs[0] == outputs[1])
    }
}
