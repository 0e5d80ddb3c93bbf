// Trigger words: one scan of the text finds the words some rule needs; each rule then runs
// only in windows around its own triggers. Keeps recognition linear and fast on long texts.
import { Buffer } from 'node:buffer';
import type { Trigger } from './rules/rule.ts';

const WORDS = new Map<string, Trigger[]>();
function add(t: Trigger, words: string, capitalisedOnly = false): void {
  for (const w of words.split(' ')) {
    const forms = capitalisedOnly ? [w] : [w, w[0]!.toUpperCase() + w.slice(1)];
    for (const f of forms) {
      const l = WORDS.get(f);
      if (l) l.push(t); else WORDS.set(f, [t]);
    }
  }
}
add('unit', 'day days week weeks weekend month months year years decade decades century centuries hour hours minute minutes');
add('tod', 'morning mornings afternoon evening night nights nighttime dawn dusk sunset sunrise noon midday midnight nightfall daybreak day');
add('season', 'spring summer autumn fall winter');
add('anaphor', 'time period point stage juncture moment meanwhile meantime then now currently nowadays presently present days being');
add('deictic', 'today yesterday tomorrow tonight');
add('sequence', 'later earlier soon shortly after afterwards afterward before subsequently thereafter');
add('pastfut', 'former formerly recent recently past future');
add('set', 'annually yearly daily weekly monthly nightly');
add('holiday', 'christmas new');
add('next', 'next following previous preceding prior subsequent succeeding');
add('same', 'that same very');
add('edge', 'end beginning start middle close');
add('during', 'during throughout');
add('every', 'every each per');
add('ordinal', 'first second third fourth fifth sixth seventh eighth ninth tenth');
add('event', 'siege war conflict occupation uprising battle');
add('month', 'January February March April May June July August September October November December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec', true);
add('weekday', 'Monday Tuesday Wednesday Thursday Friday Saturday Sunday Mondays Tuesdays Wednesdays Thursdays Fridays Saturdays Sundays', true);
add('era', 'BC BCE AD CE B', true);

/** Every trigger, numbered: the scan fills one position list per number. */
export const TRIGGERS: readonly Trigger[] = [
  'digit', 'month', 'weekday', 'unit', 'tod', 'season', 'anaphor', 'deictic', 'sequence', 'pastfut', 'set', 'holiday',
  'event', 'era', 'clock', 'next', 'same', 'edge', 'during', 'every', 'ordinal',
];
const TRIGGER_NO = new Map<Trigger, number>(TRIGGERS.map((t, i) => [t, i]));

/** The number of a trigger (the index of its positions in what findTriggers returns). */
export function triggerNo(t: Trigger): number {
  return TRIGGER_NO.get(t)!;
}

/*
 * The words are looked up without cutting them out of the text: a letter run's key (its first
 * and last letters and its length) finds its entries in an open-addressing table, whose words
 * are then compared letter by letter. A word is a trigger exactly when the whole run of ASCII
 * letters is one of the words and the character before the run is no regex word character
 * (\b): as the alternation /\d+|\b(?:words)(?![A-Za-z])/g found them (TRIGGER_RE below).
 */
const MAX_LEN = Math.max(...[...WORDS.keys()].map((w) => w.length));
const SLOTS = 4096;
const slot = new Int16Array(SLOTS).fill(-1);
const entryKey: number[] = [];
const entryWord: string[] = [];
const entryTriggers: number[][] = [];

function keyOf(first: number, last: number, len: number): number {
  return (first << 12) | (last << 4) | len;
}

function slotOf(key: number): number {
  return (Math.imul(key, 0x9e3779b1) >>> 20) & (SLOTS - 1);
}

/**
 * A first filter on a letter run, by its first and last letters: bit `len` is set when some
 * word of that length starts and ends with them (rejects most runs before any table probe).
 */
const LENGTHS = new Int32Array(64 * 64);
function edgesOf(first: number, last: number): number {
  return ((first - 64) << 6) | (last - 64);
}

for (const [w, ts] of WORDS) {
  const key = keyOf(w.charCodeAt(0), w.charCodeAt(w.length - 1), w.length);
  LENGTHS[edgesOf(w.charCodeAt(0), w.charCodeAt(w.length - 1))]! |= 1 << w.length;
  let s = slotOf(key);
  while (slot[s] !== -1) s = (s + 1) & (SLOTS - 1);
  slot[s] = entryWord.length;
  entryKey.push(key);
  entryWord.push(w);
  entryTriggers.push(ts.map(triggerNo));
}

/** The entry of the word u[s, e) (key: its first and last letters, its length), or -1. */
function entryOf(u: Uint16Array, s: number, e: number, key: number): number {
  for (let k = slotOf(key); ; k = (k + 1) & (SLOTS - 1)) {
    const x = slot[k]!;
    if (x < 0) return -1;
    if (entryKey[x] !== key) continue;
    const w = entryWord[x]!;
    let i = 1;
    while (i < w.length && w.charCodeAt(i) === u[s + i]) i++;
    if (i === w.length) return x;
  }
}

function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** Regex \w (non-Unicode): ASCII letters, digits, underscore. */
function isWordChar(c: number): boolean {
  return ((c | 32) - 97) >>> 0 < 26 || (c - 48) >>> 0 < 10 || c === 95;
}

/**
 * The code units the scan reads, copied into a typed array (one native copy; reading a typed
 * array in the loop is cheaper than charCodeAt): text[from, lim) at [0, lim - from). Reused.
 */
let units = new Uint16Array(1 << 16);
let unitBytes = Buffer.from(units.buffer, units.byteOffset, units.byteLength);

function codeUnits(text: string, from: number, lim: number): Uint16Array {
  if (units.length < lim - from) {
    units = new Uint16Array(Math.max(lim - from, 2 * units.length));
    unitBytes = Buffer.from(units.buffer, units.byteOffset, units.byteLength);
  }
  unitBytes.write(from === 0 && lim === text.length ? text : text.slice(from, lim), 0, 'utf16le');
  return units;
}

/** How far past `to` the copy reaches (a run crossing it longer than this is read from the text). */
const OVERHANG = 64;

/**
 * Positions of trigger words, by trigger number (see TRIGGERS), each list ascending: the digit
 * runs and the trigger words that start in [from, to) (a run may end after `to`).
 */
export function findTriggers(text: string, from: number, to: number): number[][] {
  const out: number[][] = [];
  for (let t = 0; t < TRIGGERS.length; t++) out.push([]);
  const digits = out[0]!;
  const n = text.length;
  const lim = Math.min(n, to + OVERHANG);
  const u = codeUnits(text, from, lim);
  // k indexes u; text offset = from + k
  const kTo = to - from;
  const kLim = lim - from;
  let k = 0;
  while (k < kTo) {
    const c = u[k]!;
    // (c | 32) - 97 < 26: an ASCII letter of either case
    if (((c | 32) - 97) >>> 0 < 26) {
      const s = k;
      let last = c;
      for (k++; k < kLim; k++) {
        const d = u[k]!;
        if (((d | 32) - 97) >>> 0 >= 26) break;
        last = d;
      }
      if (k === kLim && lim < n) {
        // the run goes on past the copy: longer than any word, read on in the text
        while (from + k < n && ((text.charCodeAt(from + k) | 32) - 97) >>> 0 < 26) k++;
        continue;
      }
      const len = k - s;
      if (len > MAX_LEN || ((LENGTHS[edgesOf(c, last)]! >>> len) & 1) === 0) continue;
      if (s > 0 ? isWordChar(u[s - 1]!) : from > 0 && isWordChar(text.charCodeAt(from - 1))) continue;
      const x = entryOf(u, s, k, keyOf(c, last, len));
      if (x >= 0) for (const t of entryTriggers[x]!) out[t]!.push(from + s);
      continue;
    }
    if ((c - 48) >>> 0 < 10) {
      digits.push(from + k);
      for (k++; k < kLim; k++) if ((u[k]! - 48) >>> 0 >= 10) break;
      if (k === kLim) while (from + k < n && (text.charCodeAt(from + k) - 48) >>> 0 < 10) k++;
      continue;
    }
    k++;
  }
  return out;
}

/** The scan as one regex alternation (the reference the scan above must agree with). */
export const TRIGGER_RE = new RegExp(`\\d+|\\b(?:${[...WORDS.keys()].sort((a, b) => b.length - a.length).join('|')})(?![A-Za-z])`, 'g');

/** findTriggers by TRIGGER_RE: for tests. */
export function findTriggersByRegex(text: string, from: number, to: number): number[][] {
  const out: number[][] = TRIGGERS.map(() => []);
  TRIGGER_RE.lastIndex = from;
  while (TRIGGER_RE.test(text)) {
    const end = TRIGGER_RE.lastIndex;
    let start = end - 1;
    const c = text.charCodeAt(start);
    if (c >= 48 && c <= 57) {
      while (start > from && text.charCodeAt(start - 1) >= 48 && text.charCodeAt(start - 1) <= 57) start--;
      if (start >= to) break;
      out[0]!.push(start);
      continue;
    }
    while (start > from && isLetter(text.charCodeAt(start - 1))) start--;
    if (start >= to) break;
    for (const t of WORDS.get(text.slice(start, end)) ?? []) out[triggerNo(t)]!.push(start);
  }
  return out;
}
