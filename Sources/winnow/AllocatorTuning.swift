import CAllocatorTuning
import Foundation

/// glibc's allocator set for a run's batches of megabytes, freed and made again batch after batch:
/// blocks up to 16 MiB come from the heap instead of fresh mappings, and the heap keeps up to 16 MiB
/// free at its top instead of giving it back to be faulted in again (glibc's defaults start at
/// 128 KiB and move with what is freed, up to 32 and 64 MiB). A third fewer page faults in the
/// default pipeline. Left alone when the user tunes the allocator (`GLIBC_TUNABLES`, `MALLOC_*`).
enum AllocatorTuning {
    static func install() {
        let environment = ProcessInfo.processInfo.environment
        let tunedByUser =
            environment["GLIBC_TUNABLES"]?.contains("glibc.malloc") == true
            || environment.keys.contains { $0.hasPrefix("MALLOC_") }
        guard !tunedByUser else { return }
        _ = winnow_tune_allocator(16 << 20, 16 << 20)
    }
}
