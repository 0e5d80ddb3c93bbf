// Dev measure of the normalize stage alone (not a test): for each gold record, the seed
// sentence holding its quote goes through normalizeSentence, and places/actors/sources are
// scored as sets of canonical names exactly as ../shared/eval/score.py maps them.
// usage: npx tsx bench/dev-normalize.ts [--misses] [SHARED_DIR]
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { ActorRecord, PlaceRecord } from '../pipeline/types.ts';
import { compileGazetteer, documentPlaceIds, normalizeSentence } from '../pipeline/normalize/index.ts';

const args = process.argv.slice(2);
const showMisses = args.includes('--misses');
const shared = args.find((a) => !a.startsWith('--')) ?? '../shared';
const places = JSON.parse(readFileSync('gazetteer/places.json', 'utf8')) as PlaceRecord[];
const actors = JSON.parse(readFileSync('gazetteer/actors.json', 'utf8')) as ActorRecord[];
const gz = compileGazetteer({ places, actors });
const canon = JSON.parse(readFileSync(join(shared, 'eval/canon.json'), 'utf8')) as Record<string, Record<string, string[]>>;

const norm = (s: string) =>
  s.normalize('NFKC').replace(/[\u2010-\u2015\u2212]/g, '-').replace(/[\u2018\u2019\u201b`]/g, "'").replace(/[\u201c\u201d\u201f]/g, '"').replace(/\s+/g, ' ').trim();
const key = (s: string) => s.normalize('NFKD').replace(/[^\x00-\x7f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '');
const alias = new Map<string, string>();
for (const kind of ['places', 'actors']) for (const [c, vs] of Object.entries(canon[kind]!)) for (const v of [c, ...vs]) if (!alias.has(key(v))) alias.set(key(v), c);
const namesOf = new Map<string, string[]>();
for (const p of places) namesOf.set(p.place_id, [p.name, ...p.alt_names]);
for (const a of actors) namesOf.set(a.actor_id, [a.name, ...a.alt_names]);
const canonOf = (id: string) => {
  const names = namesOf.get(id) ?? [id];
  for (const n of names) if (alias.has(key(n))) return alias.get(key(n))!;
  return key(names[0]!);
};

const seedDir = join(shared, 'seeds');
const seeds = readdirSync(seedDir).sort().map((f) => readFileSync(join(seedDir, f), 'utf8'));
const sets = { places: [0, 0, 0], actors: [0, 0, 0], sources: [0, 0, 0] } as Record<string, [number, number, number]>;
let killedOk = 0;
let killedN = 0;
let missing = 0;
const misses: string[] = [];
const t0 = performance.now();
for (const [gi, gf] of readdirSync(join(shared, 'eval/gold')).sort().entries()) {
  const text = seeds[gi]!;
  const docIds = documentPlaceIds(text, gz);
  // Crude sentences: lines split after . ! ? followed by a capital or quote.
  const sentences: { s: string; off: number; heading: string }[] = [];
  let heading = '';
  let off = 0;
  for (const line of text.split('\n')) {
    const h = /^=+\s*(.*?)\s*=+\s*$/.exec(line);
    if (h) heading = h[1]!;
    const re = /[^.!?]+(?:[.!?]+["\u201d']?|$)(?=\s+(?=[A-Z0-9"\u201c(])|\s*$)/g;
    for (const m of line.matchAll(re)) sentences.push({ s: m[0], off: off + (m.index ?? 0), heading });
    sentences.push({ s: line, off, heading }); // fallback: the whole line
    off += line.length + 1;
  }
  for (const line of readFileSync(join(shared, 'eval/gold', gf), 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const g = JSON.parse(line);
    const q = norm(g.quote);
    const hit = sentences.find((x) => norm(x.s).includes(q));
    if (!hit) {
      missing++;
      continue;
    }
    const r = normalizeSentence(hit.s, hit.off, { gazetteer: gz, documentPlaceIds: docIds, sectionHeadings: hit.heading ? [hit.heading] : [] });
    const got = {
      places: new Set(r.places.map((m) => canonOf(m.id))),
      actors: new Set(r.actors.map((m) => canonOf(m.id))),
      sources: new Set(r.sources.map((m) => canonOf(m.id))),
    } as Record<string, Set<string>>;
    const row: string[] = [];
    for (const k of ['places', 'actors', 'sources']) {
      const want = new Set((g[k] as string[]).map((n) => alias.get(key(n)) ?? key(n)));
      const pred = got[k]!;
      const tp = [...pred].filter((x) => want.has(x));
      const fp = [...pred].filter((x) => !want.has(x));
      const fn = [...want].filter((x) => !pred.has(x));
      sets[k]![0] += tp.length;
      sets[k]![1] += fp.length;
      sets[k]![2] += fn.length;
      if (fp.length || fn.length) row.push(`${k}: +[${fp.join(', ')}] -[${fn.join(', ')}]`);
    }
    if (g.killed) {
      killedN++;
      if (r.casualties.killedLow === g.killed.low) killedOk++;
      else row.push(`killed: want ${g.killed.low} got ${r.casualties.killedLow} (${r.casualties.killedText ?? ''})`);
    }
    if (row.length) misses.push(`${gf}: ${g.quote.slice(0, 70)}\n    ${row.join('\n    ')}`);
  }
}
const ms = performance.now() - t0;
if (showMisses) console.log(misses.join('\n'));
const prf = ([tp, fp, fn]: [number, number, number]) => {
  const p = tp + fp ? tp / (tp + fp) : 0;
  const r = tp + fn ? tp / (tp + fn) : 0;
  return `P ${(100 * p).toFixed(1)}% R ${(100 * r).toFixed(1)}% F1 ${(p + r ? (200 * p * r) / (p + r) : 0).toFixed(1)}%`;
};
console.log(`gold sentences not found by the crude splitter: ${missing}`);
for (const k of ['places', 'actors', 'sources']) console.log(`${k.padEnd(8)} ${prf(sets[k]!)}`);
console.log(`killed_low accuracy ${((100 * killedOk) / killedN).toFixed(1)}% (${killedOk}/${killedN})`);
console.log(`time ${ms.toFixed(0)} ms`);
