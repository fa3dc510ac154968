;; Declares 300 initial pages (about 19 MiB).
(module
  (memory (export "memory") 300)
  (func (export "noop")))
