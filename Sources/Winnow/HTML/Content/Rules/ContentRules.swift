/// A set of `ContentRule`s as one bit each: checked without a lookup where a rule is applied.
public struct ContentRules: OptionSet, Sendable, Hashable {
    public let rawValue: UInt64

    public init(rawValue: UInt64) { self.rawValue = rawValue }

    public init(_ rule: ContentRule) { rawValue = 1 << UInt64(rule.rawValue) }

    public init(_ rules: some Sequence<ContentRule>) {
        self.init(rawValue: rules.reduce(0) { $0 | ContentRules($1).rawValue })
    }

    /// Every rule: the default.
    public static let all = ContentRules(ContentRule.allCases)

    /// Whether `rule` is in the set.
    @inline(__always) public func has(_ rule: ContentRule) -> Bool {
        rawValue & (1 << UInt64(rule.rawValue)) != 0
    }

    /// The rules in the set, in declaration order.
    public var rules: [ContentRule] { ContentRule.allCases.filter(has) }
}
