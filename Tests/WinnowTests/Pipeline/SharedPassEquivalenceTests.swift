import Foundation
import Testing
import WinnowTestSupport

@testable import Winnow

/// Templates mapped in exact's pass (`SharedMap`) across keep policies, site modes, inputs, framing,
/// pipelines and failures: every run here is made twice, with `sharesMapPasses` false and true, and
/// must give the same output, removed, rejects and summary files and the same run summary (passes,
/// spooled bytes and seconds aside).
@Suite struct SharedPassEquivalenceTests {
    /// Pages of several sites with a shared header and footer, a `date` field (sometimes missing or a
    /// number), a `site` field, then copies exact removes or keeps: same site other id, other site,
    /// same id, capitals, a copy that is the only page of its site, copies sharing an id with another
    /// text, ids with escapes, pages without words and malformed lines.
    static func corpusLines(seed: UInt64, sites: Int = 5) -> [String] {
        var random = SeededRandom.forTest(seed)
        var lines: [String] = []
        var pages: [(id: String, url: String, text: String, date: String)] = []
        for site in 0..<sites {
            for page in 0..<(6 + site * 2) {
                let body = (0..<3).map { line in
                    (0..<10).map { _ in "w\(Int.random(in: 0..<3000, using: &random))" }.joined(separator: " ") + " \(line)."
                }
                let text =
                    (["Site \(site) header menu home about", "Updated \(page % 3) days ago"] + body + ["Copyright site \(site) footer"])
                    .joined(separator: "\\n")
                let date =
                    switch page % 5 {
                    case 0: ""
                    case 1: #", "date": \#(page * 7 % 11)"#
                    default: #", "date": "2024-0\#(1 + page % 9)-1\#(page % 10)""#
                    }
                pages.append(("s\(site)-p\(page)", "https://site\(site).example/p\(page)", text, date))
            }
        }
        func line(_ id: String, _ url: String, _ text: String, _ extra: String = "") -> String {
            #"{"id": "\#(id)", "url": "\#(url)", "site": "\#(url.split(separator: "/").dropFirst().first ?? "")", "text": "\#(text)"\#(extra)}"#
        }
        lines += pages.map { line($0.id, $0.url, $0.text, $0.date) }
        for (index, page) in pages.enumerated() where index % 2 == 0 {
            switch index % 7 {
            case 0: lines.append(line(page.id + "-copy", page.url + "?copy", page.text, #", "date": "2030-01-01""#))
            case 1: lines.append(line("a-" + page.id, "https://mirror\(index % 2).example/x\(index)", page.text))
            case 2: lines.append(line(page.id, page.url, page.text, page.date))
            case 3:
                lines.append(
                    line("caps-" + page.id, page.url, page.text.uppercased().replacingOccurrences(of: "\\N", with: "\\n"), #", "date": 1"#))
            case 4: lines.append(line("lonely-\(index)", "https://lonely\(index).example/only", page.text))
            case 5: lines.append(line(#"esc\u00e9\/\#(index)"#, page.url + "#e", page.text))
            default: lines.append(line(page.id, page.url + "/other", "Another text entirely for \(page.id) with words"))
            }
        }
        lines += [
            line("dashes", "https://site0.example/d", "--- ... ---"),
            line("dashes2", "https://site0.example/d2", "--- ... ---"),
            line("empty", "https://site1.example/e", ""),
            line("empty2", "https://site1.example/e2", ""),
            #"{"text": "no id here but words Site 0 header menu home about"}"#,
            #"{"text": "no id here but words Site 0 header menu home about"}"#,
            #"{"id": 17, "url": "https://site2.example/n", "text": "numeric id words here"}"#,
            #"{"id": 17.0, "url": "https://site2.example/n2", "text": "numeric id words here"}"#,
            "not json",
        ]
        lines.shuffle(using: &random)
        return lines
    }

    struct Outcome: Equatable {
        var files: [String?]
        var summary: RunSummary
    }

    static let fileSuffixes = ["", ".removed", ".rejects", ".summary"]

    /// Runs `makeSteps` (given the summary path) separately and shared; returns both outcomes and the passes.
    static func compare(
        _ makeSteps: (String) -> [PipelineStep], inputs: [InputSpec], threads: Int, in folder: TemporaryFolder, tag: String,
        configure: (inout RunConfiguration) -> Void = { _ in }
    ) async throws -> (separate: Outcome, shared: Outcome, passes: (Int, Int)) {
        var outcomes: [Outcome] = []
        var passes: [Int] = []
        for sharing in [false, true] {
            let name = "\(tag)-\(sharing)"
            let steps = makeSteps(folder.file("\(name).summary.jsonl"))
            var summary = try await runSteps(steps, inputs: inputs, output: folder.file("\(name).jsonl")) {
                $0.removedOutput = folder.file("\(name).removed.jsonl")
                $0.rejectsOutput = folder.file("\(name).rejects.jsonl")
                $0.spoolDirectory = folder.path
                $0.threads = threads
                configure(&$0)
                $0.sharesMapPasses = sharing
            }
            passes.append(summary.passes)
            (summary.passes, summary.spooledBytes, summary.wallSeconds) = (0, 0, 0)
            summary.outputs = .init()
            for index in summary.stages.indices { summary.stages[index].seconds = 0 }
            outcomes.append(Outcome(files: fileSuffixes.map { folder.read("\(name)\($0).jsonl") }, summary: summary))
        }
        return (outcomes[0], outcomes[1], (passes[0], passes[1]))
    }

    static func sortedLines(_ text: String) -> [Substring] { text.split(separator: "\n").sorted() }

    static func exact(_ keep: KeepPolicy = .longest) -> PipelineStep {
        var options = ExactOptions()
        options.keep = keep
        return .corpus(ExactStage(options: options))
    }

    static func templates(summary: String, site: TemplateOptions.SiteMode = .host, removedLines: String = "") -> PipelineStep {
        var options = TemplateOptions()
        options.summary = summary
        options.site = site
        options.removedLinesField = removedLines
        return .corpus(TemplatesStage(options: options))
    }

    static func expectSame(_ result: (separate: Outcome, shared: Outcome, passes: (Int, Int)), _ comment: Comment) {
        for (index, suffix) in fileSuffixes.enumerated() {
            let (separate, shared) = (result.separate.files[index], result.shared.files[index])
            // The same lines first (a clearer failure than the byte comparison), then the same bytes.
            #expect(separate.map(sortedLines) == shared.map(sortedLines), "\(comment) file \(suffix): other lines")
            #expect(separate == shared, "\(comment) file \(suffix): other bytes")
        }
        #expect(result.separate.summary == result.shared.summary, comment)
        #expect(result.separate.files[0] != nil)
        #expect(result.separate.summary.isBalanced, comment)
    }

    // MARK: the removed output's order

    /// With separate passes the removed output holds every document exact removes, then every one
    /// templates removes; a shared pass runs both batch by batch, so templates' removals wait in a
    /// file until the pass ends. Two inputs make two batches: exact removes a copy in the second,
    /// templates a template-only page in the first.
    @Test func removedOutputKeepsItsOrderAcrossBatches() async throws {
        let folder = TemporaryFolder()
        func page(_ id: String, _ n: Int, own: String = "") -> String {
            let text =
                ["Site header menu home about", "Copyright footer", "Contact us"].joined(separator: "\\n")
                + (own.isEmpty ? "" : "\\n" + own)
            return #"{"id": "\#(id)", "url": "https://site.example/\#(n)", "text": "\#(text)"}"#
        }
        var first = (0..<6).map { page("p\($0)", $0, own: "Own words of page \($0) in a sentence of prose.") }
        first.append(page("bare", 99))
        let a = folder.write("a.jsonl", first.joined(separator: "\n") + "\n")
        let b = folder.write("b.jsonl", page("copy", 100, own: "Own words of page 0 in a sentence of prose.") + "\n")
        let result = try await Self.compare(
            { [Self.exact(.first), Self.templates(summary: $0)] },
            inputs: [.jsonl(path: a, name: "a.jsonl"), .jsonl(path: b, name: "b.jsonl")], threads: 1, in: folder,
            tag: "order")
        let removedBy = { (text: String?) in jsonLines(text ?? "").map { $0["removed_by"] as? String ?? "?" } }
        #expect(removedBy(result.separate.files[1]).first == "exact" && removedBy(result.separate.files[1]).contains("templates"))
        #expect(removedBy(result.shared.files[1]) == removedBy(result.separate.files[1]))
        Self.expectSame(result, "two inputs")
    }

    // MARK: keep policies, threads, site modes

    @Test(arguments: [
        (KeepPolicy.longest, 1), (.first, 2), (.newest(field: "date"), 4), (.oldest(field: "date"), 1),
        (.newest(field: "missing"), 2), (.first, 4),
    ])
    func keepPoliciesAndThreads(keep: KeepPolicy, threads: Int) async throws {
        let folder = TemporaryFolder()
        let plain = folder.write("corpus.jsonl", Self.corpusLines(seed: 0xA1).joined(separator: "\n") + "\n")
        let result = try await Self.compare(
            { [Self.exact(keep), Self.templates(summary: $0)] }, inputs: [.jsonl(path: plain, name: "corpus")],
            threads: threads, in: folder, tag: "keep")
        Self.expectSame(result, "keep \(keep) threads \(threads)")
        #expect(result.passes == (3, 2))
        #expect((result.separate.summary.stages[step: 0].removed[RemovalReason.exactDuplicate] ?? 0) >= 10)
    }

    @Test(arguments: [TemplateOptions.SiteMode.field, .batch, .host])
    func siteModesAndRemovedLinesField(site: TemplateOptions.SiteMode) async throws {
        let folder = TemporaryFolder()
        let plain = folder.write("corpus.jsonl", Self.corpusLines(seed: 0xB2).joined(separator: "\n") + "\n")
        let result = try await Self.compare(
            { [Self.exact(.first), Self.templates(summary: $0, site: site, removedLines: "removed_lines")] },
            inputs: [.jsonl(path: plain, name: "corpus")], threads: 2, in: folder, tag: "site")
        Self.expectSame(result, "site \(site)")
    }

    // MARK: inputs: several, the same twice, gzip, framed

    @Test func severalInputsTheSameTwiceAndGzip() async throws {
        let folder = TemporaryFolder()
        let lines = Self.corpusLines(seed: 0xC3)
        let half = lines.count / 2
        let a = folder.write("a.jsonl", lines[..<half].joined(separator: "\n") + "\n")
        let b = folder.write("b.jsonl", lines[half...].joined(separator: "\n") + "\n")
        let gz = folder.write("c.jsonl.gz", try gzipped(Array((lines.joined(separator: "\n") + "\n").utf8)))
        let inputSets: [(String, [InputSpec])] = [
            ("two", [.jsonl(path: a, name: "a.jsonl"), .jsonl(path: b, name: "b.jsonl")]),
            ("twice", [.jsonl(path: a, name: "a.jsonl"), .jsonl(path: a, name: "a.jsonl")]),
            ("twice-named-apart", [.jsonl(path: a, name: "a.jsonl"), .jsonl(path: a, name: "a2.jsonl")]),
            ("gzip", [.jsonl(path: gz, name: "c.jsonl.gz")]),
            ("gzip-and-plain", [.jsonl(path: gz, name: "c.jsonl.gz"), .jsonl(path: a, name: "a.jsonl")]),
        ]
        for (tag, inputs) in inputSets {
            for keep in [KeepPolicy.first, .longest] {
                let result = try await Self.compare(
                    { [Self.exact(keep), Self.templates(summary: $0)] }, inputs: inputs, threads: 2, in: folder,
                    tag: "\(tag)-\(keep)")
                Self.expectSame(result, "\(tag) keep \(keep)")
            }
        }
    }

    @Test func framedInputs() async throws {
        let folder = TemporaryFolder()
        let lines = Self.corpusLines(seed: 0xD4)
        var framed: [String] = []
        var offset = 0
        for (number, line) in lines.enumerated() {
            // Two user inputs interleaved, as a partition of a cluster's shuffle may hold them.
            framed.append("\(number % 2) \(number / 2 + 1) \(offset) " + line)
            offset += line.utf8.count + 1
        }
        let frames = folder.write("frames.jsonl", framed.joined(separator: "\n") + "\n")
        for keep in [KeepPolicy.first, .longest] {
            let result = try await Self.compare(
                { [Self.exact(keep), Self.templates(summary: $0)] }, inputs: [.jsonl(path: frames, name: "stdin")],
                threads: 2, in: folder, tag: "framed-\(keep)"
            ) { $0.framedSources = ["u0.jsonl", "u1.jsonl"] }
            Self.expectSame(result, "framed keep \(keep)")
            #expect(result.passes == (3, 2))
        }
    }

    // MARK: pipelines around the pair

    @Test(arguments: [
        "exact,exact,templates", "exact,templates,templates", "normalize,exact,templates,neardup",
        "templates,exact,templates", "exact,templates,exact,templates",
    ])
    func pipelinesAroundThePair(pipeline: String) async throws {
        let folder = TemporaryFolder()
        let plain = folder.write("corpus.jsonl", Self.corpusLines(seed: 0xE5, sites: 4).joined(separator: "\n") + "\n")
        let names = pipeline.split(separator: ",").map(String.init)
        let result = try await Self.compare(
            { summary in
                var usedSummary = false
                return names.map { name -> PipelineStep in
                    switch name {
                    case "exact": return Self.exact(.first)
                    case "normalize": return .document(NormalizeStage(options: NormalizeOptions()))
                    case "neardup": return .corpus(NearDupStage(options: NearDupOptions()))
                    default:
                        // Only the last templates writes the summary (one side file per path).
                        defer { usedSummary = true }
                        return Self.templates(summary: usedSummary ? "" : summary)
                    }
                }
            }, inputs: [.jsonl(path: plain, name: "corpus")], threads: 2, in: folder, tag: "pipe")
        Self.expectSame(result, "\(pipeline)")
    }

    // MARK: failures leave nothing behind

    @Test(arguments: [false, true]) func maxRejectsMidRunLeavesNoSpoolOrRetractionFiles(gzip: Bool) async throws {
        let folder = TemporaryFolder()
        let spool = folder.file("spool")
        try FileManager.default.createDirectory(atPath: spool, withIntermediateDirectories: true)
        // Good records first, so that batches are mapped and retraction records written before the limit is hit.
        var lines = Self.corpusLines(seed: 0xF6, sites: 8).filter { $0 != "not json" }
        lines += (0..<50).map { "bad \($0)" }
        let text = lines.joined(separator: "\n") + "\n"
        let input =
            gzip
            ? folder.write("in.jsonl.gz", try gzipped(Array(text.utf8))) : folder.write("in.jsonl", text)
        for sharing in [false, true] {
            await #expect(throws: WinnowError.self) {
                _ = try await runSteps(
                    [Self.exact(), Self.templates(summary: "")], inputs: [.jsonl(path: input, name: "in")],
                    output: folder.file("out-\(sharing).jsonl")
                ) {
                    $0.spoolDirectory = spool
                    $0.maxRejects = 10
                    $0.threads = 2
                    $0.sharesMapPasses = sharing
                }
            }
            let left = (try? FileManager.default.contentsOfDirectory(atPath: spool)) ?? []
            #expect(left.isEmpty, "sharing \(sharing): \(left)")
            #expect(!FileManager.default.fileExists(atPath: folder.file("out-\(sharing).jsonl")))
        }
    }

    /// After a successful shared run the spool directory holds nothing: not the spool, not the retractions.
    @Test func aSharedRunLeavesNoFilesInTheSpoolDirectory() async throws {
        let folder = TemporaryFolder()
        let spool = folder.file("spool")
        try FileManager.default.createDirectory(atPath: spool, withIntermediateDirectories: true)
        let text = Self.corpusLines(seed: 0x17).joined(separator: "\n") + "\n"
        for (name, bytes) in [("in.jsonl", Array(text.utf8)), ("in.jsonl.gz", try gzipped(Array(text.utf8)))] {
            let input = folder.write(name, bytes)
            let summary = try await runSteps(
                [Self.exact(), Self.templates(summary: ""), .corpus(NearDupStage(options: NearDupOptions()))],
                inputs: [.jsonl(path: input, name: name)], output: folder.file("out.jsonl")
            ) { $0.spoolDirectory = spool }
            #expect(summary.passes == 3)
            #expect(summary.spooledBytes > 0)
            let left = (try? FileManager.default.contentsOfDirectory(atPath: spool)) ?? []
            #expect(left.isEmpty, "\(name): \(left)")
        }
    }

    // MARK: random corpora

    /// Small random corpora with many copies, tiny sites (pages exact removes are often a site's only
    /// or last page), colliding ids and lines shared across sites, under random keep policies, site
    /// modes, inputs and threads: the kept, removed, rejects and summary files are byte-identical.
    @Test(arguments: 0..<60) func randomCorpora(seed: Int) async throws {
        var random = SeededRandom.forTest(0x7700 &+ UInt64(seed))
        let folder = TemporaryFolder()
        let shared = ["Home | News | About", "Cookie notice we use cookies", "Copyright 2024", "Share this page"]
        var texts: [String] = []
        var lines: [String] = []
        for index in 0..<Int.random(in: 20...90, using: &random) {
            let text: String
            if !texts.isEmpty && Int.random(in: 0..<3, using: &random) == 0 {
                var copy = texts.randomElement(using: &random)!
                if Bool.random(using: &random) { copy = copy.uppercased().replacingOccurrences(of: "\\N", with: "\\n") }
                text = copy
            } else {
                var pageLines = (0..<Int.random(in: 0...3, using: &random)).map { _ in shared.randomElement(using: &random)! }
                pageLines += (0..<Int.random(in: 0...3, using: &random)).map { _ in
                    (0..<Int.random(in: 1...6, using: &random)).map { _ in "v\(Int.random(in: 0..<40, using: &random))" }.joined(
                        separator: " ")
                }
                text = (Int.random(in: 0..<15, using: &random) == 0 ? ["-- ..."] : pageLines).joined(separator: "\\n")
                texts.append(text)
            }
            let id = Int.random(in: 0..<8, using: &random) == 0 ? "same" : "d\(index)"
            let site = "s\(Int.random(in: 0..<6, using: &random))"
            let date = Bool.random(using: &random) ? #", "date": \#(Int.random(in: 0..<5, using: &random))"# : ""
            lines.append(#"{"id": "\#(id)", "url": "https://\#(site).example/\#(index)", "site": "\#(site)", "text": "\#(text)"\#(date)}"#)
        }
        lines.insert("{broken", at: Int.random(in: 0...lines.count, using: &random))
        let cut = Int.random(in: 0...lines.count, using: &random)
        let a = folder.write("a.jsonl", lines[..<cut].joined(separator: "\n") + "\n")
        let b = folder.write("b.jsonl.gz", try gzipped(Array((lines[cut...].joined(separator: "\n") + "\n").utf8)))
        let inputs: [InputSpec] =
            switch seed % 3 {
            case 0: [.jsonl(path: a, name: "a.jsonl")]
            case 1: [.jsonl(path: a, name: "a.jsonl"), .jsonl(path: b, name: "b.jsonl.gz")]
            default: [.jsonl(path: b, name: "b.jsonl.gz"), .jsonl(path: a, name: "a.jsonl"), .jsonl(path: a, name: "a.jsonl")]
            }
        let keep = [KeepPolicy.longest, .first, .newest(field: "date"), .oldest(field: "date")][seed % 4]
        let site = [TemplateOptions.SiteMode.host, .field, .batch][(seed / 4) % 3]
        let leading = seed % 5 == 0
        let result = try await Self.compare(
            { summary in
                (leading ? [.document(NormalizeStage(options: NormalizeOptions()))] : [])
                    + [Self.exact(keep), Self.templates(summary: summary, site: site, removedLines: "rl")]
            }, inputs: inputs, threads: 1 + seed % 3, in: folder, tag: "random")
        let comment: Comment = "seed \(seed) keep \(keep) site \(site) inputs \(inputs.count)"
        for index in 0..<4 { #expect(result.separate.files[index] == result.shared.files[index], comment) }
        #expect(result.separate.summary == result.shared.summary, comment)
        #expect(result.passes == (3, 2))
    }
}
