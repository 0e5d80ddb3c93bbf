// The byte builder behind every release file: the bytes must be exactly TextEncoder's of the
// concatenated strings, whatever the sizes and wherever the buffer grows.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TextChunks } from '../../pipeline/publish/chunks.ts';

const encode = (parts: string[]) => new TextEncoder().encode(parts.join(''));

describe('TextChunks', () => {
  it('gives the bytes of the concatenation of whole lines, astral characters and lone surrogates included', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' }), fc.constantFrom('\uD83D', '\uDE42', '🙂', 'حمص')), { maxLength: 40 }), (parts) => {
        const sink = new TextChunks();
        const lines = parts.map((p) => `${p}\n`); // callers push whole lines or records, never half a surrogate pair
        for (const l of lines) sink.push(l);
        expect(Buffer.from(sink.finish()).equals(Buffer.from(encode(lines)))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('grows past its first buffer many times over and past one string larger than all before', () => {
    const parts = [...Array.from({ length: 5000 }, (_, i) => `<line ${i}> "ü🙂" .\n`), 'x'.repeat(3 << 20), 'tail'];
    const sink = new TextChunks();
    for (const p of parts) sink.push(p);
    const out = sink.finish();
    expect(out.byteLength).toBe(encode(parts).byteLength);
    expect(Buffer.from(out).equals(Buffer.from(encode(parts)))).toBe(true);
    // finish() empties the builder for the next file
    sink.push('again');
    expect(Buffer.from(sink.finish()).toString('utf8')).toBe('again');
  });
});
