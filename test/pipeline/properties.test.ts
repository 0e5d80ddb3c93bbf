// Property-based tests on arbitrary text (fixed seed, bounded runs): no reader, the segmenter
// or the date tagger ever throws; every statement slices back to its text; every date is a
// real calendar span with start <= end.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ingest } from '../../pipeline/ingest/index.ts';
import { segment } from '../../pipeline/ingest/sentences.ts';
import { processDocument } from '../../pipeline/process.ts';
import { createStages } from '../../pipeline/stages.ts';
import type { DocumentKind } from '../../pipeline/types.ts';

const SETTINGS = { seed: 20261201, numRuns: 150 };
const stages = createStages();
const KINDS: DocumentKind[] = ['wcep-markdown', 'wikipedia-text', 'news-text', 'html', 'plain-text'];

/** Text that looks like the documents: words, dates, numbers, markup, punctuation and odd line ends. */
const pieces = fc.constantFrom(
  'On 8 May 2011', 'the next day', 'In late October', ' ', '. ', '\n', '\r\n', '\r', '\n\n', '== Siege ==\n', '= T =\n', 'Infobox\n- Date: 6 May 20119 May 2014\n',
  '### [2014-02-7](/news/2014/02/7/index.md)\n', '1. [Item](/news/2017/03/18/x.md) _Context: Homs_\n', '<p>', '</p>', '<script>x()</script>', '&amp;', '&#x27;',
  'Lt. Gen.', 'U.N.', '5.7 million', '1,500-2,000', '"quoted."', '(AAP)', '…', 'Baba Amr', 'Khaldiyeh', 'at least 42 people were killed', 'SOHR said',
  '7 May 2014 - 9:01 PM', '🚌', 'جمعة', 'By sunset', 'on Wednesday', '480 BC', 'mid-Feb. 2012', '12:30', '—', '\u00a0',
);
const docText = fc.oneof(fc.array(pieces, { maxLength: 40 }).map((a) => a.join('')), fc.string({ maxLength: 300 }), fc.string({ unit: 'binary', maxLength: 200 }));

describe('properties on arbitrary text', () => {
  it('the segmenter never throws and gives ordered, trimmed, in-range spans', () => {
    fc.assert(
      fc.property(docText, (text) => {
        let last = 0;
        for (const s of segment(text)) {
          expect(s.start).toBeGreaterThanOrEqual(last);
          expect(s.end).toBeGreaterThan(s.start);
          expect(s.end).toBeLessThanOrEqual(text.length);
          expect(text[s.start]).not.toMatch(/\s/);
          last = s.end;
        }
      }),
      SETTINGS,
    );
  });

  it('every reader, for any kind forced on any text, never throws and keeps exact offsets', () => {
    fc.assert(
      fc.property(docText, fc.constantFrom(...KINDS), (text, kind) => {
        const { document } = ingest({ id: 'p', path: 'p.txt', text, kind });
        for (const s of document!.sentences) expect(document!.text.slice(s.span.start, s.span.end)).toBe(s.text);
      }),
      SETTINGS,
    );
  });

  it('the whole per-document chain never throws; statements slice back; dates are valid with start <= end', () => {
    const valid = (d: string) => /^-?\d{4}-\d{2}-\d{2}$/.test(d) && (d.startsWith('-') || !Number.isNaN(Date.parse(`${d}T00:00:00Z`)));
    fc.assert(
      fc.property(docText, fc.option(fc.constantFrom(...KINDS), { nil: undefined }), (text, kind) => {
        const r = processDocument({ id: 'p', path: 'p.txt', sha256: '', licence: 'x', attribution: 'x', ...(kind ? { kind } : {}) }, Buffer.from(text), 'p.txt', stages);
        for (const s of r.statements) {
          expect(r.document!.text.slice(s.span.start, s.span.end)).toBe(s.text);
          expect(valid(s.date.start) && valid(s.date.end)).toBe(true);
          expect(s.date.start <= s.date.end || s.date.start.startsWith('-')).toBe(true);
        }
        expect(r.messages.filter((m) => m.stage === 'validate')).toEqual([]);
      }),
      SETTINGS,
    );
  });
});
