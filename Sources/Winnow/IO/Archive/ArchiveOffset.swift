/// Where a web archive record is in its file: the offset of the gzip member it starts in (its own offset
/// in a plain archive), and, when it does not start that member, its offset in the member's decompressed
/// bytes (`tail -c +$((file+1)) F.warc.gz | zcat | tail -c +$((inMember+1))` shows it).
struct ArchiveOffset: Sendable, Equatable, CustomStringConvertible {
    /// The compressed offset of the record's gzip member, or the record's offset in a plain archive.
    let file: Int
    /// The record's offset in its member's decompressed bytes; nil when it starts the member (or the archive is plain).
    let inMember: Int?

    init(file: Int, inMember: Int? = nil) {
        self.file = file
        self.inMember = inMember == 0 ? nil : inMember
    }

    /// `offset N`, or `offset K in the gzip member at offset N`, for messages.
    var description: String {
        guard let inMember else { return "offset \(file)" }
        return "offset \(inMember) in the gzip member at offset \(file)"
    }
}

extension RawRecord {
    /// A web archive record at `offset`.
    init(origin: DocumentOrigin, offset: ArchiveOffset, content: Content) {
        self.init(origin: origin, offset: offset.file, offsetInMember: offset.inMember, content: content)
    }
}
