// A release file written around the page cache gives the same bytes as one written the usual way,
// whatever the sizes of the writes and of the tail (aligned blocks, padding cut off at the end).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ReleaseFile } from '../../pipeline/publish/direct-file.cjs';

/** `n` bytes that differ from block to block (a shifted or repeated block would show). */
function bytesOf(n: number, seed: number): Uint8Array {
  const b = new Uint8Array(n);
  for (let i = 0; i < n; i++) b[i] = (i * 31 + seed + (i >> 12)) & 0xff;
  return b;
}

describe('ReleaseFile', () => {
  const dir = mkdtempSync(join(tmpdir(), 'homs-direct-'));
  const MiB = 1 << 20;
  // empty, under a block, on a block's edges, the buffer's edges, and several buffers
  const sizes = [0, 1, 4095, 4096, 4097, MiB - 1, MiB, MiB + 1, 3 * MiB + 12_345];

  for (const direct of [true, false]) {
    it(`writes pieces of any size as one file (${direct ? 'around the page cache where allowed' : 'through the page cache'})`, () => {
      for (const size of sizes) {
        const want = bytesOf(size, size);
        const file = join(dir, `f-${direct}-${size}.bin`);
        writeFileSync(file, bytesOf(5 * MiB, 7)); // a longer file there before: truncated
        const out = new ReleaseFile(file, direct);
        if (!direct) expect(out.direct).toBe(false);
        // pieces of uneven sizes, one of them larger than the buffer
        const cuts = [0, 3, 4100, 4100, 2 * MiB + 9];
        let at = 0;
        for (let k = 0; at < size; k++) {
          const n = Math.min(size - at, cuts[k % cuts.length] || 1);
          out.write(want.subarray(at, at + n));
          at += n;
        }
        expect(out.end()).toBe(size);
        expect(Buffer.from(readFileSync(file)).equals(Buffer.from(want))).toBe(true);
      }
    });

    it(`writes the same file with each full buffer written while the next fills (${direct ? 'around the page cache where allowed' : 'through the page cache'})`, async () => {
      for (const size of sizes) {
        const want = bytesOf(size, size + 1);
        const file = join(dir, `o-${direct}-${size}.bin`);
        writeFileSync(file, bytesOf(5 * MiB, 9));
        const out = new ReleaseFile(file, direct);
        const cuts = [1, 4096, MiB - 5, 2 * MiB + 3];
        let at = 0;
        for (let k = 0; at < size; k++) {
          const n = Math.min(size - at, cuts[k % cuts.length] as number);
          const piece = Uint8Array.from(want.subarray(at, at + n));
          await out.writeOverlapped(piece);
          piece.fill(0); // the caller may reuse its bytes as soon as the call returns
          at += n;
        }
        await out.settle();
        expect(out.end()).toBe(size);
        expect(Buffer.from(readFileSync(file)).equals(Buffer.from(want))).toBe(true);
      }
    });
  }
});
