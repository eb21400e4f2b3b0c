/// The C1 control characters (U+0080–U+009F) of a page's text, read as the Windows-1252 characters of
/// the same numbers, as HTML reads `&#146;` (’): libxml2 2.9 decodes such a reference to the control
/// character, which no reader sees. Pages written in Windows-1252 use them for quotes, dashes, € and
/// …; the same characters stored as UTF-8 controls by a wrong conversion are repaired alike.
enum Windows1252Controls {
    /// The Windows-1252 character of each control from U+0080, 0 for the five it leaves undefined
    /// (U+0081, U+008D, U+008F, U+0090, U+009D), which stay controls (the renderer does not write them).
    private static let characters: [UInt32] = [
        0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
        0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
    ]

    /// `text` (valid UTF-8) with its mapped controls replaced; nil when it has none, the common case
    /// (a control is `C2 80` to `C2 9F`, so only a 0xC2 byte is looked at twice).
    static func replacing(in text: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        var output: [UInt8]?
        var copied = 0
        var index = 0
        while let found = ByteSearch.firstOffset(of: 0xC2, in: text, from: index) {
            index = found + 1
            guard found + 1 < text.count, text[found + 1] < 0xA0 else { continue }
            let character = characters[Int(text[found + 1] & 0x1F)]
            guard character != 0, let scalar = Unicode.Scalar(character) else { continue }
            if output == nil {
                output = []
                output!.reserveCapacity(text.count + 16)
            }
            output!.append(contentsOf: UnsafeBufferPointer(rebasing: text[copied..<found]))
            output!.append(contentsOf: String(scalar).utf8)
            copied = found + 2
            index = copied
        }
        guard var output else { return nil }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: text[copied...]))
        return output
    }
}
