// Pass 1: recognise temporal expressions. One scan finds trigger words; each rule runs only in
// windows around its triggers. Overlapping matches are settled longest-first (ties: the rule
// listed first), then refiners run in order.
import { fixedAnchor, fixedKnown, type Mention } from './model.ts';
import { REFINERS, RULES } from './rules/index.ts';
import type { Draft } from './rules/rule.ts';
import { findTriggers, TRIGGERS, triggerNo } from './triggers.ts';


/**
 * A draft copied into one object shape (its fields in one order, absent ones undefined): each
 * rule drafts its own shape, and reading a dozen fields from drafts of dozens of shapes is
 * slower than one Object.assign into a fixed one.
 */
function fixedDraft(d: Draft): Draft {
  return Object.assign({
    known: undefined as unknown as Draft['known'], anchor: undefined as unknown as Draft['anchor'], mod: undefined, leadChars: undefined,
    trimEnd: undefined, range: undefined, attributive: undefined, statementOnly: undefined, noValue: undefined, prospective: undefined,
    event: undefined, qualifier: undefined,
  }, d);
}

/** The mention of a draft already in the one draft shape (fixedDraft); range ends are fixed here. */
function toMention(d: Draft, start: number, end: number, text: string, rule: string): Mention {
  const m: Mention = {
    start, end, text: text.slice(start, end), rule, known: fixedKnown(d.known), anchor: fixedAnchor(d.anchor),
    mod: d.mod || undefined, qualifier: d.qualifier || undefined, lead: undefined, range: undefined,
    attributive: d.attributive || undefined, statementOnly: d.statementOnly || undefined,
    prospective: d.prospective || undefined, event: d.event || undefined, noValue: d.noValue || undefined,
  };
  if (d.range) {
    m.range = {
      from: toMention(fixedDraft(d.range.from), d.range.from.start, d.range.from.end, text, rule),
      to: toMention(fixedDraft(d.range.to), d.range.to.start, d.range.to.end, text, rule),
      list: d.range.list ? true : undefined,
      split: d.range.split ? true : undefined,
    };
  }
  return m;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9;
}

/** A window of the text around triggers, and its text. */
interface Window { start: number; text: string }

/** Merged windows around the positions of the given triggers, snapped to whitespace. */
function windows(text: string, positions: number[], from: number, to: number, back: number, ahead: number): Window[] {
  const out: Window[] = [];
  let ws = -1;
  let we = -1;
  for (const p of positions) {
    let s = Math.max(from, p - back);
    while (s > from && !isSpace(text.charCodeAt(s - 1))) s--;
    let e = Math.min(to, p + ahead);
    while (e < to && !isSpace(text.charCodeAt(e))) e++;
    if (ws >= 0 && s <= we) {
      if (e > we) we = e;
    } else {
      if (ws >= 0) out.push({ start: ws, text: text.slice(ws, we) });
      ws = s;
      we = e;
    }
  }
  if (ws >= 0) out.push({ start: ws, text: text.slice(ws, we) });
  return out;
}

/** Two ascending lists merged into one (duplicates kept). */
function merge(a: number[], b: number[]): number[] {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) out.push(a[i]! <= b[j]! ? a[i++]! : b[j++]!);
  while (i < a.length) out.push(a[i++]!);
  while (j < b.length) out.push(b[j++]!);
  return out;
}

/** Each rule's triggers by number (as findTriggers lists their positions). */
const RULE_ON: readonly number[][] = RULES.map((r) => r.triggers.on.map(triggerNo));

/**
 * Rules with the same triggers and the same guard see the same positions, and with the same
 * reach too the same windows: each rule's group is the first rule listed with them, whose
 * positions (and windows) recognition reuses.
 */
const POSITION_GROUP: readonly number[] = RULES.map((r, i) => RULES.findIndex((q, j) => j <= i &&
  RULE_ON[j]!.join() === RULE_ON[i]!.join() && q.triggers.near === r.triggers.near));
const WINDOW_GROUP: readonly number[] = RULES.map((r, i) => RULES.findIndex((q, j) => j <= i &&
  POSITION_GROUP[j] === POSITION_GROUP[i] && q.triggers.reach[0] === r.triggers.reach[0] && q.triggers.reach[1] === r.triggers.reach[1]));

function positionsFor(text: string, order: number, found: number[][]): number[] {
  const on = RULE_ON[order]!;
  let all: number[] = found[on[0]!]!;
  // each trigger's positions ascend: merging gives what concatenating and sorting would
  for (let k = 1; k < on.length; k++) all = merge(all, found[on[k]!]!);
  const near = RULES[order]!.triggers.near;
  if (!near) return all;
  const out: number[] = [];
  for (const p of all) if (near(text, p)) out.push(p);
  return out;
}

/** How close to the range's edges a sticky match is redone on the range alone. */
const EDGE = 8;

interface Raw {
  start: number;
  end: number;
  order: number;
  /** The match of a window scan; a sticky rule's match is taken again only if it wins its place. */
  match: RegExpExecArray | null;
  /** The sticky match was made on the range alone (near its edges). */
  edge: boolean;
}

/** The sticky match of rule `order` at `p` again, as it was made (on the text or the range). */
function stickyMatch(re: RegExp, text: string, p: number, from: number, to: number, edge: boolean): RegExpExecArray {
  re.lastIndex = edge ? p - from : p;
  const m = re.exec(edge ? text.slice(from, to) : text)!;
  if (edge) m.index += from;
  return m;
}

/** A stable counting sort of the raw matches, longest first. */
function byLengthDescending(raws: Raw[]): Raw[] {
  let max = 0;
  for (const r of raws) if (r.end - r.start > max) max = r.end - r.start;
  const at = new Uint32Array(max + 2);
  for (const r of raws) at[max - (r.end - r.start) + 1]!++;
  for (let i = 1; i < at.length; i++) at[i]! += at[i - 1]!;
  const out = new Array<Raw>(raws.length);
  for (const r of raws) out[at[max - (r.end - r.start)]!++] = r;
  return out;
}

/*
 * Scratch arrays reused from one call to the next (a typed array of this size lives outside
 * the heap, and making one is dear): the sort keys, and the characters taken by accepted matches.
 */
let keyScratch = new Float64Array(256);
let takenScratch = new Uint8Array(4096);

/**
 * A stable sort by start (as sort((a, b) => a.start - b.start)): each mention keyed by
 * start * n + its index, the keys sorted as numbers.
 */
function byStart(ms: Mention[]): Mention[] {
  const n = ms.length;
  if (n < 2) return ms;
  if (keyScratch.length < n) keyScratch = new Float64Array(Math.max(n, 2 * keyScratch.length));
  const keys = keyScratch.subarray(0, n);
  for (let i = 0; i < n; i++) keys[i] = ms[i]!.start * n + i;
  keys.sort();
  const out = new Array<Mention>(n);
  for (let i = 0; i < n; i++) out[i] = ms[keys[i]! % n]!;
  return out;
}

if (TRIGGERS.length > 31) throw new Error('more triggers than the bits of a number hold');
/** Each rule's triggers as bits (bit t: trigger number t). */
const RULE_BITS: readonly number[] = RULE_ON.map((on) => on.reduce((b, t) => b | (1 << t), 0));

/*
 * What one call works in, reused by the next (dating a document calls once a sentence): the
 * trigger lists, and each rule group's positions and windows, valid where their stamp is the
 * call's number.
 */
const found: number[][] = TRIGGERS.map(() => []);
const positions: number[][] = new Array(RULES.length);
const windowed: Window[][] = new Array(RULES.length);
const positionStamp = new Uint32Array(RULES.length);
const windowStamp = new Uint32Array(RULES.length);
let call = 0;

/** Recognise expressions in text[from, to); offsets are into `text`. */
export function recognise(text: string, from = 0, to = text.length): Mention[] {
  findTriggers(text, from, to, found);
  call = (call + 1) >>> 0 || 1;
  let present = 0;
  for (let t = 0; t < found.length; t++) if (found[t]!.length !== 0) present |= 1 << t;
  // collect raw matches first; extract only those that win their place (most overlapping
  // sub-matches, "May" inside "8 May 2011", never reach their extractor)
  const raws: Raw[] = [];
  for (let order = 0; order < RULES.length; order++) {
    // none of the rule's triggers is in the text
    if ((RULE_BITS[order]! & present) === 0) continue;
    const r = RULES[order]!;
    const re = r.pattern;
    const group = POSITION_GROUP[order]!;
    if (positionStamp[group] !== call) {
      positions[group] = positionsFor(text, order, found);
      positionStamp[group] = call;
    }
    const ps = positions[group]!;
    if (r.triggers.start) {
      // sticky at each trigger; a match never starts inside the previous one (as a global scan)
      // (test, not exec: a sticky match starts at p and ends at lastIndex; most never win
      // their place, and a match array is made again only for those that do)
      let last = from;
      for (const p of ps) {
        if (p < last) continue;
        re.lastIndex = p;
        if (!re.test(text)) continue;
        let end = re.lastIndex;
        // near the range's edges, see only the range (as a window would)
        const edge = p - from < EDGE || end > to - EDGE;
        if (edge) {
          re.lastIndex = p - from;
          if (!re.test(text.slice(from, to))) continue;
          end = from + re.lastIndex;
        }
        if (end === p) continue;
        last = end;
        raws.push({ start: p, end, order, match: null, edge });
      }
      continue;
    }
    const wg = WINDOW_GROUP[order]!;
    if (windowStamp[wg] !== call) {
      windowed[wg] = windows(text, ps, from, to, r.triggers.reach[0], r.triggers.reach[1]);
      windowStamp[wg] = call;
    }
    const ws = windowed[wg]!;
    if (r.sticky) {
      // tried at the digit runs of each window: the scan's matches (see RuleTriggers.digitStart)
      const digits = found[0]!;
      const sticky = r.sticky;
      let k = 0;
      for (const w of ws) {
        const slice = w.text;
        const end = w.start + slice.length;
        while (k < digits.length && digits[k]! < w.start) k++;
        let next = w.start; // where the scan would look next
        for (let j = k; j < digits.length && digits[j]! < end; j++) {
          const q = digits[j]!;
          if (q < next) continue;
          sticky.lastIndex = q - w.start;
          const m = sticky.exec(slice);
          if (!m) continue;
          if (m[0].length === 0) { next = q + 1; continue; }
          m.index += w.start;
          next = m.index + m[0].length;
          raws.push({ start: m.index, end: next, order, match: m, edge: false });
        }
      }
      continue;
    }
    for (const w of ws) {
      const slice = w.text;
      re.lastIndex = 0;
      for (let m = re.exec(slice); m; m = re.exec(slice)) {
        if (m[0].length === 0) { re.lastIndex++; continue; }
        m.index += w.start;
        raws.push({ start: m.index, end: m.index + m[0].length, order, match: m, edge: false });
      }
    }
  }
  // raws come in rule order, each rule's by start: a stable sort by length alone settles
  // longest first, then the rule listed first, then the leftmost
  const ranked = byLengthDescending(raws);
  if (takenScratch.length < to - from) takenScratch = new Uint8Array(Math.max(to - from, 2 * takenScratch.length));
  const taken = takenScratch;
  taken.fill(0, 0, to - from);
  const accepted: Mention[] = [];
  for (const c of ranked) {
    let free = true;
    for (let i = c.start; i < c.end; i++) if (taken[i - from]) { free = false; break; }
    if (!free) continue;
    const r = RULES[c.order]!;
    const d = r.extract(c.match ?? stickyMatch(r.pattern, text, c.start, from, to, c.edge), text, from);
    if (!d) continue;
    taken.fill(1, c.start - from, c.end - from);
    const f = fixedDraft(d);
    accepted.push(toMention(f, c.start + (f.leadChars ?? 0), c.end - (f.trimEnd ?? 0), text, r.id));
  }
  let out = byStart(accepted);
  for (const r of REFINERS) out = r.refine(out, text);
  for (const m of out) {
    m.text = text.slice(m.start, m.end);
    if (m.range) {
      m.range.from.text = text.slice(m.range.from.start, m.range.from.end);
      m.range.to.text = text.slice(m.range.to.start, m.range.to.end);
    }
  }
  return out;
}
