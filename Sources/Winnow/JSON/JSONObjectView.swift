/// A JSON object that `JSONObjectScanner` found valid, read by member name into typed values: for
/// formats decoded without Foundation's `JSONDecoder`. Members not asked for are ignored; of a
/// repeated name the last counts.
struct JSONObjectView {
    let bytes: UnsafeBufferPointer<UInt8>
    let members: [JSONMember]

    /// Scans `bytes` (valid UTF-8) as one JSON object.
    init(_ bytes: UnsafeBufferPointer<UInt8>) throws(JSONSyntaxError) {
        self.init(bytes, members: try JSONObjectScanner.members(of: bytes))
    }

    init(_ bytes: UnsafeBufferPointer<UInt8>, members: [JSONMember]) {
        self.bytes = bytes
        self.members = members
    }

    /// The member named `name`, or an error naming what is missing.
    func member(_ name: StaticString) throws(JSONFieldError) -> JSONMember {
        guard let found = members.last(where: { has(name, $0) }) else { throw JSONFieldError("'\(name)' is missing") }
        return found
    }

    func string(_ name: StaticString) throws(JSONFieldError) -> String {
        let found = try member(name)
        guard case .string(let hasEscapes) = found.kind else { throw JSONFieldError("'\(name)' is not a string") }
        return JSONString.decode(
            UnsafeBufferPointer(rebasing: bytes[(found.value.lowerBound + 1)..<(found.value.upperBound - 1)]), hasEscapes: hasEscapes)
    }

    /// A member written as an integer (digits, an optional minus) that fits an `Int`.
    func int(_ name: StaticString) throws(JSONFieldError) -> Int {
        let found = try member(name)
        guard case .number = found.kind, let value = Self.integer(bytes[found.value]) else {
            throw JSONFieldError("'\(name)' is not an integer")
        }
        return value
    }

    /// The objects of an array member, in order.
    func objects(_ name: StaticString) throws(JSONFieldError) -> [JSONObjectView] {
        let found = try member(name)
        guard case .array = found.kind else { throw JSONFieldError("'\(name)' is not an array") }
        let array = UnsafeBufferPointer(rebasing: bytes[found.value])
        let elements: [JSONElement]
        do throws(JSONSyntaxError) {
            elements = try JSONObjectScanner.elements(ofArray: array)
        } catch {
            // Not reached for bytes that were scanned whole already; said rather than trapped.
            throw JSONFieldError("'\(name)': \(error.description)")
        }
        var objects: [JSONObjectView] = []
        objects.reserveCapacity(elements.count)
        for element in elements {
            guard case .object = element.kind else { throw JSONFieldError("'\(name)' holds a value that is not an object") }
            let object = UnsafeBufferPointer(rebasing: array[element.value])
            do throws(JSONSyntaxError) {
                objects.append(try JSONObjectView(object))
            } catch {
                throw JSONFieldError("'\(name)': \(error.description)")
            }
        }
        return objects
    }

    /// Whether `member`'s key is `name` (decoded first when it has escapes).
    private func has(_ name: StaticString, _ member: JSONMember) -> Bool {
        let key = UnsafeBufferPointer(rebasing: bytes[member.key])
        return name.withUTF8Buffer { expected in
            member.keyHasEscapes ? JSONString.decodeUTF8(key).elementsEqual(expected) : key.elementsEqual(expected)
        }
    }

    /// `digits` as an `Int` when they are an integer in JSON's spelling (no fraction, no exponent) that fits.
    private static func integer(_ digits: Slice<UnsafeBufferPointer<UInt8>>) -> Int? {
        let negative = digits.first == UInt8(ascii: "-")
        var value = 0
        for byte in digits.dropFirst(negative ? 1 : 0) {
            guard byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") else { return nil }
            let digit = Int(byte - UInt8(ascii: "0"))
            let (times, overflow) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflowAgain) = negative ? times.subtractingReportingOverflow(digit) : times.addingReportingOverflow(digit)
            guard !overflow && !overflowAgain else { return nil }
            value = sum
        }
        return value
    }
}
