import Testing
@testable import Winnow

/// Reading clusters files back: what `dedup apply --clusters` accepts.
@Suite struct ClustersFileTests {
    private func read(_ text: String) throws(WinnowError) -> DuplicateClusters {
        let folder = TemporaryFolder()
        return try ClustersFile.read(folder.write("clusters.jsonl", text))
    }

    @Test func readsWhatItWrites() throws {
        let clusters = try read(#"{"cluster":"a","size":2,"kept":"a","members":[{"id":"a","similarity":1},{"id":"b","similarity":0.893}]}"# + "\n")
        #expect(clusters.clusters == [.init(members: [.init(id: "a", similarity: 1), .init(id: "b", similarity: 0.893)])])
    }

    /// Found by the `clusters` fuzz target: a similarity of 2 was accepted (and one of 1e306 would be
    /// written back as `inf`, which no JSON reader takes).
    @Test(arguments: ["2", "-0.5", "1e306"])
    func similarityOutsideZeroToOneIsRefused(_ similarity: String) {
        #expect(throws: WinnowError.self) {
            try read(#"{"members":[{"id":"a","similarity":1},{"id":"b","similarity":"# + similarity + "}]}\n")
        }
    }
}
