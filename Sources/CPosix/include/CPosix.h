#ifndef TAGIH_CPOSIX_H
#define TAGIH_CPOSIX_H

#include <stddef.h>

/// Atomically swaps two existing paths (Linux renameat2 with RENAME_EXCHANGE).
/// Returns 0 on success, else -1 with errno set (ENOSYS/EINVAL where unsupported).
int tagih_exchange_paths(const char *a, const char *b);

/// Flushes every file of the file system holding `path` to disk (Linux syncfs); 0 on success.
int tagih_sync_filesystem(const char *path);

/// Peak resident set size of this process in kilobytes (getrusage ru_maxrss).
long tagih_peak_rss_kb(void);

/// Points the C library's `stderr` stream at /dev/null. libxlsxwriter writes "[ERROR]" lines
/// there on its own; tagih reports every failure itself, from the returned error code, and
/// writes its own messages to file descriptor 2 directly, which this does not touch.
void tagih_silence_c_stderr(void);

/// Hands the C library's free memory back to the system (glibc malloc_trim): after a stage
/// drops what it built, its freed blocks would otherwise stay resident.
void tagih_release_free_memory(void);

/// Blocks of `threshold` bytes or more get pages of their own (glibc mallopt
/// M_MMAP_THRESHOLD), given back to the system when freed. Set once, the threshold also stays
/// put: glibc otherwise raises it to the largest block freed so far.
void tagih_map_large_blocks(size_t threshold);

/// Lowers the calling thread's priority (Linux: a thread's own nice value, +`steps`), so
/// the other threads of the process get the cores first and this one the time they leave.
/// Returns 0 on success; a failure changes nothing and is not an error.
int tagih_lower_thread_priority(int steps);

/// Removes `path` and everything under it, not following symbolic links (nftw, depth first).
/// Memory stays that of one directory stream per level, however many files the tree holds.
/// A path that does not exist is not an error. Returns 0, or -1 with errno of the first failure.
int tagih_remove_tree(const char *path);

#endif
