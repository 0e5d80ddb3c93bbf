// Dev check (not a test): date the seed documents with dateDocument and compare the date of the
// sentence holding each gold quote with the gold span. `tsx bench/dev-gold.ts [--misses]`.
import { readFileSync } from 'node:fs';
import { dateDocument } from '../pipeline/dates/index.ts';
import { ingest } from '../pipeline/ingest/index.ts';
import type { SourceEntry } from '../pipeline/types.ts';

const GOLD = '../shared/eval/gold';
const seedGold: Record<string, string> = {
  'wcep-2014-02-07-homs-civilians-evacuated': 'seed-000.jsonl',
  'wikipedia-siege-of-homs': 'seed-001.jsonl',
  'sbs-2014-05-07-homs-evacuation-begins': 'seed-002.jsonl',
};
const norm = (s: string) => s.normalize('NFKC').replace(/[\u2010-\u2015\u2212]/g, '-').replace(/[\u2018\u2019\u201b`]/g, "'").replace(/[\u201c\u201d\u201f]/g, '"').replace(/\s+/g, ' ').trim();

const showMisses = process.argv.includes('--misses');
const sources = JSON.parse(readFileSync('raw/sources.json', 'utf8')) as { documents: SourceEntry[] };
let total = 0, found = 0, strict = 0, lenient = 0, qualifierRight = 0;
const qualifierMisses: string[] = [];
for (const e of sources.documents) {
  const goldFile = seedGold[e.id];
  if (!goldFile) continue;
  const text = readFileSync(`raw/${e.path}`, 'utf8').replace(/^\uFEFF/, '');
  const { document } = ingest({ id: e.id, path: e.path, text, ...(e.kind ? { kind: e.kind } : {}), ...(e.published ? { published: e.published } : {}) });
  if (!document) continue;
  const { dates } = dateDocument(document);
  const gold = readFileSync(`${GOLD}/${goldFile}`, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
  for (const g of gold) {
    total++;
    const q = norm(g.quote);
    const nth = (g.occurrence ?? 1) as number;
    const s = document.sentences.filter((x) => dates.has(x.index) && norm(x.text).includes(q))[nth - 1];
    const d = s ? dates.get(s.index) : undefined;
    if (!d) {
      const any = document.sentences.find((x) => norm(x.text).includes(q));
      if (showMisses) console.log(`MISS found  ${e.id.slice(0, 8)} want ${g.start}..${g.end} [${g.anchor}] ${any ? '(sentence undated)' : '(no sentence)'} | ${q.slice(0, 90)}`);
      continue;
    }
    found++;
    const ok = [[g.start, g.end], ...(g.alt ?? [])].some(([a, b]: [string, string]) => a === d.start && b === d.end);
    const ov = d.start <= g.end && d.end >= g.start;
    if (ok) strict++;
    if (d.qualifier === g.qualifier) qualifierRight++; else qualifierMisses.push(`${g.qualifier}->${d.qualifier} [${d.text}] ${q.slice(0, 60)}`);
    if (ok || ov) lenient++;
    if (!ok && showMisses) console.log(`MISS date   ${e.id.slice(0, 8)} want ${g.start}..${g.end} [${g.anchor}] got ${d.start}..${d.end} [${d.text}] ${d.rule} ${d.resolvedFrom ?? ''} | ${q.slice(0, 70)}`);
  }
}
const pct = (n: number) => `${((100 * n) / Math.max(total, 1)).toFixed(1)}%`;
if (process.argv.includes('--qualifiers')) console.log(qualifierMisses.join('\n'));
console.log(`qualifier ${qualifierRight}/${found}`);
console.log(`gold ${total}  found ${found} (${pct(found)})  date strict ${strict} (${pct(strict)})  lenient ${lenient} (${pct(lenient)})`);
