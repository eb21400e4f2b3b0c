/// A corpus stage whose tally can give a document back. Right after a `FilteringCorpusStage` it maps
/// in that stage's pass: it counts every document, and once the filtering stage's tally is merged,
/// the documents its apply removes are taken back out (`SharedMap`). The merged tally is then the one
/// a pass of its own would have counted, so the output is the same.
public protocol RetractableCorpusStage: CorpusStage {
    /// Map, appending to `contribution` what `retract` needs to take the document back out, and
    /// returning what the spool carries to apply (bytes only: the key is the filtering stage's).
    func mapRetractable(_ document: Document, into tally: inout Tally, contribution: inout [UInt8]) -> CarriedValue?
    /// Takes back out of a merged tally what `mapRetractable` added for one document; false when
    /// `contribution` is not what it appended or the tally never counted it.
    func retract(_ contribution: ArraySlice<UInt8>, from tally: inout Tally) -> Bool
}
