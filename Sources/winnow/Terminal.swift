import Glibc

/// Writing to stderr, and whether it is a terminal (for the progress line).
enum Terminal {
    static let isInteractive = isatty(2) == 1

    static func error(_ line: String) {
        write(line + "\n")
    }

    /// Overwrites the current stderr line with `status`; an empty status clears it.
    static func status(_ status: String) {
        write("\r\u{1B}[K" + status)
    }

    /// Writes to stderr, and stops quietly when its reader is gone (`2>&1 | head`): a closed log
    /// must not stop a run (SIGPIPE is ignored, `Interruption`), nor does a failed write stop it.
    private static func write(_ text: String) {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { Glibc.write(2, $0.baseAddress, $0.count) }
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else { return }
            bytes = bytes.dropFirst(written)
        }
    }
}
