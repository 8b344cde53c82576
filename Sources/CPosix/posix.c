#define _GNU_SOURCE
#include "CPosix.h"
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <malloc.h>
#include <stdio.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#ifndef RENAME_EXCHANGE
#define RENAME_EXCHANGE (1 << 1)
#endif

int tagih_exchange_paths(const char *a, const char *b) {
#ifdef SYS_renameat2
    return (int)syscall(SYS_renameat2, AT_FDCWD, a, AT_FDCWD, b, RENAME_EXCHANGE);
#else
    errno = ENOSYS;
    return -1;
#endif
}

int tagih_sync_filesystem(const char *path) {
    int fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return -1;
    int result = syncfs(fd);
    close(fd);
    return result;
}

/* The process's own high-water mark: VmHWM belongs to the memory map made at exec, while
   getrusage's ru_maxrss also counts the parent's pages a posix_spawn child ran on before exec. */
long tagih_peak_rss_kb(void) {
    FILE *status = fopen("/proc/self/status", "r");
    if (status) {
        char line[256];
        long kb = -1;
        while (fgets(line, sizeof line, status)) {
            if (sscanf(line, "VmHWM: %ld kB", &kb) == 1) break;
        }
        fclose(status);
        if (kb >= 0) return kb;
    }
    struct rusage usage;
    if (getrusage(RUSAGE_SELF, &usage) != 0) return -1;
    return usage.ru_maxrss;
}

void tagih_silence_c_stderr(void) {
    FILE *null = fopen("/dev/null", "w");
    if (null) stderr = null;
}

void tagih_release_free_memory(void) {
#ifdef __GLIBC__
    malloc_trim(0);
#endif
}

void tagih_map_large_blocks(size_t threshold) {
#ifdef __GLIBC__
    mallopt(M_MMAP_THRESHOLD, (int)threshold);
#else
    (void)threshold;
#endif
}

int tagih_lower_thread_priority(int steps) {
#if defined(__linux__) && defined(SYS_gettid)
    pid_t thread = (pid_t)syscall(SYS_gettid);
    errno = 0;
    int current = getpriority(PRIO_PROCESS, (id_t)thread);
    if (current == -1 && errno != 0) return -1;
    return setpriority(PRIO_PROCESS, (id_t)thread, current + steps);
#else
    (void)steps;
    return -1;
#endif
}

static int remove_entry(const char *path, const struct stat *info, int flag, struct FTW *walk) {
    (void)info; (void)walk;
    int result = (flag == FTW_DP) ? rmdir(path) : unlink(path);
    return (result == 0 || errno == ENOENT) ? 0 : -1;
}

int tagih_remove_tree(const char *path) {
    struct stat info;
    if (lstat(path, &info) != 0) return errno == ENOENT ? 0 : -1;
    if (!S_ISDIR(info.st_mode)) return (unlink(path) == 0 || errno == ENOENT) ? 0 : -1;
    // 16 descriptors: a tree deeper than that reopens directories instead of holding them.
    return nftw(path, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
}
