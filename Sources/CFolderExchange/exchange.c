#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include "CFolderExchange.h"

int winnow_exchange_paths(const char *first, const char *second) {
#ifdef RENAME_EXCHANGE
    return renameat2(AT_FDCWD, first, AT_FDCWD, second, RENAME_EXCHANGE);
#else
    errno = EINVAL;
    return -1;
#endif
}

int winnow_is_mount_root(const char *path) {
#if defined(STATX_ATTR_MOUNT_ROOT)
    struct statx info;
    if (statx(AT_FDCWD, path, AT_SYMLINK_NOFOLLOW | AT_NO_AUTOMOUNT, STATX_TYPE, &info) != 0) return -1;
    if (info.stx_attributes_mask & STATX_ATTR_MOUNT_ROOT) return (info.stx_attributes & STATX_ATTR_MOUNT_ROOT) ? 1 : 0;
#endif
    errno = ENOSYS;
    return -1;
}
