;; The trigger scan's inner loop (see triggers.ts), in WebAssembly with 128-bit SIMD: it reads
;; every character of the text, which JavaScript does one at a time with a branch at each, and
;; here sixteen at a time. Assembled into scan.wasm by `make wasm` (the wabt package); a test
;; checks that the committed scan.wasm is what this file assembles to.
;;
;; Memory (laid out by triggers.ts): the text as UTF-16 code units at $t, one bit per character
;; for ASCII letters at $lb and for ASCII digits at $db (little-endian 64-bit words, bit i of the
;; text's character i), the LENGTHS filter at $len, and output lists.
(module
  (memory (export "memory") 1)

  ;; classify(t, pad, lb, db): the letter and digit bits of characters [0, pad), pad a multiple
  ;; of 64 (the characters from the text's end to pad are zero).
  (func (export "classify") (param $t i32) (param $pad i32) (param $lb i32) (param $db i32)
    (local $i i32) (local $a v128) (local $b v128)
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $pad)))
        (local.set $a (v128.load (i32.add (local.get $t) (i32.shl (local.get $i) (i32.const 1)))))
        (local.set $b (v128.load offset=16 (i32.add (local.get $t) (i32.shl (local.get $i) (i32.const 1)))))
        ;; a letter: (c | 32) - 97 < 26, unsigned; a digit: c - 48 < 10, unsigned
        (i32.store16 (i32.add (local.get $lb) (i32.shr_u (local.get $i) (i32.const 3)))
          (i8x16.bitmask
            (i8x16.narrow_i16x8_s
              (i16x8.lt_u (i16x8.sub (v128.or (local.get $a) (i16x8.splat (i32.const 32))) (i16x8.splat (i32.const 97))) (i16x8.splat (i32.const 26)))
              (i16x8.lt_u (i16x8.sub (v128.or (local.get $b) (i16x8.splat (i32.const 32))) (i16x8.splat (i32.const 97))) (i16x8.splat (i32.const 26))))))
        (i32.store16 (i32.add (local.get $db) (i32.shr_u (local.get $i) (i32.const 3)))
          (i8x16.bitmask
            (i8x16.narrow_i16x8_s
              (i16x8.lt_u (i16x8.sub (local.get $a) (i16x8.splat (i32.const 48))) (i16x8.splat (i32.const 10)))
              (i16x8.lt_u (i16x8.sub (local.get $b) (i16x8.splat (i32.const 48))) (i16x8.splat (i32.const 10))))))
        (local.set $i (i32.add (local.get $i) (i32.const 16)))
        (br $next))))

  ;; words(t, n, to, lb, len, out): the letter runs of [0, n) that start before `to`, are shorter
  ;; than 32 and pass the LENGTHS filter (bit `length` of the entry of their first and last
  ;; letters), as (start, end) pairs at out; returns how many. The bit words are read 64
  ;; characters at a time, each run's start bit paired with its end bit in order.
  (func (export "words") (param $t i32) (param $n i32) (param $to i32) (param $lb i32) (param $len i32) (param $out i32) (result i32)
    (local $w i32) (local $words i32) (local $base i32) (local $m i64) (local $next i64) (local $starts i64) (local $ends i64) (local $carry i64)
    (local $open i32) (local $s i32) (local $e i32) (local $k i32) (local $l i32)
    (local.set $open (i32.const -1))
    (local.set $words (i32.shr_u (i32.add (local.get $n) (i32.const 63)) (i32.const 6)))
    (local.set $m (i64.load (local.get $lb)))
    (block $done
      (loop $chunk
        (br_if $done (i32.ge_u (local.get $w) (local.get $words)))
        (local.set $base (i32.shl (local.get $w) (i32.const 6)))
        (local.set $next (i64.load offset=8 (i32.add (local.get $lb) (i32.shl (local.get $w) (i32.const 3)))))
        ;; a start: a letter after no letter; an end: a letter before no letter
        (local.set $starts (i64.and (local.get $m) (i64.xor (i64.or (i64.shl (local.get $m) (i64.const 1)) (local.get $carry)) (i64.const -1))))
        (local.set $ends (i64.and (local.get $m) (i64.xor (i64.or (i64.shr_u (local.get $m) (i64.const 1)) (i64.shl (local.get $next) (i64.const 63))) (i64.const -1))))
        (local.set $carry (i64.shr_u (local.get $m) (i64.const 63)))
        (block $chunkDone
          (loop $run
            (if (i32.lt_s (local.get $open) (i32.const 0))
              (then
                (br_if $chunkDone (i64.eqz (local.get $starts)))
                (local.set $open (i32.add (local.get $base) (i32.wrap_i64 (i64.ctz (local.get $starts)))))
                (local.set $starts (i64.and (local.get $starts) (i64.sub (local.get $starts) (i64.const 1))))))
            ;; the run goes on into the next 64 characters
            (br_if $chunkDone (i64.eqz (local.get $ends)))
            (local.set $e (i32.add (local.get $base) (i32.add (i32.wrap_i64 (i64.ctz (local.get $ends))) (i32.const 1))))
            (local.set $ends (i64.and (local.get $ends) (i64.sub (local.get $ends) (i64.const 1))))
            (local.set $s (local.get $open))
            (local.set $open (i32.const -1))
            (br_if $done (i32.ge_u (local.get $s) (local.get $to)))
            (local.set $l (i32.sub (local.get $e) (local.get $s)))
            (if (i32.lt_u (local.get $l) (i32.const 32))
              (then
                (if (i32.and
                      (i32.shr_u
                        (i32.load (i32.add (local.get $len) (i32.shl
                          (i32.or
                            (i32.shl (i32.sub (i32.load16_u (i32.add (local.get $t) (i32.shl (local.get $s) (i32.const 1)))) (i32.const 64)) (i32.const 6))
                            (i32.sub (i32.load16_u (i32.sub (i32.add (local.get $t) (i32.shl (local.get $e) (i32.const 1))) (i32.const 2))) (i32.const 64)))
                          (i32.const 2))))
                        (local.get $l))
                      (i32.const 1))
                  (then
                    (i32.store (i32.add (local.get $out) (i32.shl (local.get $k) (i32.const 3))) (local.get $s))
                    (i32.store offset=4 (i32.add (local.get $out) (i32.shl (local.get $k) (i32.const 3))) (local.get $e))
                    (local.set $k (i32.add (local.get $k) (i32.const 1)))))))
            (br $run)))
        (local.set $m (local.get $next))
        (local.set $w (i32.add (local.get $w) (i32.const 1)))
        (br $chunk)))
    (local.get $k))

  ;; digits(n, to, db, out): where the digit runs of [0, n) that start before `to` start, at out;
  ;; returns how many.
  (func (export "digits") (param $n i32) (param $to i32) (param $db i32) (param $out i32) (result i32)
    (local $w i32) (local $words i32) (local $m i64) (local $starts i64) (local $carry i64) (local $s i32) (local $k i32)
    (local.set $words (i32.shr_u (i32.add (local.get $n) (i32.const 63)) (i32.const 6)))
    (block $done
      (loop $chunk
        (br_if $done (i32.ge_u (local.get $w) (local.get $words)))
        (local.set $m (i64.load (i32.add (local.get $db) (i32.shl (local.get $w) (i32.const 3)))))
        (local.set $starts (i64.and (local.get $m) (i64.xor (i64.or (i64.shl (local.get $m) (i64.const 1)) (local.get $carry)) (i64.const -1))))
        (local.set $carry (i64.shr_u (local.get $m) (i64.const 63)))
        (block $chunkDone
          (loop $run
            (br_if $chunkDone (i64.eqz (local.get $starts)))
            (local.set $s (i32.add (i32.shl (local.get $w) (i32.const 6)) (i32.wrap_i64 (i64.ctz (local.get $starts)))))
            (br_if $done (i32.ge_u (local.get $s) (local.get $to)))
            (local.set $starts (i64.and (local.get $starts) (i64.sub (local.get $starts) (i64.const 1))))
            (i32.store (i32.add (local.get $out) (i32.shl (local.get $k) (i32.const 2))) (local.get $s))
            (local.set $k (i32.add (local.get $k) (i32.const 1)))
            (br $run)))
        (local.set $w (i32.add (local.get $w) (i32.const 1)))
        (br $chunk)))
    (local.get $k)))
