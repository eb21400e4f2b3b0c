/// The apply step of the `exact` stage: keeps a group's best-ranked copy and removes the others.
public struct ExactRemover: FinishingStage {
    public var name: String { ExactStage.stageName }
    public static let reason = RemovalReason.exactDuplicate
    let keepers: [UInt64: DocumentRank]
    /// For an apply step run apart from its map: the keepers its inputs held at map, checked.
    let mapped: MappedOrigins?

    /// The apply step from a merged tally (in one run, or read from keepers files).
    public init(keepers: [UInt64: DocumentRank]) {
        self.init(keepers: keepers, mapped: nil)
    }

    private init(keepers: [UInt64: DocumentRank], mapped: MappedOrigins?) {
        self.keepers = keepers
        self.mapped = mapped
    }

    /// An apply step run apart, over inputs named `sources`, from the keepers file `stateFile`: it
    /// fails when a keeper's place in them holds another document, or (`wholeInputs`) none, and when a
    /// document's text has no keeper (the file holds one for every text map read).
    public init(keepers: [UInt64: DocumentRank], checking sources: [String], wholeInputs: Bool, stateFile: String) {
        let entries = keepers.lazy.map { fingerprint, keeper in
            (origin: keeper.origin, id: keeper.id, fingerprint: Optional(fingerprint))
        }
        self.init(
            keepers: keepers,
            mapped: MappedOrigins(entries, sources: sources, stateFile: stateFile, requiresAll: wholeInputs))
    }

    public func finish() throws(WinnowError) -> [OutputFile] {
        try mapped?.check()
        return []
    }

    public var addedFields: [AddedField] { DuplicateFields.exactFields }

    /// A fingerprint carried from the map step (`ExactStage.mapCarrying`) stands for a text with words.
    public func process(_ document: inout Document) -> StageVerdict {
        let fingerprint =
            document.textUTF8 == nil
            ? nil
            : document.carriedKey.map({ (words: 1, hash: $0) }) ?? document.withTextUTF8(WordHasher.fingerprint)
        let hash = fingerprint.flatMap { $0.words > 0 ? $0.hash : nil }
        mapped?.verify(document, fingerprint: hash)
        guard let hash else { return .keep }
        guard let keeper = keepers[hash] else {
            mapped?.unmapped(document)
            return .keep
        }
        guard !keeper.names(document) else { return .keep }
        DuplicateFields.markDuplicate(&document, of: keeper.id, at: keeper.origin)
        return .remove(reason: Self.reason)
    }
}
