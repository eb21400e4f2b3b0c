#ifndef WINNOW_CLIBFUZZER_H
#define WINNOW_CLIBFUZZER_H
#include <stddef.h>
#include <stdint.h>

/// libFuzzer's entry point for programs that have a `main` of their own: SwiftPM gives every
/// executable one, so the targets call this instead of linking libFuzzer's `main`.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));
#endif
