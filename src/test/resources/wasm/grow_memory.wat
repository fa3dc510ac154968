;; Starts with 1 page and grows by 10 when asked: 11 pages in all.
(module
  (memory (export "memory") 1 100)
  (func (export "grow") (result i32)
    (drop (memory.grow (i32.const 10)))
    (memory.size)))
