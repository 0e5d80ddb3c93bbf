// Pass 2: resolve mentions in document order against the reference time the text carries:
// the last anchor per granularity (year, month, day), a heading's year scope, forward year
// rollover (December, then "In early January"), past perfect stepping back, and the document
// date for weekdays and deictic words in news. Each value records what it was resolved from.
import { addDays, addMonths, dayDiff, isoWeek, weekday, type Ymd } from './calendar.ts';
import { boundsOf } from './interval.ts';
import { eventNoun } from './rules/relative.ts';
import type { CalPoint, Known, Mention, Resolution, Season, YearBasisKind } from './model.ts';

export type Mode = 'narrative' | 'news';

export interface Scope {
  from: { y: number; m?: number };
  to: { y: number; m?: number };
  text: string;
}

export interface NarrativeState {
  year?: number; // astronomical
  month?: { y: number; m: number };
  day?: Ymd;
  point?: CalPoint;
  scope?: Scope;
  bc: boolean;
  /** The anchor was read from the text (not seeded from the publication date). */
  fromText?: boolean;
  /** The furthest month the story has reached in its year (a flashback to before it does not move it). */
  furthest?: { y: number; m: number };
  /** The day each kind of event began, as the text said (`On 29 June, troops launched an offensive`). */
  began?: Map<string, Ymd>;
}

export interface ResolveContext {
  mode: Mode;
  documentDate?: Ymd;
  /** Text of the sentence around the mention, for tense cues, and where it starts in the text. */
  clause: string;
  clauseStart?: number;
  /** Offset of the mention in the text. */
  at?: number;
  /** Memo of the tense of the mention's clause (set on first use). */
  tense?: 'future' | 'past-perfect' | 'past';
}

/**
 * A context with every field present, in one order: one is made for each mention, and an
 * object spread ({ ...base, clause }) makes objects of as many shapes as its sources have.
 */
export function resolveContext(mode: Mode, documentDate: Ymd | undefined, clause: string, clauseStart?: number, at?: number): ResolveContext {
  return { mode, documentDate, clause, clauseStart, at, tense: undefined };
}

/** The tense of the clause a mention dates (the act of speaking right before it counts as past). */
export function tenseAt(ctx: ResolveContext): 'future' | 'past-perfect' | 'past' {
  return (ctx.tense ??= datesSpeech(ctx) ? 'past' : tenseOf(localClause(ctx)));
}

// A verb of speech a word or two before a mention (`said on Wednesday`, `told AFP on Wednesday`).
const SPEECH_BEFORE = /\b(?:said|says|told|tells|announced|reported|stated|added|claimed|confirmed|denied|warned|insisted)\s+((?:[\w'’-]+\s+){0,2})$/i;

/**
 * The mention dates the act of speaking that comes right before it (`activists said on Wednesday
 * the operation would continue`): that act is past, whatever the reported clause says.
 */
function datesSpeech(ctx: ResolveContext): boolean {
  if (ctx.at === undefined || ctx.clauseStart === undefined) return false;
  const at = ctx.at - ctx.clauseStart;
  const m = SPEECH_BEFORE.exec(ctx.clause.slice(Math.max(0, at - 40), at));
  return !!m && !FUTURE.test(m[1]!) && !/\bthat\b/i.test(m[1]!);
}

export function newState(): NarrativeState {
  // every field present from the start (absent ones undefined): one object shape as it advances
  return { year: undefined, month: undefined, day: undefined, point: undefined, scope: undefined, bc: false, fromText: undefined, furthest: undefined, began: undefined };
}

/**
 * A copy of a state with the same object shape as newState's (an object spread makes another
 * shape, and the functions that read states then lose their optimised code).
 */
export function copyState(st: NarrativeState): NarrativeState {
  return { year: st.year, month: st.month, day: st.day, point: st.point, scope: st.scope, bc: st.bc, fromText: st.fromText, furthest: st.furthest, began: st.began };
}

/** A copy pinned to a year, with no month, day or scope. */
function pinnedState(st: NarrativeState, year: number | undefined): NarrativeState {
  const out = copyState(st);
  out.year = year;
  out.month = undefined;
  out.day = undefined;
  out.scope = undefined;
  return out;
}

/** How long after an event began the text may still count its days from that beginning. */
const EVENT_MEMORY_DAYS = 60;

/** A yearless month resolved more than this many months back from the anchor rolls forward. */
const ROLLOVER_MONTHS = 8;

const FUTURE = /\b(?:will|would|shall|is\s+to|are\s+to|was\s+to|were\s+to|going\s+to|expected\s+to|(?:is|are)\s+(?:also\s+)?expected|(?:is|are)\s+due|scheduled|planned|plans\s+to|set\s+to|due\s+to|is\s+set|wouldcontinue|upcoming)\b/i;
const PAST_PERFECT = /\bhad\s+(?:not\s+|already\s+|also\s+|been\s+|previously\s+|reportedly\s+)*(?!to\b)[a-z]+(?:ed|en|un|own|ung|ugh|ought|aught|eft|ade|id|ot|ept|elt|ent|old|orn|ood|egun|ome|one|ew|ade)\b/i;

/**
 * The clause a mention belongs to: between the punctuation around it; a sentence-initial
 * "On 8 May," belongs to the clause after its comma.
 */
export function localClause(ctx: ResolveContext): string {
  const s = ctx.clause;
  if (ctx.at === undefined || ctx.clauseStart === undefined) return s;
  const at = Math.max(0, Math.min(s.length, ctx.at - ctx.clauseStart));
  // the punctuation around `at` found by native searches (the clause's characters are not read one by one)
  const lb = lastClausePunct(s, at);
  const cut = nextClausePunct(s, at);
  let end = cut;
  // a sentence-initial "On 8 May," (at most a few words before it) belongs to the next clause
  if (lb < 0 && cut < s.length && s.charCodeAt(cut) === 44 && cut - at <= 60 && wordsIn(s, at) <= 2) end = nextClausePunct(s, cut + 1);
  return s.slice(lb + 1, end);
}

/** The last , ; : ( ) before `at` in s, or -1. */
function lastClausePunct(s: string, at: number): number {
  let last = -1;
  CLAUSE_PUNCT.lastIndex = 0;
  while (CLAUSE_PUNCT.test(s)) {
    const i = CLAUSE_PUNCT.lastIndex - 1;
    if (i >= at) break;
    last = i;
  }
  return last;
}

/** The first , ; : ( ) at or after `from` in s, or s.length. */
function nextClausePunct(s: string, from: number): number {
  CLAUSE_PUNCT.lastIndex = from;
  return CLAUSE_PUNCT.test(s) ? CLAUSE_PUNCT.lastIndex - 1 : s.length;
}

const CLAUSE_PUNCT = /[,;:()]/g;

/** How many runs of ASCII letters and digits s[0, at) holds. */
function wordsIn(s: string, at: number): number {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < at; i++) {
    const c = s.charCodeAt(i);
    const w = (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
    if (w && !inWord) words++;
    inWord = w;
  }
  return words;
}


export function tenseOf(clause: string): 'future' | 'past-perfect' | 'past' {
  if (FUTURE.test(clause)) return 'future';
  if (PAST_PERFECT.test(clause)) return 'past-perfect';
  return 'past';
}

function astro(year: number, era: Known['era'], bcContext: boolean): number {
  if (era === 'BC' || (era === undefined && bcContext && year < 1000)) return 1 - year;
  return year;
}

interface YearChoice { y: number; basis: YearBasisKind; from: string }

/** String(n).padStart(2, '0'), from a table for 0-99. */
function two(n: number | undefined): string {
  return n !== undefined && n >= 0 && n < 100 && Number.isInteger(n) ? TWO[n]! : String(n).padStart(2, '0');
}

const TWO: readonly string[] = Array.from({ length: 100 }, (_, i) => String(i).padStart(2, '0'));

function fmtYm(y: number, m?: number): string {
  return m ? `${y}-${two(m)}` : String(y);
}

/** The year of a month (and day) written without one. */
function chooseYear(month: number, day: number | undefined, st: NarrativeState, ctx: ResolveContext, qualifier?: string): YearChoice | undefined {
  // the tense (regexes over the clause) only where it decides
  if ((st.year === undefined || (ctx.mode === 'news' && !st.fromText)) && ctx.documentDate) {
    const tense = tenseAt(ctx);
    const dct = ctx.documentDate;
    let y = dct.y;
    const cand = { y, m: month, d: day ?? 15 };
    const diff = (cand.m - dct.m) + ((day ?? 15) - dct.d) / 31;
    if (tense === 'future') { if (diff < -1) y += 1; } else if (diff > 1) y -= 1;
    return { y, basis: 'document-date', from: `published:${dct.y}-${two(dct.m)}-${two(dct.d)}` };
  }
  if (st.year === undefined) {
    if (st.scope) return { y: st.scope.from.y, basis: 'heading', from: `heading:${st.scope.text}` };
    return undefined;
  }
  let y = st.year;
  let from = `previous:${fmtYm(st.year)}`;
  let basis: YearBasisKind = 'inherited';
  const ref = st.day ? { m: st.day.m, d: st.day.d } : st.month && st.month.y === st.year ? { m: st.month.m, d: 15 } : undefined;
  // In a winter (December to February, named by its January's year) its December is the year before's
  // (`The winter of 1776 was cold. On Christmas Eve ...`: 24 December 1776).
  if (!ref && month === 12 && st.point?.gran === 'season' && st.point.season === 'WI' && st.point.y === st.year) {
    return { y: st.year - 1, basis: 'inherited', from: `previous:${fmtYm(st.year)}-WI` };
  }
  if (ref) {
    from = `previous:${st.day ? `${fmtYm(st.day.y, st.day.m)}-${two(st.day.d)}` : fmtYm(st.month!.y, st.month!.m)}`;
    const delta = month - ref.m + ((day ?? ref.d) - ref.d) / 31;
    // "had begun in March" looks back; "by the end of March they had launched" does not
    if (tenseAt(ctx) === 'past-perfect' && qualifier !== 'by') {
      if (delta > 0.5) y -= 1;
    } else if (delta <= -ROLLOVER_MONTHS || (st.furthest && st.furthest.y === y && month - st.furthest.m <= -ROLLOVER_MONTHS)) {
      // far back from where the story is, or from the furthest it had gone this year before a
      // flashback (`by November 21 ... on September 17, 1894 ... on February 2`: 1895)
      y += 1;
    }
  }
  if (st.scope) {
    const lo = st.scope.from.y;
    const hi = st.scope.to.y;
    if (y < lo || y > hi) {
      y = y < lo ? lo : hi;
      basis = 'heading';
      from = `heading:${st.scope.text}`;
    }
  }
  // News reports what has happened: a month more than a month after the publication date, in a
  // clause that is not about the future, is the previous year's (`since the outbreak of the revolt
  // mid-March`, in a February article whose story has reached Monday).
  const dct = ctx.mode === 'news' ? ctx.documentDate : undefined;
  if (dct && y === dct.y && month - dct.m + ((day ?? 15) - dct.d) / 31 > 1 && tenseAt(ctx) !== 'future') {
    y -= 1;
    basis = 'document-date';
    from = `published:${dct.y}-${two(dct.m)}-${two(dct.d)}`;
  }
  return { y, basis, from };
}

/** Where a season falls in a year: its winter (which ends in it) first. */
const seasonOrder = (s: Season): number => (s === 'WI' ? 0 : s === 'SP' ? 1 : s === 'SU' ? 2 : 3);

/**
 * How far into its year a point is, on seasonOrder's scale (January and February 0, in its
 * winter; December 4, in the next year's); -1 when the point is a whole year or longer.
 */
function positionInYear(p: CalPoint): number {
  if (p.gran === 'season' && p.season) return seasonOrder(p.season);
  if (p.m === undefined || (p.gran !== 'month' && p.gran !== 'day' && p.gran !== 'week')) return -1;
  return p.m <= 2 ? 0 : p.m <= 5 ? 1 : p.m <= 8 ? 2 : p.m <= 11 ? 3 : 4;
}

/** The point starts after the day `d`. */
function afterDay(p: CalPoint, d: Ymd): boolean {
  const s = boundsOf(p).start;
  return s.y * 10000 + s.m * 100 + s.d > d.y * 10000 + d.m * 100 + d.d;
}

/** The narrative is past the winter that ends in its year (in its spring or later). */
function pastWinter(st: NarrativeState): boolean {
  return !!st.point && st.point.y === st.year && positionInYear(st.point) >= 1;
}

function calendarPoint(k: Known, st: NarrativeState, ctx: ResolveContext, qualifier?: string): { point?: CalPoint; basis: YearBasisKind; from?: string } {
  const bcCtx = st.bc;
  if (k.century !== undefined) {
    const bc = k.era === 'BC';
    const p = calPoint('century', bc ? 1 - k.century * 100 : k.century * 100);
    p.century = k.century;
    p.bc = bc;
    if (k.part) p.part = k.part;
    return { point: p, basis: 'explicit' };
  }
  if (k.decade !== undefined) {
    const bc = k.era === 'BC' || (k.era === undefined && bcCtx && k.decade < 100);
    const p = calPoint('decade', bc ? 1 - k.decade * 10 : k.decade * 10);
    p.decade = k.decade;
    p.bc = bc;
    if (k.part) p.part = k.part;
    return { point: p, basis: 'explicit' };
  }
  let y: number | undefined;
  let basis: YearBasisKind = 'explicit';
  let from: string | undefined;
  let winterOfDecember = false;
  if (k.year !== undefined) {
    y = astro(k.year, k.era, bcCtx);
    // `the winter of 1914` is the one that begins in its December (and is named by the next year).
    if (k.season === 'WI') {
      y += 1;
      winterOfDecember = true;
    }
  } else if (k.month !== undefined) {
    const c = chooseYear(k.month, k.day, st, ctx, qualifier);
    if (c) { y = c.y; basis = c.basis; from = c.from; }
  } else if (k.season !== undefined) {
    if (st.year !== undefined) {
      y = st.year;
      basis = 'inherited';
      const at = st.point && st.point.y === y ? positionInYear(st.point) : -1;
      // A narrative goes forward: after a season or the autumn, a season earlier in the year is the
      // next year's (`in the summer and autumn of 481 BC ... they passed the winter. Early in spring
      // ...`: spring 480 BC). After a date earlier than the autumn a season is as likely the one
      // before it (a heading's `June 479 BC`, then `Over the winter`). Not in a past perfect clause.
      const season = st.point?.gran === 'season';
      const looksBack = tenseAt(ctx) === 'past-perfect';
      // A winter: the one after this point once the narrative is past a winter's end (in a season
      // after it, or from September); else the one that ends in this year (`Campaign of 1905.
      // Harsh winter`: January 1905; a heading's `June 479 BC`, then `Over the winter`).
      if (k.season === 'WI') {
        if (!looksBack && (at >= 3 || (season && at >= 1))) y += 1;
      } else if (!looksBack && (season || at >= 3) && seasonOrder(k.season) < at) y += 1;
      from = `previous:${y}`;
    }
    else if (st.scope) { y = st.scope.from.y; basis = 'heading'; from = `heading:${st.scope.text}`; }
    else if (ctx.documentDate) { y = ctx.documentDate.y; basis = 'document-date'; from = 'published'; }
  }
  if (y === undefined) return { basis: 'inherited' };
  const p = yearPoint(y);
  if (k.season) { p.gran = 'season'; p.season = k.season; }
  if (winterOfDecember) p.winterOfDecember = true;
  if (k.month !== undefined) { p.gran = 'month'; p.m = k.month; }
  if (k.day !== undefined && k.month !== undefined) { p.gran = 'day'; p.d = k.day; }
  if (k.part) p.part = k.part;
  if (k.edge) p.edge = true;
  if (k.tod) p.tod = k.tod;
  if (k.hour !== undefined) { p.hour = k.hour; p.minute = k.minute ?? 0; }
  const out: { point?: CalPoint; basis: YearBasisKind; from?: string } = { point: p, basis };
  if (from) out.from = from;
  return out;
}

/**
 * A point with every field present (absent ones undefined): one object shape for all points,
 * so the reads of resolution and TIMEX output stay fast. No spreads on this hot path.
 */
function calPoint(gran: CalPoint['gran'], y: number): CalPoint {
  return {
    gran, y, m: undefined, d: undefined, week: undefined, weekend: undefined, season: undefined, part: undefined, edge: undefined,
    tod: undefined, hour: undefined, minute: undefined, decade: undefined, century: undefined, bc: undefined, winterOfDecember: undefined,
  };
}

function copyPoint(p: CalPoint): CalPoint {
  return {
    gran: p.gran, y: p.y, m: p.m, d: p.d, week: p.week, weekend: p.weekend, season: p.season, part: p.part, edge: p.edge,
    tod: p.tod, hour: p.hour, minute: p.minute, decade: p.decade, century: p.century, bc: p.bc, winterOfDecember: p.winterOfDecember,
  };
}

function dayPoint(d: Ymd): CalPoint {
  const p = calPoint('day', d.y);
  p.m = d.m;
  p.d = d.d;
  return p;
}

function monthPoint(y: number, m: number): CalPoint {
  const p = calPoint('month', y);
  p.m = m;
  return p;
}

function yearPoint(y: number): CalPoint {
  const p = calPoint('year', y);
  p.bc = y <= 0;
  return p;
}

function weekPoint(w: { y: number; w: number }): CalPoint {
  const p = calPoint('week', w.y);
  p.week = w.w;
  return p;
}

function weekendPoint(d: Ymd): CalPoint {
  const p = weekPoint(isoWeek(d));
  p.weekend = true;
  return p;
}

/**
 * The weekend n weekends from a day: the next (n = 1) is the one ahead, that week's own on a
 * weekday, the next week's on a Saturday or Sunday; the previous (n = -1) is the week before's.
 */
function weekendFrom(day: Ymd, n: number): CalPoint {
  const onWeekend = weekday(day) >= 6;
  return weekendPoint(addDays(day, 7 * (n > 0 && !onWeekend ? n - 1 : n)));
}

function describeDay(d: Ymd): string {
  return `${fmtYm(d.y, d.m)}-${two(d.d)}`;
}

function dayOf(p: CalPoint | undefined): Ymd | undefined {
  return p && p.gran === 'day' && p.m && p.d ? { y: p.y, m: p.m, d: p.d } : undefined;
}

function describe(p: CalPoint): string {
  if (p.gran === 'day') return `${fmtYm(p.y, p.m)}-${two(p.d)}`;
  if (p.gran === 'month') return fmtYm(p.y, p.m);
  return String(p.y);
}

function sameUnit(unit: string, st: NarrativeState): { point?: CalPoint; from?: string } {
  if (unit === 'any') return st.point ? { point: copyPoint(st.point), from: `previous:${describe(st.point)}` } : {};
  if (unit === 'day' || unit === 'week' || unit === 'weekend') {
    if (!st.day) return {};
    const from = `previous:${describeDay(st.day)}`;
    if (unit === 'week') return { point: weekPoint(isoWeek(st.day)), from };
    if (unit === 'weekend') return { point: weekendPoint(st.day), from };
    return { point: dayPoint(st.day), from };
  }
  if (unit === 'month') {
    const mm = st.month ?? (st.day ? { y: st.day.y, m: st.day.m } : undefined);
    return mm ? { point: monthPoint(mm.y, mm.m), from: `previous:${fmtYm(mm.y, mm.m)}` } : {};
  }
  if (unit === 'year' || unit === 'season') {
    return st.year !== undefined ? { point: yearPoint(st.year), from: `previous:${st.year}` } : {};
  }
  return {};
}

function offsetPoint(unit: string, n: number, st: NarrativeState): { point?: CalPoint; from?: string } {
  if (unit === 'day' || unit === 'week' || unit === 'weekend') {
    if (!st.day) return {};
    const from = `previous:${describeDay(st.day)}`;
    if (unit === 'week') return { point: weekPoint(isoWeek(addDays(st.day, 7 * n))), from };
    if (unit === 'weekend') return { point: weekendFrom(st.day, n), from };
    return { point: dayPoint(addDays(st.day, n)), from };
  }
  if (unit === 'month') {
    const mm = st.month ?? (st.day ? { y: st.day.y, m: st.day.m } : undefined);
    if (!mm) return {};
    const r = addMonths(mm.y, mm.m, n);
    return { point: monthPoint(r.y, r.m), from: `previous:${fmtYm(mm.y, mm.m)}` };
  }
  if (unit === 'year' || unit === 'season') {
    if (st.year === undefined) return {};
    return { point: yearPoint(st.year + n), from: `previous:${st.year}` };
  }
  if (unit === 'century') {
    // TIMEX2's digits: 19 for the 1900s, BC04 for 499-400 BC (which the previous century of 387 BC is)
    if (st.year === undefined) return {};
    const bc = st.year <= 0;
    const digits = bc ? Math.floor((1 - st.year) / 100) - n : Math.floor(st.year / 100) + n;
    if (digits < 0) return {};
    const p = calPoint('century', bc ? 1 - digits * 100 : digits * 100);
    p.century = digits;
    p.bc = bc;
    return { point: p, from: `previous:${st.year}` };
  }
  if (unit === 'decade') {
    if (st.year === undefined) return {};
    const y = st.year + 10 * n;
    const bc = y <= 0;
    const decade = bc ? Math.floor((1 - y) / 10) : Math.floor(y / 10);
    const p = calPoint('decade', y);
    p.decade = decade;
    p.bc = bc;
    return { point: p, from: `previous:${st.year}` };
  }
  return {};
}

function weekdayPoint(wd: number, st: NarrativeState, ctx: ResolveContext): { point?: CalPoint; from?: string; basis: YearBasisKind } {
  const ref = ctx.mode === 'news' && ctx.documentDate ? ctx.documentDate : st.day;
  if (!ref) return { basis: 'inherited' };
  const cur = weekday(ref);
  let diff: number;
  if (ctx.mode === 'news' && ctx.documentDate) {
    const tense = tenseAt(ctx);
    if (tense === 'future') diff = ((wd - cur + 7) % 7) || 7;
    else diff = -((cur - wd + 7) % 7);
  } else {
    diff = ((wd - cur + 7) % 7);
    if (diff > 3) diff -= 7;
  }
  const d = addDays(ref, diff);
  const from = ref === ctx.documentDate ? 'published' : 'previous';
  return { point: dayPoint(d), from: `${from}:${describeDay(ref)}`, basis: ctx.mode === 'news' ? 'document-date' : 'inherited' };
}

/** A resolution with its keys in one order (point, yearBasis, resolvedFrom); no spreads on a hot path. */
function resolution(point: CalPoint | undefined, yearBasis: YearBasisKind, from: string | undefined): Resolution {
  return resolved(point, undefined, yearBasis, from);
}

/**
 * Every resolution has one object shape, all its fields present (absent ones undefined), so the
 * passes reading them at every mention see one shape.
 */
function resolved(point: CalPoint | undefined, special: string | undefined, yearBasis: YearBasisKind, from: string | undefined): Resolution {
  return { point, to: undefined, list: undefined, special, yearBasis, resolvedFrom: from || undefined };
}

const UNKNOWN_AT: Partial<Record<string, string>> = { day: 'XXXX-XX-XX', week: 'XXXX-WXX', month: 'XXXX-XX', year: 'XXXX' };

/** Resolve one mention (not a range) without changing the state. */
function resolveSingle(m: Mention, st: NarrativeState, ctx: ResolveContext): Resolution {
  const a = m.anchor;
  const k = m.known;
  switch (a.kind) {
    case 'calendar': {
      const r = calendarPoint(k, st, ctx, m.qualifier);
      return resolution(r.point, r.basis, r.from);
    }
    case 'offset': {
      const r = offsetPoint(a.unit, a.n, st);
      // News reports what has happened: a count forward past the publication day, in a clause
      // not about the future, counts from some other event (`the gains come a month after it
      // started an offensive`), not from the story's time.
      if (r.point && a.n > 0 && ctx.mode === 'news' && ctx.documentDate && afterDay(r.point, ctx.documentDate) && tenseAt(ctx) !== 'future') return resolution(undefined, 'inherited', r.from);
      if (r.point && k.tod) r.point.tod = k.tod;
      if (r.point && a.unit === 'season' && k.season) {
        r.point.gran = 'season';
        r.point.season = k.season;
        // `the previous winter` after the spring is the one that ended in this year.
        if (k.season === 'WI' && a.n < 0 && pastWinter(st)) r.point.y += 1;
      }
      return resolution(r.point, 'inherited', r.from);
    }
    case 'event-part': {
      // from the day the event began, or (no such day said, or said of one long before the
      // current day: `the first day of the operation` two years on is another operation's) the
      // current day as its first
      const began = st.began?.get(a.noun);
      const recent = began && (!st.day || (dayDiff(st.day, began) >= 0 && dayDiff(st.day, began) <= EVENT_MEMORY_DAYS));
      const first = recent ? began : st.day;
      if (!first) return resolution(undefined, 'inherited', undefined);
      const from = `${recent ? 'began' : 'previous'}:${describeDay(first)}`;
      const p = dayPoint(addDays(first, a.n));
      if (k.tod) p.tod = k.tod;
      const r = resolution(p, 'inherited', from);
      if (a.days > 1) r.to = dayPoint(addDays(first, a.n + a.days - 1));
      return r;
    }
    case 'same': {
      const r = sameUnit(a.unit, st);
      if (r.point) {
        if (k.tod) r.point.tod = k.tod;
        if (k.hour !== undefined) { r.point.hour = k.hour; r.point.minute = k.minute ?? 0; }
        if (k.part) r.point.part = k.part;
        if (k.season) {
          r.point.gran = 'season';
          r.point.season = k.season;
          // `that winter` in the autumn is the coming one, named by the next year.
          if (k.season === 'WI' && pastWinter(st)) r.point.y += 1;
        }
      }
      return resolution(r.point, 'inherited', r.from);
    }
    case 'deictic': {
      // `this week` in a narrative (or with no date of the document): the story's own week
      if (a.orSame && (ctx.mode !== 'news' || !ctx.documentDate)) {
        const unit = a.unit ?? 'day';
        return resolveSingle({ ...m, anchor: a.n === 0 ? { kind: 'same', unit } : { kind: 'offset', unit, n: a.n } }, st, ctx);
      }
      // `four days ago`, `yesterday` in a narrative (a quotation, a speech): counted back from the
      // story's time when it has one at the unit (`signing the agreement two years ago`, in 1975: 1973)
      if (!ctx.documentDate && ctx.mode === 'narrative' && a.n !== 0) {
        const r = offsetPoint(a.unit ?? 'day', a.n, st);
        if (r.point) return resolution(r.point, 'inherited', r.from);
      }
      // Without a document date the value is unknown at the unit's granularity ("15 months ago": XXXX-XX).
      if (!ctx.documentDate) return resolved(undefined, a.n === 0 && !k.tod ? 'PRESENT_REF' : UNKNOWN_AT[a.unit ?? 'day'] ?? 'PAST_REF', 'inherited', undefined);
      if (a.unit && a.unit !== 'day') {
        // "a year ago", "two months ago": that unit counted back from the document's date
        const d0 = ctx.documentDate;
        // `over the weekend` in a report of what happened, on a weekday: the weekend just gone
        const n = a.unit === 'weekend' && a.n === 0 && weekday(d0) < 6 && tenseAt(ctx) !== 'future' ? -1 : a.n;
        const r = offsetPoint(a.unit, n, { day: d0, month: { y: d0.y, m: d0.m }, year: d0.y, bc: false });
        if (r.point && a.unit === 'season' && k.season) {
          r.point.gran = 'season';
          r.point.season = k.season;
        }
        return resolved(r.point, r.point ? undefined : 'PAST_REF', 'document-date', 'published');
      }
      const d = addDays(ctx.documentDate, a.n);
      const p = dayPoint(d);
      if (k.tod) p.tod = k.tod;
      return resolved(p, undefined, 'document-date', 'published');
    }
    case 'weekday': {
      const r = weekdayPoint(k.weekday!, st, ctx);
      return resolved(r.point, r.point ? undefined : `XXXX-WXX-${k.weekday}`, r.basis, r.from);
    }
    case 'vague-offset':
      return resolved(undefined, a.dir > 0 ? 'FUTURE_REF' : 'PAST_REF', 'inherited', undefined);
    case 'present':
      return resolved(undefined, 'PRESENT_REF', 'inherited', undefined);
    case 'past':
      return resolved(undefined, 'PAST_REF', 'inherited', undefined);
    case 'future':
      return resolved(undefined, 'FUTURE_REF', 'inherited', undefined);
    case 'duration':
    case 'set':
      return resolved(undefined, a.value, 'explicit', undefined);
  }
}

// `troops launched an offensive`, `the siege began`: the sentence's day is the day that event began.
const EVENTS = 'offensives?|operations?|assaults?|sieges?|campaigns?|attacks?|bombardments?|truces?|ceasefires?|cease-fires?|evacuations?|battles?|invasions?|counter-offensives?|counteroffensives?|blockades?|raids?';
const BEGAN_OBJECT = new RegExp(`\\b(?:launched|began|started|initiated|mounted|opened|laid|imposed|declared|agreed)\\s+(?:an?|the|its|their|his|her)\\s+(?:[\\w-]+\\s+){0,3}?(${EVENTS})\\b`, 'i');
const BEGAN_SUBJECT = new RegExp(`\\bthe\\s+(?:[\\w-]+\\s+){0,2}?(${EVENTS})\\s+(?:began|started|was\\s+launched|commenced|opened)\\b`, 'i');

/** Remembers the day an event began when the sentence dated on that day says so. */
export function noteBeginning(st: NarrativeState, clause: string, day: Ymd): void {
  const m = BEGAN_OBJECT.exec(clause) ?? BEGAN_SUBJECT.exec(clause);
  if (m) (st.began ??= new Map()).set(eventNoun(m[1]!), day);
}

/** Move the narrative anchor to a resolved point. */
export function advance(st: NarrativeState, p: CalPoint): void {
  if (p.gran === 'century' || p.gran === 'decade' || p.gran === 'week') return;
  st.bc = p.y <= 0;
  if (p.gran === 'day' && p.m && p.d) {
    st.day = { y: p.y, m: p.m, d: p.d };
    st.month = { y: p.y, m: p.m };
  } else if (p.gran === 'month' && p.m) {
    if (!st.month || st.month.y !== p.y || st.month.m !== p.m) st.day = undefined;
    st.month = { y: p.y, m: p.m };
  } else {
    if (st.year !== p.y) { st.month = undefined; st.day = undefined; }
  }
  st.year = p.y;
  st.point = copyPoint(p);
  st.fromText = true;
  if (st.month && (!st.furthest || st.furthest.y !== st.month.y || st.furthest.m < st.month.m)) st.furthest = st.month;
}

function crossesYearEnd(from: Mention, to: Mention): boolean {
  const a = from.known;
  const b = to.known;
  return from.anchor.kind === 'calendar' && to.anchor.kind === 'calendar' && a.year === undefined && b.year === undefined &&
    a.month !== undefined && b.month !== undefined && b.month < a.month;
}

/** Resolve a mention (ranges included) and advance the state when it may anchor. */
export function resolveMention(m: Mention, st: NarrativeState, ctx: ResolveContext): Resolution {
  if (m.range) {
    const { from, to } = m.range;
    let rf: Resolution;
    let rt: Resolution;
    const fromYearless = from.known.year === undefined && from.anchor.kind === 'calendar' && from.known.month !== undefined;
    if (fromYearless && to.known.year !== undefined) {
      rt = resolveSingle(to, st, ctx);
      // the left side takes the right side's year ("From 4 February to 1 March 2012")
      const left = pinnedState(st, rt.point?.y ?? st.year);
      rf = resolveSingle(from, left, ctx);
      if (rf.point && rt.point && rt.point.gran !== 'year') {
        rf.point.y = rt.point.y;
        if ((rf.point.m ?? 0) > (rt.point.m ?? 13)) rf.point.y -= 1;
        rf.yearBasis = 'explicit';
        rf.resolvedFrom = 'range-end';
      } else if (rf.point && rt.point) {
        rf.point.y = rt.point.y;
      }
    } else if (crossesYearEnd(from, to) && st.year !== undefined) {
      // "from October to March" with no year: the range whose end lies nearest the current time
      const ref = st.day ?? (st.month ? { ...st.month, d: 15 } : { y: st.year, m: 6, d: 15 });
      const toMonth = to.known.month!;
      let best = ref.y;
      for (const y of [ref.y - 1, ref.y + 1]) if (Math.abs((y - ref.y) * 12 + toMonth - ref.m) < Math.abs((best - ref.y) * 12 + toMonth - ref.m)) best = y;
      const pin = (y: number): NarrativeState => pinnedState(st, y);
      rt = resolveSingle(to, pin(best), ctx);
      rf = resolveSingle(from, pin(best - 1), ctx);
      if (rt.point) rt.resolvedFrom = `previous:${fmtYm(ref.y, ref.m)}`;
    } else {
      rf = resolveSingle(from, st, ctx);
      const tmp = copyState(st);
      if (rf.point) advance(tmp, rf.point);
      rt = resolveSingle(to, tmp, ctx);
      if (rf.point && rt.point && to.known.year === undefined && rt.point.m !== undefined && rf.point.m !== undefined &&
          (rt.point.y < rf.point.y || (rt.point.y === rf.point.y && rt.point.m < rf.point.m))) {
        rt.point.y = rf.point.y + 1;
      }
    }
    const res = resolved(rf.point || undefined, undefined, rf.yearBasis === 'explicit' || rt.yearBasis === 'explicit' ? 'explicit' : rf.yearBasis, rt.resolvedFrom ?? rf.resolvedFrom);
    if (rt.point) res.to = rt.point;
    if (m.range.list) res.list = true;
    return res;
  }
  return resolveSingle(m, st, ctx);
}

/** A sortable key of the end of a point, coarse enough for "more than two years back". */
function endKey(p: CalPoint): number {
  if (p.gran === 'decade' || p.gran === 'century') { const b = boundsOf(p).end; return b.y * 10000 + 1231; }
  return p.y * 10000 + (p.m ?? 12) * 100 + (p.d ?? 31);
}

const BOUND_BEFORE = /\b(?:until|till|since)\s[^,;.()]*$/i;

export interface AdvancePolicy {
  /** The expression opens its sentence ("On 8 May, ..."): it frames what follows. */
  initial: boolean;
  /** In an aside (parentheses) or a heading. */
  aside: boolean;
}

/**
 * Whether a resolved expression moves the narrative's current time. Sentence-initial
 * expressions always do; inside a sentence, a flashback (ending before the current time), a
 * backward count ("two days previously") or a planned date does not.
 */
export function shouldAdvance(m: Mention, r: Resolution, st: NarrativeState, ctx: ResolveContext, policy: AdvancePolicy): boolean {
  if (policy.aside || m.attributive || m.noValue || m.statementOnly || m.prospective) return false;
  const p = r.to ?? r.point;
  if (!p) return false;
  // counts back ("two days previously") never move the story; counts forward only when they open
  // the sentence ("The next day, ..."), not inside it ("continued into the next day")
  // ("continued into the next day"); inside it, a count forward that dates the clause's own event
  // moves the story too (`Thompson surrendered his brigade the next day and the day following saw`)
  if (m.anchor.kind === 'offset' && (m.anchor.n < 0 || (!policy.initial && !datesOwnEvent(m, ctx)))) return false;
  // nor does a narrative's `two years ago` (a speaker's count back from the story's time)
  if (m.anchor.kind === 'deictic' && m.anchor.n < 0 && ctx.mode === 'narrative') return false;
  // "that day", "during the month" restate the current time; they must not coarsen it
  if (m.anchor.kind === 'same' || m.anchor.kind === 'event-part') return false;
  if (policy.initial) return true;
  if (tenseAt(ctx) === 'future') return false;
  // "since March", "until August 1995" bound a state of affairs; they are not the new "now"
  if (m.qualifier === 'since' || m.qualifier === 'until') return false;
  // ... "that lasted until the fall of Budapest in February 1945": still the bound of a state
  if (ctx.at !== undefined && ctx.clauseStart !== undefined &&
      BOUND_BEFORE.test(ctx.clause.slice(Math.max(0, ctx.at - ctx.clauseStart - 45), ctx.at - ctx.clauseStart))) return false;
  // a far jump inside a sentence to a month or a year ("in August 1995", "declassified in 2005")
  // is an aside; a full date ("on the morning of 31 January 1965") resets the story's time
  if (st.point && m.anchor.kind === 'calendar') {
    const d = endKey(p) - endKey(st.point);
    if ((d < -20000 && p.gran !== 'day') || (d > 20000 && p.gran !== 'day' && p.gran !== 'month')) return false;
  }
  return true;
}

// Words before a count forward that make it a bound or a reach of something else, not its event's time.
const BOUND_WORD_BEFORE = /\b(?:into|until|till|through|to|before|by|of|for|from|since|than|throughout|over)\s+(?:the\s+|a\s+)?$/i;

/** A forward count inside a sentence dates its clause's own event: no word of a bound before it, not the future. */
function datesOwnEvent(m: Mention, ctx: ResolveContext): boolean {
  if (ctx.at === undefined || ctx.clauseStart === undefined) return false;
  const before = ctx.clause.slice(Math.max(0, ctx.at - ctx.clauseStart - 20), ctx.at - ctx.clauseStart);
  if (BOUND_WORD_BEFORE.test(before) || tenseAt(ctx) === 'future') return false;
  // `a day after 14 civilians were killed`, `two days after the attack`: counted from another
  // event, not from the story's time (only a verb may follow: `the day following saw`).
  if (/\b(?:after|before|following)$/i.test(m.text)) {
    const after = ctx.clause.slice(ctx.at - ctx.clauseStart + m.text.length, ctx.at - ctx.clauseStart + m.text.length + 16);
    if (/^\s+[\p{L}\d]/u.test(after) && !EVENT_VERB_AFTER.test(after)) return false;
  }
  return true;
}

// A verb right after `the day following` (its subject): the count is the clause's own time.
const EVENT_VERB_AFTER = /^\s+(?:saw|brought|was|were|began|came|found|witnessed|marked|\w+ed)\b/;

/**
 * A dated section starts at its date (the start of a heading's range): the previous section's
 * day no longer anchors.
 */
export function enterSection(st: NarrativeState, p: CalPoint): void {
  st.year = p.y;
  st.month = p.m ? { y: p.y, m: p.m } : undefined;
  st.day = undefined;
  st.point = calPoint(p.m ? 'month' : 'year', p.y);
  if (p.m) st.point.m = p.m;
  st.fromText = true;
}

/** Resolve, then advance the state if the policy allows; returns the resolution. */
export function resolveAndAdvance(m: Mention, st: NarrativeState, ctx: ResolveContext, policy: AdvancePolicy): Resolution {
  const r = resolveMention(m, st, ctx);
  if (shouldAdvance(m, r, st, ctx, policy)) {
    const p = (r.to ?? r.point)!;
    advance(st, p);
    // a sentence that opens on a date outside the section's heading range leaves the heading's scope
    if (policy.initial && st.scope && m.anchor.kind === 'calendar' && (p.y < st.scope.from.y || p.y > st.scope.to.y)) st.scope = undefined;
  }
  return r;
}

