/// How the `exact` stage chooses the copy it keeps.
public struct ExactOptions: StageOptions {
    /// Which copy of a group of exact duplicates stays (see `KeepPolicy`).
    public var keep: KeepPolicy = .longest

    public init() {}

    enum CodingKeys: String, CodingKey, CaseIterable {
        case keep
    }

    public static var keys: [String] { CodingKeys.allCases.map(\.rawValue) }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        keep = try container.decodeIfPresent(KeepPolicy.self, forKey: .keep) ?? .longest
    }
}
