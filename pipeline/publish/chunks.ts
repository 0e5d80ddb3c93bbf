// A file's bytes built from many small strings, never one giant string: V8 caps a string at
// ~512M characters (graph.nq at 100x the WCEP corpus is ~840 MB), and encoding a whole file at
// once holds it twice. Each string is UTF-8 encoded straight into one growing buffer; the file
// is a view of it, so nothing is copied at the end. Few, doubling allocations matter: V8 runs a
// full GC for every ~64 MB of new buffers, and at 100x that heap holds the whole corpus.
// Each string is encoded on its own, so a caller pushes whole lines or records (never half of a
// surrogate pair: that half would become U+FFFD, as TextEncoder makes of a lone surrogate).
const FIRST = 1 << 16;

export class TextChunks {
  private buf: Buffer = Buffer.allocUnsafeSlow(FIRST);
  private pos = 0;

  /** Appends a string; returns its UTF-8 byte length. */
  push(s: string): number {
    // a UTF-16 code unit takes at most 3 bytes of UTF-8; count exactly only near the end
    if (this.pos + s.length * 3 > this.buf.length) {
      this.reserve(this.pos + Buffer.byteLength(s, 'utf8'));
    }
    const n = this.buf.write(s, this.pos, 'utf8');
    this.pos += n;
    return n;
  }

  /** Appends bytes as they are. */
  pushBytes(b: Uint8Array): void {
    this.reserve(this.pos + b.byteLength);
    this.buf.set(b, this.pos);
    this.pos += b.byteLength;
  }

  private reserve(need: number): void {
    if (need <= this.buf.length) return;
    // untouched capacity is address space, not memory: the OS maps pages on first write
    const next = Buffer.allocUnsafeSlow(Math.max(need, 2 * this.buf.length));
    this.buf.copy(next, 0, 0, this.pos);
    this.buf = next;
  }

  /** The bytes (the same as TextEncoder of the concatenated strings); the builder is emptied. */
  finish(): Uint8Array {
    const out = this.buf.subarray(0, this.pos);
    this.buf = Buffer.allocUnsafeSlow(FIRST);
    this.pos = 0;
    return out;
  }
}
