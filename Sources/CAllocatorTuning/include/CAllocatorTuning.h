#ifndef WINNOW_CALLOCATORTUNING_H
#define WINNOW_CALLOCATORTUNING_H

/// Sets glibc's allocator for a run's batches of megabytes (mallopt): blocks up to `mmap_threshold`
/// bytes come from the heap, and the heap keeps up to `trim_threshold` bytes free at its top.
/// Returns 0, or -1 when the C library refused a setting.
int winnow_tune_allocator(int mmap_threshold, int trim_threshold);

#endif
