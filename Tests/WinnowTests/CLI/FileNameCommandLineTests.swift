import Foundation
import Testing
import WinnowTestSupport

/// Input files whose names are not UTF-8 are found, read and named exactly, in a folder or given directly.
@Suite struct FileNameCommandLineTests {
    let cli = CommandLineTests()
    static let story = "the council voted on tuesday to extend the river path by two miles after a long debate"

    /// `caf<E9>.jsonl` (Latin-1) beside `caf\xE9.jsonl` (spelled out): two files, two names.
    func folder() -> TemporaryFolder {
        let folder = TemporaryFolder()
        FileNameTests.create(
            Array("caf".utf8) + [0xE9] + Array(".jsonl".utf8), in: folder, "{\"id\":\"a\",\"text\":\"\(Self.story)\"}\nnot json\n")
        FileNameTests.create(Array(#"caf\xE9.jsonl"#.utf8), in: folder, "{\"id\":\"b\",\"text\":\"\(Self.story)\"}\nnot json\n")
        return folder
    }

    @Test func aFolderHoldingANameThatIsNotUTF8IsReadWhole() throws {
        let folder = folder()
        let outcome = try cli.winnow(["run", packageRoot + "/Pipelines/default.yaml", ".", "-o", "out.jsonl", "-q"], in: folder.path)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(jsonLines(folder.read("out.jsonl") ?? "").map { $0["id"] as? String } == ["a"])
        #expect(jsonLines(folder.read("out.removed.jsonl") ?? "").map { $0["duplicate_of"] as? String } == ["a"])
        let sources = jsonLines(folder.read("out.rejects.jsonl") ?? "").compactMap { $0["source"] as? String }
        #expect(sources == [#"./caf\x5CxE9.jsonl"#, #"./caf\xE9.jsonl"#])
    }

    /// Given as an argument (through a shell, since a test's own arguments are UTF-8), and to a
    /// sharded apply step, whose name check still matches the name map recorded.
    @Test func aNameThatIsNotUTF8GivenDirectlyAndToMapAndApply() throws {
        let folder = folder()
        let latin1 = #""$(printf 'caf\351.jsonl')""#
        let direct = try CommandLineTests.run(
            "/bin/sh", ["-c", #""$0" normalize "# + latin1 + " -q", CommandLineTests.binary], in: folder.path)
        #expect(direct.status == 0, "\(direct.stderr)")
        #expect(jsonLines(direct.stdout).map { $0["id"] as? String } == ["a"])
        #expect(direct.stderr.contains(#"caf\xE9.jsonl:2: invalid JSON"#), "\(direct.stderr)")
        let steps = try CommandLineTests.run(
            "/bin/sh",
            [
                "-c",
                #""$0" exact map . -o k.state -q && "$0" exact merge k.state -o keepers.state && "$0" exact apply --keepers keepers.state . -q "#
                    + #"--removed removed.out && "$0" exact apply --keepers keepers.state "# + latin1 + " -q",
                CommandLineTests.binary,
            ], in: folder.path)
        #expect(steps.status == 1, "\(steps.stderr)")
        #expect(
            steps.stderr.contains("no map step read an input of this name") && steps.stderr.contains(#"'./caf\xE9.jsonl'"#),
            "\(steps.stderr)")
        #expect(jsonLines(steps.stdout).map { $0["id"] as? String } == ["a"])
        #expect(jsonLines(folder.read("removed.out") ?? "").count == 1)
    }

    /// A framed sources file named with bytes that are not UTF-8 is read by them (a cluster's work
    /// folders may be so named).
    @Test func aFramedSourcesFileNotNamedInUTF8IsRead() throws {
        let folder = TemporaryFolder()
        FileNameTests.create(Array("sources-".utf8) + [0xE9] + Array(".txt".utf8), in: folder, "shard-a.jsonl\n")
        folder.write("framed.jsonl", "0 1 0 {\"id\":\"a\",\"text\":\"\(Self.story)\"}\n")
        let outcome = try CommandLineTests.run(
            "/bin/sh",
            ["-c", #""$0" normalize framed.jsonl --framed-sources "$(printf 'sources-\351.txt')" -q"#, CommandLineTests.binary],
            in: folder.path)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.hasPrefix("0 1 0 {"), "\(outcome.stdout)")
    }

    /// An output named with bytes that are not UTF-8 is refused before anything is read (outputs are
    /// made by name in ways that would take its `\xHH` literally), not written under another name.
    @Test func anOutputNameThatIsNotUTF8IsRefused() throws {
        let folder = TemporaryFolder()
        folder.write("in.jsonl", "{\"id\":\"a\",\"text\":\"\(Self.story)\"}\n")
        for option in ["-o", "--stats", "--removed"] {
            let outcome = try CommandLineTests.run(
                "/bin/sh",
                ["-c", #""$0" normalize in.jsonl -q -o out.jsonl "# + option + #" "$(printf 'o\351.jsonl')""#, CommandLineTests.binary],
                in: folder.path)
            #expect(outcome.status == 1, "\(option)")
            #expect(outcome.stderr.contains(#"o\xE9.jsonl: the output's name is not UTF-8"#), "\(outcome.stderr)")
            #expect(folder.listing() == ["in.jsonl"], "\(option)")
        }
    }

    /// A UTF-8 name typed with the characters `\xFF` names that file, not the one whose name holds the
    /// byte 0xFF (it read the other file, or none); an output so named is refused, and an argument
    /// that is text (a field name) is taken as typed.
    @Test func aNameTypedWithABackslashEscapeIsTakenLiterally() throws {
        let folder = TemporaryFolder()
        FileNameTests.create(Array(#"lit\xFF.jsonl"#.utf8), in: folder, "{\"id\":\"literal\",\"text\":\"words\"}\n")
        FileNameTests.create(Array("lit".utf8) + [0xFF] + Array(".jsonl".utf8), in: folder, "{\"id\":\"byte\",\"text\":\"words\"}\n")
        FileNameTests.create(Array(#"b\x5C.jsonl"#.utf8), in: folder, "{\"id\":\"bs\",\"t\\\\xE9\":\"words\"}\n")
        let literal = try cli.winnow(["normalize", #"lit\xFF.jsonl"#, "-q"], in: folder.path)
        #expect(literal.status == 0, "\(literal.stderr)")
        #expect(jsonLines(literal.stdout).map { $0["id"] as? String } == ["literal"])
        let field = try cli.winnow(["normalize", #"b\x5C.jsonl"#, "--text-field", #"t\xE9"#, "-q"], in: folder.path)
        #expect(field.status == 0, "\(field.stderr)")
        #expect(jsonLines(field.stdout).map { $0["id"] as? String } == ["bs"])
        let before = folder.listing()
        let output = try cli.winnow(["normalize", #"lit\xFF.jsonl"#, "-o", #"out\xE9.jsonl"#, "-q"], in: folder.path)
        #expect(output.status == 1)
        #expect(output.stderr.contains("holds a backslash, 'x' and two hex digits"), "\(output.stderr)")
        #expect(folder.listing() == before)
    }

    /// A `--temp-dir` whose name is not UTF-8 is refused before anything is read (it failed at the
    /// first spool, blaming "the output's name"); so is a report input so named, which no run writes.
    @Test func aTemporaryFolderOrReportInputNotNamedInUTF8IsRefusedClearly() throws {
        let folder = TemporaryFolder()
        folder.write("in.jsonl", "{\"id\":\"a\",\"text\":\"\(Self.story)\"}\n")
        let temporary = try CommandLineTests.run(
            "/bin/sh",
            [
                "-c", #"mkdir "$(printf 'tmp\377')" && "$0" neardup in.jsonl -o out.jsonl -q --temp-dir "$(printf 'tmp\377')""#,
                CommandLineTests.binary,
            ],
            in: folder.path)
        #expect(temporary.status == 1)
        #expect(temporary.stderr.contains(#"tmp\xFF: the folder for temporary files (--temp-dir) is not UTF-8"#), "\(temporary.stderr)")
        #expect(folder.read("out.jsonl") == nil)
        let report = try CommandLineTests.run(
            "/bin/sh", ["-c", #"cp in.jsonl "$(printf 'r\377.jsonl')" && "$0" report "$(printf 'r\377.jsonl')""#, CommandLineTests.binary],
            in: folder.path)
        #expect(report.status == 1)
        #expect(report.stderr.contains(#"r\xFF.jsonl: this name is not UTF-8"#), "\(report.stderr)")
    }
}
