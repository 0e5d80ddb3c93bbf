// Trigger words: one scan of the text finds the words some rule needs; each rule then runs
// only in windows around its own triggers. Keeps recognition linear and fast on long texts.
import { Buffer } from 'node:buffer';
import { readFileSync } from 'node:fs';
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
add('next', 'next following previous preceding prior subsequent succeeding last');
add('same', 'that this same very');
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
// a key holds the length in 4 bits, LENGTHS in 32 (scan.wasm passes only runs shorter than 32)
if (Math.max(...[...WORDS.keys()].map((w) => w.length)) > 15) throw new Error('a trigger word is longer than the key holds');
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

/*
 * The characters are read by scan.wasm (its source, scan.wat, says how): sixteen at a time, into
 * one bit per character for letters and one for digits, from which it lists the letter runs
 * that pass the LENGTHS filter and where the digit runs start. Only those few candidates come
 * back here to be looked up. Its memory, laid out for texts of up to `cap` characters (grown
 * as needed): the LENGTHS filter, the text, the two bit lists, the two output lists.
 */
interface Scan {
  memory: WebAssembly.Memory;
  classify(t: number, pad: number, lb: number, db: number): void;
  words(t: number, n: number, to: number, lb: number, len: number, out: number): number;
  digits(n: number, to: number, db: number, out: number): number;
}
const scan = new WebAssembly.Instance(new WebAssembly.Module(readFileSync(new URL('./scan.wasm', import.meta.url)))).exports as unknown as Scan;

const LEN_AT = 0;
const TEXT_AT = LEN_AT + LENGTHS.byteLength;
let cap = 0;
let lettersAt = 0;
let digitsAt = 0;
let wordsOut = 0;
let digitsOut = 0;
let bytes = Buffer.alloc(0);
let units = new Uint16Array(0);
let ints = new Int32Array(0);

/** Room for a copy of `chars` characters (a multiple of 64), and views of the memory. */
function reserve(chars: number): void {
  if (chars <= cap) return;
  cap = Math.max(chars, 2 * cap, 1 << 16);
  lettersAt = TEXT_AT + 2 * cap + 64;
  digitsAt = lettersAt + cap / 8 + 64;
  wordsOut = digitsAt + cap / 8 + 64;
  // at most one run every two characters: a (start, end) pair of each letter run, a start of each digit run
  digitsOut = wordsOut + 4 * cap;
  const need = digitsOut + 2 * cap;
  const have = scan.memory.buffer.byteLength;
  if (need > have) scan.memory.grow(Math.ceil((need - have) / 65536));
  const buffer = scan.memory.buffer;
  bytes = Buffer.from(buffer);
  units = new Uint16Array(buffer);
  ints = new Int32Array(buffer);
  ints.set(LENGTHS, LEN_AT / 4);
}

/** How far past `to` the copy reaches (a run crossing `to` that reaches the copy's end is longer than any word). */
const OVERHANG = 64;

/**
 * Positions of trigger words, by trigger number (see TRIGGERS), each list ascending: the digit
 * runs and the trigger words that start in [from, to) (a run may end after `to`). `into`: the
 * previous call's lists, filled again (a caller that calls once a sentence keeps one set; the
 * lists it held that were used are replaced by new ones, the empty ones kept).
 */
export function findTriggers(text: string, from: number, to: number, into?: number[][]): number[][] {
  const out: number[][] = into ?? [];
  // a new list for each one used (setting an array's length is a runtime call, dearer than a new one)
  if (into) for (let t = 0; t < into.length; t++) { if (into[t]!.length !== 0) into[t] = []; }
  else for (let t = 0; t < TRIGGERS.length; t++) out.push([]);
  const lim = Math.min(text.length, to + OVERHANG);
  const n = lim - from;
  const pad = (n + 63) & ~63;
  reserve(pad);
  bytes.write(from === 0 && lim === text.length ? text : text.slice(from, lim), TEXT_AT, 'utf16le');
  // the characters after the copy read as neither letter nor digit, and so do the bits after it
  bytes.fill(0, TEXT_AT + 2 * n, TEXT_AT + 2 * pad);
  scan.classify(TEXT_AT, pad, lettersAt, digitsAt);
  bytes.fill(0, lettersAt + pad / 8, lettersAt + pad / 8 + 8);
  bytes.fill(0, digitsAt + pad / 8, digitsAt + pad / 8 + 8);
  const u0 = TEXT_AT / 2;
  const kTo = to - from;
  const words = scan.words(TEXT_AT, n, kTo, lettersAt, LEN_AT, wordsOut);
  for (let i = wordsOut / 4, end = i + 2 * words; i < end; i += 2) {
    const s = ints[i]!;
    const e = ints[i + 1]!;
    // \b before the run: the character before it is no letter, but may be a digit or '_'
    if (s > 0 ? isWordChar(units[u0 + s - 1]!) : from > 0 && isWordChar(text.charCodeAt(from - 1))) continue;
    const x = entryOf(units, u0 + s, u0 + e, keyOf(units[u0 + s]!, units[u0 + e - 1]!, e - s));
    if (x >= 0) for (const t of entryTriggers[x]!) out[t]!.push(from + s);
  }
  const digits = out[0]!;
  const count = scan.digits(n, kTo, digitsAt, digitsOut);
  for (let i = digitsOut / 4, end = i + count; i < end; i++) digits.push(from + ints[i]!);
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
