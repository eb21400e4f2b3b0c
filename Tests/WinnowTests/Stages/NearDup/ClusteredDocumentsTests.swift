import Testing

@testable import Winnow

/// Finding a document's cluster at apply: by origin and id, both bytewise.
@Suite struct ClusteredDocumentsTests {
    private func member(_ id: String, _ source: String, _ line: Int) -> DuplicateClusters.Member {
        .init(id: id, origin: .init(source: source, line: line), similarity: 0.9, fingerprint: 0)
    }

    @Test func findsEachMemberByOriginAndID() {
        // One id for all, each line number in seven inputs: only origin and id together tell documents apart.
        let clusters = (0..<500).map { cluster in
            DuplicateClusters.Cluster(members: (0..<3).map { member("same", "in-\(cluster % 7)", cluster / 7 * 3 + $0) })
        }
        let documents = ClusteredDocuments(clusters)
        for (index, cluster) in clusters.enumerated() {
            for (position, listed) in cluster.members.enumerated() {
                let found = documents.place(id: listed.id, origin: listed.origin)
                #expect(found?.member == position && found?.cluster == clusters[index])
            }
        }
        #expect(documents.place(id: "same", origin: .init(source: "in-0", line: 100_000)) == nil)
        #expect(documents.place(id: "other", origin: .init(source: "in-0", line: 0)) == nil)
    }

    @Test func comparesIDsAndSourcesByTheirBytes() {
        let documents = ClusteredDocuments([.init(members: [member("caf\u{E9}", "s\u{E9}", 1), member("b", "s\u{E9}", 2)])])
        #expect(documents.place(id: "caf\u{E9}", origin: .init(source: "s\u{E9}", line: 1))?.member == 0)
        #expect(documents.place(id: "cafe\u{301}", origin: .init(source: "s\u{E9}", line: 1)) == nil)
        #expect(documents.place(id: "b", origin: .init(source: "se\u{301}", line: 2)) == nil)
        #expect(documents.place(id: "b", origin: .init(source: "s\u{E9}", line: 2))?.member == 1)
    }
}
