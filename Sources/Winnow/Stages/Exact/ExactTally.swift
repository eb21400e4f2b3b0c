/// The map side of the `exact` stage: for each fingerprint of folded text, the best-ranked document
/// that has it. Merging keeps the better rank, so any sharding gives the same keepers.
public struct ExactTally: CorpusTally, Equatable {
    public var keepers: [UInt64: DocumentRank] = [:]
    /// Documents seen, text or not.
    public var documents = 0

    public init() {}

    public mutating func add(fingerprint: UInt64, _ rank: DocumentRank) {
        documents += 1
        if let current = keepers[fingerprint], current <= rank { return }
        keepers[fingerprint] = rank
    }

    public mutating func merge(_ other: ExactTally) {
        documents += other.documents
        for (fingerprint, rank) in other.keepers {
            if let current = keepers[fingerprint], current <= rank { continue }
            keepers[fingerprint] = rank
        }
    }
}
