/// The parser's shortcuts checked on any bytes: the C code that passes over what libxml2 ignores must
/// hold up on input the decoder never hands it (bytes that are not UTF-8 make libxml2 decode again).
@_spi(Fuzzing) public enum ParserShortcuts {
    /// Whether `bytes` parse to the same page tree with the shortcuts as without them.
    public static func agree(on bytes: [UInt8]) -> Bool {
        HTMLParser.parse(bytes) == HTMLParser.parse(bytes, shortcuts: false)
    }
}
