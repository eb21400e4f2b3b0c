import Foundation
import Glibc

/// The names of a process's temporary siblings (`.NAME.winnow-HOST-PID…`), and the removal of those
/// that a killed process left behind. Host and process id in the name say whose a file is, so a run
/// removes only the leftovers of its own host's processes that have ended, never another machine's
/// files on a shared disk nor a live run's.
enum TemporaryName {
    /// This machine's name, with every character but letters, digits and dots replaced, so that the
    /// process id after it reads back unambiguously.
    static let host: String = {
        var buffer = [UInt8](repeating: 0, count: 256)
        let ok = buffer.withUnsafeMutableBytes { gethostname($0.baseAddress!.assumingMemoryBound(to: CChar.self), $0.count - 1) } == 0
        let name = ok ? String(decoding: buffer.prefix { $0 != 0 }, as: UTF8.self) : "host"
        return String(name.map { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == ".") ? $0 : "_" })
    }()

    /// The start of this process's temporary names beside the file or folder `name`.
    static func prefix(for name: String, process: pid_t = getpid()) -> String {
        ".\(name).winnow-\(host)-\(process)"
    }

    /// Deletes the temporaries beside `name` in `directory` whose process on this host has ended.
    static func removeStale(in directory: String, for name: String) {
        removeEnded(in: directory, startingWith: ".\(name).winnow-\(host)-", endingWith: ".tmp")
    }

    /// The temporaries beside `name` in `directory` that `removeStale` deletes.
    static func stale(in directory: String, for name: String) -> [String] {
        ended(in: directory, startingWith: ".\(name).winnow-\(host)-", endingWith: ".tmp")
    }

    /// Deletes the entries of `directory` named `start`, the id of a process on this host that has
    /// ended, and anything ending in `suffix`: a killed run's files, never a live run's, nor anything
    /// this process reads (`ReadPaths`), whatever its name.
    static func removeEnded(in directory: String, startingWith start: String, endingWith suffix: String) {
        for path in ended(in: directory, startingWith: start, endingWith: suffix) {
            try? FileManager.default.removeItem(atPath: path)
        }
    }

    /// The paths `removeEnded` deletes.
    static func ended(in directory: String, startingWith start: String, endingWith suffix: String) -> [String] {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return [] }
        return entries.compactMap { entry in
            guard entry.hasPrefix(start) && entry.hasSuffix(suffix) else { return nil }
            let digits = entry.dropFirst(start.count).prefix { $0.isASCII && $0.isNumber }
            guard let process = pid_t(digits), process > 0, process != getpid(),
                kill(process, 0) == -1, errno == ESRCH
            else { return nil }
            let path = directory + "/" + entry
            return ReadPaths.shared.holds(path) ? nil : path
        }
    }
}
