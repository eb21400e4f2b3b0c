/// Names made distinct by numbering: the first of a name stays itself, a repeat becomes `NAME#2`,
/// `NAME#3`, ..., so that inputs (and the documents of HTML files) never share a name within a run.
enum DistinctNames {
    /// `given` with every repeat numbered. A number whose name another of `given` already has (a file
    /// really named `NAME#2`) is passed over; names are compared by their bytes ("café" composed and
    /// decomposed are two names, whatever Swift's `==` says).
    static func numbered(_ given: [String]) -> [String] {
        var taken = Set(given.map { ByteString($0) })
        var seen: Set<ByteString> = []
        var next: [ByteString: Int] = [:]
        return given.map { name in
            let key = ByteString(name)
            guard !seen.insert(key).inserted else { return name }
            var number = next[key] ?? 2
            while taken.contains(ByteString("\(name)#\(number)")) { number += 1 }
            next[key] = number + 1
            let numbered = "\(name)#\(number)"
            taken.insert(ByteString(numbered))
            return numbered
        }
    }
}
