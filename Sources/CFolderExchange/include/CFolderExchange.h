#ifndef WINNOW_CFOLDEREXCHANGE_H
#define WINNOW_CFOLDEREXCHANGE_H

/// Swaps two paths in one step (Linux renameat2 with RENAME_EXCHANGE): each name then refers to what
/// the other did. Returns 0, or -1 with errno set (EINVAL where the file system cannot swap).
int winnow_exchange_paths(const char *first, const char *second);

/// Whether `path` (a symbolic link not followed) is the root of a mount, which no rename can move
/// (Linux statx's STATX_ATTR_MOUNT_ROOT): 1 or 0, or -1 with errno set where the kernel cannot tell
/// (ENOSYS before Linux 5.8).
int winnow_is_mount_root(const char *path);

#endif
