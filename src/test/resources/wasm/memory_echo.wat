;; For checks that pass data through memory: a bump allocator (malloc), a free that does
;; nothing, echo(ptr, len) returning its input pointer, echo_cstr(ptr) likewise, and
;; null_result(ptr, len) returning 0.
(module
  (memory (export "memory") 1)
  (global $next (mut i32) (i32.const 1024))
  (func (export "malloc") (param $n i32) (result i32) (local $p i32)
    (local.set $p (global.get $next))
    (global.set $next (i32.add (global.get $next) (local.get $n)))
    (local.get $p))
  (func (export "free") (param i32))
  (func (export "echo") (param $p i32) (param $n i32) (result i32) (local.get $p))
  (func (export "echo_cstr") (param $p i32) (result i32) (local.get $p))
  (func (export "null_result") (param $p i32) (param $n i32) (result i32) (i32.const 0)))
