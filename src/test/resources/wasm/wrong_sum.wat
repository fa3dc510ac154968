;; Returns a - b instead of a + b: a wrong value.
(module
  (func (export "add") (param i32 i32) (result i32)
    (i32.sub (local.get 0) (local.get 1))))
