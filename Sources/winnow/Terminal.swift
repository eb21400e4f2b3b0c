import Glibc
import Winnow

/// Writing to stdout and stderr, and whether stderr is a terminal (for the progress line).
enum Terminal {
    static let isInteractive = isatty(2) == 1

    static func error(_ line: String) {
        _ = write(visible(line) + "\n", to: 2)
    }

    /// Overwrites the current stderr line with `status`; an empty status clears it.
    static func status(_ status: String) {
        _ = write("\r\u{1B}[K" + visible(status), to: 2)
    }

    /// `text` with its control characters but line breaks and tabs written as escapes (`\u{1B}`):
    /// messages quote ids, names and values from the input, whose escape sequences would otherwise
    /// retitle or clear the user's terminal. `breakingLines: false` escapes line breaks and tabs too,
    /// for a value quoted on a line of its own (an id before its report).
    static func visible(_ text: String, breakingLines: Bool = true) -> String {
        let escaped = { (scalar: Unicode.Scalar) in isControl(scalar) || (!breakingLines && (scalar == "\n" || scalar == "\t")) }
        guard text.unicodeScalars.contains(where: escaped) else { return text }
        var shown = ""
        for scalar in text.unicodeScalars {
            if escaped(scalar) {
                shown += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                shown.unicodeScalars.append(scalar)
            }
        }
        return shown
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value < 0x20 && scalar != "\n" && scalar != "\t") || (0x7F...0x9F).contains(scalar.value)
    }

    /// Writes `text` to stdout, all of it or an error (`print` drops a failed write: a full disk or a
    /// closed pipe would end a listing cut short with status 0).
    static func output(_ text: String) throws(WinnowError) {
        if let failure = write(text, to: 1) {
            throw WinnowError(.io, "cannot write standard output: \(String(cString: strerror(failure)))")
        }
    }

    /// Writes `text` to `descriptor`; the errno of a failed write, or nil. A failed stderr write is
    /// ignored by the callers: a closed log must not stop a run (SIGPIPE is ignored, `Interruption`).
    private static func write(_ text: String, to descriptor: Int32) -> Int32? {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else { return written < 0 ? errno : EIO }
            bytes = bytes.dropFirst(written)
        }
        return nil
    }
}
