/// The map side of the `exact` stage: for each fingerprint of folded text, the best-ranked document
/// that has it. Merging keeps the better rank, so any sharding gives the same keepers.
public struct ExactTally: CorpusTally, Equatable {
    public var keepers: [UInt64: DocumentRank] = [:]
    /// Documents seen, text or not.
    public var documents = 0
    /// Fingerprints of more than one document: the only ones apply can remove a copy of. Nil when
    /// unknown (keepers read from a file, which does not say).
    public internal(set) var repeated: Set<UInt64>? = []
    /// The inputs the map steps read (`MapInputs`), which the keepers file records.
    public var inputs = MapInputs.none

    public init() {}

    public mutating func add(fingerprint: UInt64, _ rank: DocumentRank) {
        documents += 1
        if let current = keepers[fingerprint] {
            repeated?.insert(fingerprint)
            if current <= rank { return }
        }
        keepers[fingerprint] = rank
    }

    public mutating func merge(_ other: ExactTally) {
        documents += other.documents
        inputs.merge(other.inputs)
        if let theirs = other.repeated { repeated?.formUnion(theirs) } else { repeated = nil }
        for (fingerprint, rank) in other.keepers {
            if let current = keepers[fingerprint] {
                repeated?.insert(fingerprint)
                if current <= rank { continue }
            }
            keepers[fingerprint] = rank
        }
    }

    /// The keepers apply needs: those of repeated fingerprints when they are known (a text on one
    /// document has no copy to remove), all of them otherwise.
    public var keepersOfCopies: [UInt64: DocumentRank] {
        guard let repeated else { return keepers }
        return keepers.filter { repeated.contains($0.key) }
    }

    /// Keepers and documents: which fingerprints repeat, and the inputs' names, are bookkeeping.
    public static func == (lhs: ExactTally, rhs: ExactTally) -> Bool {
        lhs.keepers == rhs.keepers && lhs.documents == rhs.documents
    }
}
