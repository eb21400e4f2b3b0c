import Foundation
import Testing
import WinnowTestSupport

/// A command whose id, text, html or url field is one a stage writes too (the line would hold that
/// key twice) fails before reading anything, saying which option and field to change.
@Suite struct AddedFieldCommandLineTests {
    let cli = CommandLineTests()

    @Test(arguments: [
        (["templates", "site.jsonl", "--set", "removed_lines_field=text"], ["'text'", "--text-field", "removed_lines_field"]),
        (["clean", "page.jsonl", "--id-field", "title"], ["'title'", "--id-field", "metadata"]),
        (["clean", "page.jsonl", "--text-field", "language"], ["'language'", "--text-field", "metadata"]),
        (["clean", "page.jsonl", "--url-field", "canonical_url"], ["'canonical_url'", "--url-field"]),
        (["neardup", "site.jsonl", "--id-field", "cluster"], ["'cluster'", "--id-field"]),
        (["neardup", "map", "site.jsonl", "--id-field", "similarity"], ["'similarity'", "--id-field"]),
        (["exact", "site.jsonl", "--id-field", "removed_by"], ["'removed_by'", "--id-field"]),
        (["exact", "site.jsonl", "--html-field", "duplicate_of"], ["'duplicate_of'", "--html-field"]),
        (["normalize", "site.jsonl", "--url-field", "removed_reason"], ["'removed_reason'", "--url-field"]),
        // Fields a web archive's documents get, whatever the inputs are: an archive is told by its content.
        (["clean", "page.jsonl", "--id-field", "warc_offset"], ["'warc_offset'", "--id-field", "web archive"]),
        (
            ["run", packageRoot + "/Pipelines/passthrough.yaml", "site.jsonl", "--text-field", "warc_file"],
            ["'warc_file'", "--text-field"]
        ),
        (["normalize", "site.jsonl", "--url-field", "warc_date"], ["'warc_date'", "--url-field"]),
        (["clean", "page.jsonl", "--html-field", "content_type"], ["'content_type'", "--html-field"]),
        (["exact", "site.jsonl", "--id-field", "truncated"], ["'truncated'", "--id-field"]),
        (["templates", "site.jsonl", "--set", "removed_lines_field=warc_offset"], ["'warc_offset'", "removed_lines_field"]),
    ])
    func aFieldAStageWritesIsRefusedAsAConfiguredField(arguments: [String], message: [String]) throws {
        let folder = TemporaryFolder()
        folder.write("site.jsonl", "{\"id\":\"p0\",\"url\":\"http://s.example/0\",\"text\":\"Menu\\n\\nsome words\"}\n")
        folder.write(
            "page.jsonl",
            "{\"title\":\"my-id\",\"html\":\"<html lang=en><head><title>Page Title</title></head><body><p>Some words.</p></body></html>\"}\n"
        )
        let outcome = try cli.winnow(arguments + ["-o", "out.jsonl", "-q"], in: folder.path)
        #expect(outcome.status != 0)
        #expect(message.allSatisfy(outcome.stderr.contains), "\(outcome.stderr)")
        #expect(folder.listing() == ["page.jsonl", "site.jsonl"], "nothing is written")
    }

    @Test func theStagesOtherWayOutIsTaken() throws {
        let folder = TemporaryFolder()
        folder.write(
            "page.jsonl",
            "{\"title\":\"my-id\",\"html\":\"<html lang=en><head><title>Page Title</title></head><body><p>Some words.</p></body></html>\"}\n"
        )
        let outcome = try cli.winnow(["clean", "page.jsonl", "--id-field", "title", "--set", "metadata=false", "-q"], in: folder.path)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.components(separatedBy: "\"title\"").count == 2, "one title: \(outcome.stdout)")
    }

    /// Two of the configured fields under one name (`--id-field text`) are written as two copies of
    /// that key on every line, which Winnow's own reader rejects: refused before reading, by every command.
    @Test(arguments: [
        (["run", packageRoot + "/Pipelines/passthrough.yaml", "site.jsonl", "--id-field", "text"], "--id-field, --text-field"),
        (["normalize", "site.jsonl", "--text-field", "id"], "--id-field, --text-field"),
        (["exact", "site.jsonl", "--html-field", "url"], "--html-field, --url-field"),
        (["run", packageRoot + "/Pipelines/default.yaml", "site.jsonl", "--url-field", "id"], "--id-field, --url-field"),
        (["neardup", "map", "site.jsonl", "--html-field", "text"], "--text-field, --html-field"),
    ])
    func twoConfiguredFieldsOfOneNameAreRefused(arguments: [String], options: String) throws {
        let folder = TemporaryFolder()
        folder.write("site.jsonl", "{\"id\":\"p0\",\"url\":\"http://s.example/0\",\"text\":\"some words\"}\n")
        let outcome = try cli.winnow(arguments + ["-o", "out.jsonl", "-q"], in: folder.path)
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains(options) && outcome.stderr.contains("twice"), "\(outcome.stderr)")
        #expect(folder.listing() == ["site.jsonl"], "nothing is written")
    }
}
