import Foundation

/// Writes JSON byte for byte as Foundation's `JSONEncoder` does with `[.sortedKeys,
/// .withoutEscapingSlashes]`, straight into bytes and without the encoder's tree of boxed values.
/// The caller writes each object's keys in bytewise order, and leaves out the keys of nil values.
struct SortedJSONWriter: Sendable {
    private(set) var bytes: [UInt8] = []
    /// Whether the next key or array element follows another and needs a comma first.
    private var needsComma = false

    init(capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
    }

    /// Moves the bytes written so far to the end of `output`, leaving the writer empty for the next
    /// value: one writer for every line of a JSON lines file.
    mutating func move(to output: inout [UInt8]) {
        output += bytes
        bytes.removeAll(keepingCapacity: true)
        needsComma = false
    }

    mutating func beginObject() {
        separate()
        bytes.append(UInt8(ascii: "{"))
        needsComma = false
    }

    mutating func endObject() {
        bytes.append(UInt8(ascii: "}"))
        needsComma = true
    }

    mutating func beginArray() {
        separate()
        bytes.append(UInt8(ascii: "["))
        needsComma = false
    }

    mutating func endArray() {
        bytes.append(UInt8(ascii: "]"))
        needsComma = true
    }

    /// An object key (a literal that needs no escape); the value written next is its value.
    mutating func key(_ name: StaticString) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        name.withUTF8Buffer { bytes += $0 }
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
        needsComma = false
    }

    mutating func string(_ value: String) {
        separate()
        Self.appendString(value, to: &bytes)
        needsComma = true
    }

    /// A value another `SortedJSONWriter` wrote, copied as it is.
    mutating func written(_ value: ArraySlice<UInt8>) {
        separate()
        bytes += value
        needsComma = true
    }

    mutating func int(_ value: Int) {
        separate()
        Self.appendDecimal(value, to: &bytes)
        needsComma = true
    }

    /// `value` in decimal, as `String(value)` spells it, without making the string.
    static func appendDecimal(_ value: Int, to output: inout [UInt8]) {
        if value < 0 { output.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var start = digits.count
            repeat {
                start -= 1
                digits[start] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            output.append(contentsOf: UnsafeBufferPointer(rebasing: digits[start...]))
        }
    }

    /// As `JSONEncoder` writes a Double: its shortest round-trip `description`, less a trailing ".0".
    mutating func double(_ value: Double) throws(WinnowError) {
        guard value.isFinite else { throw .io("JSON has no number for \(value)") }
        separate()
        needsComma = true
        // The most common similarity, without making its description.
        if value == 1 {
            bytes.append(UInt8(ascii: "1"))
            return
        }
        var text = value.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        bytes.append(contentsOf: text.utf8)
    }

    mutating func bool(_ value: Bool) {
        separate()
        bytes.append(contentsOf: (value ? "true" : "false").utf8)
        needsComma = true
    }

    /// A small value written by `JSONEncoder` itself, with the same options: the same bytes as if it
    /// were encoded in place (output without indentation does not depend on where a value sits).
    mutating func encoded(_ value: some Encodable) throws(WinnowError) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data: Data
        do {
            data = try encoder.encode(value)
        } catch {
            throw .io("cannot encode \(type(of: value)): \(error)")
        }
        separate()
        bytes.append(contentsOf: data)
        needsComma = true
    }

    private mutating func separate() {
        if needsComma { bytes.append(UInt8(ascii: ",")) }
    }

    /// A quoted string as `JSONEncoder` writes it: `\"`, `\\`, `\b`, `\f`, `\n`, `\r`, `\t`, other
    /// control characters as `\u00xx` (lowercase hex); everything else, non-ASCII included, as is.
    static func appendString(_ string: String, to output: inout [UInt8]) {
        JSONString.append(string, to: &output, shortControlEscapes: true)
    }
}
