#ifndef DISCLOSE_SUPPORT_H
#define DISCLOSE_SUPPORT_H

/// Atomically exchanges two paths (Linux renameat2 with RENAME_EXCHANGE).
/// Returns 0 on success, -1 where the system cannot do it (the caller falls back to two renames).
int disclose_exchange_paths(const char *a, const char *b);

#endif
