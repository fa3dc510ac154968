;; Never returns.
(module
  (func (export "spin") (loop $forever (br $forever))))
