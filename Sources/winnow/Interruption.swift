import Dispatch
import Foundation
import Glibc
import Synchronization
import Winnow

/// On SIGINT, SIGTERM or SIGHUP (a closed terminal, a dropped ssh session), deletes the run's temporary
/// files (unfinished outputs, spool files), once a commit of its outputs under way is done, and exits
/// with 128 + the signal's number, the status a shell reports for it. The handler runs on a dispatch
/// queue, outside signal context, where deleting files is safe. From its start the handler alone ends
/// the process: the run's threads go on meanwhile, and an error one meets then (a spool file deleted
/// under it) is the interruption's doing, so `exit` waits for the handler's exit rather than report it.
/// SIGHUP that the process was started ignoring (`nohup`) stays ignored. SIGPIPE is ignored: a closed
/// standard output fails the write, and the run, with a message and its temporary files deleted, and a
/// closed stderr only silences the run (`Terminal`).
enum Interruption {
    nonisolated(unsafe) private static var sources: [any DispatchSourceSignal] = []
    private static let begun = Atomic(false)

    static func install() {
        signal(SIGPIPE, SIG_IGN)
        for signalNumber in [SIGINT, SIGTERM, SIGHUP] {
            let previous = signal(signalNumber, SIG_IGN)
            if signalNumber == SIGHUP && isIgnore(previous) { continue }
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler {
                begun.store(true, ordering: .sequentiallyConsistent)
                TemporaryFiles.shared.removeAll()
                _exit(128 + signalNumber)
            }
            source.resume()
            sources.append(source)
        }
    }

    /// Exits with `status`, or, once a signal's handler has begun, waits for its exit instead.
    static func exit(_ status: Int32) -> Never {
        awaitHandler()
        Foundation.exit(status)
    }

    /// Returns at once unless a signal's handler has begun; then never returns (the handler exits).
    static func awaitHandler() {
        while begun.load(ordering: .sequentiallyConsistent) { sleep(60) }
    }

    private static func isIgnore(_ handler: __sighandler_t?) -> Bool {
        guard let handler else { return false }
        return unsafeBitCast(handler, to: Int.self) == 1
    }
}
