#ifndef CSYSTEMSHIMS_H
#define CSYSTEMSHIMS_H

/// syncfs(2): flush every dirty page and inode of the file system holding fd. A GNU extension that
/// Swift's Glibc module does not export.
int cardbatch_syncfs(int fd);

/// rename(2) that fails with EEXIST instead of replacing an existing target: renameat2 with
/// RENAME_NOREPLACE, falling back to link + unlink on file systems without it. Returns 0 or -1 (errno set).
int cardbatch_rename_noreplace(const char *from, const char *to);

/// malloc_trim(0) where the C library has it (glibc): gives the pages of freed memory back to the
/// system, in the middle of the heap too, not only at its top. Returns 1 when some were given back.
int cardbatch_release_free_memory(void);

#endif
