/// The kind of a JSON value found by `JSONObjectScanner`.
enum JSONValueKind: Sendable, Equatable {
    case string(hasEscapes: Bool)
    case number
    case bool
    case null
    case object
    case array
}

/// One top-level member of a JSON object: byte ranges of its key (inside the quotes) and raw value.
struct JSONMember {
    let key: Range<Int>
    let keyHasEscapes: Bool
    let value: Range<Int>
    let kind: JSONValueKind
}

/// One element of a JSON array: the byte range of its raw value.
struct JSONElement {
    let value: Range<Int>
    let kind: JSONValueKind
}

/// Validates one JSON object (RFC 8259, on bytes already known to be valid UTF-8) and reports its
/// top-level members without building values: unknown fields can then be written back byte for byte.
struct JSONObjectScanner {
    private let bytes: UnsafeBufferPointer<UInt8>
    private let maxDepth: Int
    private var position = 0

    private init(_ bytes: UnsafeBufferPointer<UInt8>, maxDepth: Int) {
        self.bytes = bytes
        self.maxDepth = maxDepth
    }

    /// Scans `bytes` as exactly one JSON object surrounded by optional whitespace.
    static func members(of bytes: UnsafeBufferPointer<UInt8>, maxDepth: Int = 512) throws(JSONSyntaxError) -> [JSONMember] {
        var members: [JSONMember] = []
        members.reserveCapacity(8)
        try forEachMember(of: bytes, maxDepth: maxDepth) { members.append($0) }
        return members
    }

    /// Scans `bytes` as `members(of:)` does, handing each member to `visit` as it is found instead of
    /// collecting them; the object is only known valid once this returns.
    static func forEachMember(
        of bytes: UnsafeBufferPointer<UInt8>, maxDepth: Int = 512, _ visit: (JSONMember) -> Void
    ) throws(JSONSyntaxError) {
        var scanner = JSONObjectScanner(bytes, maxDepth: maxDepth)
        try scanner.scanTopLevel(visit)
    }

    /// Scans `bytes` as exactly one JSON array surrounded by optional whitespace, and returns the byte
    /// ranges and kinds of its elements: for files that list objects in one array.
    static func elements(ofArray bytes: UnsafeBufferPointer<UInt8>, maxDepth: Int = 512) throws(JSONSyntaxError) -> [JSONElement] {
        var scanner = JSONObjectScanner(bytes, maxDepth: maxDepth)
        return try scanner.scanTopLevelArray()
    }

    private mutating func scanTopLevelArray() throws(JSONSyntaxError) -> [JSONElement] {
        var elements: [JSONElement] = []
        skipWhitespace()
        guard peek() == UInt8(ascii: "[") else { throw fail("expected a JSON array starting with '['") }
        position += 1
        skipWhitespace()
        if peek() == UInt8(ascii: "]") {
            position += 1
        } else {
            while true {
                skipWhitespace()
                let start = position
                let kind = try skipValue(depth: 1)
                elements.append(JSONElement(value: start..<position, kind: kind))
                skipWhitespace()
                let next = peek()
                if next == UInt8(ascii: ",") {
                    position += 1
                } else if next == UInt8(ascii: "]") {
                    position += 1
                    break
                } else {
                    throw fail(position >= bytes.count ? "the array is not closed (missing ']')" : "expected ',' or ']' in an array")
                }
            }
        }
        skipWhitespace()
        guard position == bytes.count else { throw fail("unexpected data after the JSON array") }
        return elements
    }

    private mutating func scanTopLevel(_ visit: (JSONMember) -> Void) throws(JSONSyntaxError) {
        skipWhitespace()
        guard position < bytes.count else { throw fail("empty line where a JSON object was expected") }
        guard bytes[position] == UInt8(ascii: "{") else {
            throw fail("a record must be a JSON object starting with '{'")
        }
        position += 1
        skipWhitespace()
        if peek() == UInt8(ascii: "}") {
            position += 1
        } else {
            while true {
                skipWhitespace()
                guard peek() == UInt8(ascii: "\"") else { throw fail("expected a quoted object key") }
                let keyStart = position + 1
                let keyEscapes = try skipString()
                let key = keyStart..<(position - 1)
                skipWhitespace()
                guard peek() == UInt8(ascii: ":") else { throw fail("expected ':' after an object key") }
                position += 1
                skipWhitespace()
                let valueStart = position
                let kind = try skipValue(depth: 1)
                visit(JSONMember(key: key, keyHasEscapes: keyEscapes, value: valueStart..<position, kind: kind))
                skipWhitespace()
                let next = peek()
                if next == UInt8(ascii: ",") {
                    position += 1
                } else if next == UInt8(ascii: "}") {
                    position += 1
                    break
                } else {
                    throw fail(
                        position >= bytes.count ? "the object is not closed (missing '}')" : "expected ',' or '}' after an object member")
                }
            }
        }
        skipWhitespace()
        guard position == bytes.count else { throw fail("unexpected data after the JSON object") }
    }

    private func peek() -> UInt8 {
        position < bytes.count ? bytes[position] : 0
    }

    private func fail(_ message: String) -> JSONSyntaxError {
        JSONSyntaxError(offset: min(position, bytes.count), message: message)
    }

    private mutating func skipWhitespace() {
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x09, 0x0A, 0x0D: position += 1
            default: return
            }
        }
    }

    private mutating func skipValue(depth: Int) throws(JSONSyntaxError) -> JSONValueKind {
        guard position < bytes.count else { throw fail("expected a value") }
        switch bytes[position] {
        case UInt8(ascii: "\""):
            return .string(hasEscapes: try skipString())
        case UInt8(ascii: "{"):
            try skipContainer(close: UInt8(ascii: "}"), isObject: true, depth: depth + 1)
            return .object
        case UInt8(ascii: "["):
            try skipContainer(close: UInt8(ascii: "]"), isObject: false, depth: depth + 1)
            return .array
        case UInt8(ascii: "t"):
            try skipLiteral("true")
            return .bool
        case UInt8(ascii: "f"):
            try skipLiteral("false")
            return .bool
        case UInt8(ascii: "n"):
            try skipLiteral("null")
            return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            try skipNumber()
            return .number
        default:
            throw fail("expected a value (string, number, object, array, true, false or null)")
        }
    }

    private mutating func skipContainer(close: UInt8, isObject: Bool, depth: Int) throws(JSONSyntaxError) {
        guard depth <= maxDepth else { throw fail("values nested deeper than \(maxDepth) levels") }
        position += 1
        skipWhitespace()
        if peek() == close {
            position += 1
            return
        }
        while true {
            skipWhitespace()
            if isObject {
                guard peek() == UInt8(ascii: "\"") else { throw fail("expected a quoted object key") }
                _ = try skipString()
                skipWhitespace()
                guard peek() == UInt8(ascii: ":") else { throw fail("expected ':' after an object key") }
                position += 1
                skipWhitespace()
            }
            _ = try skipValue(depth: depth)
            skipWhitespace()
            let next = peek()
            if next == UInt8(ascii: ",") {
                position += 1
            } else if next == close {
                position += 1
                return
            } else {
                throw fail(isObject ? "expected ',' or '}' in an object" : "expected ',' or ']' in an array")
            }
        }
    }

    /// Skips a string starting at its opening quote; returns whether it contains escapes.
    private mutating func skipString() throws(JSONSyntaxError) -> Bool {
        position += 1
        var hasEscapes = false
        while position < bytes.count {
            position = JSONString.plainRunEnd(bytes, from: position)
            guard position < bytes.count else { break }
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                position += 1
                return hasEscapes
            }
            if byte == UInt8(ascii: "\\") {
                hasEscapes = true
                position += 1
                guard position < bytes.count else { break }
                switch bytes[position] {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"),
                    UInt8(ascii: "f"), UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                    position += 1
                case UInt8(ascii: "u"):
                    guard position + 4 < bytes.count else { throw fail("incomplete \\u escape") }
                    for k in 1...4 where JSONString.hexValue(bytes[position + k]) == nil {
                        position += k
                        throw fail("invalid hex digit in a \\u escape")
                    }
                    position += 5
                default:
                    throw fail("invalid escape sequence in a string")
                }
                continue
            }
            if byte < 0x20 {
                throw fail("unescaped control character in a string")
            }
            position += 1
        }
        throw fail("unterminated string")
    }

    private mutating func skipLiteral(_ literal: StaticString) throws(JSONSyntaxError) {
        let count = literal.utf8CodeUnitCount
        guard position + count <= bytes.count else { throw fail("invalid literal") }
        let pointer = literal.utf8Start
        for k in 0..<count where bytes[position + k] != pointer[k] {
            throw fail("invalid literal")
        }
        position += count
    }

    private mutating func skipNumber() throws(JSONSyntaxError) {
        if peek() == UInt8(ascii: "-") { position += 1 }
        let first = peek()
        if first == UInt8(ascii: "0") {
            position += 1
        } else if first >= UInt8(ascii: "1") && first <= UInt8(ascii: "9") {
            skipDigits()
        } else {
            throw fail("invalid number")
        }
        if peek() == UInt8(ascii: ".") {
            position += 1
            guard isDigit(peek()) else { throw fail("invalid number: digits expected after '.'") }
            skipDigits()
        }
        if peek() == UInt8(ascii: "e") || peek() == UInt8(ascii: "E") {
            position += 1
            if peek() == UInt8(ascii: "+") || peek() == UInt8(ascii: "-") { position += 1 }
            guard isDigit(peek()) else { throw fail("invalid number: digits expected in the exponent") }
            skipDigits()
        }
    }

    private func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    private mutating func skipDigits() {
        while position < bytes.count && isDigit(bytes[position]) { position += 1 }
    }
}
