/// Removes documents whose text repeats another's word for word, once case, spacing and punctuation
/// are folded away (`WordHasher.fingerprint`). A corpus stage: fingerprints and keepers are gathered
/// first (map, merge), then each copy that is not its group's keeper goes to the removed output with
/// `duplicate_of` naming the kept document.
public struct ExactStage: RegisteredStage, FilteringCorpusStage {
    public typealias Tally = ExactTally
    public static let stageName = "exact"
    public static let summary = "documents whose folded text repeats another's exactly (one copy kept)"

    public let options: ExactOptions

    public init(options: ExactOptions) {
        self.options = options
    }

    public func map(_ document: Document, into tally: inout ExactTally) {
        _ = mapCarrying(document, into: &tally)
    }

    /// Map, returning the fingerprint of a text with words, which the apply step then need not compute again.
    public func mapCarrying(_ document: Document, into tally: inout ExactTally) -> UInt64? {
        guard let fingerprint = document.withTextUTF8(WordHasher.fingerprint), fingerprint.words > 0 else { return nil }
        tally.add(
            fingerprint: fingerprint.hash,
            DocumentRank(
                rank: options.keep.rank(of: document, words: fingerprint.words), id: document.id,
                origin: document.origin))
        return fingerprint.hash
    }

    public var addedFields: [AddedField] { DuplicateFields.exactFields }

    public func apply(using tally: ExactTally) -> any DocumentStage {
        ExactRemover(keepers: tally.keepersOfCopies)
    }

    /// Whether `ExactRemover` removes the copy with `id` from `origin` of the text fingerprinted `key`.
    public func removes(key: UInt64, id: String, origin: DocumentOrigin, using tally: ExactTally) -> Bool {
        // A text on one document has no copy to remove: most keys are settled without reading a keeper.
        guard tally.repeated?.contains(key) ?? true else { return false }
        return tally.keepers[key].map { !$0.names(id: id, origin: origin) } ?? false
    }

    public func warnings(using tally: ExactTally) -> [String] {
        tally.missingFieldWarning(keep: options.keep).map { [$0] } ?? []
    }

    public func removesNothing(using tally: ExactTally) -> Bool {
        tally.repeated?.isEmpty ?? false
    }
}
