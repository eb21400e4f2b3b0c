import CAllocatorTuning

/// glibc's allocator set for a run's batches of megabytes, freed and made again batch after batch:
/// blocks up to 64 MiB come from the heap instead of fresh mappings, and the heap keeps up to 256 MiB
/// free at its top instead of giving it back to be faulted in again. Half the page faults of the
/// default pipeline, the same peak memory (docs/benchmarks.md, "Page faults").
enum AllocatorTuning {
    static func install() {
        _ = winnow_tune_allocator(64 << 20, 256 << 20)
    }
}
