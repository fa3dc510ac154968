;; A WASI command that reads /data/in.txt to stdout and writes "written\n" to /data/out.txt,
;; through the pre-opened directory (fd 3). Proves the run's in-memory data directory.
(module
  (import "wasi_snapshot_preview1" "path_open"
    (func $path_open (param i32 i32 i32 i32 i32 i64 i64 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_read" (func $fd_read (param i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_close" (func $fd_close (param i32) (result i32)))
  (memory (export "memory") 1)
  (data (i32.const 100) "in.txt")
  (data (i32.const 120) "out.txt")
  (data (i32.const 140) "written\n")
  (func (export "_start")
    (local $fd i32)
    ;; open in.txt for reading; the new fd lands at 0
    (drop (call $path_open (i32.const 3) (i32.const 0) (i32.const 100) (i32.const 6)
      (i32.const 0) (i64.const 0x1FFFFFFF) (i64.const 0x1FFFFFFF) (i32.const 0) (i32.const 0)))
    (local.set $fd (i32.load (i32.const 0)))
    ;; read up to 256 bytes into 1024 (iovec at 16), count at 24
    (i32.store (i32.const 16) (i32.const 1024))
    (i32.store (i32.const 20) (i32.const 256))
    (drop (call $fd_read (local.get $fd) (i32.const 16) (i32.const 1) (i32.const 24)))
    (drop (call $fd_close (local.get $fd)))
    ;; echo it to stdout
    (i32.store (i32.const 20) (i32.load (i32.const 24)))
    (drop (call $fd_write (i32.const 1) (i32.const 16) (i32.const 1) (i32.const 28)))
    ;; create out.txt (oflags 1 = O_CREAT) and write "written\n"
    (drop (call $path_open (i32.const 3) (i32.const 0) (i32.const 120) (i32.const 7)
      (i32.const 1) (i64.const 0x1FFFFFFF) (i64.const 0x1FFFFFFF) (i32.const 0) (i32.const 0)))
    (local.set $fd (i32.load (i32.const 0)))
    (i32.store (i32.const 16) (i32.const 140))
    (i32.store (i32.const 20) (i32.const 8))
    (drop (call $fd_write (local.get $fd) (i32.const 16) (i32.const 1) (i32.const 28)))
    (drop (call $fd_close (local.get $fd)))))
