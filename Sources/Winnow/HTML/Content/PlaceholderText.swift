/// Placeholder text ("Lorem ipsum dolor sit amet, …"): the pseudo-Latin that themes and page
/// builders fill empty slots with. A run opening with "lorem ipsum" is filler; a page whose
/// paragraphs are all such Latin is a demo or test page, and its filler is its content.
enum PlaceholderText {
    /// Whether a text run opens with "lorem ipsum" (any case, after spaces).
    /// Inlined: nearly every text run fails at its first letter, before any call.
    @inline(__always)
    static func opensFiller(_ text: ArraySlice<UInt8>) -> Bool {
        var start = text.startIndex
        while start < text.endIndex && ASCIIByte.isSpace(text[start]) { start += 1 }
        guard start < text.endIndex, ASCIIByte.lowercased(text[start]) == UInt8(ascii: "l") else { return false }
        return opensLoremIpsum(text[start...])
    }

    /// Whether `text` starts with "lorem ipsum" in any case.
    private static func opensLoremIpsum(_ text: ArraySlice<UInt8>) -> Bool {
        text.count >= loremIpsum.count && zip(text, loremIpsum).allSatisfy { ASCIIByte.lowercased($0) == $1 }
    }

    /// Words of a block's text, and how many of them are placeholder Latin.
    struct WordTally {
        var words: Int32 = 0
        var latin: Int32 = 0

        /// Counts the words of `text`: runs of letters (ASCII, or any non-ASCII byte).
        mutating func add(_ text: ArraySlice<UInt8>) {
            var word: [UInt8] = []
            for byte in text {
                let folded = ASCIIByte.lowercased(byte)
                if (folded >= UInt8(ascii: "a") && folded <= UInt8(ascii: "z")) || byte >= 0x80 {
                    word.append(folded)
                } else if !word.isEmpty {
                    count(word)
                    word.removeAll(keepingCapacity: true)
                }
            }
            if !word.isEmpty { count(word) }
        }

        /// Half of the words or more are placeholder Latin.
        var isPlaceholder: Bool { words > 0 && latin * 2 >= words }

        private mutating func count(_ word: [UInt8]) {
            words += 1
            if PlaceholderText.vocabulary.contains(word) { latin += 1 }
        }
    }

    private static let loremIpsum = Array("lorem ipsum".utf8)

    /// The words of the standard passage ("Lorem ipsum … id est laborum") and the most frequent ones
    /// of the common generators' longer pseudo-Latin ("Vestibulum", "Pellentesque", "Nullam", …).
    static let vocabulary: Set<[UInt8]> = Set(
        """
        lorem ipsum dolor sit amet consectetur consectetuer adipiscing adipisicing elit sed do eiusmod tempor \
        incididunt ut labore et dolore magna aliqua enim ad minim veniam quis nostrud exercitation ullamco laboris \
        nisi aliquip ex ea commodo consequat duis aute irure in reprehenderit voluptate velit esse cillum eu fugiat \
        nulla pariatur excepteur sint occaecat cupidatat non proident sunt culpa qui officia deserunt mollit anim id \
        est laborum vestibulum nullam pellentesque maecenas aenean curabitur fusce donec integer nunc vel vitae at \
        nec ac a quam eget mauris morbi proin etiam praesent sapien tellus turpis urna vivamus justo lectus ligula \
        massa metus mi nibh nisl odio orci purus risus sem tortor ultrices varius viverra erat felis lacus libero \
        tincidunt lacinia ante arcu augue dui suspendisse phasellus sollicitudin faucibus fermentum feugiat gravida \
        hendrerit interdum lobortis luctus malesuada mattis molestie ornare pharetra placerat porta porttitor \
        pretium pulvinar quisque rhoncus rutrum sagittis scelerisque semper sodales suscipit tempus tristique \
        ullamcorper vehicula venenatis vulputate condimentum congue convallis cras cursus dapibus diam dictum \
        dignissim eleifend elementum euismod facilisis fringilla iaculis imperdiet laoreet leo neque posuere \
        volutpat aliquam aliquet accumsan bibendum blandit egestas eros efficitur tincidunt porro quisquam \
        dolorem quia voluptas voluptatem nam nulla facilisi habitant senectus netus fames turpis primis cubilia \
        curae auctor nisl ultricies dis parturient montes nascetur ridiculus mus natoque penatibus magnis
        """.split(whereSeparator: { $0 == " " || $0 == "\n" }).map { Array($0.utf8) })
}
