// Linked into every C program the execution API compiles, beside the request's main.c: lets
// fopen(), open(), stat(), remove(), rename(), mkdir() and opendir()/readdir() reach the files of
// the sandbox's /data directory through WASI.
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
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
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

// Directory listing. Linux's getdents64 reads on from the descriptor's position; WASI's
// fd_readdir takes the position (a cookie) as an argument: each descriptor's next cookie is kept
// here, grown on demand, and reset whenever open() hands the descriptor out.
static __wasi_dircookie_t *cookies;
static size_t cookie_count;

static int reading_starts(__wasi_fd_t fd, __wasi_dircookie_t cookie) {
  if (fd >= cookie_count) {
    if (cookie == 0) {
      return 0; // not in the table yet: it already reads from the start
    }
    size_t count = fd + 16;
    __wasi_dircookie_t *grown = realloc(cookies, count * sizeof *grown);
    if (!grown) {
      return -ENOMEM;
    }
    memset(grown + cookie_count, 0, (count - cookie_count) * sizeof *grown);
    cookies = grown;
    cookie_count = count;
  }
  cookies[fd] = cookie;
  return 0;
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
  if (error != __WASI_ERRNO_SUCCESS) {
    return -(long) error; // Emscripten's errno values are WASI's, so the error passes through unchanged
  }
  reading_starts(opened, 0); // a descriptor number may be reused: a new one lists from the start
  return (long) opened;
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

static unsigned char dirent_type(__wasi_filetype_t type) {
  switch (type) {
    case __WASI_FILETYPE_DIRECTORY: return DT_DIR;
    case __WASI_FILETYPE_REGULAR_FILE: return DT_REG;
    case __WASI_FILETYPE_SYMBOLIC_LINK: return DT_LNK;
    case __WASI_FILETYPE_CHARACTER_DEVICE: return DT_CHR;
    case __WASI_FILETYPE_BLOCK_DEVICE: return DT_BLK;
    case __WASI_FILETYPE_SOCKET_DGRAM:
    case __WASI_FILETYPE_SOCKET_STREAM: return DT_SOCK;
    default: return DT_UNKNOWN;
  }
}

// Remembers where the next getdents64 call on `fd` goes on, and answers `used`.
static long keep_cookie(long fd, __wasi_dircookie_t cookie, long used) {
  int error = reading_starts((__wasi_fd_t) fd, cookie);
  return error < 0 ? error : used;
}

// Fills `out` with as many Linux dirent records as fit in `size` bytes, from the descriptor's
// cookie on (readdir() calls this with its 2 KiB buffer). WASI's records (a header, then the name
// without a terminating NUL) are read in batches; a batch that ends inside a record is read
// again from that record's cookie.
long __syscall_getdents64(long fd, long out, long size) {
  __wasi_dircookie_t cookie = (size_t) fd < cookie_count ? cookies[fd] : 0;
  char batch[4096];
  long used = 0;
  for (;;) {
    __wasi_size_t got;
    __wasi_errno_t error = __wasi_fd_readdir((__wasi_fd_t) fd, (uint8_t *) batch, sizeof batch, cookie, &got);
    if (error != __WASI_ERRNO_SUCCESS) {
      return used > 0 ? keep_cookie(fd, cookie, used) : -(long) error;
    }
    size_t at = 0;
    while (at + sizeof(__wasi_dirent_t) <= got) {
      __wasi_dirent_t entry;
      memcpy(&entry, batch + at, sizeof entry);
      if (at + sizeof entry + entry.d_namlen > got) {
        break; // cut off by the batch's end: read again from its cookie
      }
      if (entry.d_namlen > 255) {
        return used > 0 ? keep_cookie(fd, cookie, used) : -ENAMETOOLONG;
      }
      size_t record = (offsetof(struct dirent, d_name) + entry.d_namlen + 1 + 7) & ~(size_t) 7;
      if (used + (long) record > size) {
        return used > 0 ? keep_cookie(fd, cookie, used) : -EINVAL;
      }
      struct dirent *d = (struct dirent *) ((char *) out + used);
      d->d_ino = (ino_t) entry.d_ino;
      d->d_off = (off_t) entry.d_next;
      d->d_reclen = (unsigned short) record;
      d->d_type = dirent_type(entry.d_type);
      memcpy(d->d_name, batch + at + sizeof entry, entry.d_namlen);
      d->d_name[entry.d_namlen] = '\0';
      used += (long) record;
      cookie = entry.d_next;
      at += sizeof entry + entry.d_namlen;
    }
    if (got < sizeof batch) {
      break; // the runtime filled less than it was given: the directory's end
    }
    if (at == 0) {
      return used > 0 ? keep_cookie(fd, cookie, used) : -ENAMETOOLONG; // a single record larger than the batch
    }
  }
  return keep_cookie(fd, cookie, used);
}

// rewinddir() and seekdir() move a Linux descriptor with lseek(), which a WASI directory does not
// have: these versions move the descriptor's cookie instead (telldir() gives the cookie of the
// entry after the last one read, as fd_readdir's records carry it). DIR's layout is Emscripten
// 3.1.6's own (system/lib/libc/musl/src/dirent/__dirent.h); the programs run single-threaded,
// so its lock is not taken.
struct __dirstream {
  off_t tell;
  int fd;
  int buf_pos;
  int buf_end;
  volatile int lock[1];
  char buf[2048];
};

void seekdir(DIR *dir, long position) {
  reading_starts((__wasi_fd_t) dir->fd, (__wasi_dircookie_t) position);
  dir->buf_pos = dir->buf_end = 0;
  dir->tell = position;
}

void rewinddir(DIR *dir) {
  seekdir(dir, 0);
}
