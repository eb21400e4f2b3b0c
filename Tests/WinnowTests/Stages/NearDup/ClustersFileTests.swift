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
        #"{"id":"\#(id)","source":"in.jsonl","line":\#(line),"similarity":\#(similarity)}"#
    }

    @Test func readsWhatItWrites() throws {
        let clusters = try read([
            #"{"cluster":"a","size":2,"kept":"a","members":["# + member("a", line: 1, similarity: "1") + ","
                + member("b", line: 2, similarity: "0.893") + "]}"
        ])
        #expect(
            clusters.clusters == [
                .init(members: [
                    .init(id: "a", origin: .init(source: "in.jsonl", line: 1), similarity: 1),
                    .init(id: "b", origin: .init(source: "in.jsonl", line: 2), similarity: 0.893),
                ])
            ])
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
}
