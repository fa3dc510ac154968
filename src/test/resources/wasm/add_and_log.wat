;; Like the minimal demo: adds, calls env.log_value with the sum, returns it.
(module
  (import "env" "log_value" (func $log (param i32)))
  (memory (export "memory") 1 1)
  (func (export "add_and_log") (param $a i32) (param $b i32) (result i32)
    (local $sum i32)
    (local.set $sum (i32.add (local.get $a) (local.get $b)))
    (call $log (local.get $sum))
    (local.get $sum)))
