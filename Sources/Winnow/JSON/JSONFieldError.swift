/// Why a JSON object read with `JSONObjectView` is not what the format asks: a member missing or of
/// another type.
struct JSONFieldError: Error, Sendable {
    let message: String

    init(_ message: String) {
        self.message = message
    }
}
