import Testing

@testable import Winnow

/// The input lines a templates tally covers: ranges join as lines arrive in any order, and two
/// tallies that share a line are found, at the first line they share.
@Suite struct CoveredLinesTests {
    private func covered(_ origins: [(String, Int)]) -> CoveredLines {
        var covered = CoveredLines()
        for (source, line) in origins { covered.add(DocumentOrigin(source: source, line: line)) }
        return covered
    }

    @Test func linesJoinIntoRangesInAnyOrder() {
        let lines = [1, 2, 3, 5, 7, 8, 9, 10, 12]
        let expected: [ClosedRange<Int>] = [1...3, 5...5, 7...10, 12...12]
        #expect(covered(lines.map { ("a", $0) }).inputs == ["a": expected])
        #expect(covered(lines.reversed().map { ("a", $0) }).inputs == ["a": expected])
        var merged = covered([("a", 7), ("a", 12), ("b", 1)])
        merged.merge(covered([1, 2, 3, 5, 8, 9, 10, 2].map { ("a", $0) }))
        #expect(merged.inputs == ["a": expected, "b": [1...1]])
    }

    @Test func theFirstSharedLineIsFound() {
        let shard = covered((1...100).map { ("shard.jsonl", $0) } + [("other.jsonl", 40)])
        #expect(shard.firstShared(with: covered((101...200).map { ("shard.jsonl", $0) })) == nil)
        #expect(shard.firstShared(with: covered([("other.jsonl", 41), ("x", 1)])) == nil)
        #expect(shard.firstShared(with: covered([("shard.jsonl", 100)])) == DocumentOrigin(source: "shard.jsonl", line: 100))
        #expect(shard.firstShared(with: shard) == DocumentOrigin(source: "other.jsonl", line: 40))
        // Names are their bytes: NFC and NFD spellings are two inputs.
        #expect(covered([("caf\u{E9}", 1)]).firstShared(with: covered([("cafe\u{301}", 1)])) == nil)
    }

    @Test func aLineIsCoveredOnlyInsideItsInputsRanges() {
        let shard = covered([1, 2, 3, 5, 7, 8, 9, 10, 12].map { ("a", $0) } + [("b", 4)])
        let inside = [1, 2, 3, 5, 7, 10, 12].map { DocumentOrigin(source: "a", line: $0) } + [DocumentOrigin(source: "b", line: 4)]
        let outside = [0, 4, 6, 11, 13].map { DocumentOrigin(source: "a", line: $0) } + [DocumentOrigin(source: "c", line: 1)]
        #expect(inside.allSatisfy(shard.contains))
        #expect(!outside.contains(where: shard.contains))
        #expect(!CoveredLines().contains(DocumentOrigin(source: "a", line: 1)))
    }
}
