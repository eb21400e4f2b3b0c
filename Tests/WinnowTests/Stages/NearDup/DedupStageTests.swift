import Foundation
import Testing
import WinnowTestSupport

@testable import Winnow

@Suite struct DedupStageTests {
    static let article = """
        The city council voted on Tuesday to extend the tram line to the northern districts, a project \
        that has been debated for more than a decade. Supporters said the extension would cut commuting \
        times in half for thousands of residents, while opponents warned about the cost and the years of \
        roadworks ahead. The first trams are expected to run on the new section in the spring of next year, \
        according to the transport authority, which will publish a detailed timetable in the coming weeks.
        """
    static let other = """
        A small bakery in the old town has won the national bread competition for the third year in a row. \
        The owners, who took over the shop from their parents, credit a sourdough starter that is older than \
        the building itself and a stubborn refusal to hurry the dough. Queues now form before dawn on weekends.
        """

    func record(_ id: String, _ text: String, extra: String = "") -> String {
        var line: [UInt8] = Array("{\"id\":".utf8)
        JSONString.append(id, to: &line)
        line += Array(",\"text\":".utf8)
        JSONString.append(text, to: &line)
        return String(decoding: line, as: UTF8.self) + extra + "}"
    }

    var corpus: [String] {
        [
            record("wire/1", Self.article),
            record("site-b/7", "BERLIN (Agency) - " + Self.article),
            record("site-c/2", Self.article.replacingOccurrences(of: "decade", with: "edacad")),
            record("site-d/3", String(Self.article.prefix(Self.article.count * 3 / 4))),
            record("bakery", Self.other),
            record("bakery-copy", Self.other.uppercased() + " !!!"),
            record("empty", ""),
            record("unrelated", "Completely different words about football scores and the weather tomorrow."),
        ]
    }

    func run(
        _ lines: [String], steps: [PipelineStep], threads: Int = 2
    ) async throws -> (kept: [[String: Any]], removed: [[String: Any]], raw: String) {
        let folder = TemporaryFolder()
        let input = folder.write("in.jsonl", lines.joined(separator: "\n") + "\n")
        _ = try await runSteps(steps, inputs: [.jsonl(path: input, name: input)], output: folder.file("out.jsonl")) {
            $0.threads = threads
            $0.removedOutput = folder.file("removed.jsonl")
            $0.spoolDirectory = folder.path
        }
        let raw = folder.read("out.jsonl") ?? ""
        return (jsonLines(raw), jsonLines(folder.read("removed.jsonl") ?? ""), raw)
    }

    @Test func exactRemovesFoldedCopiesAndNamesTheKeeper() async throws {
        let result = try await run(corpus, steps: [.corpus(ExactStage(options: ExactOptions()))])
        let removed = result.removed.map { ($0["id"] as! String, $0["duplicate_of"] as! String, $0["removed_reason"] as! String) }
        #expect(removed.count == 1)
        // Same words once folded; the longer text (more bytes: " !!!") is kept.
        #expect(removed.first! == ("bakery", "bakery-copy", "exact-duplicate"))
        #expect(result.kept.count == corpus.count - 1)
    }

    @Test func nearDuplicatesFormOneClusterWithTheLongestKept() async throws {
        let result = try await run(corpus, steps: [.corpus(NearDupStage(options: NearDupOptions()))])
        let removed = Dictionary(uniqueKeysWithValues: result.removed.map { ($0["id"] as! String, $0) })
        #expect(Set(removed.keys) == ["wire/1", "site-c/2", "site-d/3", "bakery"])
        for (_, document) in removed where (document["id"] as! String) != "bakery" {
            #expect(document["duplicate_of"] as? String == "site-b/7")
            #expect(document["cluster"] as? String == "site-b/7")
            #expect(document["cluster_size"] as? Int == 4)
            #expect((document["similarity"] as! Double) > 0.6)
            #expect(document["removed_reason"] as? String == "near-duplicate")
        }
        let kept = Dictionary(uniqueKeysWithValues: result.kept.map { ($0["id"] as! String, $0) })
        #expect(kept["site-b/7"]?["cluster"] as? String == "site-b/7")
        #expect(kept["unrelated"]?["cluster"] == nil)
        #expect(kept["empty"] != nil, "a document without words is kept, never clustered")
    }

    /// Pages in scripts written without spaces (Chinese, Japanese, Thai) that differ by a phrase are
    /// near-duplicates; before, a sentence was one word and the pair shared no shingle.
    @Test func nearDuplicatesInUnspacedScriptsAreFound() async throws {
        let chinese = """
            北京时间12月7日消息，据新华社报道，国家统计局今天发布数据显示，今年前十一个月全国规模以上工业增加值同比增长百分之五点六，\
            增速比前十个月加快零点二个百分点。分行业看，制造业增长较快，高技术制造业增加值增长百分之九点一。\
            专家表示，经济运行总体平稳，稳中有进，市场预期持续改善，新动能加快成长。
            """
        let japanese = """
            東京証券取引所では本日、日経平均株価が前日比で三百円以上値上がりし、取引を終えました。市場関係者によりますと、\
            海外市場の株高を受けて買い注文が広がったということです。特に半導体関連の銘柄が大きく上昇し、相場全体を押し上げました。\
            今後の見通しについて、専門家は慎重な姿勢を示しています。
            """
        let thai = """
            กรุงเทพมหานคร วันนี้ กรมอุตุนิยมวิทยาได้ออกประกาศเตือนประชาชนให้ระวังอันตรายจากพายุฝนฟ้าคะนองและลมกระโชกแรงในหลายพื้นที่ของประเทศ \
            โดยเฉพาะภาคเหนือและภาคตะวันออกเฉียงเหนือ ขอให้ประชาชนติดตามข่าวสารอย่างใกล้ชิดและเตรียมพร้อมรับมือกับสถานการณ์ที่อาจเกิดขึ้น
            """
        let lines = [
            record("zh-1", chinese), record("zh-2", chinese.replacingOccurrences(of: "专家表示", with: "分析人士认为")),
            record("ja-1", japanese), record("ja-2", japanese.replacingOccurrences(of: "専門家は", with: "アナリストは")),
            record("th-1", thai), record("th-2", thai.replacingOccurrences(of: "ติดตามข่าวสาร", with: "ติดตามข้อมูล")),
            record("zh-other", "上海市今天举行新闻发布会，介绍城市轨道交通建设最新进展，新线路将于明年年底开通运营。"),
        ]
        let result = try await run(lines, steps: [.corpus(NearDupStage(options: NearDupOptions()))])
        let removed = Set(result.removed.map { $0["id"] as! String })
        #expect(removed.count == 3 && removed.isSubset(of: ["zh-1", "zh-2", "ja-1", "ja-2", "th-1", "th-2"]), "\(removed)")
        #expect(Set(result.kept.compactMap { $0["cluster_size"] as? Int }) == [2])
        #expect(result.kept.contains { $0["id"] as? String == "zh-other" && $0["cluster"] == nil })
    }

    @Test func aCandidatePairBelowTheFloorIsNeverJoined() {
        var options = NearDupOptions()
        func pair(_ jaccard: Double, _ containment: Double, error: Double = 0) -> ShingleSketch.Comparison {
            ShingleSketch.Comparison(jaccard: jaccard, containment: containment, exact: error == 0, standardError: error)
        }
        #expect(options.rule.joins(pair(0.8, 0.9)))
        #expect(!options.rule.joins(pair(0.55, 1)), "contained, but below min_jaccard")
        #expect(options.rule.joins(pair(0.65, 0.98)), "a copy missing its last third")
        #expect(!options.rule.joins(pair(0.65, 0.79)), "same size, only 65% alike")
        #expect(!options.rule.joins(pair(0.65, 0.98, error: 0.02)), "an estimate within three standard errors of the floor")
        #expect(options.rule.joins(pair(0.65, 0.98, error: 0.01)))
        options.rule.containment = 0
        #expect(!options.rule.joins(pair(0.65, 0.98)))
    }

    @Test func clustersDoNotGrowByChains() async throws {
        // Overlapping windows of one word sequence: A and B, and B and C, are 0.77 alike (above the
        // threshold), but A and C only 0.59: they must not end in one cluster.
        func window(_ start: Int) -> String { (start..<(start + 200)).map { "w\($0)" }.joined(separator: " ") }
        let lines = [record("a", window(0)), record("b", window(25)), record("c", window(50))]
        let result = try await run(lines, steps: [.corpus(NearDupStage(options: NearDupOptions()))])
        let cluster = Dictionary(
            uniqueKeysWithValues: (result.kept + result.removed).map {
                ($0["id"] as! String, $0["cluster"] as? String ?? $0["id"] as! String)
            })
        // C is the longest (its words have more digits), so it comes first in keep order and its pair joins first.
        #expect(cluster["c"] == cluster["b"], "the pair first in keep order joins")
        #expect(cluster["a"] != cluster["c"])
        #expect(result.removed.count == 1)
        #expect(
            (result.removed.first?["similarity"] as? Double).map { abs($0 - 171.0 / 221.0) < 0.001 } == true,
            "short documents are compared exactly")
    }

    @Test func everyPairInAClusterClearsTheFloor() async throws {
        // The head and the tail of a longer text are each contained in it (J 0.75), but share only
        // 0.49 with each other: one of them joins the full text, never both.
        func words(_ range: Range<Int>) -> String { range.map { "w\($0)" }.joined(separator: " ") }
        let lines = [record("full", words(0..<240)), record("head", words(0..<180)), record("tail", words(60..<240))]
        let result = try await run(lines, steps: [.corpus(NearDupStage(options: NearDupOptions()))])
        let removed = result.removed.map { $0["id"] as! String }
        #expect(removed == ["head"] || removed == ["tail"])
        #expect(result.removed.first?["duplicate_of"] as? String == "full")
        let other = removed == ["head"] ? "tail" : "head"
        #expect(result.kept.first { $0["id"] as? String == other }?["cluster"] == nil)
    }

    @Test func theOutputDoesNotDependOnInputOrderOrThreads() async throws {
        let steps: [PipelineStep] = [.corpus(ExactStage(options: ExactOptions())), .corpus(NearDupStage(options: NearDupOptions()))]
        let reference = try await run(corpus, steps: steps, threads: 1)
        func byID(_ documents: [[String: Any]]) -> [String: String] {
            Dictionary(
                uniqueKeysWithValues: documents.map { document in
                    let fields = document.keys.filter { $0 != "removed_by" }.sorted().map { "\($0)=\(document[$0]!)" }
                    return (document["id"] as! String, fields.joined(separator: "|"))
                })
        }
        var random = SeededRandom(seed: 5)
        for threads in [1, 4] {
            for _ in 0..<3 {
                let result = try await run(corpus.shuffled(using: &random), steps: steps, threads: threads)
                #expect(byID(result.kept) == byID(reference.kept))
                #expect(byID(result.removed) == byID(reference.removed))
            }
        }
    }

    @Test func invalidOptionsAreRejectedWithAReason() {
        var options = NearDupOptions()
        options.bands = 30
        #expect(options.validationProblem?.contains("bands × rows") == true)
        options = NearDupOptions()
        options.permutations = 100
        #expect(options.validationProblem?.contains("multiple of 8") == true)
        options = NearDupOptions()
        options.rule.minJaccard = 0.9
        #expect(options.validationProblem?.contains("min_jaccard") == true)
    }

    /// A keepers file must start with its header: a blank first line or an empty file is an error
    /// that says so, never a silent mix of keep policies. A gzip-compressed file is read as it is.
    @Test func aKeepersFileNeedsItsHeaderFirst() throws {
        let folder = TemporaryFolder()
        var tally = ExactTally()
        tally.add(fingerprint: 0xABCD, DocumentRank(rank: [1, 2], id: "a", origin: DocumentOrigin(source: "in.jsonl", line: 1)))
        try ExactKeepersFile.write(tally, keep: .longest, to: folder.file("good.keepers"))
        let good = try #require(folder.read("good.keepers"))
        var merged = ExactTally()
        try ExactKeepersFile.read(folder.file("good.keepers"), keep: .longest, into: &merged)
        #expect(merged.keepers == tally.keepers)
        var fromGzip = ExactTally()
        try ExactKeepersFile.read(folder.write("good.keepers.gz", try gzipped(Array(good.utf8))), keep: .longest, into: &fromGzip)
        #expect(fromGzip.keepers == tally.keepers)
        let cases: [(String, [UInt8], String)] = [
            ("blank-first", Array(("\n" + good).utf8), "must start with its header line"),
            ("empty", [], "empty exact keepers file"),
            // Written before numbers were ranked exactly (version 4): its newest/oldest ranks order
            // other bytes. Version 4 names no inputs (version 5); version 5's ranks end without the id
            // and the text's hash (version 6); version 6 read a sentence of Chinese as one word (version 7).
            (
                "version-3", Array(good.replacingOccurrences(of: "\"version\":7", with: "\"version\":3").utf8),
                "not a keepers file of this winnow (winnow.exact-keepers version 7): map again with this one; expected the header "
                    + "{\"format\":\"winnow.exact-keepers\",\"version\":7"
            ),
            (
                "version-6", Array(good.replacingOccurrences(of: "\"version\":7", with: "\"version\":6").utf8),
                "not a keepers file of this winnow (winnow.exact-keepers version 7): map again with this one"
            ),
            (
                "not-json", Array((good.split(separator: "\n").dropLast().joined(separator: "\n") + "\n{\"fingerprint\": \n").utf8),
                "not-json:3: not a JSON object"
            ),
            // Two fingerprints at one origin: shards mapped under one name, merged before merges refused them.
            (
                "one-origin-twice",
                Array(
                    good.replacingOccurrences(
                        of: "{\"end_of_file\":1}",
                        with: "{\"fingerprint\":\"000000000000abce\",\"rank\":\"0102\",\"id\":\"b\",\"source\":\"in.jsonl\",\"line\":1}\n"
                            + "{\"end_of_file\":2}"
                    ).utf8), "one-origin-twice:3: two keepers lines of one document (in.jsonl:1)"
            ),
        ]
        for (name, bytes, message) in cases {
            let path = folder.write(name, bytes)
            #expect(throws: WinnowError.self) { try ExactKeepersFile.read(path, keep: .longest, into: &merged) }
            do {
                try ExactKeepersFile.read(path, keep: .longest, into: &merged)
            } catch {
                #expect(error.description.contains(message), "\(name): \(error)")
            }
        }
    }

}
