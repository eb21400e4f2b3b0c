/// One option of a stage, declared once: its key (in pipeline files and `--set`), what it means, and
/// the property it sets. Decoding, `winnow stages`, `Pipelines/default.yaml` and the README's option
/// tables are all made from these declarations.
public struct OptionDeclaration<Options>: Sendable {
    /// The snake_case key.
    public let key: String
    /// One sentence for users: what the option does.
    public let help: String
    /// The kind of a value that is not text (a number, true or false), which a value written as text is not.
    let valueKind: OptionValueKind?
    let read: @Sendable (inout Options, KeyedDecodingContainer<OptionKey>) throws -> Void
    let write: @Sendable (Options, inout KeyedEncodingContainer<OptionKey>) throws -> Void

    public init<Value: Codable & Sendable>(_ key: String, _ property: WritableKeyPath<Options, Value> & Sendable, _ help: String) {
        self.key = key
        self.help = help
        valueKind = OptionValueKind(Value.self)
        let codingKey = OptionKey(key)
        read = { options, container in
            guard container.contains(codingKey) else { return }
            // A key with no value (`unicode:`, `unicode: null`) is neither the default, which may be the
            // opposite of what was meant (none), nor empty text: it is refused.
            if try container.decodeNil(forKey: codingKey) {
                throw DecodingError.dataCorrupted(
                    .init(
                        codingPath: container.codingPath + [codingKey],
                        debugDescription: "has no value: give one ('' for empty text), or leave the key out for the default"))
            }
            options[keyPath: property] = try container.decode(Value.self, forKey: codingKey)
        }
        write = { options, container in try container.encode(options[keyPath: property], forKey: codingKey) }
    }
}

/// The coding key of an option: its declared key.
public struct OptionKey: CodingKey, Sendable {
    public let stringValue: String
    public var intValue: Int? { nil }

    public init(_ key: String) { stringValue = key }
    public init?(stringValue: String) { self.stringValue = stringValue }
    public init?(intValue: Int) { nil }
}
