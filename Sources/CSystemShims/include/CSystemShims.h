#ifndef CSYSTEMSHIMS_H
#define CSYSTEMSHIMS_H

/// syncfs(2): flush every dirty page and inode of the file system holding fd. A GNU extension that
/// Swift's Glibc module does not export.
int cardbatch_syncfs(int fd);

#endif
