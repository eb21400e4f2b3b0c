import Glibc

/// File names as strings without loss: a byte that is not UTF-8 is written `\xHH` (uppercase hex), a
/// backslash that would read as such an escape `\x5C`; every other name is itself, byte for byte.
public enum FileName {
    /// The string naming the file whose name is `raw`; distinct names give distinct strings.
    public static func string(_ raw: some Collection<UInt8>) -> String {
        let raw = Array(raw)
        if !raw.contains(backslash), let valid = String(validating: raw, as: UTF8.self) { return valid }
        var out: [UInt8] = []
        out.reserveCapacity(raw.count + 8)
        var index = 0
        while index < raw.count {
            let byte = raw[index]
            if byte == backslash && escape(in: raw, at: index) != nil {
                out.append(contentsOf: Array(#"\x5C"#.utf8))
                index += 1
            } else if let length = validSequence(in: raw, at: index) {
                out.append(contentsOf: raw[index..<(index + length)])
                index += length
            } else {
                out.append(contentsOf: Array(#"\x"#.utf8) + [upperDigits[Int(byte >> 4)], upperDigits[Int(byte & 0xF)]])
                index += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The bytes of the file name `name` stands for (the inverse of `string`).
    public static func bytes(_ name: String) -> [UInt8] {
        let utf8 = Array(name.utf8)
        guard utf8.contains(backslash) else { return utf8 }
        var out: [UInt8] = []
        out.reserveCapacity(utf8.count)
        var index = 0
        while index < utf8.count {
            if utf8[index] == backslash, let byte = escape(in: utf8, at: index) {
                out.append(byte)
                index += 4
            } else {
                out.append(utf8[index])
                index += 1
            }
        }
        return out
    }

    /// Whether `name` is its own bytes: it holds no `\xHH` that stands for a byte that is not UTF-8.
    public static func isUTF8(_ name: String) -> Bool {
        bytes(name).elementsEqual(name.utf8)
    }

    /// `name`'s bytes ending in NUL, to hand to a system call.
    public static func system(_ name: String) -> [CChar] {
        bytes(name).map { CChar(bitPattern: $0) } + [0]
    }

    /// The command line's arguments (without the program's name), each exact, as `string` spells its
    /// bytes: an argument that is not UTF-8 (a file name in another encoding) has its `\xHH`, and a
    /// UTF-8 name typed with the characters `\xFF` is that name (`\x5CxFF`), never the file whose
    /// name holds the byte 0xFF. Every other argument is itself. An argument that is not a file name
    /// (a `--set` value, a field name, an id) is read back as typed with `text`.
    public static func commandLineArguments() -> [String] {
        (1..<max(1, Int(CommandLine.argc))).map { index in
            guard let argument = CommandLine.unsafeArgv[index] else { return "" }
            return string(UnsafeBufferPointer(start: argument, count: strlen(argument)).map { UInt8(bitPattern: $0) })
        }
    }

    /// An argument of `commandLineArguments` that is text, not a file name, as it was typed: a UTF-8
    /// argument exactly (`\x5CxE9` back to `\xE9`); one that is not UTF-8 keeps its `\xHH` spelling.
    public static func text(_ argument: String) -> String {
        guard argument.utf8.contains(backslash) else { return argument }
        return String(validating: bytes(argument), as: UTF8.self) ?? argument
    }

    /// Why `name` cannot be used where files are made or read by their spelling (outputs, spool and
    /// report files, which Foundation or derived names reach): it is not UTF-8, or was typed with a
    /// `\xHH`; nil when the name is its own bytes.
    public static func spellingProblem(_ name: String) -> String? {
        guard !isUTF8(name) else { return nil }
        return spellsABackslash(name)
            ? "holds a backslash, 'x' and two hex digits, which file names here spell bytes with (\\x5C is the backslash)"
            : "is not UTF-8 (\\xHH stands for a byte that is not)"
    }

    /// Whether `name` spells a UTF-8 name with `\x5C` (one typed with a backslash, `x` and two hex
    /// digits): a name that is UTF-8 but cannot be used as it is spelled.
    public static func spellsABackslash(_ name: String) -> Bool {
        !isUTF8(name) && String(validating: bytes(name), as: UTF8.self) != nil
    }

    private static let backslash = UInt8(ascii: "\\")
    private static let upperDigits = Array("0123456789ABCDEF".utf8)

    /// The byte an escape `\xHH` at `index` stands for: a byte that is not ASCII, or a backslash.
    private static func escape(in bytes: [UInt8], at index: Int) -> UInt8? {
        guard index + 3 < bytes.count, bytes[index] == backslash, bytes[index + 1] == UInt8(ascii: "x"),
            let high = upperHexValue(bytes[index + 2]), let low = upperHexValue(bytes[index + 3])
        else { return nil }
        let value = high << 4 | low
        return value >= 0x80 || value == backslash ? value : nil
    }

    private static func upperHexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    /// How many bytes the well-formed UTF-8 sequence at `index` takes; nil when there is none.
    private static func validSequence(in bytes: [UInt8], at index: Int) -> Int? {
        let lead = bytes[index]
        if lead < 0x80 { return 1 }
        let length: Int, second: ClosedRange<UInt8>
        switch lead {
        case 0xC2...0xDF: (length, second) = (2, 0x80...0xBF)
        case 0xE0: (length, second) = (3, 0xA0...0xBF)
        case 0xED: (length, second) = (3, 0x80...0x9F)
        case 0xE1...0xEF: (length, second) = (3, 0x80...0xBF)
        case 0xF0: (length, second) = (4, 0x90...0xBF)
        case 0xF1...0xF3: (length, second) = (4, 0x80...0xBF)
        case 0xF4: (length, second) = (4, 0x80...0x8F)
        default: return nil
        }
        guard index + length <= bytes.count, second.contains(bytes[index + 1]) else { return nil }
        for offset in 2..<max(2, length) where !(0x80...0xBF).contains(bytes[index + offset]) { return nil }
        return length
    }
}
