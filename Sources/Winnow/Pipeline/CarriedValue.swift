/// What a corpus stage's map step computed from a document's text for its apply step, carried to
/// the next pass in the spool (`SpoolCodec`) so that apply need not compute it again.
public enum CarriedValue: Sendable, Equatable {
    /// One 64-bit key (exact's fingerprint).
    case key(UInt64)
    /// Bytes the stage encodes and decodes itself (templates' folded lines, `CarriedLines`).
    case bytes([UInt8])
}
