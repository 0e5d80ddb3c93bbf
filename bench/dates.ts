// `make bench-dates`: our tagger and chrono-node side by side on the same text (the three seeds
// and the WikiWars development articles): calendar value accuracy against the WikiWars gold
// (lenient one-to-one matching, as score_timex.py does) and throughput for both.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import * as chrono from 'chrono-node';
import { tagPlainText } from '../pipeline/dates/index.ts';

interface Expr { start: number; end: number; val?: string }

const WIKIWARS = '../shared/corpus/wikiwars';
const SEEDS = '../shared/seeds';
const isCal = (v?: string) => !!v && /^(BC)?\d/.test(v);
const pad = (n: number, w: number) => String(n).padStart(w, '0');

/** chrono, paragraph by paragraph, its reference carried from the last date it resolved. */
function chronoTag(text: string): Expr[] {
  const out: Expr[] = [];
  let ref = new Date(Date.UTC(2000, 0, 1));
  let offset = 0;
  for (const para of text.split('\n')) {
    for (const r of chrono.parse(para, ref)) {
      const c = r.start;
      const y = c.get('year');
      const m = c.get('month');
      const d = c.get('day');
      let val: string | undefined;
      if (y !== null && c.isCertain('day')) val = `${pad(y, 4)}-${pad(m ?? 1, 2)}-${pad(d ?? 1, 2)}`;
      else if (y !== null && c.isCertain('month')) val = `${pad(y, 4)}-${pad(m ?? 1, 2)}`;
      else if (y !== null && c.isCertain('year')) val = pad(y, 4);
      else if (y !== null) val = `${pad(y, 4)}-${pad(m ?? 1, 2)}-${pad(d ?? 1, 2)}`;
      out.push({ start: offset + r.index, end: offset + r.index + r.text.length, ...(val ? { val } : {}) });
      ref = r.start.date();
    }
    offset += para.length + 1;
  }
  return out;
}

function score(gold: Expr[], sys: Expr[]) {
  const pairs: Array<[number, number, number]> = [];
  gold.forEach((g, gi) => sys.forEach((s, si) => {
    const ov = Math.min(g.end, s.end) - Math.max(g.start, s.start);
    if (ov > 0) pairs.push([ov, gi, si]);
  }));
  pairs.sort((a, b) => b[0] - a[0] || b[1] - a[1] || b[2] - a[2]);
  const ug = new Set<number>();
  const us = new Set<number>();
  let matched = 0, calMatched = 0, calRight = 0;
  for (const [, gi, si] of pairs) {
    if (ug.has(gi) || us.has(si)) continue;
    ug.add(gi); us.add(si); matched++;
    if (isCal(gold[gi]!.val)) { calMatched++; if (gold[gi]!.val === sys[si]!.val) calRight++; }
  }
  return { gold: gold.length, sys: sys.length, matched, calMatched, calRight, goldCal: gold.filter((g) => isCal(g.val)).length, sysCal: sys.filter((s) => isCal(s.val)).length };
}

const wikiwars = readdirSync(WIKIWARS).filter((f) => f.endsWith('.txt')).sort();
const texts = [
  ...wikiwars.map((f) => ({ name: f, text: readFileSync(join(WIKIWARS, f), 'utf8') })),
  ...readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort().map((f) => ({ name: f, text: readFileSync(join(SEEDS, f), 'utf8') })),
];
const chars = texts.reduce((n, t) => n + t.text.length, 0);

const systems: Record<string, (t: string) => Expr[]> = { 'homs-timeline': (t) => tagPlainText(t), 'chrono-node': chronoTag };
const pass = (tag: (t: string) => Expr[]): number => {
  const t0 = performance.now();
  for (const t of texts) tag(t.text);
  return performance.now() - t0;
};

// the first pass of each, in a fresh process: cold (mostly interpreted code, regexes compiled on
// first use); each system's first pass comes before anything else runs it
const cold: Record<string, number> = {};
for (const [name, tag] of Object.entries(systems)) cold[name] = pass(tag);

const rows: string[] = [];
const found: Record<string, number> = {};
for (const [name, tag] of Object.entries(systems)) {
  const T = { gold: 0, sys: 0, matched: 0, calMatched: 0, calRight: 0, goldCal: 0, sysCal: 0 };
  for (const f of wikiwars) {
    const text = readFileSync(join(WIKIWARS, f), 'utf8');
    const gold = readFileSync(join(WIKIWARS, f.replace(/\.txt$/, '.timex.jsonl')), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Expr);
    const s = score(gold, tag(text));
    for (const k of Object.keys(T) as Array<keyof typeof T>) T[k] += s[k];
  }
  found[name] = texts.reduce((n, t) => n + tag(t.text).length, 0);
  const p = T.matched / Math.max(T.sys, 1), r = T.matched / Math.max(T.gold, 1);
  const vp = T.calRight / Math.max(T.sysCal, 1), vr = T.calRight / Math.max(T.goldCal, 1);
  rows.push(`${name.padEnd(14)} extraction F1 ${(100 * 2 * p * r / (p + r)).toFixed(1).padStart(5)}%  value acc ${(100 * T.calRight / Math.max(T.calMatched, 1)).toFixed(1).padStart(5)}%  value F1 ${(100 * 2 * vp * vr / Math.max(vp + vr, 1e-9)).toFixed(1).padStart(5)}%`);
}

// Throughput, the way JIT-compiled code is benchmarked (as JMH does): the same number of warm-up
// passes for both, then the median of the measured passes. The passes of the two systems are
// interleaved, so load on the shared machine hits both alike. The warm-up passes are reported too.
const WARMUP = 10;
const ROUNDS = 15;
const times: Record<string, number[]> = { 'homs-timeline': [], 'chrono-node': [] };
for (let round = 0; round < WARMUP + ROUNDS; round++) {
  for (const [name, tag] of Object.entries(systems)) times[name]!.push(pass(tag));
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
const measured = (name: string) => times[name]!.slice(WARMUP);
console.log(`${texts.length} texts, ${chars} chars (WikiWars dev + seeds); accuracy on the WikiWars gold (lenient match)`);
for (const r of rows) console.log(r);
console.log(`throughput: median of ${ROUNDS} passes over all the texts, after ${WARMUP} warm-up passes each (the first pass, cold, in a fresh process, below)`);
for (const name of Object.keys(systems)) {
  const ms = median(measured(name));
  console.log(`${name.padEnd(14)} ${(chars / ms / 1000).toFixed(2).padStart(6)} Mchars/s  ${(found[name]! / ms * 1000).toFixed(0).padStart(7)} expressions/s  (median ${ms.toFixed(1)} ms; first pass ${cold[name]!.toFixed(0)} ms; warm-up passes ${times[name]!.slice(0, WARMUP).map((t) => t.toFixed(0)).join(' ')} ms)`);
}
const ours = 'homs-timeline', theirs = 'chrono-node';
// each measured pass of one system next to the other's of the same round: the machine's drift hits both
const paired = measured(theirs).map((t, k) => t / measured(ours)[k]!);
console.log(`speed-up: ${(median(measured(theirs)) / median(measured(ours))).toFixed(1)}x (first pass ${(cold[theirs]! / cold[ours]!).toFixed(1)}x; median of all ${WARMUP + ROUNDS} passes, warm-up included, ${(median(times[theirs]!) / median(times[ours]!)).toFixed(1)}x; median of the ${ROUNDS} rounds' own ratios ${median(paired).toFixed(1)}x)`);
