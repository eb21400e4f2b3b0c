/// A JSON value that a stage adds to a document (a cluster id, a reason, a list of removed lines).
public enum JSONValue: Sendable, Equatable {
    case string(String)
    case int(Int)
    case double(Double)
    case bool(Bool)
    case null
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        lhs.encoded() == rhs.encoded()
    }

    /// Appends the compact JSON text of this value.
    public func encode(into output: inout [UInt8]) {
        switch self {
        case .string(let value): JSONString.append(value, to: &output)
        case .int(let value): output.append(contentsOf: String(value).utf8)
        case .double(let value):
            // JSON has no NaN or infinity; write null rather than an unreadable file.
            if value.isFinite { output.append(contentsOf: "\(value)".utf8) } else { output.append(contentsOf: "null".utf8) }
        case .bool(let value): output.append(contentsOf: (value ? "true" : "false").utf8)
        case .null: output.append(contentsOf: "null".utf8)
        case .array(let values):
            output.append(UInt8(ascii: "["))
            for (index, value) in values.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                value.encode(into: &output)
            }
            output.append(UInt8(ascii: "]"))
        case .object(let members):
            output.append(UInt8(ascii: "{"))
            for (index, (key, value)) in members.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                JSONString.append(key, to: &output)
                output.append(UInt8(ascii: ":"))
                value.encode(into: &output)
            }
            output.append(UInt8(ascii: "}"))
        }
    }

    /// The compact JSON text of this value.
    public func encoded() -> [UInt8] {
        var output: [UInt8] = []
        // Most values are a number or a short string: one allocation rather than one per doubling.
        output.reserveCapacity(32)
        encode(into: &output)
        return output
    }
}
