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

    /// A warning when `keep` orders by a field that no document of a duplicate group holds a number or
    /// a string in, so each group's copy was kept by id (a misspelt field, say); over every keeper when
    /// the groups are unknown (keepers read from files), as a keeper lacks the field only when its whole group does.
    public func missingFieldWarning(keep: KeepPolicy) -> String? {
        guard let field = keep.field else { return nil }
        if let repeated {
            guard !repeated.isEmpty, repeated.allSatisfy({ keepers[$0].map { keep.lacksField($0.rank) } ?? true }) else {
                return nil
            }
            return "no document in the duplicate groups (\(repeated.count)) has a number or text in field '\(field)' (keep "
                + "\(keep)): each group's kept copy was chosen by id; check the field's name"
        }
        guard !keepers.isEmpty, keepers.values.allSatisfy({ keep.lacksField($0.rank) }) else { return nil }
        return "no text the keepers record (\(keepers.count)) has a number or text in field '\(field)' (keep \(keep)): "
            + "each duplicate group's kept copy is chosen by id; check the field's name"
    }

    /// Keepers and documents: which fingerprints repeat, and the inputs' names, are bookkeeping.
    public static func == (lhs: ExactTally, rhs: ExactTally) -> Bool {
        lhs.keepers == rhs.keepers && lhs.documents == rhs.documents
    }
}
