/// An option whose value is one of a few words: a pipeline file that gives another word gets an
/// error listing the words it accepts.
public protocol OptionChoice: RawRepresentable, CaseIterable, Codable, Sendable where RawValue == String {}

extension OptionChoice {
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let value = Self(rawValue: text) else {
            let accepted = Self.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ")
            throw DecodingError.dataCorrupted(
                .init(
                    codingPath: decoder.codingPath,
                    debugDescription: "'\(text)' is not accepted; use one of \(accepted)"))
        }
        self = value
    }
}
