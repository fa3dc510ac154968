;; A void export that ends the program with proc_exit(3): an exit, not a return value.
(module
  (import "wasi_snapshot_preview1" "proc_exit" (func $proc_exit (param i32)))
  (memory (export "memory") 1)
  (func (export "f")
    (call $proc_exit (i32.const 3))))
