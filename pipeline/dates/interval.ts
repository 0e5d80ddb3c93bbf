// From a resolved value to what a statement publishes: inclusive ISO start/end, EDTF, precision,
// and the ACLED / UCDP precision codes. Conventions (PROTOCOL.md): early/mid/late month =
// days 1-10 / 11-20 / 21-end; the end of a year = 21-31 December; early/mid/late year =
// Jan-Apr / May-Aug / Sep-Dec; seasons are meteorological (spring = March-May; a winter is named
// by the year of its January, see SEASON_MONTHS). A day is never
// invented: a month stays a month.
import edtf from 'edtf';
import { addDays, daysInMonth, isoDate, isoWeekStart, pad, type Ymd } from './calendar.ts';
import type { CalPoint } from './model.ts';
import type { DatePrecision, DateQualifier } from '../types.ts';

export interface Bounds { start: Ymd; end: Ymd }

// A winter is named by the year it ends in (as climate records name December-February, and as
// the WikiWars annotators name a winter the text gives no year for): 1905-WI is December 1904 to
// February 1905. Month 0 is the December before. (`The winter of 1914` is 1915's: see winterOfDecember.)
const SEASON_MONTHS: Record<string, [number, number]> = { SP: [3, 5], SU: [6, 8], FA: [9, 11], WI: [0, 2] };

export function boundsOf(p: CalPoint): Bounds {
  switch (p.gran) {
    case 'day':
      return { start: { y: p.y, m: p.m!, d: p.d! }, end: { y: p.y, m: p.m!, d: p.d! } };
    case 'week': {
      const s = isoWeekStart(p.y, p.week!);
      return p.weekend ? { start: addDays(s, 5), end: addDays(s, 6) } : { start: s, end: addDays(s, 6) };
    }
    case 'month': {
      const last = daysInMonth(p.y, p.m!);
      if (p.part === 'START') return { start: { y: p.y, m: p.m!, d: 1 }, end: { y: p.y, m: p.m!, d: 10 } };
      if (p.part === 'MID') return { start: { y: p.y, m: p.m!, d: 11 }, end: { y: p.y, m: p.m!, d: 20 } };
      if (p.part === 'END') return { start: { y: p.y, m: p.m!, d: 21 }, end: { y: p.y, m: p.m!, d: last } };
      return { start: { y: p.y, m: p.m!, d: 1 }, end: { y: p.y, m: p.m!, d: last } };
    }
    case 'season': {
      const [a, b] = SEASON_MONTHS[p.season!]!;
      const start = a < 1 ? { y: p.y - 1, m: 12, d: 1 } : { y: p.y, m: a, d: 1 };
      return { start, end: { y: p.y, m: b, d: daysInMonth(p.y, b) } };
    }
    case 'year': {
      if (p.edge && p.part === 'START') return { start: { y: p.y, m: 1, d: 1 }, end: { y: p.y, m: 1, d: 10 } };
      if (p.edge && p.part === 'END') return { start: { y: p.y, m: 12, d: 21 }, end: { y: p.y, m: 12, d: 31 } };
      if (p.part === 'START') return { start: { y: p.y, m: 1, d: 1 }, end: { y: p.y, m: 4, d: 30 } };
      if (p.part === 'MID') return { start: { y: p.y, m: 5, d: 1 }, end: { y: p.y, m: 8, d: 31 } };
      if (p.part === 'END') return { start: { y: p.y, m: 9, d: 1 }, end: { y: p.y, m: 12, d: 31 } };
      return { start: { y: p.y, m: 1, d: 1 }, end: { y: p.y, m: 12, d: 31 } };
    }
    case 'decade': {
      // a BC decade counts down: the 470s BC are 479-470 BC, astronomical -478..-469
      const y0 = p.bc && p.decade !== undefined ? 1 - (p.decade * 10 + 9) : p.y - (((p.y % 10) + 10) % 10);
      const [a, b] = p.part === 'START' ? [0, 3] : p.part === 'MID' ? [4, 6] : p.part === 'END' ? [7, 9] : [0, 9];
      return { start: { y: y0 + a, m: 1, d: 1 }, end: { y: y0 + b, m: 12, d: 31 } };
    }
    case 'century': {
      // TIMEX's century digits, BC counting down: BC04 (the fifth century BC) is 499-400 BC, -498..-399
      const y0 = p.bc && p.century !== undefined ? 1 - (p.century * 100 + 99) : p.y - (((p.y % 100) + 100) % 100);
      return { start: { y: y0, m: 1, d: 1 }, end: { y: y0 + 99, m: 12, d: 31 } };
    }
  }
}

export function precisionOf(p: CalPoint, ranged: boolean): DatePrecision {
  if (ranged) return 'interval';
  switch (p.gran) {
    case 'day': return p.tod || p.hour !== undefined ? 'time' : 'day';
    case 'month': return p.part ? 'part-of-month' : 'month';
    case 'year': return p.part ? 'part-of-month' : 'year';
    case 'season': return 'season';
    default: return 'interval';
  }
}

function isoOf(p: Ymd): string {
  return isoDate(p);
}

/** The EDTF of a single point (no qualifier). */
function pointEdtf(p: CalPoint, b: Bounds): string {
  if (p.gran === 'day') return isoOf(b.start);
  // built from parts, not sliced: a BC year carries a sign (-0491-05)
  if (p.gran === 'month' && !p.part) return `${pad(b.start.y, 4)}-${pad(b.start.m, 2)}`;
  if (p.gran === 'year' && !p.part) return pad(b.start.y, 4);
  return `${isoOf(b.start)}/${isoOf(b.end)}`;
}

export function edtfOf(p: CalPoint, b: Bounds, q: DateQualifier, ranged: { to: CalPoint; list: boolean } | undefined): string {
  if (ranged) {
    if (ranged.list && p.gran === 'day' && ranged.to.gran === 'day') return `{${isoOf(b.start)},${isoOf(b.end)}}`;
    return `${isoOf(b.start)}/${isoOf(b.end)}`;
  }
  const single = pointEdtf(p, b);
  const isInterval = single.includes('/');
  switch (q) {
    case 'around': return isInterval ? `${isoOf(b.start)}~/${isoOf(b.end)}~` : `${single}~`;
    case 'by': return `[..${isInterval ? isoOf(b.end) : single}]`;
    case 'before': return `[..${isInterval ? isoOf(b.start) : single}]`;
    case 'after': return `[${isInterval ? isoOf(b.end) : single}..]`;
    case 'since': return `${isInterval ? isoOf(b.start) : single}/..`;
    case 'until': return `../${isInterval ? isoOf(b.end) : single}`;
    default: return single;
  }
}

/** Whether edtf.js accepts the string (EDTF 2019, levels 0-2). */
export function validEdtf(s: string): boolean {
  // The parser is costly and the same values recur across a corpus: remember each verdict.
  let ok = edtfVerdicts.get(s);
  if (ok === undefined) {
    try {
      (edtf as unknown as (s: string) => unknown)(s);
      ok = true;
    } catch {
      ok = false;
    }
    if (edtfVerdicts.size >= 100_000) edtfVerdicts.clear();
    edtfVerdicts.set(s, ok);
  }
  return ok;
}

const edtfVerdicts = new Map<string, boolean>();

export function crosswalk(b: Bounds): { acled: 1 | 2 | 3; ucdp: 1 | 2 | 3 | 4 | 5 } {
  const days = Math.round((Date.UTC(b.end.y, b.end.m - 1, b.end.d) - Date.UTC(b.start.y, b.start.m - 1, b.start.d)) / 86400000) + 1;
  const acled = days <= 1 ? 1 : days <= 11 ? 2 : 3;
  const ucdp = days <= 1 ? 1 : days <= 6 ? 2 : days <= 7 ? 3 : days <= 31 ? 4 : 5;
  return { acled, ucdp };
}
