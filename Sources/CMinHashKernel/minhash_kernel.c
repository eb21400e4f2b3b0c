#include "minhash_kernel.h"

#if defined(__x86_64__) && defined(__clang__)
#define WINNOW_CLONES __attribute__((target_clones("arch=x86-64-v4", "arch=x86-64-v3", "default")))
#else
#define WINNOW_CLONES
#endif

// Permutations are taken in blocks of BLOCK whose minima, multipliers and increments stay in registers
// (with AVX-512: four vectors each) while every shingle streams past: the loop then does one multiply,
// one add and one min per slot, where minima kept in memory cost a load and a store per slot as well.
enum { BLOCK = 32, LANES = 8 };

static inline void update_block(const uint64_t *restrict shingles, size_t count, const uint64_t *restrict a,
                                const uint64_t *restrict b, uint64_t *restrict minima, size_t width) {
    uint64_t m[BLOCK], av[BLOCK], bv[BLOCK];
    for (size_t k = 0; k < width; k++) { m[k] = minima[k]; av[k] = a[k]; bv[k] = b[k]; }
    if (width == BLOCK) {
        for (size_t i = 0; i < count; i++) {
            const uint64_t x = shingles[i];
            for (size_t k = 0; k < BLOCK; k++) {
                const uint64_t v = av[k] * x + bv[k];
                m[k] = v < m[k] ? v : m[k];
            }
        }
    } else {
        for (size_t i = 0; i < count; i++) {
            const uint64_t x = shingles[i];
            for (size_t k = 0; k < LANES; k++) {
                const uint64_t v = av[k] * x + bv[k];
                m[k] = v < m[k] ? v : m[k];
            }
        }
    }
    for (size_t k = 0; k < width; k++) minima[k] = m[k];
}

WINNOW_CLONES
void winnow_minhash_update(const uint64_t *restrict shingles, size_t count, const uint64_t *restrict a,
                           const uint64_t *restrict b, uint64_t *restrict minima, size_t permutations) {
    size_t k = 0;
    for (; k + BLOCK <= permutations; k += BLOCK) update_block(shingles, count, a + k, b + k, minima + k, BLOCK);
    for (; k < permutations; k += LANES) update_block(shingles, count, a + k, b + k, minima + k, LANES);
}
