import Glibc

/// The inputs of a run that can be read only once: standard input and pipes (FIFOs, sockets), which
/// a second reading finds empty (or waits on for a writer that has gone); so one given twice is
/// refused, before anything is read, where a file given twice is read twice.
struct ReadOnceInputs {
    private var standardInput = false
    /// Device and inode of each pipe given, with the name it was given under.
    private var pipes: [[UInt64]: String] = [:]

    /// Adds `argument`, `-` or a path of the kind `info` says; throws when it is read once and given before.
    mutating func add(_ argument: String, _ info: stat? = nil) throws(WinnowError) {
        guard let info else {
            guard !standardInput else {
                throw .configuration(
                    "standard input (-) is given twice as an input: it can be read only once, so the second would read "
                        + "nothing; give - once (nothing was read)")
            }
            standardInput = true
            var own = stat()
            if fstat(0, &own) == 0 { try add("-", own) }
            return
        }
        let kind = info.st_mode & S_IFMT
        guard kind == S_IFIFO || kind == S_IFSOCK else { return }
        let identity = [UInt64(info.st_dev), UInt64(info.st_ino)]
        if let earlier = pipes[identity] {
            let named = earlier == argument ? "twice" : "also as \(earlier == "-" ? "standard input (-)" : earlier)"
            throw .configuration(
                "this pipe is given as an input \(named): it can be read only once, so the second would read "
                    + "nothing; give it once (nothing was read)", path: argument)
        }
        pipes[identity] = argument
    }
}
