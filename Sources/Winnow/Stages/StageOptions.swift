import Yams

/// The options of a stage as written in a pipeline file: snake_case keys, all optional, with defaults.
/// Each option is declared once, in `declarations`; coding, validation and the listings follow from it.
public protocol StageOptions: Codable, Sendable, Equatable {
    init()
    /// Every option, in the order pipeline files and listings show them.
    static var declarations: [OptionDeclaration<Self>] { get }
    /// What is wrong with these options, if anything, in words a user can act on.
    var validationProblem: String? { get }
}

extension StageOptions {
    public var validationProblem: String? { nil }

    /// Every key the options accept, so that a misspelt key is an error rather than silently ignored.
    public static var keys: [String] { declarations.map(\.key) }

    /// Reads the keys present over the defaults, then validates the whole.
    public init(from decoder: any Decoder) throws {
        self.init()
        let container = try decoder.container(keyedBy: OptionKey.self)
        for declaration in Self.declarations { try declaration.read(&self, container) }
        if let problem = validationProblem {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: problem))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: OptionKey.self)
        for declaration in Self.declarations { try declaration.write(self, &container) }
    }
}

extension StageOptions {
    /// Reads options from the node of a pipeline step (nil or empty: all defaults); a misspelt key
    /// or a wrong value is an error naming `owner` and the step.
    static func decode(_ node: Node?, owner: String, context: String) throws(WinnowError) -> Self {
        guard let node else { return Self() }
        if case .scalar(let scalar) = node, scalar.string.isEmpty || scalar.string == "~" || scalar.string == "null" {
            return Self()
        }
        guard let mapping = node.mapping else {
            throw .configuration("\(context): options of \(owner) must be a mapping of option: value")
        }
        for (key, value) in mapping {
            let keyName = key.string ?? "\(key)"
            guard let declaration = declarations.first(where: { $0.key == keyName }) else {
                throw .configuration(
                    "\(context): unknown option '\(keyName)' for \(owner); "
                        + "it accepts: \(keys.joined(separator: ", "))")
            }
            // Text where a number or true/false is expected: what the user wrote as text stays text.
            if let kind = declaration.valueKind, let scalar = value.scalar, OptionValueKind.isText(scalar) {
                throw .configuration("\(context): invalid options for \(owner): \(kind.refusal(of: scalar.string, key: keyName))")
            }
        }
        do {
            return try YAMLDecoder().decode(Self.self, from: node)
        } catch {
            throw .configuration("\(context): invalid options for \(owner): \(describe(error, in: mapping))")
        }
    }

    private static func describe(_ error: any Error, in mapping: Node.Mapping) -> String {
        switch error {
        case DecodingError.typeMismatch(let type, let context), DecodingError.valueNotFound(let type, let context):
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            if type == Int.self, context.codingPath.count == 1, let text = mapping[path]?.scalar?.string,
                let size = outOfRange(text)
            {
                return "'\(path)' must be a whole number from \(Int.min) to \(Int.max): \(text) is too \(size)"
            }
            return "'\(path)' must be \(kind(type))"
        case DecodingError.dataCorrupted(let context):
            // A value of one key names that key; a `validationProblem` (at the options' own level)
            // names its options in its words, and an empty '' before it would only puzzle.
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            return path.isEmpty ? context.debugDescription : "'\(path)': \(context.debugDescription)"
        default:
            return "\(error)"
        }
    }

    /// "large" or "small" for a whole number written in decimal digits that no `Int` holds; nil for other text.
    private static func outOfRange(_ text: String) -> String? {
        var digits = Substring(text)
        let negative = digits.first == "-"
        if negative || digits.first == "+" { digits = digits.dropFirst() }
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }), Int(text) == nil else { return nil }
        return negative ? "small" : "large"
    }

    /// What a value of `type` is, in a user's words.
    private static func kind(_ type: Any.Type) -> String {
        if let kind = OptionValueKind(type) { return kind.expected }
        return type is String.Type ? "text" : "\(type)"
    }
}

extension StageOptions {
    /// Reads `key=value` settings (the command line's `--set`) over the defaults, each value read as
    /// a pipeline file reads it (a value that is not a YAML scalar is text); a later setting of a key wins.
    /// `literals` are string values given by other means (a flag naming a file), set first and taken as
    /// they are.
    public static func decode(
        settings: [String], literals: [(key: String, value: String)] = [],
        owner: String
    ) throws(WinnowError) -> Self {
        var pairs = literals.map { (Node($0.key), Node($0.value, Tag(.str), .singleQuoted)) }
        for setting in settings {
            guard let equals = setting.firstIndex(of: "="), equals != setting.startIndex else {
                throw .configuration("--set \(setting): write KEY=VALUE, e.g. --set \(keys.first ?? "key")=VALUE")
            }
            let key = String(setting[..<equals])
            let text = String(setting[setting.index(after: equals)...])
            let parsed = text.isEmpty ? nil : (try? Yams.compose(yaml: text)).flatMap { $0.scalar == nil ? nil : $0 }
            let value = parsed ?? Node(text, Tag(.str), .singleQuoted)
            pairs.removeAll { $0.0.string == key }
            pairs.append((Node(key), value))
        }
        return try decode(pairs.isEmpty ? nil : Node(pairs), owner: owner, context: "--set")
    }

    /// Each option with the text a pipeline file would give for its default value.
    public static var rows: [OptionRow] {
        let node = (try? YAMLEncoder().encode(Self())).flatMap { try? Yams.compose(yaml: $0) }
        return declarations.map { declaration in
            return OptionRow(key: declaration.key, defaultValue: yamlText(node?.mapping?[declaration.key]), help: declaration.help)
        }
    }

    /// A default value as a person would write it in YAML: 0.5 rather than Yams's 5e-1, "" for empty.
    private static func yamlText(_ node: Node?) -> String {
        guard let scalar = node?.scalar else { return "" }
        if scalar.string.isEmpty { return "\"\"" }
        if scalar.style == .plain, Int(scalar.string) == nil, let number = Double(scalar.string) { return "\(number)" }
        return scalar.string
    }
}

/// One option as listings show it: key, default (as YAML), help.
public struct OptionRow: Sendable, Equatable {
    public let key: String
    public let defaultValue: String
    public let help: String
}
