import Foundation
import Testing
import WinnowTestSupport

@testable import Winnow

@Suite struct RecordReaderTests {
    private func records(
        _ inputs: [InputSpec], maxRecordBytes: Int = 1 << 20, batchBytes: Int = 1 << 20, recycling: Bool = false,
        framedSources: [String]? = nil
    ) throws -> [(RawRecord, [UInt8])] {
        let reader = RecordReader(
            inputs: inputs, maxRecordBytes: maxRecordBytes, batchBytes: batchBytes, framedSources: framedSources)
        var all: [(RawRecord, [UInt8])] = []
        while let batch = try reader.nextBatch() {
            for record in batch.records {
                switch record.content {
                case .jsonLine(let range), .htmlFile(let range, _):
                    all.append((record, Array(batch.storage[range])))
                case .jsonDocument(let span): all.append((record, span.firstLine))
                default: all.append((record, []))
                }
            }
            if recycling { reader.recycle(batch) }
        }
        return all
    }

    @Test func linesNumbersOffsetsAndLineEndings() throws {
        let folder = TemporaryFolder()
        let path = folder.write("a.jsonl", "{\"a\":1}\r\n\n   \n{\"b\":2}\n{\"c\":3}")
        let found = try records([.jsonl(path: path, name: "a.jsonl")])
        #expect(found.map { String(decoding: $0.1, as: UTF8.self) } == ["{\"a\":1}", "{\"b\":2}", "{\"c\":3}"])
        #expect(found.map(\.0.origin.line) == [1, 4, 5])
        #expect(found.map(\.0.offset) == [0, 14, 22])
    }

    /// A byte order mark before the first record is not part of it; elsewhere it is left alone.
    @Test func byteOrderMarkBeforeTheFirstRecordIsSkipped() throws {
        let folder = TemporaryFolder()
        let path = folder.write("bom.jsonl", [0xEF, 0xBB, 0xBF] + Array("{\"a\":1}\n{\"b\":2}\n".utf8))
        let found = try records([.jsonl(path: path, name: "bom.jsonl")])
        #expect(found.map { String(decoding: $0.1, as: UTF8.self) } == ["{\"a\":1}", "{\"b\":2}"])
        #expect(found.map(\.0.offset) == [0, 11])
    }

    /// Blank lines are let go as they are read: 8 MB of newlines before a record hold no more
    /// memory than a batch (they were all kept until the next record before).
    @Test func runsOfBlankLinesStayBounded() throws {
        let folder = TemporaryFolder()
        let path = folder.write("blank.jsonl", [UInt8](repeating: 0x0A, count: 8 << 20) + Array("{\"a\":1}\n".utf8))
        let reader = RecordReader(inputs: [.jsonl(path: path, name: "blank.jsonl")], maxRecordBytes: 1 << 20)
        var largest = 0, lines: [Int] = []
        while let batch = try reader.nextBatch() {
            largest = max(largest, batch.storage.count)
            lines += batch.records.map(\.origin.line)
        }
        #expect(lines == [(8 << 20) + 1])
        #expect(largest < 3 << 20, "a batch held \(largest) bytes")
    }

    /// An input given twice is read twice, its second reading named `NAME#2`, so that no two
    /// records of a run share an origin.
    @Test func anInputGivenTwiceIsNamedApart() throws {
        let folder = TemporaryFolder()
        let path = folder.write("a.jsonl", "{\"a\":1}\n")
        let found = try records([.jsonl(path: path, name: "a.jsonl"), .jsonl(path: path, name: "a.jsonl")])
        #expect(found.map(\.0.origin.description) == ["a.jsonl:1", "a.jsonl#2:1"])
    }

    @Test func oversizedLineIsSkippedNotBuffered() throws {
        let folder = TemporaryFolder()
        let huge = "{\"text\":\"" + String(repeating: "x", count: 3_000_000) + "\"}"
        let path = folder.write("big.jsonl", "{\"a\":1}\n" + huge + "\n{\"b\":2}\n")
        let found = try records([.jsonl(path: path, name: "big.jsonl")], maxRecordBytes: 1000, batchBytes: 4096)
        #expect(found.count == 3)
        guard case .oversized(let length, let limit) = found[1].0.content else {
            Issue.record("line 2 is not reported as oversized")
            return
        }
        #expect(length == huge.utf8.count)
        #expect(limit == 1000)
        #expect(found[1].0.origin.line == 2)
        #expect(String(decoding: found[2].1, as: UTF8.self) == "{\"b\":2}")
        let reader = RecordReader(inputs: [.jsonl(path: path, name: "big.jsonl")], maxRecordBytes: 1000, batchBytes: 4096)
        while try reader.nextBatch() != nil {}
        #expect(reader.bytesRead == 8 + huge.utf8.count + 1 + 8)
    }

    /// The limit is on the record: the CR of a CRLF line end does not count toward it.
    @Test func aRecordAtTheLimitEndedByCRLFIsNoOversizedOne() throws {
        let folder = TemporaryFolder()
        let atLimit = "{\"text\":\"" + String(repeating: "x", count: 989) + "\"}"
        let over = "{\"text\":\"" + String(repeating: "x", count: 990) + "\"}"
        let path = folder.write("crlf.jsonl", atLimit + "\r\n" + over + "\r\n" + atLimit + "\r\n")
        for batchBytes in [1, 1000, 4096] {
            let found = try records([.jsonl(path: path, name: "crlf.jsonl")], maxRecordBytes: 1000, batchBytes: batchBytes)
            #expect(found.map { String(decoding: $0.1, as: UTF8.self) } == [atLimit, "", atLimit], "\(batchBytes)")
            guard found.count == 3, case .oversized(let length, _) = found[1].0.content else {
                Issue.record("line 2 is not reported as oversized")
                continue
            }
            #expect(length == 1002)
        }
    }

    /// A blank line is no record whatever its length: one over the limit, held or streamed past, was a
    /// `too_large` reject; a line of spaces with a CR or text inside is still one.
    @Test func aBlankLineOverTheLimitIsNoRecord() throws {
        let folder = TemporaryFolder()
        let short = String(repeating: " ", count: 10), long = String(repeating: " \t", count: 1_500_000)
        let lines = [#"{"a":1}"#, short, long + "\r", #"{"b":2}"#, long + "\r" + long, long + "x", #"{"c":3}"#]
        let path = folder.write("blank.jsonl", lines.joined(separator: "\n") + "\n" + short)
        let found = try records([.jsonl(path: path, name: "blank.jsonl")], maxRecordBytes: 7, batchBytes: 4096)
        #expect(found.map(\.0.origin.line) == [1, 4, 5, 6, 7])
        let lengths = found.compactMap { record -> Int? in
            guard case .oversized(let length, _) = record.0.content else { return nil }
            return length
        }
        #expect(lengths == [2 * long.utf8.count + 1, long.utf8.count + 1])
    }

    /// A byte order mark is no part of the first record's size: a record at the limit after one is
    /// read, held or streamed (its line end in the next read), and one over it is measured without it.
    @Test func aByteOrderMarkDoesNotCountTowardTheLimit() throws {
        let folder = TemporaryFolder()
        let mark: [UInt8] = [0xEF, 0xBB, 0xBF]
        for size in [12, (2 << 20) - 3] {
            let record = #"{"text":""# + String(repeating: "x", count: size - 11) + #""}"#
            let path = folder.write("bom.jsonl", mark + Array((record + "\n{\"b\":2}\n").utf8))
            let found = try records([.jsonl(path: path, name: "bom.jsonl")], maxRecordBytes: size, batchBytes: 4096)
            #expect(found.map(\.1.count) == [size, 7], "\(size)")
            let over = try records([.jsonl(path: path, name: "bom.jsonl")], maxRecordBytes: size - 1, batchBytes: 4096)
            guard case .oversized(let length, _) = over.first?.0.content else {
                Issue.record("a record over the limit after a byte order mark is not oversized (\(size))")
                continue
            }
            #expect(length == size)
        }
    }

    /// "No limit" written as the largest number an option takes stopped the process (`max + 1` trapped).
    @Test func theLargestLimitReadsEveryRecord() throws {
        let folder = TemporaryFolder()
        let path = folder.write("any.jsonl", "{\"text\":\"a\"}\r\n" + "{\"text\":\"" + String(repeating: "b", count: 5000) + "\"}\n")
        let found = try records([.jsonl(path: path, name: "any.jsonl")], maxRecordBytes: .max, batchBytes: 1024)
        #expect(found.map(\.1.count) == [12, 5011])
    }

    @Test func sameRecordsWhateverTheBatchSize() throws {
        let folder = TemporaryFolder()
        let text = (1...2000).map { "{\"id\":\($0),\"text\":\"\(String(repeating: "w ", count: $0 % 37))\"}" }.joined(separator: "\n")
        let path = folder.write("s.jsonl", text)
        let reference = try records([.jsonl(path: path, name: "s")], batchBytes: 1 << 20).map(\.1)
        for batchBytes in [1, 100, 4096] {
            #expect(try records([.jsonl(path: path, name: "s")], batchBytes: batchBytes).map(\.1) == reference)
            // A handed-back batch's buffers are reused by the next: the records are the same.
            #expect(try records([.jsonl(path: path, name: "s")], batchBytes: batchBytes, recycling: true).map(\.1) == reference)
        }
        #expect(reference.count == 2000)
    }

    @Test func folderOfShardsAndHTMLFiles() throws {
        let folder = TemporaryFolder()
        folder.write("b.jsonl", "{\"text\":\"b\"}\n")
        folder.write("a.jsonl.gz", try gzipped(Array("{\"text\":\"a\"}\n".utf8)))
        folder.write("page.html", "<p>hi</p>")
        folder.write("notes.txt", "ignored")
        folder.write(".hidden.jsonl", "{\"text\":\"hidden\"}\n")
        let specs = try InputSpec.resolve([folder.path])
        #expect(
            specs == [
                .jsonl(path: folder.file("a.jsonl.gz"), name: folder.file("a.jsonl.gz")),
                .jsonl(path: folder.file("b.jsonl"), name: folder.file("b.jsonl")),
                .html(path: folder.file("page.html"), id: "page.html"),
            ])
        let found = try records(specs)
        #expect(found.map { String(decoding: $0.1, as: UTF8.self) } == ["{\"text\":\"a\"}", "{\"text\":\"b\"}", "<p>hi</p>"])
    }

    /// A name with a "Prepend" character (U+0600, U+06DD) before its suffix still ends with it: the
    /// suffix is told by bytes, not by grapheme clusters, in which "\u{600}." is one character.
    @Test func suffixesAfterAPrependCharacterAreSeen() throws {
        let folder = TemporaryFolder()
        folder.write("a\u{600}.html", "<p>hi</p>")
        folder.write("\u{6DD}.HTM", "<p>ho</p>")
        folder.write("x\u{600}.jsonl", "{\"text\":\"x\"}\n")
        folder.write("part-\u{600}00000", "not a part file")
        let specs = try InputSpec.resolve([folder.path])
        #expect(specs.count == 3, "\(specs)")
        #expect(specs.filter { if case .html = $0 { true } else { false } }.count == 2, "\(specs)")
        #expect(specs.contains(.jsonl(path: folder.file("x\u{600}.jsonl"), name: folder.file("x\u{600}.jsonl"))))
        let alone = try InputSpec.resolve([folder.file("a\u{600}.html")])
        guard case .html = alone.first else { Issue.record("read as \(alone)"); return }
        #expect(OutputTarget.sibling(of: "out\u{600}.jsonl", kind: "removed") == "out\u{600}.removed.jsonl")
    }

    /// An engine's output folder reads as written: its part files in order (gzip ones too), not its
    /// `_SUCCESS` marker, its checksum files, nor other files whose names start with "part-".
    @Test func folderOfEnginePartFiles() throws {
        let folder = TemporaryFolder()
        folder.write("cleaned/part-00001.gz", try gzipped(Array("{\"text\":\"b\"}\n".utf8)))
        folder.write("cleaned/part-00000", "{\"text\":\"a\"}\n")
        folder.write("cleaned/.part-00000.crc", "crc")
        folder.write("cleaned/part-00000.crc", "crc")
        folder.write("cleaned/_SUCCESS", "")
        folder.write("cleaned/part-r-00002", "{\"text\":\"c\"}\n")
        folder.write("cleaned/part-one-notes.txt", "not a part file")
        let specs = try InputSpec.resolve([folder.file("cleaned")])
        #expect(specs.map(\.path) == ["part-00000", "part-00001.gz", "part-r-00002"].map { folder.file("cleaned/" + $0) })
        let found = try records(specs)
        #expect(found.map { String(decoding: $0.1, as: UTF8.self) } == ["{\"text\":\"a\"}", "{\"text\":\"b\"}", "{\"text\":\"c\"}"])
    }

    /// A FIFO with an input's name inside a folder would block the run until something writes to it:
    /// the folder is refused, naming it (a FIFO named on its own is read, as any stream is).
    @Test func aFIFOInAFolderIsRefused() throws {
        let folder = TemporaryFolder()
        folder.write("a.jsonl", "{\"text\":\"a\"}\n")
        #expect(mkfifo(folder.file("b.jsonl"), 0o600) == 0)
        #expect(mkfifo(folder.file("notes.fifo"), 0o600) == 0)
        let error = #expect(throws: WinnowError.self) { try InputSpec.resolve([folder.path]) }
        #expect(
            error?.description.contains("b.jsonl") == true && error?.description.contains("a FIFO") == true, "\(String(describing: error))")
        try FileManager.default.removeItem(atPath: folder.file("b.jsonl"))
        #expect(try InputSpec.resolve([folder.path]) == [.jsonl(path: folder.file("a.jsonl"), name: folder.file("a.jsonl"))])
    }

    @Test func missingInputIsAConfigurationError() {
        #expect(throws: WinnowError.self) { try InputSpec.resolve(["/no/such/file.jsonl"]) }
    }

    /// An input given again is named `NAME#2`; two names that differ in bytes ("café.jsonl" composed
    /// and decomposed, two files on Linux) are two inputs, whatever Swift's `==` says of them.
    @Test func inputsAreNamedByTheirBytes() {
        let composed = "caf\u{E9}.jsonl", decomposed = "cafe\u{301}.jsonl"
        let names = RecordReader.sourceNames(of: [composed, decomposed, composed].map { InputSpec.jsonl(path: $0, name: $0) })
        #expect(names.map { Array($0.utf8) } == [composed, decomposed, composed + "#2"].map { Array($0.utf8) })
        let framing = Framing(sources: [composed, decomposed])
        #expect(framing.number(of: composed) == 0 && framing.number(of: decomposed) == 1)
    }

    /// A number whose name another input has (a file really named `a.jsonl#2`) is passed over, so
    /// no two inputs share an origin; the numbering depends only on the names given.
    @Test func anInputGivenAgainIsNotNamedLikeAnotherInput() {
        let given = ["a.jsonl", "a.jsonl", "a.jsonl#2", "a.jsonl", "a.jsonl#3", "a.jsonl#2"]
        let names = RecordReader.sourceNames(of: given.map { InputSpec.jsonl(path: $0, name: $0) })
        #expect(names == ["a.jsonl", "a.jsonl#4", "a.jsonl#2", "a.jsonl#5", "a.jsonl#3", "a.jsonl#2#2"])
        #expect(Set(names).count == names.count)
    }
}

/// JSON values written over many lines (a pretty-printed `.json.gz` in a folder of shards, `jq .`'s output).
extension RecordReaderTests {
    /// Node.js's API docs in miniature: a pretty-printed object, nested arrays and a blank line in it.
    static let prettyObject =
        "{\n  \"type\": \"module\",\n  \"modules\": [\n    {\n      \"textRaw\": \"File system\"\n    }\n  ],\n\n"
        + "  \"desc\": \"" + String(repeating: "x", count: 3000) + "\"\n}\n"

    private func describe(_ found: [(RawRecord, [UInt8])]) -> [String] {
        found.map { record, bytes in
            let kind =
                switch record.content {
                case .jsonDocument(let span) where span.isLone: "line"
                case .jsonDocument(let span):
                    "document \(Character(UnicodeScalar(span.opening))) \(span.lines) " + Self.describe(span.ending)
                case .jsonLine: "line"
                default: "other"
                }
            return "\(record.origin):\(record.offset) \(kind) \(String(decoding: bytes, as: UTF8.self).debugDescription)"
        }
    }

    private static func describe(_ ending: JSONDocumentSpan.Ending) -> String {
        switch ending {
        case .closed: "closed"
        case .interrupted(let line): "interrupted-by-\(line)"
        case .cut: "cut"
        }
    }

    /// The value is one record, its first line (as the reject's raw bytes), and nothing else of it is:
    /// plain or gzip, after a byte order mark, with CRLF line ends, whatever the batch size; every byte
    /// still counts as read, and the next input is read as usual.
    @Test func aDocumentIsOneRecordOfItsFirstLine() throws {
        let folder = TemporaryFolder()
        let next = folder.write("next.jsonl", "{\"text\":\"a\"}\n")
        let crlf = Array(Self.prettyObject.replacingOccurrences(of: "\n", with: "\r\n").utf8)
        let variants: [(String, [UInt8], String, Int)] = [
            ("plain.jsonl", Array(Self.prettyObject.utf8), "{", 10),
            ("marked.json.gz", try gzipped([0xEF, 0xBB, 0xBF] + crlf), "{", 10),
            ("array.jsonl", Array("[\n  {\"text\": \"a\"},\n  {\"text\": \"b\"}\n]".utf8), "[", 4),
            ("spaced.jsonl", Array(" \t[ \r\n  1,\n  2\n]\n".utf8), " \t[ ", 4),
        ]
        for (name, bytes, firstLine, lines) in variants {
            let path = folder.write(name, bytes)
            let size = name.hasSuffix(".gz") ? 3 + crlf.count : bytes.count
            for batchBytes in [1, 64, 1 << 20] {
                let inputs: [InputSpec] = [.jsonl(path: path, name: name), .jsonl(path: next, name: "next.jsonl")]
                let found = try records(inputs, maxRecordBytes: 1000, batchBytes: batchBytes)
                let opening = firstLine.trimmingCharacters(in: .whitespaces)
                #expect(
                    describe(found) == [
                        "\(name):1:0 document \(opening) 1...\(lines) closed \(firstLine.debugDescription)",
                        #"next.jsonl:1:0 line "{\"text\":\"a\"}""#,
                    ], "\(name), \(batchBytes)")
                let reader = RecordReader(inputs: inputs, maxRecordBytes: 1000, batchBytes: batchBytes)
                while try reader.nextBatch() != nil {}
                #expect(reader.bytesRead == size + 13, "\(name), \(batchBytes)")
            }
        }
    }

    /// Only a bare bracket on line 1 itself tells: a first line holding more, a blank first line and a
    /// framed input (whose first line is any input's) are read line by line as before; so is a bare
    /// bracket that the next line does not continue (a stray `{` before JSON Lines).
    @Test func otherFirstLinesAreReadLineByLine() throws {
        let folder = TemporaryFolder()
        let cases: [(String, [String])] = [
            ("{\"a\": 1,\n\"b\": 2}\n", [#""{\"a\": 1,""#, #""\"b\": 2}""#]),
            ("\n{\n}\n", [#""{""#, #""}""#]),
            ("{}\n{\n", [#""{}""#, #""{""#]),
            ("{ x\n}\n", [#""{ x""#, #""}""#]),
            ("{\n{\"a\":1}\n{\n", [#""{""#, #""{\"a\":1}""#, #""{""#]),
            ("{\n\n  \n{\"a\":1}\n", [#""{""#, #""{\"a\":1}""#]),
            ("[\n", [#""[""#]),
        ]
        for (text, lines) in cases {
            let path = folder.write("case.jsonl", text)
            let found = try records([.jsonl(path: path, name: "case.jsonl")])
            #expect(describe(found).map { $0.components(separatedBy: " line ").last ?? "" } == lines, "\(text.debugDescription)")
        }
        let path = folder.write("framed", "0 1 0 {\n0 2 2   \"a\": 1\n0 3 12 }\n")
        let found = try records([.jsonl(path: path, name: "framed")], framedSources: ["doc.jsonl"])
        #expect(describe(found) == [#"doc.jsonl:1:0 line "{""#, #"doc.jsonl:2:2 line "  \"a\": 1""#, #"doc.jsonl:3:12 line "}""#])
    }

    /// The lines read past are let go as they are counted, a line longer than the limit among them too:
    /// a document of 8 MB holds no more memory than a batch.
    @Test func linesReadPastStayBounded() throws {
        let folder = TemporaryFolder()
        let line = "  \"" + String(repeating: "w", count: 100) + "\": 1,\n"
        let bytes = Array(
            ("{\n" + String(repeating: line, count: 80_000) + "\"long\": \"" + String(repeating: "z", count: 3 << 20) + "\"\n}\n").utf8)
        let path = folder.write("big.json", bytes)
        let reader = RecordReader(inputs: [.jsonl(path: path, name: "big.json")], maxRecordBytes: 1 << 20, batchBytes: 1 << 16)
        var largest = 0, lines: [Int] = []
        while let batch = try reader.nextBatch() {
            largest = max(largest, batch.storage.capacity)
            lines += batch.records.map(\.origin.line)
        }
        #expect(lines == [1])
        #expect(largest < 3 << 20, "a batch held \(largest) bytes")
        #expect(reader.bytesRead == bytes.count)
    }

    /// A document in gzip cut short: the document's record, then the break's own, at the line after the
    /// last complete one, as for any input (the cluster path's driver finds the same two).
    @Test func aDocumentCutShortAlsoGetsItsBreak() throws {
        let folder = TemporaryFolder()
        let whole = try gzipped(Array(("{\n" + String(repeating: "  \"key\": \"value\",\n", count: 5000) + "}\n").utf8))
        let path = folder.write("cut.json.gz", Array(whole.prefix(whole.count / 2)))
        let found = try records([.jsonl(path: path, name: "cut.json.gz")])
        #expect(found.count == 2)
        guard found.count == 2, case .jsonDocument = found[0].0.content, case .unreadable = found[1].0.content else {
            Issue.record("\(describe(found))")
            return
        }
        #expect(found[1].0.origin.line > 2 && found[1].0.offset > 0)
    }
}

/// What follows a value written over many lines is read: the value is one record that names its lines.
extension RecordReaderTests {
    private static let records = (1...50).map { #"{"id":"r\#($0)","text":"record \#($0)"}"# }

    /// A pretty-printed object before JSON Lines (all of them were lost to the object's reject before):
    /// the object's lines are its record, and each line after it is a record of its own, plain or gzip,
    /// whatever the batch size.
    @Test func linesAfterAPrettyObjectAreRead() throws {
        let folder = TemporaryFolder()
        let text = "{\n \"id\":\"p1\",\n \"text\":\"x\"\n}\n" + Self.records.joined(separator: "\n") + "\n"
        for (name, bytes) in [("pretty.jsonl", Array(text.utf8)), ("pretty.jsonl.gz", try gzipped(Array(text.utf8)))] {
            let path = folder.write(name, bytes)
            for batchBytes in [1, 64, 1 << 20] {
                let found = try records([.jsonl(path: path, name: name)], batchBytes: batchBytes)
                #expect(describe(Array(found.prefix(1))) == [#"\#(name):1:0 document { 1...4 closed "{""#], "\(batchBytes)")
                #expect(found.dropFirst().map { String(decoding: $0.1, as: UTF8.self) } == Self.records)
                #expect(found.dropFirst().map(\.0.origin.line) == Array(5...54))
                #expect(found.dropFirst().map(\.0.offset) == Self.offsets(of: Self.records, from: 28))
            }
        }
    }

    /// `jq .`'s output (a stream of pretty-printed objects, blank lines between them too) is a record
    /// for each object; an array is one; JSON Lines after them are read.
    @Test func eachValueOfAStreamIsARecord() throws {
        let folder = TemporaryFolder()
        let text =
            "{\n  \"a\": 1\n}\n{\n  \"b\": [\n    2,\n    {\"c\": \"}]\\\"\"}\n  ]\n}\n\n[\n  1\n]\n"
            + Self.records[0] + "\n{\n"
        let path = folder.write("stream.json", text)
        for batchBytes in [1, 1 << 20] {
            let found = try records([.jsonl(path: path, name: "stream.json")], batchBytes: batchBytes)
            #expect(
                describe(found) == [
                    #"stream.json:1:0 document { 1...3 closed "{""#,
                    #"stream.json:4:13 document { 4...9 closed "{""#,
                    #"stream.json:11:56 document [ 11...13 closed "[""#,
                    #"stream.json:14:64 line "{\"id\":\"r1\",\"text\":\"record 1\"}""#,
                    #"stream.json:15:94 line "{""#,
                ], "\(batchBytes)")
        }
    }

    /// A value that a line cannot continue (damaged, or no JSON at all) ends before that line, which is
    /// read as usual, and may open the next value; the input's end inside a value ends it too.
    @Test func aValueEndsAtALineThatCannotContinueIt() throws {
        let folder = TemporaryFolder()
        let cases: [(String, [String])] = [
            // A string cannot span lines; the line it is on is read as a line.
            ("{\n \"a\": \"x\n\"}\n", ["1 line", "2 line", "3 line"]),
            ("{\n \"a\": 1,\n" + Self.records[0] + "\n", ["1 document { 1...2 interrupted-by-3", "3 line"]),
            ("[\n {\"a\": 1}\n {\"b\": 2}\n]\n", ["1 document [ 1...2 interrupted-by-3", "3 line", "4 line"]),
            // The line after a value may open the next; any other line ends the looking for values.
            ("{\n \"a\": 1\n}}\n{\n \"b\": 2\n", ["1 document { 1...2 interrupted-by-3", "3 line", "4 line", "5 line"]),
            ("{\n \"a\": 1\n\n{\n \"b\": 2\n", ["1 document { 1...2 interrupted-by-4", "4 document { 4...5 cut"]),
            ("{\n \"a\": [1,\n\n", ["1 document { 1...2 cut"]),
        ]
        for (text, expected) in cases {
            let path = folder.write("case.json", text)
            let found = try records([.jsonl(path: path, name: "case.json")])
            let described = describe(found).map { line in
                let words = line.components(separatedBy: " ")
                let place = words[0].components(separatedBy: ":")[1]
                return ([place] + words.dropFirst().prefix(words[1] == "document" ? 4 : 1)).joined(separator: " ")
            }
            #expect(described == expected, "\(text.debugDescription)")
        }
    }

    /// A long stream of values comes in batches of what a read of the input holds, not in one batch of
    /// all its records.
    @Test func aLongStreamOfValuesComesInBatches() throws {
        let folder = TemporaryFolder()
        let path = folder.write("stream.json", String(repeating: "{\n \"a\": 1\n}\n", count: 400_000))
        let reader = RecordReader(inputs: [.jsonl(path: path, name: "stream.json")], maxRecordBytes: 1 << 20, batchBytes: 1 << 16)
        var largest = 0, total = 0
        while let batch = try reader.nextBatch() {
            largest = max(largest, batch.records.count)
            total += batch.records.count
        }
        #expect(total == 400_000)
        #expect(largest <= 100_000, "a batch held \(largest) records")
    }

    /// The reject's message names the lines and what the user can do.
    @Test func theMessageNamesTheLinesAndTheConversion() {
        func message(_ opening: Character, _ ending: JSONDocumentSpan.Ending) -> String {
            JSONDocumentSpan(firstLine: [opening.asciiValue!], opening: opening.asciiValue!, lines: 3...9, ending: ending).message
        }
        #expect(message("{", .closed).hasPrefix("lines 3 to 9 are one JSON object written over many lines, not JSON Lines"))
        #expect(message("{", .closed).contains("`jq -c .` (each object of a stream of them on a line of its own)"))
        #expect(message("[", .closed).contains("one JSON array") && message("[", .closed).contains("`jq -c '.[]'`"))
        #expect(message("{", .interrupted(line: 11)).contains("that line 11 does not continue"))
        #expect(message("[", .cut).contains("that the input ends inside") && message("[", .cut).contains("not valid JSON"))
    }

    private static func offsets(of lines: [String], from start: Int) -> [Int] {
        var offset = start
        return lines.map { line in
            defer { offset += line.utf8.count + 1 }
            return offset
        }
    }
}
