import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findTriggers, findTriggersByRegex } from '../../pipeline/dates/triggers.ts';
import { assembleWat } from '../../pipeline/dates/wat.ts';
import { CORPUS, randomTexts } from './generated.ts';

// The trigger scan reads letter runs by hand; it must find what the one regex alternation finds.
const EDGES = [
  'In May 1940, on 8 May, in 1939-45 and the 1960s.',
  'x_May May_ 5May May5 Mayé éMay Mays B.C. 480BC AD1066 _12 a12b 12ab',
  'during the war\tthat same day; Meanwhile...Then NOW now. Christmas New Year',
  'subsequentlyy subsequently Subsequently SUBSEQUENTLY ÀJanuary January’s',
  '',
  '1',
  'day',
  'lone \uD800May \uDC00 1939\uD800\uDC00day 12\uDBFFweek',
  `${'x'.repeat(70)}May ${'y'.repeat(200)} 1939${'7'.repeat(100)} day`,
];

/** A small deterministic generator of texts made of trigger words, digits and noise. */
const PARTS = ['May', 'may', 'day', 'Day', 'days', 'B', 'BC', 'war', 'then', 'Then', 'the', '1939', '7', '_', 'x', 'é', ' ', ' ', '\n', '.', ',', '-', 'Sept', 'September', 'later', 'Later', 'ab', '9a'];

describe('trigger scan', () => {
  it('agrees with the regex alternation on the corpus, whole texts and sub-ranges', () => {
    for (const t of [...CORPUS, ...EDGES]) {
      expect(findTriggers(t, 0, t.length)).toEqual(findTriggersByRegex(t, 0, t.length));
      for (let k = 0; k < 20; k++) {
        const a = Math.floor((k * 7919) % (t.length + 1));
        const b = Math.min(t.length, a + ((k * 104729) % 400));
        expect(findTriggers(t, a, b)).toEqual(findTriggersByRegex(t, a, b));
      }
    }
  });

  it('agrees where a range ends inside a long run of letters or digits', () => {
    const t = `In ${'x'.repeat(70)} May ${'y'.repeat(200)} 1939${'7'.repeat(100)} day and 12 May`;
    for (let a = 0; a <= t.length; a += 5) {
      for (let b = a; b <= t.length; b += 7) expect(findTriggers(t, a, b)).toEqual(findTriggersByRegex(t, a, b));
    }
  });

  it('agrees with the regex alternation on generated texts at every range', () => {
    for (const t of randomTexts(400, PARTS, 12345, 40)) {
      for (let a = 0; a <= t.length; a += 3) {
        for (const b of [a, Math.min(t.length, a + 5), t.length]) expect(findTriggers(t, a, b)).toEqual(findTriggersByRegex(t, a, b));
      }
    }
  });
});

describe('scan.wasm', () => {
  it('is what scan.wat assembles to (run `make wasm` after editing scan.wat)', async () => {
    const committed = readFileSync('pipeline/dates/scan.wasm');
    expect(Buffer.from(await assembleWat('pipeline/dates/scan.wat')).equals(committed)).toBe(true);
  });

  it('reads a text longer than its memory was laid out for, then short ones again', () => {
    // the memory grows past the first layout (65,536 characters); runs cross every 64-character block
    const words = ['May', 'x1939', 'the', 'later', '12', 'daysx', 'Then', '_week', 'Sept.', 'mid-January'];
    const long = Array.from({ length: 30000 }, (_, i) => words[i % words.length] + (i % 5 ? ' ' : '\n')).join('');
    const text = `${long} ${'ab'.repeat(40000)}day 7 ${long}`;
    expect(text.length).toBeGreaterThan(1 << 17);
    expect(findTriggers(text, 0, text.length)).toEqual(findTriggersByRegex(text, 0, text.length));
    expect(findTriggers(text, 123457, 200000)).toEqual(findTriggersByRegex(text, 123457, 200000));
    for (const t of ['In May 1940', 'day', '']) expect(findTriggers(t, 0, t.length)).toEqual(findTriggersByRegex(t, 0, t.length));
  });
});
