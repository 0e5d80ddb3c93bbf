// Offsets for readers outside JavaScript: UTF-16 code units (JS string indices) to Unicode code
// points (what Python, R and DuckDB index strings by).

/** UTF-16 code-unit offset -> code-point offset, for one text. */
export class CodePointIndex {
  /** undefined when the text has no surrogate pair: then code points and code units coincide (most text; saves 4 bytes a character). */
  private readonly before: Uint32Array | undefined;
  readonly length: number;

  constructor(text: string) {
    const n = text.length;
    if (!/[\uD800-\uDFFF]/.test(text)) {
      this.before = undefined;
      this.length = n;
      return;
    }
    // before[i] = number of code points in text[0, i); an offset inside a surrogate pair maps to the pair
    const before = new Uint32Array(n + 1);
    let cp = 0;
    let i = 0;
    while (i < n) {
      before[i] = cp;
      if (isHigh(text.charCodeAt(i)) && i + 1 < n && isLow(text.charCodeAt(i + 1))) {
        before[i + 1] = cp;
        i += 2;
      } else i += 1;
      cp++;
    }
    before[n] = cp;
    this.before = before;
    this.length = cp;
  }

  at(utf16: number): number {
    if (this.before === undefined) return Math.max(0, Math.min(utf16, this.length));
    return this.before[Math.max(0, Math.min(utf16, this.before.length - 1))] as number;
  }
}

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;
