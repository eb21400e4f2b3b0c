import Testing
import WinnowTestSupport

@testable import Winnow

/// Tallies merged from shards equal the tally of the whole, however the shards are grouped and in
/// whatever order (the runner's batches, the Spark path's partitions): merges into an empty tally and
/// into a shard's agree. Merging never changes the tally merged in, although the merged tally may
/// share its tables.
@Suite struct TallyMergeTests {
    typealias Page = (site: String, keys: [UInt64])

    /// Pages of one large site, one middling and thirty small, their lines drawn from pools of each
    /// site's size so that lines repeat within a site.
    private static func pages(_ random: inout SeededRandom) -> [Page] {
        (0..<700).map { _ in
            let pick = Int.random(in: 0..<10, using: &random)
            let (site, pool): (String, UInt64) =
                pick < 4 ? ("big", 4000) : pick < 6 ? ("mid", 300) : ("s\(Int.random(in: 0..<30, using: &random))", 20)
            let keys = Set((0..<Int.random(in: 1...30, using: &random)).map { _ in UInt64.random(in: 0..<pool, using: &random) })
            // Keys as a folded line's hash is: spread over all bits.
            return (site, keys.map { ($0 &+ UInt64(site.utf8.count)) &* 0x9E37_79B9_7F4A_7C15 })
        }
    }

    private static func counts(_ pages: some Collection<Page>) -> TemplateCounts {
        var counts = TemplateCounts()
        for page in pages { counts.addPage(site: page.site, distinctKeys: page.keys, fingerprint: page.keys.reduce(0) { $0 &* 31 &+ $1 }) }
        return counts
    }

    @Test func templateCountsMergeAlikeInAnyOrderAndLeaveWhatTheyMergeAlone() {
        var random = SeededRandom.forTest(0x7A11)
        let pages = Self.pages(&random)
        let whole = Self.counts(pages)
        // A small shard, a large one (whose tables are larger than the small one's), an empty one, the rest.
        let cuts = [0, 5, 400, 400, pages.count]
        let shards = (0..<4).map { Self.counts(pages[cuts[$0]..<cuts[$0 + 1]]) }
        var orders = [[0, 1, 2, 3], [3, 2, 1, 0], [1, 0, 3, 2], [2, 0, 1, 3]]
        for _ in 0..<4 { orders.append([0, 1, 2, 3].shuffled(using: &random)) }
        for order in orders {
            var fromEmpty = TemplateCounts()
            for index in order { fromEmpty.merge(shards[index]) }
            #expect(fromEmpty == whole, "order \(order), \(SeededRandom.replay)")
            var fromFirst = shards[order[0]]
            for index in order.dropFirst() { fromFirst.merge(shards[index]) }
            #expect(fromFirst == whole, "order \(order), \(SeededRandom.replay)")
        }
        var left = shards[0], right = shards[3]
        left.merge(shards[1])
        right.merge(shards[2])
        left.merge(right)
        #expect(left == whole && left.pageCount == pages.count)
        for (index, shard) in shards.enumerated() {
            #expect(shard == Self.counts(pages[cuts[index]..<cuts[index + 1]]), "shard \(index) changed by a merge")
        }
    }

    /// Counts past 2^32 - 1 saturate alike whichever of the two tallies holds more lines.
    @Test func countsPastTheLargestSaturateAlikeInEitherOrder() {
        var counts = TemplateCounts(), more = TemplateCounts()
        counts.sites["a"] = TemplateCounts.Site(pages: 3_000_000_000)
        counts.sites["a"]?.lines.set(7, 3_000_000_000)
        more.sites["a"] = TemplateCounts.Site(pages: 3_000_000_000)
        for key: UInt64 in [7, 8, 9] { more.sites["a"]?.lines.set(key, key == 7 ? 3_000_000_000 : 1) }
        var merged = counts, reversed = more
        merged.merge(more)
        reversed.merge(counts)
        #expect(merged == reversed && merged.sites["a"]?.pages == 6_000_000_000)
        #expect(merged.sites["a"]?.lines[7] == .max && merged.sites["a"]?.lines[8] == 1 && merged.sites["a"]?.lines.count == 3)
        #expect(more.sites["a"]?.lines[7] == 3_000_000_000 && counts.sites["a"]?.lines.count == 1)
    }

    private static func documents(_ random: inout SeededRandom) -> [Document] {
        let words = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa", "lambda", "mu"]
        return (0..<300).map { index in
            // Few texts, so that many repeat; some pages without words.
            let text =
                index % 29 == 0
                ? ""
                : (0..<(8 + index % 5)).map { words[($0 * 3 + Int.random(in: 0..<2, using: &random)) % words.count] }.joined(separator: " ")
            return Document(id: "d\(index)", text: text, origin: DocumentOrigin(source: "in", line: index + 1))
        }
    }

    @Test func exactTalliesMergeAlikeInAnyOrder() {
        var random = SeededRandom.forTest(0xE4AC)
        let documents = Self.documents(&random)
        let stage = ExactStage(options: ExactOptions())
        func tally(_ part: ArraySlice<Document>) -> ExactTally {
            var tally = ExactTally()
            for document in part { stage.map(document, into: &tally) }
            return tally
        }
        let whole = tally(documents[...])
        #expect(whole.repeated?.isEmpty == false)
        let cuts = [0, 3, 200, 200, documents.count]
        let shards = (0..<4).map { tally(documents[cuts[$0]..<cuts[$0 + 1]]) }
        for order in [[0, 1, 2, 3], [3, 2, 1, 0], [1, 3, 0, 2], [0, 1, 2, 3].shuffled(using: &random)] {
            var merged = ExactTally()
            for index in order { merged.merge(shards[index]) }
            #expect(merged == whole && merged.repeated == whole.repeated, "order \(order), \(SeededRandom.replay)")
            var fromShard = shards[order[0]]
            for index in order.dropFirst() { fromShard.merge(shards[index]) }
            #expect(fromShard == whole && fromShard.repeated == whole.repeated, "order \(order), \(SeededRandom.replay)")
        }
    }

    /// Shards merged in input order give the arrays of the whole: sketches found where they were.
    @Test func signatureTalliesMergedInOrderEqualTheWhole() {
        var random = SeededRandom.forTest(0x5164)
        let documents = Self.documents(&random)
        let stage = NearDupStage(options: NearDupOptions())
        func tally(_ part: ArraySlice<Document>) -> SignatureTally {
            var tally = SignatureTally()
            for document in part { stage.map(document, into: &tally) }
            return tally
        }
        let whole = tally(documents[...])
        let cuts = [0, 1, 120, 120, documents.count]
        var merged = SignatureTally()
        for index in 0..<4 { merged.merge(tally(documents[cuts[index]..<cuts[index + 1]])) }
        #expect(merged.count == whole.count && merged.documents == whole.documents && merged.ids == whole.ids)
        #expect(merged.signatures == whole.signatures && merged.bucketKeys == whole.bucketKeys)
        #expect(merged.sketches == whole.sketches && merged.sketchEnds == whole.sketchEnds)
        #expect((0..<whole.count).allSatisfy { merged.sketch($0) == whole.sketch($0) })
    }
}
