import Testing
import WinnowTestSupport

@testable import Winnow

/// Reading clusters files back: what `neardup apply --clusters` accepts.
@Suite struct ClustersFileTests {
    /// Reads `lines` as the clusters of a file with its header and end line.
    private func read(_ lines: [String]) throws(WinnowError) -> DuplicateClusters {
        let folder = TemporaryFolder()
        let text =
            ([String(decoding: ClustersFile.header, as: UTF8.self)] + lines + ["{\"end_of_file\":\(lines.count)}"])
            .joined(separator: "\n") + "\n"
        return try ClustersFile.read(folder.write("clusters.jsonl", text))
    }

    private func member(_ id: String, line: Int, similarity: String) -> String {
        #"{"id":"\#(id)","source":"in.jsonl","line":\#(line),"fingerprint":"00000000000000\#(line)f","similarity":\#(similarity)}"#
    }

    @Test func readsWhatItWrites() throws {
        let clusters = try read([
            #"{"cluster":"a","size":2,"kept":"a","members":["# + member("a", line: 1, similarity: "1") + ","
                + member("b", line: 2, similarity: "0.893") + "]}"
        ])
        #expect(
            clusters.clusters == [
                .init(members: [
                    .init(id: "a", origin: .init(source: "in.jsonl", line: 1), similarity: 1, fingerprint: 0x1f),
                    .init(id: "b", origin: .init(source: "in.jsonl", line: 2), similarity: 0.893, fingerprint: 0x2f),
                ])
            ])
    }

    /// A similarity's bytes are spelled from its thousandths; they must be what its rounded string
    /// (`\(Double)` of the thousandths over 1000) spells, at every thousandth and between them.
    @Test func similaritiesAreSpelledAsTheirRoundedStrings() {
        var generator = SystemRandomNumberGenerator()
        let values =
            (0...1000).map { Double($0) / 1000 } + (0..<2000).map { _ in Double.random(in: 0...1, using: &generator) }
            + [0.0005, 0.0004999, 0.9995, 0.99949, 1e-9, 2, -0.5, .nan]
        for value in values {
            var bytes: [UInt8] = []
            ClustersFile.appendRounded(value, to: &bytes)
            #expect(String(decoding: bytes, as: UTF8.self) == ClustersFile.rounded(value), "\(value)")
        }
    }

    /// Found by the `clusters` fuzz target: a similarity of 2 was accepted (and one of 1e306 would be
    /// written back as `inf`, which no JSON reader takes).
    @Test(arguments: ["2", "-0.5", "1e306"])
    func similarityOutsideZeroToOneIsRefused(_ similarity: String) throws {
        _ = try read(["{\"members\":[" + member("a", line: 1, similarity: "1") + "," + member("b", line: 2, similarity: "0.5") + "]}"])
        #expect {
            try read([
                "{\"members\":[" + member("a", line: 1, similarity: "1") + ","
                    + member("b", line: 2, similarity: similarity) + "]}"
            ])
        } throws: { "\($0)".contains("between 0 and 1") }
    }

    /// A member without its fingerprint is refused; a version 2 file (no fingerprints) is refused by
    /// apply, saying to map and merge again, while the report still reads its cluster sizes.
    /// A document (its origin) listed twice is refused, in one cluster or in two; records that only
    /// share an id are two documents.
    @Test func aDocumentListedTwiceIsRefused() throws {
        let pair = #"{"cluster":"a","size":2,"kept":"a","members":["# + member("a", line: 1, similarity: "1") + ","
        #expect {
            try read([pair + member("b", line: 1, similarity: "0.9") + "]}"])
        } throws: { "\($0)".contains("in.jsonl:1 is listed twice in this cluster") }
        #expect {
            try read([
                pair + member("b", line: 2, similarity: "0.9") + "]}",
                #"{"cluster":"c","size":2,"kept":"c","members":["# + member("c", line: 3, similarity: "1") + ","
                    + member("d", line: 2, similarity: "0.9") + "]}",
            ])
        } throws: { "\($0)".contains("clusters.jsonl:3") && "\($0)".contains("in.jsonl:2 is listed twice, here and in cluster 1") }
        let shared = try read([pair + member("a", line: 2, similarity: "1") + "]}"])
        #expect(shared.clusters.first?.members.map(\.id) == ["a", "a"])
    }

    @Test func fingerprintsAreRequiredSinceVersion3() throws {
        #expect {
            try read([#"{"members":[{"id":"a","source":"s","line":1,"similarity":1},"# + member("b", line: 2, similarity: "1") + "]}"])
        } throws: { "\($0)".contains("16-hex-digit 'fingerprint'") }
        let folder = TemporaryFolder()
        let old = folder.write(
            "old.clusters",
            #"{"format":"winnow.clusters","version":2}"# + "\n"
                + #"{"cluster":"a","size":2,"kept":"a","members":[{"id":"a","source":"s","line":1,"similarity":1},"#
                + #"{"id":"b","source":"s","line":2,"similarity":0.9}]}"# + "\n" + #"{"end_of_file":1}"# + "\n")
        #expect { try ClustersFile.read(old) } throws: { "\($0)".contains("old.clusters:1") && "\($0)".contains("map and merge again") }
        var sizes: [(kept: String, size: Int)] = []
        try ClustersFile.forEachSize(old) { sizes.append(($0, $1)) }
        #expect(sizes.count == 1 && sizes.first?.kept == "a" && sizes.first?.size == 2)
    }
}
