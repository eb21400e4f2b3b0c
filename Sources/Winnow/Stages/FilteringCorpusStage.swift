/// A corpus stage whose apply step only removes documents, leaves the kept ones as they were, and
/// decides from the key its map carried and the document's id and origin alone (exact). The corpus
/// stage right after it can then map in the same pass (`RetractableCorpusStage`, `SharedMap`).
public protocol FilteringCorpusStage: CorpusStage {
    /// Whether the apply step built from `tally` removes the document with `id` from `origin` whose
    /// map carried `key`. A document whose map carried no key is kept.
    func removes(key: UInt64, id: String, origin: DocumentOrigin, using tally: Tally) -> Bool

    /// Whether the apply step built from `tally` removes no document at all (exact: no text on two
    /// documents), so that nothing is asked of `removes`.
    func removesNothing(using tally: Tally) -> Bool
}
