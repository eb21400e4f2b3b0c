/// One input of a cluster run read whole by a task (a web archive cannot be split), perhaps from a local
/// copy: it is read as `winnow run` reads the user's file, under the names that run gives it.
public struct WholeInput: Sendable, Equatable {
    /// The file's name as given to the run (or found in a folder): archive documents' `warc_file`, and how
    /// its format is told by its name.
    public var name: String
    /// The origin its records carry in frames, rejects and derived ids (`NAME#2` for a second reading).
    public var origin: String

    public init(name: String, origin: String) {
        self.name = name
        self.origin = origin
    }

    /// The input reading `paths`, which must be one file, as this one: its kind told by `name`, as
    /// `InputSpec.resolve` tells a file's. With `framedSources`, the origin must be one of them, or its
    /// documents could not be framed.
    public func spec(reading paths: [String], framedSources: [String]?) throws(WinnowError) -> InputSpec {
        guard paths.count == 1, let path = paths.first, path != "-" else {
            throw .configuration("a whole input (--input-name) is read from one file, not standard input: give its path once")
        }
        guard !FileNameEnding.hasSuffix(name, in: InputSpec.htmlSuffixes) else {
            throw .configuration("an HTML file is not read as a whole input (--input-name): name an archive or JSONL file", path: name)
        }
        if let framedSources, !framedSources.contains(where: { BytewiseOrder.equal($0, origin) }) {
            throw .configuration("the whole input's origin is not among the --framed-sources names: add it there", path: origin)
        }
        guard try InputSpec.resolve([path]).map(\.path) == [path] else {
            throw .configuration("a whole input (--input-name) is one file, not a folder", path: path)
        }
        return FileNameEnding.hasSuffix(name, in: ArchiveFormat.suffixes)
            ? .archive(path: path, name: name) : .jsonl(path: path, name: name)
    }
}
