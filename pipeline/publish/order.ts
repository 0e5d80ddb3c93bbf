// The order of many strings, as `<` compares them (UTF-16 code units), without a comparator call
// per comparison: a release's statement ids are sorted twice in its finish (the primary-key check
// and the N-Quads order), a quarter of a million of them at 100x the corpus, scattered in the heap.
//
// Each string gets a 49-bit key from its first seven code units (1..126 for units below 126, 127
// for any other, and 0 past the end or past the first 127), which never orders two strings against
// their own order; a stable radix sort on the keys orders all strings whose keys differ, and each
// run of equal keys is then sorted by the strings themselves. Ids are hashes, so such runs are short.

const CHARS_HI = 3; // 21 bits
const CHARS_LO = 4; // 28 bits

/** One stable counting pass: `from` ordered by bits [shift, shift + bits) of `key`, into `to`. */
function pass(from: Uint32Array, to: Uint32Array, key: Uint32Array, shift: number, bits: number, count: Uint32Array): void {
  const mask = (1 << bits) - 1;
  count.fill(0, 0, (1 << bits) + 1);
  for (let j = 0; j < from.length; j++) count[((key[from[j] as number] as number) >>> shift & mask) + 1]!++;
  for (let b = 1; b <= mask + 1; b++) count[b]! += count[b - 1] as number;
  for (let j = 0; j < from.length; j++) {
    const i = from[j] as number;
    to[count[(key[i] as number) >>> shift & mask]!++] = i;
  }
}

/** The indexes of `keys`, the strings in ascending `<` order and equal strings by index. */
export function sortedOrder(keys: readonly string[]): Uint32Array {
  const n = keys.length;
  const hi = new Uint32Array(n);
  const lo = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const s = keys[i] as string;
    let h = 0;
    let l = 0;
    let open = true; // until a unit from 126 up: what follows it cannot be ordered by the key
    for (let c = 0; c < CHARS_HI + CHARS_LO; c++) {
      let d = 0;
      if (open && c < s.length) {
        const u = s.charCodeAt(c);
        d = u < 126 ? u + 1 : 127;
        if (d === 127) open = false;
      } else open = false;
      if (c < CHARS_HI) h = (h << 7) | d;
      else l = (l << 7) | d;
    }
    hi[i] = h;
    lo[i] = l;
  }
  let a = Uint32Array.from({ length: n }, (_, i) => i);
  let b = new Uint32Array(n);
  const count = new Uint32Array((1 << 14) + 1);
  // least significant first: lo's two halves, then hi's
  for (const [key, shift, bits] of [[lo, 0, 14], [lo, 14, 14], [hi, 0, 11], [hi, 11, 10]] as const) {
    pass(a, b, key, shift, bits, count);
    [a, b] = [b, a];
  }
  // runs of equal keys: by the strings (then index, as the radix passes left them)
  const byString = (x: number, y: number) => {
    const p = keys[x] as string;
    const q = keys[y] as string;
    return p < q ? -1 : p > q ? 1 : x - y;
  };
  for (let s = 0; s < n; ) {
    const i = a[s] as number;
    let e = s + 1;
    while (e < n && hi[a[e] as number] === hi[i] && lo[a[e] as number] === lo[i]) e++;
    if (e - s > 1) a.subarray(s, e).sort(byString);
    s = e;
  }
  return a;
}
