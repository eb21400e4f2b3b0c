/// A file that can also be read at any offset, apart from the reads in order: the web archive reader
/// reads where a record too large to hold claims to end, before streaming past it.
protocol PositionalByteSource: AnyObject {
    /// The file's size at opening; nil when it has none (a pipe, a terminal).
    var size: Int? { get }
    /// Up to `count` bytes from `offset`: fewer at the end of the file.
    func bytes(at offset: Int, count: Int) throws(WinnowError) -> [UInt8]
}

extension FileByteSource: PositionalByteSource {}
