#define _GNU_SOURCE
#include <unistd.h>
#include "CSystemShims.h"

int cardbatch_syncfs(int fd) {
    return syncfs(fd);
}
