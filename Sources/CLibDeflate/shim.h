#ifndef WINNOW_CLIBDEFLATE_SHIM_H
#define WINNOW_CLIBDEFLATE_SHIM_H
/// libdeflate: whole-buffer DEFLATE, zlib and gzip decompression, about twice as fast as zlib's inflate.
#include <libdeflate.h>
#endif
