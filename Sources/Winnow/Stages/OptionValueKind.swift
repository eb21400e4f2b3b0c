import Yams

/// The options whose values are not text: numbers, whole numbers and true or false. A value written as
/// text (quoted, or tagged `!!str`) is refused for them, as the user said it is text; Yams alone read
/// `!!str 0.8` as a number.
enum OptionValueKind: Sendable {
    case number, wholeNumber, unsignedWholeNumber, boolean

    /// The kind of an option's value type; nil for text and the choices made of words.
    init?(_ type: Any.Type) {
        switch type {
        case is Double.Type: self = .number
        case is Int.Type: self = .wholeNumber
        case is UInt64.Type: self = .unsignedWholeNumber
        case is Bool.Type: self = .boolean
        default: return nil
        }
    }

    /// What the value must be, in a user's words.
    var expected: String {
        switch self {
        case .number: "a number"
        case .wholeNumber: "a whole number"
        case .unsignedWholeNumber: "a whole number from 0 to 18446744073709551615"
        case .boolean: "true or false"
        }
    }

    /// Whether the user wrote `scalar` as text: quoted or a block scalar (which YAML tags `!!str` when
    /// no tag is given), or tagged `!!str`. A plain scalar has no tag until it is resolved.
    static func isText(_ scalar: Node.Scalar) -> Bool {
        scalar.tag.description == Tag.Name.str.rawValue
    }

    /// Why `text`, written as text for the option `key`, is refused, and how to write it when it would
    /// read as such a value written plain (`0.8` rather than `"0.8"`).
    func refusal(of text: String, key: String) -> String {
        let shown = text.count > 100 ? text.prefix(100) + "…" : Substring(text)
        let refusal = "'\(key)' must be \(expected), not the text '\(shown)' (quoted, or tagged !!str)"
        return reads(text) ? refusal + ": write \(text) without quotes or tag" : refusal
    }

    /// Whether `text` written plain reads as a value of this kind.
    private func reads(_ text: String) -> Bool {
        let plain = Node.Scalar(text, .implicit, .plain)
        switch self {
        case .number: return Double.construct(from: plain) != nil
        case .wholeNumber: return Int.construct(from: plain) != nil
        case .unsignedWholeNumber: return UInt64.construct(from: plain) != nil
        case .boolean: return Bool.construct(from: plain) != nil
        }
    }
}
