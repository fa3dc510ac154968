// Linked into every C program the execution API compiles, beside the request's main.c: lets
// fopen() and open() reach the files of the sandbox's /data directory through WASI.
//
// Emscripten 3.1.6's standalone C library (system/lib/standalone/standalone.c) defines
// __syscall_open as a weak symbol that knows only /dev/stdin, /dev/stdout and /dev/stderr and
// refuses every other path with EPERM; reading, writing, seeking and closing already go through
// WASI. This strong definition replaces it: a path is resolved against the directories the
// runtime preopened (the sandbox preopens one, /data), the way wasi-libc does it, and opened with
// WASI's path_open, so the runtime still decides what is reachable. A relative path is taken to
// be inside the first preopened directory, the program's working directory as far as it can tell.
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <string.h>
#include <unistd.h>
#include <wasi/api.h>

// The preopened directory that holds `path`, with `*inside` set to the rest of the path; -1 if none.
static int preopened_dir_of(const char *path, const char **inside) {
  for (__wasi_fd_t fd = 3;; fd++) {
    __wasi_prestat_t prestat;
    if (__wasi_fd_prestat_get(fd, &prestat) != __WASI_ERRNO_SUCCESS) {
      return -1; // past the last preopened descriptor
    }
    char name[256];
    size_t length = prestat.u.dir.pr_name_len;
    if (prestat.pr_type != __WASI_PREOPENTYPE_DIR || length >= sizeof name
        || __wasi_fd_prestat_dir_name(fd, (uint8_t *) name, length) != __WASI_ERRNO_SUCCESS) {
      continue;
    }
    while (length > 1 && name[length - 1] == '/') {
      length--;
    }
    name[length] = '\0';
    const char *rest;
    if (path[0] != '/') {
      rest = path;
    } else if (strncmp(path, name, length) == 0 && (path[length] == '/' || path[length] == '\0')) {
      rest = path + length;
    } else if (strcmp(name, "/") == 0) {
      rest = path;
    } else {
      continue;
    }
    while (*rest == '/') {
      rest++;
    }
    *inside = *rest ? rest : ".";
    return (int) fd;
  }
}

long __syscall_open(const char *path, long flags, ...) {
  if (!strcmp(path, "/dev/stdin")) return STDIN_FILENO;
  if (!strcmp(path, "/dev/stdout")) return STDOUT_FILENO;
  if (!strcmp(path, "/dev/stderr")) return STDERR_FILENO;

  const char *inside;
  int dir = preopened_dir_of(path, &inside);
  if (dir < 0) {
    return -ENOENT;
  }
  __wasi_rights_t rights = __WASI_RIGHTS_FD_SEEK | __WASI_RIGHTS_FD_TELL | __WASI_RIGHTS_FD_FILESTAT_GET
      | __WASI_RIGHTS_FD_FDSTAT_SET_FLAGS | __WASI_RIGHTS_FD_ADVISE;
  int access = flags & 3;
  if (access == O_RDONLY || access == O_RDWR) {
    rights |= __WASI_RIGHTS_FD_READ | __WASI_RIGHTS_FD_READDIR;
  }
  if (access == O_WRONLY || access == O_RDWR) {
    rights |= __WASI_RIGHTS_FD_WRITE | __WASI_RIGHTS_FD_DATASYNC | __WASI_RIGHTS_FD_SYNC
        | __WASI_RIGHTS_FD_ALLOCATE | __WASI_RIGHTS_FD_FILESTAT_SET_SIZE;
  }
  __wasi_oflags_t oflags = 0;
  if (flags & O_CREAT) oflags |= __WASI_OFLAGS_CREAT;
  if (flags & O_EXCL) oflags |= __WASI_OFLAGS_EXCL;
  if (flags & O_TRUNC) oflags |= __WASI_OFLAGS_TRUNC;
  if (flags & O_DIRECTORY) oflags |= __WASI_OFLAGS_DIRECTORY;
  __wasi_fdflags_t fdflags = (flags & O_APPEND) ? __WASI_FDFLAGS_APPEND : 0;
  __wasi_lookupflags_t lookup = (flags & O_NOFOLLOW) ? 0 : __WASI_LOOKUPFLAGS_SYMLINK_FOLLOW;

  __wasi_fd_t opened;
  __wasi_errno_t error = __wasi_path_open((__wasi_fd_t) dir, lookup, inside, strlen(inside), oflags, rights, rights, fdflags, &opened);
  // Emscripten's errno values are WASI's, so the error passes through unchanged.
  return error == __WASI_ERRNO_SUCCESS ? (long) opened : -(long) error;
}
