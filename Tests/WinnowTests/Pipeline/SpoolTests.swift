import Foundation
import Testing
import WinnowTestSupport

@testable import Winnow

/// The spool between passes: documents and what their map step carried round trip through it,
/// damage is refused without a crash, framed records' prefix round trips, and the fingerprint that
/// exact's map step carries decides the apply step exactly as computing it again would.
@Suite struct SpoolTests {
    private static let sources = ["first.jsonl", "second.jsonl"]
    private let framing = Framing(sources: SpoolTests.sources)

    /// Documents as the decoder reads them (raw fields kept) and as stages leave them (fields set).
    static func documents() throws -> [Document] {
        let decoder = DocumentDecoder(requireText: false)
        let lines = [
            #"{"id":"a","text":"caf\u00e9\nline two","url":"https://example.org/a","lang":"fr","n":[1,{"x":null}]}"#,
            #"{"text":"no id here","html":"<p>tag</p>","url":null}"#,
            #"{"id":7,"text":"","extra":"\"quoted\""}"#,
        ]
        var documents = try lines.enumerated().map { number, line in
            let bytes = Array(line.utf8)
            let origin = DocumentOrigin(source: sources[number % 2], line: number + 1)
            return try decoder.decode(bytes, 0..<bytes.count, origin: origin, offset: 100 * number).get()
        }
        var changed = documents[0]
        changed.text = "changed 🙂 text\n\nwith\u{0}a NUL"
        changed.url = nil
        changed.setField("added", .string("new"))
        documents.append(changed)
        documents.append(
            Document(
                id: "file.html", text: nil, html: .bytes([0x3C, 0x62, 0xFF, 0x3E]),
                origin: DocumentOrigin(source: "second.jsonl", line: 1), offset: 0))
        documents.append(Document(id: "", text: "", origin: DocumentOrigin(source: "first.jsonl", line: 99), offset: 1 << 40))
        return documents
    }

    /// Spools `documents`, each carrying `carried`, to a file and reads them back through the reader the next pass uses.
    private func roundTrip(_ documents: [Document], carrying carried: CarriedValue?, batchBytes: Int) throws -> [Document] {
        let folder = TemporaryFolder()
        var bytes: [UInt8] = []
        for document in documents {
            SpoolCodec.append(document, source: framing.number(of: document.origin.source), carrying: carried, to: &bytes)
        }
        let path = folder.write("spool", bytes)
        let reader = try RecordReader(spoolFile: path, sources: Self.sources, batchBytes: batchBytes)
        var read: [Document] = []
        while let batch = try reader.nextBatch() {
            for record in batch.records {
                guard case .spooled(let range) = record.content else { throw SpoolTestError.notSpooled }
                read.append(try #require(SpoolCodec.document(batch.storage, range, origin: record.origin, offset: record.offset)))
            }
        }
        return read
    }

    @Test(
        arguments: [
            nil, .key(0), .key(0x0123_4567_89AB_CDEF), .key(.max), .bytes([]), .bytes(Array(0...255)),
            CarriedValue(key: 7, bytes: [1, 2, 3]), CarriedValue(key: .max, bytes: []),
        ] as [CarriedValue?])
    func documentsRoundTrip(carried: CarriedValue?) throws {
        let documents = try Self.documents()
        for batchBytes in [1, 64, 1 << 20] {
            let read = try roundTrip(documents, carrying: carried, batchBytes: batchBytes)
            #expect(read.count == documents.count)
            for (original, copy) in zip(documents, read) {
                var expected: [UInt8] = [], actual: [UInt8] = []
                DocumentEncoder().encode(original, into: &expected)
                DocumentEncoder().encode(copy, into: &actual)
                #expect(String(decoding: actual, as: UTF8.self) == String(decoding: expected, as: UTF8.self))
                #expect(copy.origin == original.origin && copy.offset == original.offset)
                #expect(copy.id == original.id && copy.text == original.text && copy.url == original.url)
                #expect(copy.html == original.html)
                #expect(copy.carriedKey == carried?.key)
                #expect(copy.carriedBytes == carried?.bytes)
            }
        }
    }

    /// Every cut and every changed byte of a record is refused or read as some document; none crashes.
    @Test func damagedRecordsNeverCrash() throws {
        var bytes: [UInt8] = []
        for document in try Self.documents() { SpoolCodec.append(document, source: 1, carrying: .bytes([1, 2, 3]), to: &bytes) }
        let length = Int(try #require(SpoolCodec.bodyLength(bytes[...])))
        let body = Array(bytes[SpoolCodec.lengthBytes..<(SpoolCodec.lengthBytes + length)])
        let origin = DocumentOrigin(source: "first.jsonl", line: 1)
        let rest = try #require(SpoolCodec.origin(body, 0..<body.count)).rest
        #expect(SpoolCodec.document(body, rest..<body.count, origin: origin, offset: 0) != nil)
        for end in rest..<body.count {
            #expect(SpoolCodec.document(body, rest..<end, origin: origin, offset: 0) == nil)
        }
        for index in rest..<body.count {
            for value: UInt8 in [0, 1, 2, 5, 0x7F, 0x80, 0xFF] {
                var damaged = body
                damaged[index] = value
                _ = SpoolCodec.document(damaged, rest..<damaged.count, origin: origin, offset: 0)
            }
        }
    }

    /// A spooled text is read where it lies, so one that is not valid UTF-8 is refused as damage.
    @Test func aSpooledTextThatIsNotUTF8IsRefused() throws {
        let document = Document(id: "d", text: "caf\u{00E9}", origin: DocumentOrigin(source: "first.jsonl", line: 1))
        var bytes: [UInt8] = []
        SpoolCodec.append(document, source: 0, carrying: nil, to: &bytes)
        let body = SpoolCodec.lengthBytes..<bytes.count
        let rest = try #require(SpoolCodec.origin(bytes, body)).rest
        let end = bytes.count
        #expect(SpoolCodec.document(bytes, rest..<end, origin: document.origin, offset: 0)?.text == "caf\u{00E9}")
        // The text's last byte (é's continuation byte, before the raw-JSON flag) made a lead byte leaves it invalid.
        let last = try #require(bytes.lastIndex(of: 0xA9))
        bytes[last] = 0xC3
        #expect(SpoolCodec.document(bytes, rest..<end, origin: document.origin, offset: 0) == nil)
    }

    @Test func aSpoolFileCutShortIsThrown() throws {
        let folder = TemporaryFolder()
        var bytes: [UInt8] = []
        for document in try Self.documents() { SpoolCodec.append(document, source: 0, carrying: nil, to: &bytes) }
        for cut in [1, SpoolCodec.lengthBytes + 2, bytes.count - 1] {
            let path = folder.write("cut-\(cut)", Array(bytes.prefix(cut)))
            #expect(throws: WinnowError.self) {
                let reader = try RecordReader(spoolFile: path, sources: Self.sources)
                while try reader.nextBatch() != nil {}
            }
        }
        var unnamed: [UInt8] = []
        SpoolCodec.append(try Self.documents()[0], source: 2, carrying: nil, to: &unnamed)
        let path = folder.write("unnamed", unnamed)
        #expect(throws: WinnowError.self) {
            let reader = try RecordReader(spoolFile: path, sources: Self.sources)
            while try reader.nextBatch() != nil {}
        }
    }

    /// A spooled record whose fields are damaged, or that lacks the text its pass needs, is one reject
    /// with its reason; the records beside it in the batch are read as usual.
    @Test func aDamagedSpooledRecordIsOneRejectAndTheRestAreRead() throws {
        let good = try Self.documents()[0]
        var noText = good
        noText.text = nil
        var storage: [UInt8] = []
        var records: [RawRecord] = []
        for (number, document) in [good, good, noText].enumerated() {
            var bytes: [UInt8] = []
            SpoolCodec.append(document, source: 0, carrying: nil, to: &bytes)
            let body = SpoolCodec.lengthBytes..<bytes.count
            let rest = try #require(SpoolCodec.origin(bytes, body)).rest
            let base = storage.count
            storage += bytes
            // The second record's fields are cut one byte short of their end.
            let end = number == 1 ? storage.count - 1 : storage.count
            records.append(
                RawRecord(
                    origin: DocumentOrigin(source: "first.jsonl", line: number + 1), offset: number,
                    content: .spooled((base + rest)..<end)))
        }
        var batch = RecordBatch()
        batch.storage = storage
        batch.records = records
        let processor = BatchProcessor(
            decoder: DocumentDecoder(), encoder: DocumentEncoder(), stages: [], keepRemoved: false)
        let result = processor.process(batch)
        #expect(result.keptCount == 1 && result.records == 3)
        #expect(result.rejectList.map(\.reason) == [.unreadable, .missingText])
        #expect(result.rejectList.map(\.origin.line) == [2, 3])
    }

    @Test func framingPrefixRoundTrips() throws {
        let document = Document(id: "d", text: "some text", origin: DocumentOrigin(source: "second.jsonl", line: 7), offset: 1234)
        var bytes: [UInt8] = []
        framing.appendPrefix(of: document, to: &bytes)
        DocumentEncoder().encode(document, into: &bytes)
        let prefix = try #require(framing.parsePrefix(bytes[...]))
        #expect(prefix.origin == document.origin)
        #expect(prefix.offset == 1234)
        #expect(bytes[prefix.json...].starts(with: Array(#"{"id":"d""#.utf8)))
    }

    @Test(arguments: ["1 7 {}", "1 7 x1 {}", "1  7 1234 {}", "2 7 1234 {}", "-1 7 1234 {}"])
    func aDamagedFramingPrefixIsRefused(line: String) {
        #expect(framing.parsePrefix(Array(line.utf8)[...]) == nil)
    }

    @Test func exactsApplyStepJudgesByTheCarriedFingerprint() throws {
        let stage = ExactStage(options: ExactOptions())
        var tally = ExactTally()
        let keeper = Document(id: "k", text: "The same words, here", origin: DocumentOrigin(source: "in", line: 1))
        let key = try #require(stage.mapCarrying(keeper, into: &tally))
        #expect(key == WordHasher.fingerprint(of: "the same words here").hash)
        // A copy, so that the text repeats and apply keeps its keeper.
        stage.map(Document(id: "c", text: "THE SAME WORDS HERE", origin: DocumentOrigin(source: "in", line: 3)), into: &tally)
        let remover = stage.apply(using: tally)
        func other(carrying key: UInt64?) -> Document {
            var document = Document(id: "o", text: "words of its own", origin: DocumentOrigin(source: "in", line: 2))
            document.carriedKey = key
            return document
        }
        var plain = other(carrying: nil)
        #expect(remover.process(&plain) == .keep)
        var carrying = other(carrying: key)
        #expect(remover.process(&carrying) == .remove(reason: ExactRemover.reason))
        // A stage that changes the text drops what was carried for the old text.
        var changed = other(carrying: key)
        changed.text = "words of its own"
        #expect(changed.carriedKey == nil)
        #expect(remover.process(&changed) == .keep)
    }

    /// A gzip input is spooled (fingerprints carried), a plain one read again (fingerprints computed):
    /// the two runs of exact decide alike.
    @Test func carriedFingerprintsGiveTheOutputOfComputedOnes() async throws {
        let folder = TemporaryFolder()
        var bytes: [UInt8] = []
        for index in 0..<40 {
            let text = index % 3 == 0 ? "A story told twice, word for word" : "Story \(index % 7) of its own words"
            bytes += Array(#"{"id": "d\#(index)", "text": "\#(index % 2 == 0 ? text.uppercased() : text)"}"#.utf8) + [0x0A]
        }
        let inputs = [("plain", folder.write("corpus.jsonl", bytes)), ("gzip", folder.write("corpus.jsonl.gz", try gzipped(bytes)))]
        var outputs: [[String?]] = []
        for (name, input) in inputs {
            let summary = try await runSteps(
                [.corpus(ExactStage(options: ExactOptions()))],
                inputs: [.jsonl(path: input, name: "corpus")], output: folder.file("\(name).jsonl")
            ) {
                $0.removedOutput = folder.file("\(name).removed.jsonl")
            }
            #expect(summary.removed == 40 - 8)
            #expect(summary.spooledBytes > 0 || name == "plain")
            outputs.append(["", ".removed"].map { folder.read("\(name)\($0).jsonl") })
        }
        #expect(outputs[0] == outputs[1])
    }
}

private enum SpoolTestError: Error {
    case notSpooled
}
