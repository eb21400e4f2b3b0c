import Foundation
import Testing
import WinnowTestSupport

@testable import Winnow

/// The folded lines that templates' map step carries to its apply step in the spool: they decode
/// to the lines folding finds, decide apply as folding again would, and are dropped or refused
/// when the text changed or the bytes are damaged.
@Suite struct CarriedLinesTests {
    static let texts = [
        "", "one line", "a\nb\n\nc", "  \n\t\nHeader | Menu\r\n\r\nBody text here.\n—\n\n© 2024\n",
        "ünïcödé 20 July 2019\n\n\n\n\n\nlast", "|\n32\n✔\n",
        "old Mac\rlines\r\rand\u{2028}separators\u{2029}\u{85}of\u{0B}every\u{0C}kind\r",
    ]

    @Test(arguments: texts)
    func decodedLinesAreTheFoldedOnes(text: String) throws {
        var text = text
        try text.withUTF8 { bytes in
            let page = PageLines(bytes)
            let decoded = try #require(CarriedLines.decode(CarriedLines.encode(page), text: bytes))
            #expect(decoded.lines.count == page.lines.count)
            for (left, right) in zip(decoded.lines, page.lines) {
                #expect(left.start == right.start && left.end == right.end && left.number == right.number)
                #expect(left.folded == right.folded)
            }
        }
    }

    @Test func damagedBytesAreRefused() {
        var text = "first line\nsecond line\n"
        text.withUTF8 { bytes in
            let carried = CarriedLines.encode(PageLines(bytes))
            #expect(CarriedLines.decode(Array(carried.dropLast()), text: bytes) == nil)
            #expect(CarriedLines.decode(carried + [0x80], text: bytes) == nil)
            // A line number past the text's end, and a blank line.
            #expect(CarriedLines.decode([9, 2] + [UInt8](repeating: 1, count: 8), text: bytes) == nil)
            #expect(CarriedLines.decode([3, 2] + [UInt8](repeating: 1, count: 8), text: bytes) == nil)
        }
    }

    /// Apply with the carried lines gives what apply that folds gives; lines carried from another
    /// text decide instead (so the carried ones are the ones used); a changed text drops them.
    @Test func applyUsesTheCarriedLinesWhileTheTextIsUnchanged() throws {
        let stage = TemplatesStage(options: TemplateOptions())
        var counts = TemplateCounts()
        let pages = (0..<6).map { TemplatesStageTests.page($0) }
        var carried: [[UInt8]] = []
        for page in pages {
            guard let bytes = stage.mapCarried(page, into: &counts)?.bytes else { Issue.record("nothing carried"); return }
            carried.append(bytes)
        }
        let remover = stage.apply(using: counts)
        for (page, bytes) in zip(pages, carried) {
            var folded = page
            var carrying = page
            carrying.carriedBytes = bytes
            #expect(remover.process(&folded) == remover.process(&carrying))
            #expect(folded.text == carrying.text && folded.text != page.text)
        }
        // Lines carried that all say "the header line": the carried keys decide, the page goes.
        var text = pages[0].text!
        let allHeader = text.withUTF8 { bytes in
            let lines = PageLines(bytes).lines
            return CarriedLines.encode(
                PageLines(
                    lines: lines.map {
                        var line = $0; line.folded = lines[0].folded; return line
                    }))
        }
        var foreign = pages[0]
        foreign.carriedBytes = allHeader
        #expect(remover.process(&foreign) == .remove(reason: RemovalReason.templateOnly))
        var swapped = pages[0]
        var headerless = pages[0]
        headerless.text = swapped.text.map { $0.split(separator: "\n").dropFirst(3).joined(separator: "\n") }
        let firstCarried: [UInt8] = try #require(carried.first)
        swapped.carriedBytes = firstCarried
        swapped.text = headerless.text
        #expect(swapped.carriedBytes == nil)
        #expect(remover.process(&swapped) == remover.process(&headerless))
        #expect(swapped.text == headerless.text)
    }

    /// A gzip input is spooled (lines carried), a plain one read again (lines folded): the two runs
    /// of normalize then templates, and of templates twice, write the same outputs.
    @Test(arguments: [false, true])
    func carriedLinesGiveTheOutputOfFoldedOnes(twice: Bool) async throws {
        let folder = TemporaryFolder()
        var bytes: [UInt8] = []
        for index in 0..<24 {
            let page = TemplatesStageTests.page(index, site: index % 2 == 0 ? "a.example" : "b.example")
            var text = page.text!
            if index % 5 == 0 { text = text.replacingOccurrences(of: "\n", with: "\r\n\n  ") }
            let line: [String: String] = ["id": page.id, "url": page.url!, "text": text]
            bytes += try JSONSerialization.data(withJSONObject: line, options: [.sortedKeys]) + [0x0A]
        }
        let inputs = [("plain", folder.write("corpus.jsonl", bytes)), ("gzip", folder.write("corpus.jsonl.gz", try gzipped(bytes)))]
        var options = TemplateOptions()
        options.removedLinesField = "removed_lines"
        let templates = PipelineStep.corpus(TemplatesStage(options: options))
        var outputs: [[String?]] = []
        for (name, input) in inputs {
            let steps = twice ? [templates, templates] : [.document(NormalizeStage(options: NormalizeOptions())), templates]
            let summary = try await runSteps(steps, inputs: [.jsonl(path: input, name: "corpus")], output: folder.file("\(name).jsonl")) {
                $0.removedOutput = folder.file("\(name).removed.jsonl")
            }
            #expect(summary.spooledBytes > 0 || name == "plain")
            outputs.append(["", ".removed"].map { folder.read("\(name)\($0).jsonl") })
        }
        #expect(outputs[0] == outputs[1])
        #expect(outputs[0][0]?.contains("removed_lines") == true)
    }
}
