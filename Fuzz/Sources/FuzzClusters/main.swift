// The clusters file reader (`ClustersFile.read`, what `dedup apply --clusters` loads). Invariants: a
// file that reads gives clusters of two or more members, no document in two places, similarities
// between 0 and 1, and writes back to a file that reads to the same members with the same
// similarities (to the three decimals the file keeps).
import FuzzSupport
import Winnow

func rounded(_ value: Double) -> Double { (value * 1000).rounded() / 1000 }

FuzzDriver.run { start, count in
    let path = ScratchFile.write(FuzzInput(start, count).rest)
    let clusters: DuplicateClusters
    do {
        clusters = try ClustersFile.read(path)
    } catch {
        return 0
    }
    require(clusters.clusters.allSatisfy { $0.size >= 2 }, "a cluster of one")
    // Clusters partition the documents: one in two clusters could be removed as the copy of a
    // document that is itself removed, and its text would be lost. A document is its origin (records
    // may share an id), so no origin is listed twice, and so no id and origin either.
    let origins = clusters.clusters.flatMap { $0.members.map(\.origin) }
    require(Set(origins).count == origins.count, "a document is in two clusters, or twice in one")
    require(
        clusters.clusters.allSatisfy { $0.members.allSatisfy { $0.similarity >= 0 && $0.similarity <= 1 } },
        "a similarity outside 0...1")
    do {
        try ClustersFile.write(clusters, to: ScratchFile.companion)
        let again = try ClustersFile.read(ScratchFile.companion)
        require(
            again.clusters.map { $0.members.map(\.id) } == clusters.clusters.map { $0.members.map(\.id) }
                && again.clusters.map { $0.members.map(\.fingerprint) } == clusters.clusters.map { $0.members.map(\.fingerprint) },
            "a clusters file written from clusters reads back with other members")
        require(
            again.clusters.map { $0.members.map(\.similarity) } == clusters.clusters.map { $0.members.map { rounded($0.similarity) } },
            "a clusters file written from clusters reads back with other similarities")
    } catch {
        require(false, "a clusters file written from clusters does not read back: \(error)")
    }
    return 0
}
