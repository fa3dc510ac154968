;; Traps at once.
(module
  (func (export "boom") (result i32) unreachable))
