import Foundation
import Testing
import WinnowTestSupport

@testable import Winnow

/// The files the sharded steps exchange end with a line counting their records, so that a file cut
/// short, even at a line boundary, is refused by every reader rather than merged or applied.
@Suite struct StateFileTests {
    /// Writes a file with `write`, then checks that reading it whole works and reading it without its
    /// last line (or with a line after the end) fails, naming the end line.
    func checkEndLine(_ name: String, write: (String) throws -> Void, read: (String) throws -> Void) throws {
        let folder = TemporaryFolder()
        let path = folder.file(name)
        try write(path)
        try read(path)
        let lines = try #require(folder.read(name)).split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.count >= 3, "a header, records and the end line")
        let cut = folder.write("cut-" + name, lines.dropLast().joined(separator: "\n") + "\n")
        #expect { try read(cut) } throws: { "\($0)".contains("no end line") }
        let recordGone = folder.write("short-" + name, (lines.dropLast(2) + [lines.last!]).joined(separator: "\n") + "\n")
        #expect { try read(recordGone) } throws: { "\($0)".contains("end line counts") }
        let extended = folder.write("long-" + name, (lines + [lines[1]]).joined(separator: "\n") + "\n")
        #expect { try read(extended) } throws: { "\($0)".contains("after the end line") }
    }

    @Test func exactKeepers() throws {
        var tally = ExactTally()
        for index in 0..<3 {
            tally.add(fingerprint: UInt64(index), DocumentRank(rank: [1], id: "d\(index)", origin: .init(source: "s", line: index)))
        }
        try checkEndLine("keepers.jsonl") {
            try ExactKeepersFile.write(tally, keep: .longest, to: $0)
        } read: {
            var read = ExactTally()
            try ExactKeepersFile.read($0, keep: .longest, into: &read)
            #expect(read == tally)
        }
    }

    /// The inputs a map step read come back from its keepers, signatures and clusters files; a merge
    /// holds every file's, and refuses to mix files that name them with files that do not (an engine's).
    @Test func inputNamesComeBackAndMerge() throws {
        let folder = TemporaryFolder()
        var tally = ExactTally()
        tally.add(fingerprint: 1, DocumentRank(rank: [1], id: "d", origin: .init(source: "b.jsonl", line: 1)))
        tally.inputs = MapInputs(["b.jsonl", "a.jsonl"])
        try ExactKeepersFile.write(tally, keep: .longest, to: folder.file("named.jsonl"))
        #expect(folder.read("named.jsonl")!.contains(#"{"input":"a.jsonl"}"# + "\n" + #"{"input":"b.jsonl"}"#))
        var other = ExactTally()
        other.add(fingerprint: 2, DocumentRank(rank: [1], id: "e", origin: .init(source: "c.jsonl", line: 1)))
        other.inputs = MapInputs(["c.jsonl"])
        try ExactKeepersFile.write(other, keep: .longest, to: folder.file("other.jsonl"))
        var unnamed = other
        unnamed.inputs = .none
        try ExactKeepersFile.write(unnamed, keep: .longest, to: folder.file("unnamed.jsonl"))
        let merged = try ExactKeepersFile.merge([folder.file("named.jsonl"), folder.file("other.jsonl")], keep: .longest)
        #expect(merged.inputs == MapInputs(["a.jsonl", "b.jsonl", "c.jsonl"]))
        #expect {
            try ExactKeepersFile.merge([folder.file("named.jsonl"), folder.file("unnamed.jsonl")], keep: .longest)
        } throws: { "\($0)".contains("merge keepers files of one kind") }
        let unnamedOnly = try ExactKeepersFile.merge([folder.file("unnamed.jsonl")], keep: .longest)
        #expect(unnamedOnly.inputs == .unknown)
        #expect(throws: Never.self) { try unnamedOnly.inputs.require(inputs: ["elsewhere.jsonl"], stateFile: "k") }
        #expect { try merged.inputs.require(inputs: ["shards/a.jsonl"], stateFile: "k") } throws: {
            "\($0)".contains("(of this file name, 'a.jsonl')")
        }

        let options = NearDupOptions()
        var signatures = SignatureTally()
        let text = "the council voted on tuesday to extend the river path by two miles after a long debate"
        for (index, source) in ["a.jsonl", "b.jsonl"].enumerated() {
            NearDupStage(options: options).map(
                Document(id: "d\(index)", text: text, origin: .init(source: source, line: 1)), into: &signatures)
        }
        signatures.inputs = MapInputs(["a.jsonl", "b.jsonl", "empty.jsonl"])
        try SignaturesFile.write(signatures, options: options, to: folder.file("signatures.jsonl"))
        let clusters = DuplicateClusters(
            tally: try NearDupSteps.readSignatures([folder.file("signatures.jsonl")], options: options), options: options)
        #expect(clusters.clusters.count == 1 && clusters.inputs == signatures.inputs)
        try ClustersFile.write(clusters, to: folder.file("clusters.jsonl"))
        #expect(try ClustersFile.read(folder.file("clusters.jsonl")).inputs == signatures.inputs)
    }

    /// Signatures, clusters and pairs files of the build before a character of a script written without
    /// spaces was a word hold other fingerprints and shingles: refused, not mixed with this build's.
    @Test func filesOfTheEarlierWordRulesAreRefused() throws {
        let folder = TemporaryFolder()
        let options = NearDupOptions()
        var tally = SignatureTally()
        NearDupStage(options: options).map(Document(id: "d", text: "北京时间十二月七日消息", origin: .init(source: "s", line: 1)), into: &tally)
        try SignaturesFile.write(tally, options: options, to: folder.file("new.sig"))
        let signatures = try #require(folder.read("new.sig"))
        #expect(signatures.hasPrefix(#"{"format":"winnow.minhash-signatures","version":9,"#))
        let old = folder.write("old.sig", signatures.replacingOccurrences(of: #""version":9,"#, with: #""version":8,"#))
        var read = SignatureTally()
        #expect { try SignaturesFile.read(old, options: options, into: &read) } throws: { "\($0)".contains("old.sig") }
        let clusters = folder.write(
            "old.clusters", [#"{"format":"winnow.clusters","version":4}"#, #"{"end_of_file":0}"#].joined(separator: "\n") + "\n")
        #expect { try ClustersFile.read(clusters) } throws: { "\($0)".contains("old.clusters") }
        let pairsHeader = String(decoding: VerifiedPairsFile.header(options), as: UTF8.self)
        #expect(pairsHeader.hasPrefix(#"{"format":"winnow.verified-pairs","version":2,"signatures_version":9,"#))
        let pairs = folder.write(
            "old.pairs",
            [
                pairsHeader.replacingOccurrences(of: #""version":2,"signatures_version":9,"#, with: #""version":1,"#),
                #"{"end_of_file":0}"#,
            ].joined(separator: "\n") + "\n")
        #expect { try VerifiedPairsFile.read(pairs, options: options) { _, _ in } } throws: { "\($0)".contains("old.pairs") }
    }

    /// Counts past 2^53 - 1, which no JSON reader holds exactly, are refused: one past Int.max
    /// stopped a merge with an overflow.
    @Test func countsPastJSONsExactIntegersAreRefused() throws {
        let folder = TemporaryFolder()
        let header = #"{"format":"winnow.exact-keepers","version":7,"keep":"longest"}"#
        for (line, accepted) in [("9007199254740991", true), ("9007199254740992", false), ("9223372036854775808", false)] {
            let keeper = #"{"fingerprint":"00000000000000a1","rank":"01","id":"d","source":"s","line":"# + line + "}"
            let path = folder.write("keepers-\(line).jsonl", [header, keeper, #"{"end_of_file":1}"#].joined(separator: "\n") + "\n")
            var tally = ExactTally()
            if accepted {
                try ExactKeepersFile.read(path, keep: .longest, into: &tally)
            } else {
                #expect { try ExactKeepersFile.read(path, keep: .longest, into: &tally) } throws: { "\($0)".contains("needs") }
            }
        }
    }

    @Test func signatures() throws {
        let options = NearDupOptions()
        let stage = NearDupStage(options: options)
        var tally = SignatureTally()
        for index in 0..<3 {
            stage.map(
                Document(
                    id: "d\(index)", text: "words of document number \(index) in a row",
                    origin: .init(source: "s", line: index)), into: &tally)
        }
        try checkEndLine("signatures.jsonl") {
            try SignaturesFile.write(tally, options: options, to: $0)
        } read: {
            var read = SignatureTally()
            try SignaturesFile.read($0, options: options, into: &read)
            #expect(read.ids == tally.ids && read.origins == tally.origins && read.signatures == tally.signatures)
        }
    }

    @Test func clusters() throws {
        // Each document read at its own line: a document is in one cluster at most.
        func cluster(_ ids: [String], firstLine: Int) -> DuplicateClusters.Cluster {
            .init(
                members: ids.enumerated().map {
                    .init(id: $1, origin: .init(source: "s", line: firstLine + $0), similarity: 1, fingerprint: UInt64($0))
                })
        }
        let clusters = DuplicateClusters(clusters: [
            cluster(["a", "b"], firstLine: 0), cluster(["c", "d"], firstLine: 2), cluster(["e", "f"], firstLine: 4),
        ])
        try checkEndLine("clusters.jsonl") {
            try ClustersFile.write(clusters, to: $0)
        } read: {
            let read = try ClustersFile.read($0)
            #expect(read.clusters == clusters.clusters)
        }
    }

    @Test func templateCounts() throws {
        var counts = TemplateCounts()
        for site in ["a.example", "b.example", "c.example"] { counts.addPage(site: site, distinctKeys: [1, 2], fingerprint: 12) }
        let options = TemplateOptions()
        try checkEndLine("counts.jsonl") {
            try TemplateCountsFile.write(counts, options: options, to: $0)
        } read: {
            let read = try TemplateCountsFile.read($0, options: options)
            #expect(read == counts)
        }
    }

    /// A folder holding good.jsonl, the counts of one page of one site, and the options it was written with.
    private static func countsOfOnePage() throws -> (TemporaryFolder, TemplateOptions) {
        let folder = TemporaryFolder()
        let options = TemplateOptions()
        var counts = TemplateCounts()
        counts.addPage(site: "a.example", distinctKeys: [0xABC], fingerprint: 0xABC)
        try TemplateCountsFile.write(counts, options: options, to: folder.file("good.jsonl"))
        return (folder, options)
    }

    /// A line key is sixteen hex digits: "abc" is not key 0xabc (it changed the merge before), and a
    /// site given twice in one file is an error, not counted twice.
    @Test func templateCountsAreStrict() throws {
        let (folder, options) = try Self.countsOfOnePage()
        let lines = try #require(folder.read("good.jsonl")).split(separator: "\n").map(String.init)
        let short = folder.write(
            "short.jsonl",
            [
                lines[0], lines[1].replacingOccurrences(of: "0000000000000abc", with: "abc"),
                lines[2],
            ].joined(separator: "\n") + "\n")
        #expect { try TemplateCountsFile.read(short, options: options) } throws: { "\($0)".contains("16 hex digits") }
        let twice = folder.write("twice.jsonl", [lines[0], lines[1], lines[1], "{\"end_of_file\":2}"].joined(separator: "\n") + "\n")
        #expect { try TemplateCountsFile.read(twice, options: options) } throws: { "\($0)".contains("appears twice") }
    }

    /// A site's page count no counts file holds (negative, past 2^53 - 1, past Int) is named as such, not
    /// as a missing key.
    @Test func aSitesPageCountOutOfRangeIsNamed() throws {
        let (folder, options) = try Self.countsOfOnePage()
        let good = try #require(folder.read("good.jsonl"))
        #expect(good.contains(#""pages":1,"#))
        for pages in ["-5", "9007199254740992", "9223372036854775807", "18446744073709551615", #""many""#] {
            let path = folder.write("pages.jsonl", good.replacingOccurrences(of: #""pages":1,"#, with: #""pages":"# + pages + ","))
            #expect { try TemplateCountsFile.read(path, options: options) } throws: {
                "\($0)".contains(
                    "pages.jsonl:2: a site's 'pages' must be a whole number from 0 to 9007199254740991, not "
                        + pages.replacingOccurrences(of: "\"", with: ""))
            }
        }
        let missing = folder.write("missing.jsonl", good.replacingOccurrences(of: #""pages":1,"#, with: ""))
        #expect { try TemplateCountsFile.read(missing, options: options) } throws: {
            "\($0)".contains("needs 'site', 'pages', 'lines' and 'copies'")
        }
    }
}
