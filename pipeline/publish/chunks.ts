// A file's bytes built from many small strings, never one giant string: V8 caps a string at
// ~512M characters (graph.nq at 100x the WCEP corpus is ~850 MB), and encoding a whole file at
// once holds it twice. Strings are joined and UTF-8 encoded ~1 MB at a time.
const CHUNK_CHARS = 1 << 20;

export class TextChunks {
  private parts: string[] = [];
  private chars = 0;
  private chunks: Buffer[] = [];
  private bytes = 0;

  push(s: string): void {
    this.parts.push(s);
    this.chars += s.length;
    if (this.chars >= CHUNK_CHARS) this.flush();
  }

  private flush(): void {
    if (!this.parts.length) return;
    const b = Buffer.from(this.parts.join(''), 'utf8');
    this.chunks.push(b);
    this.bytes += b.byteLength;
    this.parts = [];
    this.chars = 0;
  }

  /** The bytes (the same as TextEncoder of the concatenated strings); the builder is emptied. */
  finish(): Uint8Array {
    this.flush();
    const out = this.chunks.length === 1 ? (this.chunks[0] as Buffer) : Buffer.concat(this.chunks, this.bytes);
    this.chunks = [];
    this.bytes = 0;
    return out;
  }
}
