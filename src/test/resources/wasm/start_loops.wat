;; A module whose start function never returns: it runs while the module is instantiated.
(module
  (func $forever (loop $again (br $again)))
  (start $forever)
  (func (export "_start")))
