/// How the `exact` stage chooses the copy it keeps.
public struct ExactOptions: StageOptions {
    public var keep: KeepPolicy = .longest

    public init() {}

    public static let declarations: [OptionDeclaration<Self>] = [
        .init("keep", \.keep, "Which copy of a group of exact duplicates stays: longest, first, newest:FIELD or oldest:FIELD.")
    ]
}
