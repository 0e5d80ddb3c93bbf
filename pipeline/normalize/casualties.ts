// Casualty figures: how many were killed (and wounded) in what the sentence reports, as a
// low/high range with the verbatim phrase. `at least 42` -> 42..; `5-9`, `33–34`, `five to
// nine` -> ranges; `six ..., one ... and three ... were killed` -> their sum; `dozens` keeps the
// phrase and no number.
import type { Casualties } from '../types.ts';

export const CASUALTY_RULES = [
  'casualty.object', // killing 14 people / massacred 21 women and 26 children
  'casualty.subject', // 93 people were killed / left 11 people dead
  'casualty.toll', // death toll of 48 / the lives of 13 to 23 volunteers / 68 corpses
  'casualty.singular', // a rebel leader was killed -> 1
  'casualty.vague', // dozens of rebels were killed -> phrase only
  'casualty.sum', // separate figures joined by `and` / `also`
] as const;

const UNITS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
};
const TENS: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };
const BASIC_NUM = `(?:(?:${Object.keys(TENS).join('|')})(?:[- ](?:${Object.keys(UNITS).slice(0, 9).join('|')}))?|${Object.keys(UNITS).join('|')})`;
// `one hundred thousand`, `a thousand`, `two hundred and fifty`, `three million`
const SCALED_NUM = `(?:${BASIC_NUM}|a)\\s+(?:hundred|thousand|million)(?:\\s+(?:thousand|million))?(?:\\s+(?:and\\s+)?${BASIC_NUM})?`;
const WORD_NUM = `(?:${SCALED_NUM}|${BASIC_NUM})`;
const SCALES: Record<string, number> = { hundred: 100, thousand: 1000, million: 1_000_000 };
const DIGITS = String.raw`\d{1,3}(?:,\d{3})+|\d+`;
const NUM = `(?:${DIGITS}|${WORD_NUM})`;
const LOW_MOD = String.raw`at least|more than|over|upwards of|in excess of|no fewer than|no less than`;
const EXACT_MOD = String.raw`around|about|approximately|some|roughly|nearly|almost|an estimated|estimated|reportedly|another|a further|an additional|a total of|as many as|up to|fewer than|less than|under`;
const QTY_SRC = String.raw`\b(?:(${LOW_MOD}|${EXACT_MOD})\s+)?(?:(between)\s+)?(${NUM})(?:\s*(?:-|–|—|to|and|or)\s*(${NUM}))?\b`;
const VAGUE_SRC = String.raw`\b(dozens|scores|hundreds|thousands|tens|several|many|a number|numerous|a dozen)\b`;

const MONTHS = 'January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec';
// Numbers that are not head counts: dates, times, percentages, measures, things.
const NOT_PEOPLE_AFTER = new RegExp(
  String.raw`^\s*(?:%|percent|per cent|km|kilomet|metre|meter|mile|day|days|hour|hours|week|weeks|month|months|year|years|minute|minutes|am\b|pm\b|a\.m|p\.m|tanks?\b|buildings?|houses?|vehicles?|buses|bus\b|shells?\b|rockets?|missiles?|mortars?|times|o'clock|th\b|st\b|nd\b|rd\b|(?:${MONTHS})\b)`,
  'i',
);
const RATIO_AFTER = /^\s+(?:[A-Za-z]+\s+)?(?:in\s+every|out\s+of)\s+(?:\d|ten|five|four|three|two|a hundred|hundred)\b/i;
// `Feb. 22`: the month may be abbreviated with a stop
const DATE_BEFORE = new RegExp(String.raw`(?:\b(?:${MONTHS})\.?\s*$)`, 'i');
// `22, 2012`: a day before its year
const YEAR_AFTER = /^,\s*(?:1[5-9]|20)\d\d\b/;

const KILL_VERB = /\b(killing|killed|kill|kills|massacred|massacring|executed|executing|slaughtered|shot dead|assassinated)\b/gi;
const KILL_STATE = /\b(killed|dead|died|die|deaths|executed|massacred|slain|perished|shot dead|assassinated|lost their lives|murdered)\b/gi;
const TOLL = /\b(?:death toll|toll|the lives|lives|bodies|corpses)\s+(?:of|at|to|was|stood at|rose to|reached)\s+/gi;
const COUNTED_REMAINS = /\b(corpses|bodies)\b/gi;
const WOUND = /\b(wounded|injured|hurt|wounding|injuring)\b/gi;
// A part of a word of every pattern above (TOLL, COUNTED_REMAINS, KILL_VERB, KILL_STATE, WOUND):
// a sentence with none of them has no figure, so nothing else is run on it.
const CASUALTY_WORDS = /kill|dead|die|death|execut|massacr|slaughter|slain|perish|assassin|lives|murder|toll|bodies|corpses|wound|injur|hurt/i;
const QTY = new RegExp(QTY_SRC, 'gi');
const LOW_MODS = new Set(LOW_MOD.split('|'));
const VAGUE = new RegExp(VAGUE_SRC, 'i');
const VAGUE_AFTER = new RegExp(String.raw`^\s+${VAGUE_SRC}[^,.;]*`, 'i');

/**
 * The matches `text.matchAll(re)` yields, for a global pattern that never matches the empty
 * string, without the copy of the pattern matchAll compiles per call.
 */
function matchesOf(re: RegExp, text: string): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) out.push(m);
  re.lastIndex = 0;
  return out;
}

interface Qty {
  start: number;
  end: number;
  low: number;
  high?: number;
}

export function parseNumber(s: string): number | undefined {
  const t = s.toLowerCase().trim();
  if (/^\d/.test(t)) return Number(t.replace(/,/g, ''));
  // words, read as a number is spoken: `one hundred thousand` = (1 x 100) x 1000
  let total = 0;
  let current = 0;
  let any = false;
  for (const w of t.split(/[\s-]+/)) {
    if (w === 'and') continue;
    if (w === 'a') current = 1;
    else if (w in UNITS) current += UNITS[w]!;
    else if (w in TENS) current += TENS[w]!;
    else if (w === 'hundred') current = (current || 1) * 100;
    else if (w in SCALES) {
      total += (current || 1) * SCALES[w]!;
      current = 0;
    } else return undefined;
    any = true;
  }
  return any ? total + current : undefined;
}

/** Head counts in `text`, with dates, years, percentages and measures left out. */
function quantities(text: string): Qty[] {
  const out: Qty[] = [];
  for (const m of matchesOf(QTY, text)) {
    const start = m.index ?? 0;
    let end = start + m[0].length;
    const mod = (m[1] ?? '').toLowerCase();
    let a = parseNumber(m[3]!);
    // `a million and a half`
    const half = /^\s+and\s+a\s+half\b/i.exec(text.slice(end));
    if (a !== undefined && half && !m[4] && /(?:hundred|thousand|million)$/i.test(m[3]!)) {
      a += a / 2;
      end += half[0].length;
    }
    const b = m[4] ? parseNumber(m[4]) : undefined;
    if (a === undefined) continue;
    const before = text.slice(Math.max(0, start - 12), start);
    const after = text.slice(end, end + 14);
    if (NOT_PEOPLE_AFTER.test(after) || YEAR_AFTER.test(after)) continue;
    // `7 August 16 civilians`: a number after a month is its day only if no day came before.
    if (DATE_BEFORE.test(before) && !/\d\s+(?:\w+)\s*$/.test(before)) continue;
    if (/^\d{4}$/.test(m[3]!) && a >= 1900 && a <= 2100) continue;
    if (/^\s*(?:-|–)\s*\d/.test(text.slice(end))) continue;
    // `one Vietnamese in every ten`, `one in five`: a ratio, not a count
    if (RATIO_AFTER.test(after + text.slice(end + 14, end + 30)) || /\b(?:in\s+every|out\s+of)\s+$/i.test(before)) continue;
    const low = a;
    let high: number | undefined = b ?? a;
    if (b !== undefined && b < a) high = a; // `30–4` would be a typo; keep the low
    if (LOW_MODS.has(mod)) high = b;
    if (mod === 'up to' || mod === 'as many as') {
      out.push({ start, end, low: b !== undefined ? a : Number.NaN, high: b ?? a });
      continue;
    }
    out.push({ start, end, low, high });
  }
  return out;
}

interface Figure {
  qtys: Qty[];
  start: number;
  end: number;
  rule: string;
  /** Position of the verb or noun that makes it a death count. */
  at: number;
}

const CLAUSE_BREAK = /(;|:|\bthat\b|\bwhich\b|\bwho\b|\bwhen\b|\bwhile\b|\bwhere\b|\bafter\b|\bbut\b|\(|\bduring\b|\baccording to\b)/gi;

/** The stretch of the sentence before `at` that belongs to the same clause. */
function clauseBefore(text: string, at: number): number {
  let cut = 0;
  for (const m of matchesOf(CLAUSE_BREAK, text.slice(0, at))) cut = (m.index ?? 0) + m[0].length;
  return cut;
}

function sumQtys(qs: Qty[]): { low: number; high?: number } {
  let low = 0;
  let high: number | undefined = 0;
  for (const q of qs) {
    low += Number.isNaN(q.low) ? 0 : q.low;
    high = high === undefined || q.high === undefined ? undefined : high + q.high;
  }
  return { low, high };
}

/** Head counts before a kill word: the last comma chunk, plus earlier list items that open with a count. */
function subjectFigure(text: string, qtys: Qty[], at: number): Qty[] {
  const from = clauseBefore(text, at);
  const seg = text.slice(from, at);
  const inSeg = qtys.filter((q) => q.start >= from && q.end <= at);
  if (!inSeg.length) return [];
  const chunks: { s: number; e: number }[] = [];
  let s = from;
  for (let comma = seg.indexOf(','); comma !== -1; comma = seg.indexOf(',', comma + 1)) {
    // (not the comma of a number's thousands: `6,000 people`)
    if (/\d/.test(seg[comma - 1] ?? '') && /\d/.test(seg[comma + 1] ?? '')) continue;
    chunks.push({ s, e: from + comma });
    s = from + comma + 1;
  }
  chunks.push({ s, e: at });
  const picked: Qty[] = [];
  for (let c = chunks.length - 1; c >= 0; c--) {
    const ch = chunks[c]!;
    const body = text.slice(ch.s, ch.e);
    const qs = inSeg.filter((q) => q.start >= ch.s && q.end <= ch.e);
    if (c === chunks.length - 1 || (c === 0 && !/\b(?:were|was|had|have|been|are|is)\b/i.test(body))) {
      // `with 23 of them being confirmed as dead`, `61 people were reported to be dead`
      picked.push(...qs.filter((q) => !/^\s*of\s+(?:them|those|whom|which)\b/.test(text.slice(q.end)) || qs.length === 1));
      continue;
    }
    if (/^\s*(including|among|of whom|mostly|mainly)\b/i.test(body)) continue;
    const lead = qs[0];
    if (lead && !/\b(?:were|was|had|have|been|are|is)\b/i.test(body) && /^\s*(?:(?:at least|more than|over|some|about|around|another)\s+)?$/i.test(text.slice(ch.s, lead.start))) picked.push(...qs);
    else break;
  }
  return picked.sort((a, b) => a.start - b.start);
}

/** A coordinated list of counts right after a kill verb: `massacred 21 women and 26 children`. */
function objectFigure(text: string, qtys: Qty[], verbEnd: number): Qty[] {
  const first = qtys.find((q) => q.start >= verbEnd && /^\s*(?:(?:at least|more than|over|another|some|about|around|an estimated)\s+)?$/i.test(text.slice(verbEnd, q.start)));
  if (!first) return [];
  const out = [first];
  let cur = first;
  for (;;) {
    const next = qtys.find((q) => q.start > cur.end);
    if (!next) break;
    const between = text.slice(cur.end, next.start);
    // `21 women and 26 children` continues; `10 rebels and wounding 20` does not.
    if (!/^[\p{L}\s'-]{0,40}?(?:,\s*|\s+and\s+)$/u.test(between) || /\b(wounding|injuring|wounded|injured|and\s+\w+ing)\b/i.test(between)) break;
    out.push(next);
    cur = next;
  }
  return out;
}

export interface CasualtyPass {
  casualties: Casualties;
  rules: string[];
}

// Wikipedia's citation marks (`12[7] rebels`, `killed[5] 30`): no number of them is a count.
const CITATION_MARK = /\[(?:\d{1,3}|[a-z]|note \d{1,3}|nb \d{1,3}|citation needed)\]/gi;

export function findCasualties(raw: string): CasualtyPass {
  if (!CASUALTY_WORDS.test(raw)) return { casualties: {}, rules: [] };
  // blanked to spaces of the same length: every offset (and the phrase's text) stays the sentence's
  const text = raw.includes('[') ? raw.replace(CITATION_MARK, (m) => ' '.repeat(m.length)) : raw;
  const qtys = quantities(text);
  const figures: Figure[] = [];
  const taken = new Set<Qty>();
  const push = (qs: Qty[], at: number, atEnd: number, rule: string) => {
    const fresh = qs.filter((q) => !taken.has(q));
    if (!fresh.length) return;
    for (const q of fresh) taken.add(q);
    figures.push({ qtys: fresh, start: Math.min(fresh[0]!.start, at), end: Math.max(fresh[fresh.length - 1]!.end, atEnd), rule, at });
  };
  const wordsNear = (at: number, end: number) => {
    // `killed or wounded`: not a death count alone.
    return /^\s+(?:or|and\/or)\s+(?:wounded|injured|captured|missing)/i.test(text.slice(end));
  };
  for (const m of matchesOf(TOLL, text)) {
    const end = (m.index ?? 0) + m[0].length;
    push(objectFigure(text, qtys, end), m.index ?? 0, end, 'casualty.toll');
  }
  // `68 corpses were found`, `the bodies of 34 civilians`
  for (const m of matchesOf(COUNTED_REMAINS, text)) {
    const at = m.index ?? 0;
    const q = qtys.find((x) => /^\s+$/.test(text.slice(x.end, at)) || /^\s+(?:charred|dead|mutilated|unidentified)\s+$/.test(text.slice(x.end, at)));
    if (q) push([q], at, at + m[0].length, 'casualty.toll');
  }
  for (const m of matchesOf(KILL_VERB, text)) {
    const at = m.index ?? 0;
    const end = at + m[0].length;
    if (wordsNear(at, end)) continue;
    push(objectFigure(text, qtys, end), at, end, 'casualty.object');
  }
  for (const m of matchesOf(KILL_STATE, text)) {
    const at = m.index ?? 0;
    const end = at + m[0].length;
    if (wordsNear(at, end)) continue;
    const qs = subjectFigure(text, qtys, at);
    if (qs.length) push(qs, at, end, 'casualty.subject');
    else if (!figures.some((f) => f.at === at)) {
      // `a rebel leader, Hamza al-Tesh, was killed`, `Frans van der Lugt was executed`: one person.
      const from = clauseBefore(text, at);
      const seg = text.slice(from, at);
      const singular = /\b(?:was|has been|had been|is)\s+(?:\w+ly\s+)?(?:found\s+)?$/i.test(seg) || (/\bdied$/i.test(m[0]) && /^\s*(?:[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)*)\s*,/.test(seg));
      const plural = /\b(?:were|have been|people|they|those|dozens|hundreds|scores|many|several|number)\b/i.test(seg);
      if (singular && !plural && !qtys.some((q) => q.start >= from && q.end <= at)) {
        const q: Qty = { start: at, end, low: 1, high: 1 };
        figures.push({ qtys: [q], start: from + (seg.length - seg.trimStart().length), end, rule: 'casualty.singular', at });
        // `died ... along with four other rebel fighters`
        const along = /^[^.;]{0,40}?\balong with\s+/i.exec(text.slice(end));
        if (along) {
          const extra = objectFigure(text, qtys, end + along[0].length);
          if (extra.length) figures[figures.length - 1]!.qtys.push(...extra);
        }
      }
    }
  }
  figures.sort((a, b) => a.start - b.start);
  const rules: string[] = [];
  const casualties: Casualties = {};
  // A figure inside a leading `Following ...,`/`After ...,` clause is background, not the event.
  const lead = /^\s*(?:Following|After|Before)\b[^,]*,/.exec(text);
  let usable = lead ? figures.filter((f) => f.start >= lead[0].length) : figures;
  if (!usable.length) usable = figures;
  if (usable.length) {
    const chosen = [usable[0]!];
    for (let i = 1; i < usable.length; i++) {
      const prev = chosen[chosen.length - 1]!;
      const f = usable[i]!;
      const between = text.slice(prev.end, f.start);
      const clauseStart = text.slice(clauseBefore(text, f.at), f.at);
      // Separate counts of one event add up: `killed eight civilians and that 15 soldiers were
      // killed`, `... that also left one civilian dead`.
      if (/^[\p{L}\s'-]{0,40}?(?:,\s*)?\band\s+(?:that\s+)?$/u.test(between) || /^\s*also\b/i.test(clauseStart)) chosen.push(f);
      else break;
    }
    const s = sumQtys(chosen.flatMap((f) => f.qtys));
    if (!Number.isNaN(s.low) && s.low > 0) casualties.killedLow = s.low;
    if (s.high !== undefined && !Number.isNaN(s.high)) casualties.killedHigh = s.high;
    const first = chosen[0]!;
    const last = chosen[chosen.length - 1]!;
    casualties.killedText = text.slice(first.start, last.end);
    rules.push(...new Set(chosen.map((f) => f.rule)));
    if (chosen.length > 1) rules.push('casualty.sum');
  } else {
    const vague = vaguePhrase(text, KILL_STATE);
    if (vague) {
      casualties.killedText = vague;
      rules.push('casualty.vague');
    }
  }
  const wounded = woundedFigure(text, qtys, taken);
  if (wounded) Object.assign(casualties, wounded);
  if (text !== raw) {
    // the phrases as written, citation marks and all
    const written = (phrase: string) => {
      const at = text.indexOf(phrase);
      return raw.slice(at, at + phrase.length);
    };
    if (casualties.killedText) casualties.killedText = written(casualties.killedText);
    if (casualties.woundedText) casualties.woundedText = written(casualties.woundedText);
  }
  return { casualties, rules };
}

function vaguePhrase(text: string, re: RegExp): string | undefined {
  for (const m of matchesOf(re, text)) {
    const at = m.index ?? 0;
    const from = clauseBefore(text, at);
    const seg = text.slice(from, at);
    const v = VAGUE.exec(seg);
    if (v) return text.slice(from + v.index, at + m[0].length);
    const after = VAGUE_AFTER.exec(text.slice(at + m[0].length));
    if (after) return text.slice(at, at + m[0].length + after[0].length);
  }
  return undefined;
}

function woundedFigure(text: string, qtys: Qty[], taken: Set<Qty>): Casualties | undefined {
  const free = qtys.filter((q) => !taken.has(q));
  for (const m of matchesOf(WOUND, text)) {
    const at = m.index ?? 0;
    const end = at + m[0].length;
    let qs = /ing$/i.test(m[0]) ? objectFigure(text, free, end) : [];
    if (!qs.length) {
      // `53 wounded`, `more than 100 injured`, `at least 120` after `injured`
      const near = free.filter((q) => q.end <= at && /^\s*(?:people|others|civilians|persons|soldiers|rebels)?\s*(?:were\s+|had been\s+|have been\s+)?$/i.test(text.slice(q.end, at)));
      qs = near.slice(-1);
    }
    if (!qs.length) qs = objectFigure(text, free, end);
    if (qs.length) {
      const s = sumQtys(qs);
      const out: Casualties = { woundedText: text.slice(Math.min(qs[0]!.start, at), Math.max(qs[qs.length - 1]!.end, end)) };
      if (s.low > 0) out.woundedLow = s.low;
      if (s.high !== undefined) out.woundedHigh = s.high;
      return out;
    }
  }
  return undefined;
}
