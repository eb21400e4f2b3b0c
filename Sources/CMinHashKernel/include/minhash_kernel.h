// The MinHash inner loop in C, because Swift cannot pick CPU features at run time: this one function
// is compiled for AVX-512, AVX2 and baseline x86-64 (target_clones), and the loader picks the best
// the machine has. Winnow's Swift `MinHasher` calls it and holds the equivalent scalar loop that the
// tests compare it with.
#ifndef WINNOW_MINHASH_KERNEL_H
#define WINNOW_MINHASH_KERNEL_H

#include <stddef.h>
#include <stdint.h>

/// For every shingle hash x and permutation k: minima[k] = min(minima[k], a[k] * x + b[k]) (mod 2^64).
/// `permutations` is a multiple of 8.
void winnow_minhash_update(const uint64_t *shingles, size_t count, const uint64_t *a, const uint64_t *b,
                           uint64_t *minima, size_t permutations);

#endif
