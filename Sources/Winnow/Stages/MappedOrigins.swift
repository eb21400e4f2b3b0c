import Synchronization

/// What an apply step's state file says was read at the origins of its inputs (exact's keepers,
/// neardup's cluster members: id and fingerprint), checked against the documents apply reads there. A shard changed,
/// or two swapped, between map and apply would otherwise be applied silently with decisions made
/// for other documents: exact removed every keeper of a swapped pair of shards as a copy of itself,
/// and the copies of a keeper cut from its shard everywhere else. `check` fails the step before
/// its outputs are committed.
final class MappedOrigins: @unchecked Sendable {
    /// What the state file holds of one origin: the document's id and its fingerprint (exact's of its
    /// folded text, neardup's of its word sequence); `index` is its flag in `read`.
    struct Mapped: Sendable {
        let id: String
        let fingerprint: UInt64?
        let index: Int
    }

    private let mapped: [DocumentOrigin: Mapped]
    private let stateFile: String
    private let requiresAll: Bool
    /// Per mapped origin, whether apply read its document: each is set by the one thread that reads
    /// that origin, and read by `check` once the run's threads are done.
    private let read: UnsafeMutableBufferPointer<Bool>
    private let firstMismatch = Mutex<(origin: DocumentOrigin, error: WinnowError)?>(nil)

    /// `entries` are the state file's (origin, id, fingerprint); only those read from `sources` (the
    /// apply run's input names) are kept. `requiresAll`: every one of them must be read (whole input
    /// files; a cluster engine's partition holds some of an input's records).
    init(
        _ entries: some Sequence<(origin: DocumentOrigin, id: String, fingerprint: UInt64?)>, sources: [String],
        stateFile: String, requiresAll: Bool
    ) {
        let sources = Set(sources.map { ByteString($0) })
        var mapped: [DocumentOrigin: Mapped] = [:]
        for entry in entries where sources.contains(ByteString(entry.origin.source)) && mapped[entry.origin] == nil {
            mapped[entry.origin] = Mapped(id: entry.id, fingerprint: entry.fingerprint, index: mapped.count)
        }
        self.mapped = mapped
        self.stateFile = stateFile
        self.requiresAll = requiresAll
        read = .allocate(capacity: mapped.count)
        read.initialize(repeating: false)
    }

    deinit {
        read.deallocate()
    }

    /// Notes that `document` was read, and a document whose id, or fingerprint when the state file
    /// has them (nil for a text without words), is not what the state file holds for its origin.
    func verify(_ document: Document, fingerprint: UInt64?) {
        verify(document) { fingerprint }
    }

    /// The same, the fingerprint computed only for a document of a mapped origin whose id matches.
    func verify(_ document: Document, fingerprint: () -> UInt64?) {
        guard let expected = mapped[document.origin] else { return }
        read[expected.index] = true
        let sameID = BytewiseOrder.equal(expected.id, document.id)
        guard !sameID || (expected.fingerprint != nil && expected.fingerprint != fingerprint()) else { return }
        note(
            document.origin,
            "\(stateFile) records the document '\(expected.id)' here, where this input has "
                + (sameID ? "another text under that id" : "'\(document.id)'"))
    }

    /// Notes `document`, whose text has no entry in a state file that holds every text map read (exact's
    /// keepers): its input was not mapped, or changed since. Kept, it could be a copy no keeper stands for.
    func unmapped(_ document: Document) {
        note(document.origin, "\(stateFile) records no document with this text ('\(document.id)')")
    }

    /// Throws a mismatch `verify` noted, or else a mapped document that was not read, if any: the
    /// first by origin (name bytewise, then line), so that the message does not depend on the threads.
    func check() throws(WinnowError) {
        if requiresAll {
            for (origin, entry) in mapped where !read[entry.index] {
                note(origin, "\(stateFile) records the document '\(entry.id)' here, which this input no longer holds")
            }
        }
        if let first = firstMismatch.withLock({ $0 }) { throw first.error }
    }

    private func note(_ origin: DocumentOrigin, _ what: String) {
        let error = WinnowError.configuration(
            what + " (changed or renamed since map): give apply each input as map read it, unchanged and under its "
                + "name; no output file was committed (discard what went to standard output)", path: origin.description)
        firstMismatch.withLock { first in
            if first.map({ DocumentOrigin.precedes(origin, $0.origin) }) ?? true { first = (origin, error) }
        }
    }
}
