/// Which document of a group of duplicates stays. Every policy orders documents by what they hold
/// (never by when a worker happened to see them) and breaks ties by id compared bytewise, then by a
/// hash of the text, so the kept copy is the same whatever the thread count or the way the corpus
/// was sharded.
public enum KeepPolicy: Sendable, Equatable, Codable, CustomStringConvertible {
    /// The document with the most words, then the most bytes of text.
    case longest
    /// The document read first: input path compared bytewise, then line number. Stable across threads
    /// and across shards named in order; it changes when the input is reordered, by definition.
    case first
    /// The greatest value of a field (numbers numerically and exactly, strings bytewise: ISO dates
    /// work); a document without the field comes last.
    case newest(field: String)
    /// The smallest value of a field; a document without the field comes last.
    case oldest(field: String)

    /// Reads `longest`, `first`, `newest:FIELD` or `oldest:FIELD`.
    public init?(_ text: String) {
        if text == "longest" { self = .longest; return }
        if text == "first" { self = .first; return }
        for (prefix, make) in [("newest:", KeepPolicy.newest), ("oldest:", KeepPolicy.oldest)] where text.hasPrefix(prefix) {
            let field = String(text.dropFirst(prefix.count))
            guard !field.isEmpty else { return nil }
            self = make(field)
            return
        }
        return nil
    }

    /// The field `newest` and `oldest` order by; nil for the others.
    public var field: String? {
        switch self {
        case .newest(let field), .oldest(let field): field
        case .longest, .first: nil
        }
    }

    /// Whether `rank`, of this policy, is of a document without a number or a string in its field.
    func lacksField(_ rank: [UInt8]) -> Bool {
        field != nil && rank.first == 0xFF
    }

    public var description: String {
        switch self {
        case .longest: "longest"
        case .first: "first"
        case .newest(let field): "newest:\(field)"
        case .oldest(let field): "oldest:\(field)"
        }
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let policy = KeepPolicy(text) else {
            throw DecodingError.dataCorrupted(
                .init(
                    codingPath: decoder.codingPath,
                    debugDescription: "'\(text)' is not a keep policy: use longest, first, newest:FIELD or oldest:FIELD"))
        }
        self = policy
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    /// The document's place in this policy's order as bytes: bytewise smaller is kept first. Copies
    /// that tie on the policy follow by id and then by a hash of their text, so that of two texts
    /// under one id one is kept whatever their order; the id is written into the rank for the hash to
    /// come after it, and the rank stays one byte string in the state files and on a cluster.
    public func rank(of document: Document, words: Int) -> [UInt8] {
        var rank: [UInt8]
        switch self {
        case .longest:
            // One array: every document of exact's and neardup's maps is ranked.
            rank = []
            rank.reserveCapacity(26 + document.id.utf8.count)
            FixedWidth.appendBigEndian(UInt64.max - UInt64(words), to: &rank)
            FixedWidth.appendBigEndian(UInt64.max - UInt64(document.textUTF8?.count ?? 0), to: &rank)
        case .first:
            // The name's own bytes, not its `\xHH` spelling: the order folders are read in (`FileName`).
            // The origin is unique: no tie to break.
            rank = FileName.bytes(document.origin.source) + [0]
            FixedWidth.appendBigEndian(UInt64(max(document.origin.line, 0)), to: &rank)
            return rank
        case .newest(let field):
            rank = Self.fieldRank(of: document, field, descending: true)
        case .oldest(let field):
            rank = Self.fieldRank(of: document, field, descending: false)
        }
        Self.appendOrdered(document.id.utf8, to: &rank)
        FixedWidth.appendBigEndian(Self.textHash(document), to: &rank)
        return rank
    }

    /// Appends `bytes` so that their order is kept and no such run is a prefix of another: a zero byte
    /// as 00 FF, then 00 00 at the end.
    static func appendOrdered(_ bytes: some Sequence<UInt8>, to rank: inout [UInt8]) {
        for byte in bytes {
            rank.append(byte)
            if byte == 0 { rank.append(0xFF) }
        }
        rank += [0x00, 0x00]
    }

    /// The hash that orders copies tied on the policy: of the text's bytes, the same on every machine.
    static func textHash(_ document: Document) -> UInt64 {
        document.withTextUTF8 { BlockHash.of($0) } ?? 0
    }

    /// Numbers before strings, a missing or other value last; within a kind in the asked direction.
    /// No rank is a prefix of another, so what follows it never decides between two values.
    static func fieldRank(of document: Document, _ field: String, descending: Bool) -> [UInt8] {
        if let value = document.stringField(field) {
            var bytes: [UInt8] = []
            appendOrdered(value.utf8, to: &bytes)
            return [0x02] + (descending ? bytes.map { ~$0 } : bytes)
        }
        if let json = document.rawField(field), let number = DecimalKey.of(json.utf8) {
            return [0x01] + (descending ? number.map { ~$0 } : number)
        }
        return [0xFF]
    }
}

/// A document's standing among duplicates: its policy rank, then its id, both compared bytewise,
/// then its origin (input name bytewise, then line), which tells apart records that share an id.
public struct DocumentRank: Sendable, Comparable, Hashable {
    public let rank: [UInt8]
    public let id: String
    public let origin: DocumentOrigin

    public init(rank: [UInt8], id: String, origin: DocumentOrigin) {
        self.rank = rank
        self.id = id
        self.origin = origin
    }

    /// Whether this is the rank of `document` itself (same id, same record), not of another copy.
    public func names(_ document: Document) -> Bool {
        names(id: document.id, origin: document.origin)
    }

    /// Whether this is the rank of the document with `id` read from `origin`.
    public func names(id: String, origin: DocumentOrigin) -> Bool {
        BytewiseOrder.equal(self.id, id) && self.origin == origin
    }

    public static func < (lhs: DocumentRank, rhs: DocumentRank) -> Bool {
        precedes(lhs.rank, lhs.id, lhs.origin, rhs.rank, rhs.id, rhs.origin)
    }

    /// The order of `<` on a rank's parts, for callers that hold them apart (a signature tally's
    /// columns), where a `DocumentRank` made per comparison would retain its rank, id and source.
    @inline(__always)
    static func precedes(
        _ rank: [UInt8], _ id: String, _ origin: DocumentOrigin,
        _ otherRank: [UInt8], _ otherID: String, _ otherOrigin: DocumentOrigin
    ) -> Bool {
        if rank != otherRank { return rank.lexicographicallyPrecedes(otherRank) }
        let ids = BytewiseOrder.compare(id, otherID)
        if ids != 0 { return ids < 0 }
        return DocumentOrigin.precedes(origin, otherOrigin)
    }

    public static func == (lhs: DocumentRank, rhs: DocumentRank) -> Bool {
        lhs.rank == rhs.rank && BytewiseOrder.equal(lhs.id, rhs.id) && lhs.origin == rhs.origin
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(rank)
        BytewiseOrder.hash(id, into: &hasher)
        hasher.combine(origin)
    }
}
