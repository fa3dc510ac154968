;; Imports a function no host provides.
(module
  (import "env" "mystery" (func (param i32) (result i32)))
  (func (export "run") (result i32) (call 0 (i32.const 1))))
