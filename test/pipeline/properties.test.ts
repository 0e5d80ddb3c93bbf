// Property-based tests on arbitrary text (fixed seed, bounded runs): no reader, the segmenter
// or the date tagger ever throws; every statement slices back to its text; every date is a
// real calendar span with start <= end.
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import jsonld from 'jsonld';
import { describe, expect, it } from 'vitest';
import { ingest } from '../../pipeline/ingest/index.ts';
import { segment } from '../../pipeline/ingest/sentences.ts';
import { processDocument } from '../../pipeline/process.ts';
import { createStages } from '../../pipeline/stages.ts';
import { loadGazetteer } from '../../pipeline/build.ts';
import type { DocumentKind } from '../../pipeline/types.ts';
import { toCsv } from '../../pipeline/publish/csv.ts';
import { buildRelease } from '../../pipeline/publish/index.ts';
import type { Row, TableSpec } from '../../pipeline/publish/model.ts';

const SETTINGS = { seed: 20261201, numRuns: 150 };
const gazetteer = loadGazetteer();
const stages = createStages(gazetteer);
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

describe('properties of the published forms', () => {
  const TABLE: TableSpec = {
    name: 't', title: 't', description: 't', primaryKey: ['id'], foreignKeys: [],
    fields: [
      { name: 'id', type: 'string', description: '', example: '' },
      { name: 'value', type: 'string', description: '', example: '' },
    ],
  };

  it('CSV round-trips any non-empty string through csv-parse unchanged', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary', minLength: 1, maxLength: 60 }), { minLength: 1, maxLength: 20 }), (values) => {
        const rows: Row[] = values.map((v, i) => ({ id: `r${i}`, value: v }));
        const back = parse(toCsv(TABLE, rows), { columns: true, bom: true, relax_column_count: false }) as Record<string, string>[];
        expect(back.map((b) => b.value)).toEqual(values);
      }),
      SETTINGS,
    );
  });

  it('any document publishes without error, and its JSON-LD graph expands with a local loader dropping no term', async () => {
    await fc.assert(
      fc.asyncProperty(docText, async (text) => {
        const r = processDocument({ id: 'p', path: 'p.txt', sha256: 'a'.repeat(64), licence: 'CC-BY-SA-4.0', attribution: 'x', retrieved: '2026-12-01' }, Buffer.from(text), 'p.txt', stages);
        if (!r.document) return;
        const release = buildRelease({
          version: '1.0.0', statements: r.statements, ...gazetteer,
          documents: [{ entry: r.entry, kind: r.document.kind, text: r.document.text }],
        });
        // publishing never refuses what the per-document stages produced
        expect(release.messages.filter((m) => m.severity === 'error')).toEqual([]);
        const files = release.files;
        const context = JSON.parse(Buffer.from(files.get('context.jsonld')!).toString('utf8')) as object;
        const graph = JSON.parse(Buffer.from(files.get('graph.jsonld')!).toString('utf8')) as object;
        const documentLoader = async (url: string) => ({ documentUrl: url, document: context, contextUrl: null });
        const expanded = await jsonld.expand(graph, { documentLoader, safe: true } as unknown as jsonld.Options.Expand);
        expect(expanded.length).toBeGreaterThan(0);
      }),
      { seed: SETTINGS.seed, numRuns: 25 },
    );
  });
});
