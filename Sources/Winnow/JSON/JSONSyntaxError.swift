/// Why a line is not a JSON object, and where: `offset` counts bytes from the start of the line.
struct JSONSyntaxError: Error, Sendable {
    let offset: Int
    let message: String

    /// "expected ':' after an object key at column 17": columns are 1-based bytes, as editors show them.
    var description: String { "\(message) at column \(offset + 1)" }
}
