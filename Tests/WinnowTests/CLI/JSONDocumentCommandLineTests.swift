import Foundation
import Testing
import WinnowTestSupport

/// Pretty-printed JSON among JSONL inputs, as a user meets it: one reject for each value, naming its lines.
extension CommandLineTests {
    private static let document = "{\n  \"type\": \"module\",\n  \"modules\": [\n    {\"text\": \"fs\"}\n  ]\n}\n"

    /// In a folder (a `.json.gz` is read as a JSONL shard), named on its own, and on standard input: one
    /// reject at line 1 that says what to do, the accounting whole, `--max-rejects` counting it once.
    @Test func aPrettyPrintedDocumentIsOneReject() throws {
        let folder = TemporaryFolder()
        folder.write(
            "api/fs.json.gz", try gzipped([0xEF, 0xBB, 0xBF] + Array(Self.document.replacingOccurrences(of: "\n", with: "\r\n").utf8)))
        let shard = "{\"id\":\"a\",\"text\":\"one\"}\n{\"id\":\"b\",\"text\":\"two\"}\n", list = "[\n  {\"text\": \"x\"}\n]\n"
        folder.write("api/shard.jsonl", shard)
        let named = folder.write("list.json", list)
        let outcome = try winnow([
            "normalize", folder.file("api"), named, "-o", folder.file("out.jsonl"), "--stats", folder.file("stats.json"),
        ])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stderr.contains("api/fs.json.gz:1: lines 1 to 6 are one JSON object written over many lines"), "\(outcome.stderr)")
        #expect(outcome.stderr.contains("list.json:1: lines 1 to 3 are one JSON array written over many lines"), "\(outcome.stderr)")
        #expect(outcome.stderr.contains("records 4 = kept 2 + removed 0 + rejected 2"), "\(outcome.stderr)")
        let rejects = jsonLines(folder.read("out.rejects.jsonl") ?? "")
        #expect(
            rejects.map { "\($0["line"] ?? "") \($0["offset"] ?? "") \($0["reason"] ?? "") \($0["raw"] ?? "")" } == [
                "1 0 not_json_lines {", "1 0 not_json_lines [",
            ])
        #expect((rejects.first?["message"] as? String)?.contains("convert the file with `jq -c .`") == true)
        let stats = try JSONSerialization.jsonObject(with: Data((folder.read("stats.json") ?? "").utf8)) as? [String: Any]
        #expect(stats?["records"] as? Int == 4 && stats?["rejected"] as? Int == 2)
        #expect(stats?["rejected_by_reason"] as? [String: Int] == ["not_json_lines": 2])
        // Every byte is read, the lines read past too (a byte order mark and 6 CRs more in the gzip file).
        #expect(stats?["input_bytes"] as? Int == 3 + Self.document.utf8.count + 6 + shard.utf8.count + list.utf8.count)

        let strict = try winnow(["normalize", folder.file("api"), "-o", folder.file("strict.jsonl"), "--max-rejects", "0"])
        #expect(strict.status == 2 && strict.stderr.contains("more than --max-rejects 0"), "\(strict.stderr)")
        let allowed = try winnow(["normalize", folder.file("api"), "-o", folder.file("allowed.jsonl"), "--max-rejects", "1", "-q"])
        #expect(allowed.status == 0, "\(allowed.stderr)")

        let piped = try winnow(["normalize"], stdin: Self.document)
        #expect(piped.status == 0 && piped.stdout.isEmpty, "\(piped.stderr)")
        #expect(piped.stderr.contains("stdin:1: lines 1 to 6 are one JSON object written over many lines"), "\(piped.stderr)")
        #expect(piped.stderr.contains("records 1 = kept 0 + removed 0 + rejected 1"), "\(piped.stderr)")
    }

    /// A pretty-printed object before JSON Lines (`jq .`'s output, then a shard appended): every line after
    /// it is read and counted (they were neither kept nor counted before), the object one reject naming
    /// its lines, and the accounting holds.
    @Test func linesAfterAPrettyPrintedObjectAreKept() throws {
        let folder = TemporaryFolder()
        let shard = (1...50).map { #"{"id":"a\#($0)","text":"line \#($0)"}"# }.joined(separator: "\n") + "\n"
        let input = folder.write("pretty.jsonl", "{\n \"id\":\"p1\",\n \"text\":\"x\"\n}\n" + shard)
        let outcome = try winnow(["normalize", input, "-o", folder.file("out.jsonl"), "--stats", folder.file("stats.json")])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stderr.contains("pretty.jsonl:1: lines 1 to 4 are one JSON object written over many lines"), "\(outcome.stderr)")
        #expect(outcome.stderr.contains("records 51 = kept 50 + removed 0 + rejected 1"), "\(outcome.stderr)")
        #expect(folder.read("out.jsonl") == shard)
        let rejects = jsonLines(folder.read("out.rejects.jsonl") ?? "")
        #expect(
            rejects.map { "\($0["line"] ?? "") \($0["offset"] ?? "") \($0["reason"] ?? "") \($0["raw"] ?? "")" } == ["1 0 not_json_lines {"]
        )
    }
}
