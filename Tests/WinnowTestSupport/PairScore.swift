import Foundation

/// Pairwise precision, recall and F1 of predicted clusters against true groups: a pair is two
/// documents; true when they share a group, predicted when they share a cluster. Documents without a
/// predicted cluster are alone.
public struct PairScore: CustomStringConvertible, Sendable {
    public let precision: Double
    public let recall: Double
    public var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }

    public init(truth: [String: String], predicted: [String: String]) {
        func pairs<Key: Hashable>(_ groups: [Key: Int]) -> Int { groups.values.reduce(0) { $0 + $1 * ($1 - 1) / 2 } }
        var byGroup: [String: Int] = [:], byCluster: [String: Int] = [:], both: [String: Int] = [:]
        for (document, group) in truth {
            let cluster = predicted[document] ?? "alone:\(document)"
            byGroup[group, default: 0] += 1
            byCluster[cluster, default: 0] += 1
            both[group + "\u{0}" + cluster, default: 0] += 1
        }
        let truePositives = pairs(both), truePairs = pairs(byGroup), predictedPairs = pairs(byCluster)
        precision = predictedPairs == 0 ? 1 : Double(truePositives) / Double(predictedPairs)
        recall = truePairs == 0 ? 1 : Double(truePositives) / Double(truePairs)
    }

    public var description: String { String(format: "F1 %.4f (precision %.4f, recall %.4f)", f1, precision, recall) }
}
