import Testing
import WinnowTestSupport

@testable import Winnow

@Suite struct ReportOrderTests {
    /// `BytewiseOrder` is the UTF-8 byte order `lexicographicallyPrecedes` gives, prefixes first.
    @Test func bytewiseOrderIsTheOrderOfUTF8Bytes() {
        var strings = ["", "a", "ab", "abc", "b", "B", "a_b", "aB", "é", "e\u{301}", "z", "😀", "\u{FFFD}", "a\u{0}", "10", "9"]
        var generator = SeededRandom(seed: 22)
        let alphabet = Array("ab_Zé😀\u{0}".unicodeScalars)
        strings += (0..<300).map { _ in
            String(
                String.UnicodeScalarView(
                    (0..<Int.random(in: 0...6, using: &generator)).map { _ in
                        alphabet.randomElement(using: &generator)!
                    }))
        }
        for a in strings {
            for b in strings {
                #expect(
                    BytewiseOrder.precedes(a, b) == a.utf8.lexicographicallyPrecedes(b.utf8), "\(a.debugDescription) \(b.debugDescription)")
            }
        }
    }

    /// A cluster lists the same members in the same order whatever order the outputs hold them in,
    /// copies that share an id included (they differ in URL, size or the stage that removed them).
    @Test func clusterMembersDoNotDependOnArrival() {
        let members = [
            RunReport.Member(id: "a", url: "u/2", similarity: 1, textBytes: 5, removedBy: "exact"),
            RunReport.Member(id: "a", url: "u/1", similarity: 1, textBytes: 5, removedBy: "exact"),
            RunReport.Member(id: "a", url: nil, similarity: 1, textBytes: 5, removedBy: "exact"),
            RunReport.Member(id: "a", url: "u/1", similarity: 1, textBytes: 4, removedBy: "exact"),
            RunReport.Member(id: "a", url: "u/1", similarity: 1, textBytes: 4, removedBy: "neardup"),
            RunReport.Member(id: "b", url: "u/0", similarity: 0.9, textBytes: 5, removedBy: "neardup"),
        ]
        var generator = SeededRandom(seed: 5)
        var listings: Set<String> = []
        for _ in 0..<50 {
            var tally = ClusterTally(kind: .exact, label: "kept", listed: 3)
            for member in members.shuffled(using: &generator) {
                tally.add(member, origin: DocumentOrigin(source: "s", line: 1), declaredSize: nil)
            }
            let cluster = tally.cluster()
            #expect(cluster.size == members.count + 1, "the others and the kept copy")
            listings.insert(
                cluster.members.dropFirst().map { "\($0.id) \($0.url ?? "-") \($0.textBytes) \($0.removedBy ?? "-")" }.joined(
                    separator: "; "))
        }
        #expect(listings == ["a - 5 exact; a u/1 4 exact; a u/1 4 neardup"])
    }

    /// Clusters whose kept documents share an id read as one: the copy shown as kept is the one
    /// `ClusterMembership.preferred` names (here by URL) whatever order the outputs hold them in, and
    /// the other is counted and listed among the members.
    @Test func keptCopiesThatShareALabelDoNotDependOnArrival() {
        let members = [
            RunReport.Member(id: "x", url: "http://b.example/", similarity: 1, textBytes: 115, removedBy: nil),
            RunReport.Member(id: "x", url: "http://a.example/", similarity: 1, textBytes: 109, removedBy: nil),
            RunReport.Member(id: "y", url: "http://a.example/", similarity: 0.9, textBytes: 105, removedBy: "neardup"),
            RunReport.Member(id: "z", url: "http://b.example/", similarity: 0.8, textBytes: 110, removedBy: "neardup"),
        ]
        var generator = SeededRandom(seed: 9)
        var listings: Set<String> = []
        for _ in 0..<30 {
            var tally = ClusterTally(kind: .nearDuplicate, label: "x", listed: 5)
            var rows: [String] = []
            for (line, member) in members.enumerated().shuffled(using: &generator) {
                let origin = DocumentOrigin(source: "s", line: line + 1)
                if let other = tally.add(member, origin: origin, declaredSize: 2) { rows.append("\(other.id) \(other.url ?? "-")") }
            }
            let cluster = tally.cluster()
            #expect(cluster.size == 4 && tally.keptCopies == 2)
            #expect(tally.keptOrigin == DocumentOrigin(source: "s", line: 2))
            #expect(rows.sorted() == ["x http://b.example/", "y http://a.example/", "z http://b.example/"], "the rows clusters.csv lists")
            listings.insert(cluster.members.map { "\($0.id) \($0.url ?? "-")" }.joined(separator: "; "))
        }
        #expect(listings == ["x http://a.example/; x http://b.example/; y http://a.example/; z http://b.example/"])
    }
}
