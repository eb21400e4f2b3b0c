#include "minhash_kernel.h"

#if defined(__x86_64__) && defined(__clang__)
#define WINNOW_CLONES __attribute__((target_clones("arch=x86-64-v4", "arch=x86-64-v3", "default")))
#else
#define WINNOW_CLONES
#endif

WINNOW_CLONES
void winnow_minhash_update(const uint64_t *restrict shingles, size_t count, const uint64_t *restrict a,
                           const uint64_t *restrict b, uint64_t *restrict minima, size_t permutations) {
    for (size_t i = 0; i < count; i++) {
        const uint64_t x = shingles[i];
        for (size_t k = 0; k < permutations; k++) {
            const uint64_t v = a[k] * x + b[k];
            minima[k] = v < minima[k] ? v : minima[k];
        }
    }
}
