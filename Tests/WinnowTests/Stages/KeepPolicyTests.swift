import Testing
import WinnowTestSupport

@testable import Winnow

@Suite struct KeepPolicyTests {
    func document(
        _ id: String, _ text: String, source: String = "in.jsonl", line: Int = 1,
        fields: [(String, JSONValue)] = []
    ) -> Document {
        var document = Document(id: id, text: text, origin: DocumentOrigin(source: source, line: line))
        for (key, value) in fields { document.setField(key, value) }
        return document
    }

    func best(_ policy: KeepPolicy, _ documents: [Document]) -> String {
        documents.map {
            DocumentRank(
                rank: policy.rank(of: $0, words: WordHasher.fingerprint(of: $0.text!).words), id: $0.id,
                origin: $0.origin)
        }
        .min()!.id
    }

    @Test func longestThenIdBytewise() {
        let documents = [document("b", "one two three"), document("a", "one two"), document("c", "one two three")]
        #expect(best(.longest, documents) == "b")
        #expect(best(.longest, documents.reversed()) == "b")
        // Bytewise: "Z" (0x5A) sorts before "a" (0x61), "é" after both.
        #expect(best(.longest, [document("a", "x"), document("Z", "x"), document("é", "x")]) == "Z")
    }

    @Test func firstIsTheEarliestInputPosition() {
        let documents = [
            document("x", "text", source: "part-1", line: 1), document("y", "longer text", source: "part-0", line: 9),
            document("z", "text", source: "part-0", line: 2),
        ]
        #expect(best(.first, documents) == "z")
    }

    /// Inputs rank by their names' bytes, the order a folder is read in: `ab` (0x62) before `a<0x80>`,
    /// spelled `a\x80`, whose backslash (0x5C) sorted it first.
    @Test func firstRanksInputsByTheirNamesBytes() {
        let documents = [document("spelled", "text", source: #"d/a\x80.jsonl"#), document("plain", "text", source: "d/ab.jsonl")]
        #expect(best(.first, documents) == "plain")
        #expect(best(.first, documents.reversed()) == "plain")
    }

    @Test func newestAndOldestByField() {
        let documents = [
            document("a", "t", fields: [("date", .string("2024-03-01"))]),
            document("b", "t", fields: [("date", .string("2024-03-01T10:00"))]),
            document("c", "t", fields: [("date", .string("2023-12-31"))]),
            document("d", "t"),
        ]
        #expect(best(.newest(field: "date"), documents) == "b")
        #expect(best(.oldest(field: "date"), documents) == "c")
        let numbers = [
            document("a", "t", fields: [("t", .int(-5))]), document("b", "t", fields: [("t", .double(2.5))]),
            document("c", "t", fields: [("t", .int(10))]), document("d", "t", fields: [("t", .null)]),
        ]
        #expect(best(.newest(field: "t"), numbers) == "c")
        #expect(best(.oldest(field: "t"), numbers) == "a")
        #expect(best(.newest(field: "missing"), numbers) == "a", "all missing: ties broken by id")
    }

    /// Nanosecond times are past a double's 53 bits: 1700000000000000000 and …001 were one number.
    @Test func numbersRankExactlyBeyondADoublesPrecision() {
        func timed(_ id: String, _ json: String) -> Document {
            var timed = document(id, "t")
            timed.setField("ts", json: ArraySlice(json.utf8))
            return timed
        }
        for (earlier, later) in [("a", "b"), ("b", "a")] {
            let documents = [timed(earlier, "1700000000000000000"), timed(later, "1700000000000000001")]
            #expect(best(.newest(field: "ts"), documents) == later)
            #expect(best(.oldest(field: "ts"), documents) == earlier)
        }
    }

    @Test func parsesAndPrintsItsOwnSpelling() {
        for text in ["longest", "first", "newest:date", "oldest:crawl_time"] {
            #expect(KeepPolicy(text)?.description == text)
        }
        #expect(KeepPolicy("newest:") == nil)
        #expect(KeepPolicy("shortest") == nil)
    }
}
