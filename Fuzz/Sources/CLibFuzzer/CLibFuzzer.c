// The declaration in include/CLibFuzzer.h is all this target provides; libFuzzer itself is linked
// by `-sanitize=fuzzer`.
#include "CLibFuzzer.h"
