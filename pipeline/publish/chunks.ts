// A file's bytes built from many small strings, never one giant string: V8 caps a string at
// ~512M characters (graph.nq at 100x the WCEP corpus is ~840 MB), and encoding a whole file at
// once holds it twice. Each string is UTF-8 encoded straight into a fixed-size block.
const BLOCK = 1 << 22;

export class TextChunks {
  private blocks: Buffer[] = [];
  private block: Buffer = Buffer.allocUnsafe(0);
  private pos = 0;
  private bytes = 0;

  push(s: string): void {
    // a UTF-16 code unit takes at most 3 bytes of UTF-8: write only when the worst case fits
    if (s.length * 3 > this.block.length - this.pos) {
      this.seal();
      if (s.length * 3 > BLOCK) {
        const big = Buffer.from(s, 'utf8');
        this.blocks.push(big);
        this.bytes += big.length;
        return;
      }
      this.block = Buffer.allocUnsafe(BLOCK);
    }
    this.pos += this.block.write(s, this.pos, 'utf8');
  }

  private seal(): void {
    if (this.pos > 0) {
      this.blocks.push(this.block.subarray(0, this.pos));
      this.bytes += this.pos;
    }
    this.block = Buffer.allocUnsafe(0);
    this.pos = 0;
  }

  /** The bytes (the same as TextEncoder of the concatenated strings); the builder is emptied. */
  finish(): Uint8Array {
    this.seal();
    const out = Buffer.concat(this.blocks, this.bytes);
    this.blocks = [];
    this.bytes = 0;
    return out;
  }
}
