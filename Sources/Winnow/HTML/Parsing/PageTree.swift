/// A parsed page as a flat array of elements and text runs in document order, so that every
/// element's subtree is the contiguous range `index..<end` and no walk needs recursion (a page
/// nested 10,000 deep is as safe as a flat one). Dropped elements (scripts, styles, hidden
/// elements, form controls) are not in it.
struct PageTree: Equatable {
    /// Elements and text runs in document order; index 0 is the root element.
    var nodes: [PageNode] = []
    /// The UTF-8 bytes of every text run, back to back; a text node holds a range of it.
    var text: [UInt8] = []
    /// What the page says about itself: title, language, canonical URL, date.
    var metadata = PageMetadata()
    /// What the page's structured data says it is.
    var kind = PageKind()
    /// The product description its structured data states.
    var productDescription = ProductDescription()
    /// Its microdata items and their descriptions.
    var items = MicrodataItems()
}
