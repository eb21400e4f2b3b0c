import Synchronization

/// What an apply step's state file says was read at the origins of its inputs (exact's keepers,
/// neardup's cluster members), checked against the documents apply reads there. A shard changed,
/// or two swapped, between map and apply would otherwise be applied silently with decisions made
/// for other documents: exact removed every keeper of a swapped pair of shards as a copy of itself.
/// The first mismatch fails the step before its outputs are committed (`check`).
public final class MappedOrigins: Sendable {
    /// What the state file holds of one origin: the document's id and, for exact, its fingerprint.
    struct Mapped: Sendable {
        let id: String
        let fingerprint: UInt64?
    }

    private let mapped: [DocumentOrigin: Mapped]
    private let stateFile: String
    private let firstMismatch = Mutex<(origin: DocumentOrigin, error: WinnowError)?>(nil)

    /// `entries` are the state file's (origin, id, fingerprint); only those read from `sources` (the
    /// apply run's input names) are kept.
    init(_ entries: some Sequence<(origin: DocumentOrigin, id: String, fingerprint: UInt64?)>, sources: [String], stateFile: String) {
        let sources = Set(sources.map { ByteString($0) })
        var mapped: [DocumentOrigin: Mapped] = [:]
        for entry in entries where sources.contains(ByteString(entry.origin.source)) {
            mapped[entry.origin] = Mapped(id: entry.id, fingerprint: entry.fingerprint)
        }
        self.mapped = mapped
        self.stateFile = stateFile
    }

    /// Notes a document whose id, or fingerprint when the state file has them (nil for a text
    /// without words), is not what the state file holds for its origin.
    func verify(_ document: Document, fingerprint: UInt64? = nil) {
        guard let expected = mapped[document.origin] else { return }
        let sameID = BytewiseOrder.equal(expected.id, document.id)
        guard !sameID || (expected.fingerprint != nil && expected.fingerprint != fingerprint) else { return }
        let found = sameID ? "another text under that id" : "'\(document.id)'"
        let error = WinnowError.configuration(
            "\(stateFile) records the document '\(expected.id)' here, where this input has \(found) (changed or "
                + "renamed since map): give apply each input as map read it, unchanged and under its name; "
                + "nothing was written",
            path: document.origin.description)
        firstMismatch.withLock { first in
            if first.map({ DocumentOrigin.precedes(document.origin, $0.origin) }) ?? true { first = (document.origin, error) }
        }
    }

    /// Throws a mismatch `verify` noted, if any: the first by origin (name bytewise, then line), so
    /// that the message does not depend on the threads.
    func check() throws(WinnowError) {
        if let first = firstMismatch.withLock({ $0 }) { throw first.error }
    }
}
