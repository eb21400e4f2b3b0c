import Glibc

/// Standard input, output and error as the process found them.
enum StandardStreams {
    /// Gives each of descriptors 0, 1 and 2 that the process was started without a stand-in that
    /// reads nothing and refuses writes (/dev/null, read-only), so that no file the run opens takes
    /// their numbers: a later write meant for stdout or stderr never lands in an output or spool file.
    static func reserve() {
        for descriptor: Int32 in 0...2 where fcntl(descriptor, F_GETFD) < 0 && errno == EBADF {
            let standIn = open("/dev/null", O_RDONLY)
            if standIn >= 0 && standIn != descriptor {
                dup2(standIn, descriptor)
                close(standIn)
            }
        }
    }
}
