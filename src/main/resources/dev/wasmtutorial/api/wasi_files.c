// Linked into every C program the execution API compiles, beside the request's main.c: lets
// fopen(), open(), stat(), remove(), rename() and mkdir() reach the files of the sandbox's /data
// directory through WASI.
//
// Emscripten 3.1.6's standalone C library (system/lib/standalone/standalone.c) defines
// __syscall_open as a weak symbol that knows only /dev/stdin, /dev/stdout and /dev/stderr and
// refuses every other path with EPERM, and leaves the other path calls to JavaScript imports
// (env.__syscall_stat64 and so on) that a standalone module cannot have; reading, writing,
// seeking and closing already go through WASI. These definitions replace them: a path is
// resolved against the directories the runtime preopened (the sandbox preopens one, /data), the
// way wasi-libc does it, and handed to WASI's path_* calls, so the runtime still decides what is
// reachable. A relative path is taken to be inside the first preopened directory, the program's
// working directory as far as it can tell. The linker drops what a program does not use.
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <string.h>
#include <sys/stat.h>
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

static long to_stat(__wasi_errno_t error, const __wasi_filestat_t *file, struct stat *st) {
  if (error != __WASI_ERRNO_SUCCESS) {
    return -(long) error;
  }
  memset(st, 0, sizeof *st);
  st->st_dev = (dev_t) file->dev;
  st->st_ino = (ino_t) file->ino;
  st->__st_ino_truncated = (long) file->ino;
  st->st_nlink = (nlink_t) file->nlink;
  st->st_size = (off_t) file->size;
  switch (file->filetype) {
    case __WASI_FILETYPE_DIRECTORY: st->st_mode = S_IFDIR | 0755; break;
    case __WASI_FILETYPE_SYMBOLIC_LINK: st->st_mode = S_IFLNK | 0777; break;
    case __WASI_FILETYPE_CHARACTER_DEVICE: st->st_mode = S_IFCHR | 0666; break;
    case __WASI_FILETYPE_BLOCK_DEVICE: st->st_mode = S_IFBLK | 0666; break;
    default: st->st_mode = S_IFREG | 0644; break;
  }
  st->st_blksize = 512;
  st->st_blocks = (blkcnt_t) ((file->size + 511) / 512);
  st->st_atim.tv_sec = (time_t) (file->atim / 1000000000); st->st_atim.tv_nsec = (long) (file->atim % 1000000000);
  st->st_mtim.tv_sec = (time_t) (file->mtim / 1000000000); st->st_mtim.tv_nsec = (long) (file->mtim % 1000000000);
  st->st_ctim.tv_sec = (time_t) (file->ctim / 1000000000); st->st_ctim.tv_nsec = (long) (file->ctim % 1000000000);
  return 0;
}

static long stat_path(long path, long buf, __wasi_lookupflags_t lookup) {
  const char *inside;
  int dir = preopened_dir_of((const char *) path, &inside);
  if (dir < 0) {
    return -ENOENT;
  }
  __wasi_filestat_t file;
  __wasi_errno_t error = __wasi_path_filestat_get((__wasi_fd_t) dir, lookup, inside, strlen(inside), &file);
  return to_stat(error, &file, (struct stat *) buf);
}

long __syscall_stat64(long path, long buf) {
  return stat_path(path, buf, __WASI_LOOKUPFLAGS_SYMLINK_FOLLOW);
}

long __syscall_lstat64(long path, long buf) {
  return stat_path(path, buf, 0);
}

long __syscall_fstat64(long fd, long buf) {
  __wasi_filestat_t file;
  __wasi_errno_t error = __wasi_fd_filestat_get((__wasi_fd_t) fd, &file);
  return to_stat(error, &file, (struct stat *) buf);
}

// unlink, rmdir and mkdir: one path each, resolved as for open.
static long on_path(long path, __wasi_errno_t (*call)(__wasi_fd_t, const char *, size_t)) {
  const char *inside;
  int dir = preopened_dir_of((const char *) path, &inside);
  if (dir < 0) {
    return -ENOENT;
  }
  __wasi_errno_t error = call((__wasi_fd_t) dir, inside, strlen(inside));
  return error == __WASI_ERRNO_SUCCESS ? 0 : -(long) error;
}

long __syscall_unlink(long path) {
  return on_path(path, __wasi_path_unlink_file);
}

long __syscall_rmdir(long path) {
  return on_path(path, __wasi_path_remove_directory);
}

long __syscall_mkdir(long path, long mode) {
  (void) mode; // WASI has no permissions
  return on_path(path, __wasi_path_create_directory);
}

long __syscall_rename(long old_path, long new_path) {
  const char *old_inside, *new_inside;
  int old_dir = preopened_dir_of((const char *) old_path, &old_inside);
  int new_dir = preopened_dir_of((const char *) new_path, &new_inside);
  if (old_dir < 0 || new_dir < 0) {
    return -ENOENT;
  }
  __wasi_errno_t error = __wasi_path_rename((__wasi_fd_t) old_dir, old_inside, strlen(old_inside),
                                            (__wasi_fd_t) new_dir, new_inside, strlen(new_inside));
  return error == __WASI_ERRNO_SUCCESS ? 0 : -(long) error;
}
