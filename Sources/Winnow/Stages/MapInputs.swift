/// The names of the inputs a map step read, which its state file records (`{"input":NAME}` lines)
/// so that apply can refuse an input given under a name map did not read it by. Documents are known
/// by their origin (input name and line): under another name (apply run from another folder, a
/// renamed copy), exact would remove every keeper as a copy of itself, and neardup remove nothing.
/// Unknown for a file written without them: by a map of framed records (a cluster engine's partitions,
/// whose names its driver keeps), by the engine's driver, or by an older winnow.
public struct MapInputs: Sendable, Equatable {
    /// The names, compared bytewise as origins are; nil when unknown.
    public private(set) var names: Set<ByteString>?

    public static let unknown = MapInputs(names: nil)
    /// Known, and none yet: what a merge starts from.
    public static let none = MapInputs(names: [])

    private init(names: Set<ByteString>?) {
        self.names = names
    }

    public init(_ names: some Sequence<String>) {
        self.names = Set(names.map { ByteString($0) })
    }

    /// The inputs a map run with `configuration` reads; none named when its records come framed (a
    /// cluster engine's partitions, whose names its driver keeps).
    public init(readBy configuration: RunConfiguration) {
        self = configuration.framedSources == nil ? MapInputs(configuration.sourceNames) : .none
    }

    /// The inputs of two state files merged: both sets, or unknown when either is.
    public mutating func merge(_ other: MapInputs) {
        guard let theirs = other.names else {
            names = nil
            return
        }
        names?.formUnion(theirs)
    }

    /// Refuses, in a merge, a state file that names its inputs among files that do not, or one that
    /// does not among files that do (a map of framed records, an engine's file, an older one): the
    /// merge could name none, and apply would check nothing. `seen` is the first file of each kind.
    static func requireAlike(
        _ inputs: MapInputs, path: String, kind: String, seen: inout (named: String?, unnamed: String?)
    ) throws(WinnowError) {
        if inputs.names == nil { seen.unnamed = seen.unnamed ?? path } else { seen.named = seen.named ?? path }
        guard let named = seen.named, let unnamed = seen.unnamed else { return }
        throw .configuration(
            "\(named) names the inputs its map read and \(unnamed) does not (a map of framed records, or a file an engine "
                + "wrote): merge \(kind) files of one kind, so that apply can check its inputs against the names (nothing was written)",
            path: path)
    }

    /// Appends the state file's lines for the names, bytewise in order (none when unknown); returns
    /// how many, which the file's end line counts.
    func appendLines(to buffer: inout [UInt8]) -> Int {
        let sorted = (names ?? []).sorted()
        for name in sorted {
            buffer += Array("{\"input\":".utf8)
            JSONString.append(name.string, to: &buffer)
            buffer += Array("}\n".utf8)
        }
        return sorted.count
    }

    /// Reads a state file's line that names an input, adding the name; false for any other line.
    mutating func read(_ record: IntermediateFile.Record) throws(WinnowError) -> Bool {
        guard record.has("input") else { return false }
        guard let name = record.string("input") else {
            throw .configuration("an input line needs a string 'input'", path: record.location)
        }
        if names == nil { names = [] }
        names?.insert(ByteString(name))
        return true
    }

    /// Refuses an input of an apply run with `configuration` that the map steps did not read under
    /// that name, before anything is read; nothing when the names are unknown, or its records come
    /// framed (then the names their documents record are checked: `MappedInputNames`).
    public func require(for configuration: RunConfiguration, stateFile: String) throws(WinnowError) {
        guard configuration.framedSources == nil else { return }
        try require(inputs: configuration.sourceNames, stateFile: stateFile)
    }

    /// Refuses an input of `inputs` (the apply run's input names) that the map steps did not read
    /// under that name; nothing when the names are unknown.
    public func require(inputs: [String], stateFile: String) throws(WinnowError) {
        guard let names else { return }
        for input in inputs where !names.contains(ByteString(input)) {
            // The second naming of an input given twice (`RecordReader.sourceNames`).
            if let hash = input.lastIndex(of: "#"), case let number = input[input.index(after: hash)...], !number.isEmpty,
                number.allSatisfy(\.isNumber),
                names.contains(ByteString(String(input[..<hash])))
            {
                throw .configuration(
                    "this input is given to apply more than once, but map read it once (\(stateFile) names it once): give "
                        + "apply each input as map was given them (nothing was read)",
                    path: String(input[..<hash]))
            }
            let base = Self.lastComponent(input)
            let alike = names.filter { Self.lastComponent($0.string) == base }.sorted().map(\.string)
            let listed = alike.isEmpty ? names.sorted().prefix(3).map(\.string) : alike
            throw .configuration(
                "no map step read an input of this name: \(stateFile) records the inputs map read"
                    + (alike.isEmpty ? " (among them " : " (of this file name, ")
                    + listed.map { "'\($0)'" }.joined(separator: ", ") + "). Documents are known by their input's "
                    + "name and line, so under another name every copy kept would be removed as a copy of itself, or "
                    + "none removed: give each input by the name map was given, from the folder map ran in (nothing was read)",
                path: input)
        }
    }

    private static func lastComponent(_ name: String) -> Substring {
        name.split(separator: "/", omittingEmptySubsequences: false).last ?? Substring(name)
    }
}
