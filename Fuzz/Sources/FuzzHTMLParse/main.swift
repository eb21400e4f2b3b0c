// libxml2's HTML parser with Winnow's repairs and shortcuts (CHTMLParse), on any bytes, not only the
// UTF-8 the decoder hands it: bytes that are not UTF-8 make libxml2 switch encodings and decode the
// rest again, moving its buffer under the shortcuts. No setting bytes. Invariant: the page tree with
// the shortcuts is the tree without them; AddressSanitizer checks every read of the input.
import FuzzSupport
@_spi(Fuzzing) import Winnow

FuzzDriver.run { start, count in
    let bytes = FuzzInput(start, count).rest
    require(ParserShortcuts.agree(on: bytes), "the shortcuts change the page tree of these \(bytes.count) bytes")
    return 0
}
