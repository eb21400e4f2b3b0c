#ifndef WINNOW_CFOLDEREXCHANGE_H
#define WINNOW_CFOLDEREXCHANGE_H

/// Swaps two paths in one step (Linux renameat2 with RENAME_EXCHANGE): each name then refers to what
/// the other did. Returns 0, or -1 with errno set (EINVAL where the file system cannot swap).
int winnow_exchange_paths(const char *first, const char *second);

#endif
