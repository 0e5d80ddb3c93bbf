// Every gold quote of ../shared/eval/gold lies inside one sentence of the ingested seeds: the
// segmenter never splits a dated statement and never merges two blocks.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ingest } from '../../pipeline/ingest/index.ts';

/** The scorer's normalisation (shared/eval/score.py `norm`): NFKC, dashes, quotes, whitespace. */
const normaliseForId = (s: string): string =>
  s.normalize('NFKC').replace(/[\u2010-\u2015\u2212]/g, '-').replace(/[\u2018\u2019\u201b`]/g, "'").replace(/[\u201c\u201d\u201f]/g, '"').replace(/\s+/g, ' ').trim();

const GOLD = new URL('../../../shared/eval/gold/', import.meta.url);
const SEEDS: Record<string, string> = {
  'seed-000.jsonl': 'wcep-2014-02-07-homs-civilians-evacuated.md',
  'seed-001.jsonl': 'wikipedia-siege-of-homs.txt',
  'seed-002.jsonl': 'sbs-2014-05-07-homs-evacuation-begins.txt',
};

describe('gold quotes and sentences', () => {
  let total = 0;
  for (const [gold, raw] of Object.entries(SEEDS)) {
    it(`puts every quote of ${gold} inside a single sentence of raw/${raw}`, () => {
      const text = readFileSync(new URL(`../../raw/${raw}`, import.meta.url), 'utf8');
      const sentences = ingest({ id: 'seed', path: raw, text }).document!.sentences.map((s) => normaliseForId(s.text));
      const quotes = readFileSync(new URL(gold, GOLD), 'utf8').split('\n').filter(Boolean).map((l) => normaliseForId((JSON.parse(l) as { quote: string }).quote));
      const outside = quotes.filter((q) => !sentences.some((s) => s.includes(q)));
      expect(outside).toEqual([]);
      total += quotes.length;
    });
  }
  it('covers all 320 gold records', () => {
    expect(total).toBe(320);
  });
});
