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

    /// Where records from this one to `last` are, for messages: `at offsets A to B` (each in a plain archive
    /// or starting its gzip member), `at offsets A to B in the gzip member at offset N`, or `from` one
    /// `offset K in the gzip member at offset N` `to` another.
    func span(to last: ArchiveOffset) -> String {
        switch (inMember, last.inMember) {
        case (nil, nil): "at offsets \(file) to \(last.file)"
        case (let first?, let end?) where file == last.file: "at offsets \(first) to \(end) in the gzip member at offset \(file)"
        default: "from \(self) to \(last)"
        }
    }
}

extension RawRecord {
    /// A web archive record at `offset`.
    init(origin: DocumentOrigin, offset: ArchiveOffset, content: Content) {
        self.init(origin: origin, offset: offset.file, offsetInMember: offset.inMember, content: content)
    }
}
