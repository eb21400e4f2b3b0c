import Yams

/// A stage's options with every option resolved (at its default or as given), as one JSON object: what
/// a driver that runs the stage elsewhere (winnow_spark.py) reads, instead of parsing YAML on its own.
extension StageOptions {
    /// The options as a JSON object, keys in declaration order. Each value is what the binary read:
    /// numbers, booleans and text as such; a float JSON cannot write is `Infinity`, `-Infinity` or `NaN`,
    /// as JavaScript and Python's `json` write them.
    public var resolvedJSON: String {
        // Through YAML, as `rows` reads the defaults: every option's value is a scalar Yams has typed.
        let node = (try? YAMLEncoder().encode(self)).flatMap { try? Yams.compose(yaml: $0) }
        var bytes: [UInt8] = [UInt8(ascii: "{")]
        for (index, declaration) in Self.declarations.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            JSONString.append(declaration.key, to: &bytes)
            bytes.append(UInt8(ascii: ":"))
            bytes += Array(Self.json(node?.mapping?[declaration.key]?.scalar).utf8)
        }
        bytes.append(UInt8(ascii: "}"))
        return String(decoding: bytes, as: UTF8.self)
    }

    /// A scalar as JSON, by the type Yams resolved it to.
    private static func json(_ scalar: Node.Scalar?) -> String {
        guard let scalar else { return "null" }
        let node = Node.scalar(scalar)
        switch Resolver.default.resolveTag(of: node) {
        case .null:
            return "null"
        case .bool:
            return node.bool.map { $0 ? "true" : "false" } ?? JSONString.quoted(scalar.string)
        case .int:
            // A UInt64 above Int's range is written in decimal by the encoder: its digits are the number.
            if let value = node.int { return "\(value)" }
            return UInt64(scalar.string).map { "\($0)" } ?? JSONString.quoted(scalar.string)
        case .float:
            guard let value = node.float else { return JSONString.quoted(scalar.string) }
            if value.isNaN { return "NaN" }
            if value.isInfinite { return value > 0 ? "Infinity" : "-Infinity" }
            return "\(value)"
        default:
            return JSONString.quoted(scalar.string)
        }
    }
}
