import Dispatch
import Glibc
import Winnow

/// On SIGINT or SIGTERM, deletes the run's temporary files (unfinished outputs, spool files), once a
/// commit of its outputs under way is done, and exits with 128 + the signal's number, the status a
/// shell reports for it. The handler runs on a dispatch queue, outside signal context, where deleting
/// files is safe. SIGPIPE is ignored: a closed standard output fails the write, and the run, with a
/// message and its temporary files deleted, and a closed stderr only silences the run (`Terminal`).
enum Interruption {
    nonisolated(unsafe) private static var sources: [any DispatchSourceSignal] = []

    static func install() {
        signal(SIGPIPE, SIG_IGN)
        for signalNumber in [SIGINT, SIGTERM] {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler {
                TemporaryFiles.shared.removeAll()
                _exit(128 + signalNumber)
            }
            source.resume()
            sources.append(source)
        }
    }
}
