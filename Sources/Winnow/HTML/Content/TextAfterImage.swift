/// Where the next heading or code, text, line break and change of block are from any node, found once
/// per page: what `ImageCaption` asks of the text after each image, in constant time however many
/// images share a box.
struct TextAfterImage {
    /// Headings, `pre` and `code`: a box that holds one is no caption.
    private let blocks: NextMatching
    /// Text runs with characters.
    private let texts: NextMatching
    private let breaks: NextMatching
    /// Text runs with characters in another block than the text run with characters before them.
    private let newBlocks: NextMatching
    /// Images, and text runs with characters.
    private let imagesOrTexts: NextMatching

    init(nodes: [PageNode], stats: BlockStats) {
        let count = nodes.count
        func isText(_ index: Int) -> Bool { nodes[index].tag == .text && stats.chars[index] > 0 }
        blocks = NextMatching(count: count) { nodes[$0].tag.isHeading || nodes[$0].tag == .pre || nodes[$0].tag == .code }
        texts = NextMatching(count: count, where: isText)
        breaks = NextMatching(count: count) { nodes[$0].tag == .br }
        imagesOrTexts = NextMatching(count: count) { nodes[$0].tag == .img || isText($0) }
        var opensBlock = [Bool](repeating: false, count: count)
        var owner: Int32 = -1
        for index in 0..<count where isText(index) {
            opensBlock[index] = stats.owner[index] != owner
            owner = stats.owner[index]
        }
        newBlocks = NextMatching(count: count) { opensBlock[$0] }
    }

    /// Whether what follows the image at `index` up to `end` (its box's end) reads as its caption: no
    /// heading or code, text in one block, and that block not the image's own unless a line break
    /// sets it apart (text that runs on beside a floated image, with no break, is its paragraph's).
    func isCaption(after index: Int, upTo end: Int, stats: BlockStats) -> Bool {
        guard !blocks.any(in: index..<end) else { return false }
        let first = texts.first(from: index + 1)
        guard first < end else { return true }
        let apart = breaks.first(from: index + 1) < first
        if !apart && stats.owner[first] == stats.owner[index] { return false }
        return !newBlocks.any(in: first + 1..<end)
    }

    /// Whether the element's first image or text run with characters is an image.
    func opensWithImage(_ element: Int, nodes: [PageNode]) -> Bool {
        let first = imagesOrTexts.first(from: element)
        return first < Int(nodes[element].end) && nodes[first].tag == .img
    }
}
