import Foundation
import Testing
import WinnowTestSupport

@testable import Winnow

/// exact's and templates' maps in one pass (`SharedMap`) give what a pass of each gives: the same
/// documents kept and removed, the same counts and the same template summary, whatever the threads.
@Suite struct SharedMapTests {
    /// Pages of five sites sharing a header and footer, then exact copies of some: on the same site
    /// under another id, on another site, under the same id, in capitals (the same folded text), and
    /// pages exact cannot fingerprint (no words) or must reject (no text).
    private func corpus(in folder: TemporaryFolder) -> String {
        var random = SeededRandom.forTest(0x5A4E)
        var lines: [String] = []
        var pages: [(id: String, url: String, text: String)] = []
        for site in 0..<5 {
            for page in 0..<(8 + site * 3) {
                let body = (0..<3).map { line in
                    (0..<12).map { _ in "w\(Int.random(in: 0..<5000, using: &random))" }.joined(separator: " ") + " \(line)."
                }
                let text =
                    (["Site \(site) header menu home about", "Updated \(page % 3) days ago"] + body + ["Copyright site \(site) footer"])
                    .joined(separator: "\\n")
                pages.append(("s\(site)-p\(page)", "https://site\(site).example/p\(page)", text))
            }
        }
        func line(_ id: String, _ url: String, _ text: String) -> String {
            #"{"id": "\#(id)", "url": "\#(url)", "text": "\#(text)"}"#
        }
        lines += pages.map { line($0.id, $0.url, $0.text) }
        for (index, page) in pages.enumerated() where index % 3 == 0 {
            switch index % 4 {
            case 0: lines.append(line(page.id + "-copy", page.url + "?copy", page.text))
            case 1: lines.append(line("a-" + page.id, "https://mirror\(index % 2).example/x\(index)", page.text))
            case 2: lines.append(line(page.id, page.url, page.text))
            default: lines.append(line("caps-" + page.id, page.url, page.text.uppercased().replacingOccurrences(of: "\\N", with: "\\n")))
            }
        }
        lines += [line("dashes", "https://site0.example/d", "--- ... ---"), #"{"id": "no-text"}"#, "not json"]
        lines.shuffle(using: &random)
        return folder.write("corpus.jsonl", lines.joined(separator: "\n") + "\n")
    }

    private struct Outcome {
        var files: [String?]
        var summary: RunSummary
        var passes: Int
        var spooledBytes: Int
    }

    private func run(
        _ steps: [PipelineStep], input: InputSpec, sharing: Bool, threads: Int, in folder: TemporaryFolder, name: String
    ) async throws -> Outcome {
        var summary = try await runSteps(steps, inputs: [input], output: folder.file("\(name).jsonl")) {
            $0.removedOutput = folder.file("\(name).removed.jsonl")
            $0.rejectsOutput = folder.file("\(name).rejects.jsonl")
            $0.spoolDirectory = folder.path
            $0.sharesMapPasses = sharing
            $0.threads = threads
        }
        let (passes, spooledBytes) = (summary.passes, summary.spooledBytes)
        (summary.passes, summary.spooledBytes, summary.wallSeconds) = (0, 0, 0)
        summary.outputs = .init()
        for index in summary.stages.indices { summary.stages[index].seconds = 0 }
        let files = ["", ".removed", ".rejects", ".summary"].map { folder.read("\(name)\($0).jsonl") }
        return Outcome(files: files, summary: summary, passes: passes, spooledBytes: spooledBytes)
    }

    @Test(arguments: [1, 3]) func aSharedPassGivesWhatSeparatePassesGive(threads: Int) async throws {
        let folder = TemporaryFolder()
        let input = corpus(in: folder)
        for leading in [false, true] {
            var options = TemplateOptions()
            // Without a document stage first the plain input is read again rather than spooled.
            let steps: [PipelineStep] =
                (leading ? [.document(NormalizeStage(options: NormalizeOptions()))] : [])
                + [.corpus(ExactStage(options: ExactOptions())), .corpus(TemplatesStage(options: options))]
            var outcomes: [Outcome] = []
            for sharing in [false, true] {
                let name = "\(leading)-\(sharing)"
                options.summary = folder.file("\(name).summary.jsonl")
                let steps = steps.dropLast() + [.corpus(TemplatesStage(options: options))]
                outcomes.append(
                    try await run(
                        Array(steps), input: .jsonl(path: input, name: "corpus"), sharing: sharing, threads: threads,
                        in: folder, name: name))
            }
            let (separate, shared) = (outcomes[0], outcomes[1])
            #expect(separate.files == shared.files)
            #expect(separate.summary == shared.summary)
            #expect(separate.passes == 3 && shared.passes == 2)
            #expect(separate.summary.stages[step: leading ? 1 : 0].removed[RemovalReason.exactDuplicate] ?? 0 >= 10)
            #expect(separate.summary.rejected == 2 && separate.summary.isBalanced)
            // Every file was written, and the summary counts the sites' pages after exact's removals.
            #expect(shared.files.allSatisfy { $0 != nil })
            #expect(shared.files[3]?.contains("site0.example") == true)
        }
    }

    /// What the retraction step asks exact is what exact's apply does to each document.
    @Test func exactSaysWhichDocumentsItsApplyRemoves() {
        let stage = ExactStage(options: ExactOptions())
        let texts = ["one two three", "One, two. Three!", "four five", "one two three", "--- ---"]
        let documents = texts.enumerated().map { index, text in
            Document(id: index == 3 ? "d0" : "d\(index)", text: text, origin: DocumentOrigin(source: "in", line: index + 1))
        }
        var tally = ExactTally()
        let keys = documents.map { stage.mapCarrying($0, into: &tally) }
        let remover = stage.apply(using: tally)
        var removed: [Bool] = []
        for (document, key) in zip(documents, keys) {
            var copy = document
            let verdict = remover.process(&copy)
            let isRemoved = if case .remove = verdict { true } else { false }
            removed.append(isRemoved)
            if let key {
                #expect(stage.removes(key: key, id: document.id, origin: document.origin, using: tally) == removed.last)
            }
        }
        // The longest copy stays (keep: longest): the one with punctuation.
        #expect(removed == [true, false, false, true, false])
        #expect(keys[4] == nil, "no words, no fingerprint: never removed")
    }

    @Test func retractionRecordsRoundTripAndDamageIsRefused() {
        var bytes: [UInt8] = []
        RetractionRecord.appendHead(key: 0x0102_0304_0506_0708, id: "dé-1", to: &bytes)
        bytes += [9, 8, 7]
        let record = RetractionRecord(bytes[...])
        #expect(record?.key == 0x0102_0304_0506_0708 && record?.id == "dé-1" && record?.contribution.elementsEqual([9, 8, 7]) == true)
        #expect(RetractionRecord(bytes.prefix(7)) == nil)
        #expect(RetractionRecord(bytes.prefix(11)) == nil, "the id cut short")
    }
}
