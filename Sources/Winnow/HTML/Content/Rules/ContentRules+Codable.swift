/// A set of rules in a pipeline file or `--set`: their names, separated by commas (`a,b`), or a list.
extension ContentRules: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let given = try (try? container.decode([String].self)) ?? [container.decode(String.self)]
        var rules = ContentRules()
        for name in given.flatMap({ $0.split(whereSeparator: { $0 == "," || $0 == " " }) }).map(String.init) {
            guard let rule = ContentRule(name: name) else {
                throw DecodingError.dataCorruptedError(
                    in: container,
                    debugDescription: "unknown rule '\(name)'; the rules: \(ContentRule.allCases.map(\.name).joined(separator: ", "))")
            }
            rules.insert(ContentRules(rule))
        }
        self = rules
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rules.map(\.name).joined(separator: ","))
    }
}
