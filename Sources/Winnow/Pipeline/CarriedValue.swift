/// What corpus stages' map steps computed from a document's text for their apply steps, carried to
/// the next pass in the spool (`SpoolCodec`) so that apply need not compute it again. Two stages
/// mapped in one pass (`SharedMap`) carry one value each.
public struct CarriedValue: Sendable, Equatable {
    /// One 64-bit key (exact's fingerprint).
    public var key: UInt64?
    /// Bytes the stage encodes and decodes itself (templates' folded lines, `CarriedLines`).
    public var bytes: [UInt8]?

    public init(key: UInt64? = nil, bytes: [UInt8]? = nil) {
        self.key = key
        self.bytes = bytes
    }

    public static func key(_ key: UInt64) -> CarriedValue { CarriedValue(key: key) }
    public static func bytes(_ bytes: [UInt8]) -> CarriedValue { CarriedValue(bytes: bytes) }

    /// This value with what `other` carries besides; nil when neither carries anything.
    static func combining(_ value: CarriedValue?, _ other: CarriedValue?) -> CarriedValue? {
        guard let value else { return other }
        guard let other else { return value }
        return CarriedValue(key: value.key ?? other.key, bytes: value.bytes ?? other.bytes)
    }
}
