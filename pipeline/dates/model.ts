// The tagger's internal shapes. A Mention is what pass 1 (recognition) read from the text:
// `known` holds only parts written in the expression (chrono's `assign`); everything else
// (year, month, the anchor of "the next day") is MISSING and filled by pass 2 (resolution),
// which records what it implied and from where.
import type { DateQualifier } from '../types.ts';

export type Part = 'START' | 'MID' | 'END';
export type Season = 'SP' | 'SU' | 'FA' | 'WI';
export type TimeOfDay = 'MO' | 'AF' | 'EV' | 'NI' | 'DT';
export type Unit = 'day' | 'week' | 'weekend' | 'month' | 'year' | 'decade' | 'century' | 'season';

/** Parts read from the text. Years are as written (positive) with `era`. */
export interface Known {
  era?: 'BC' | 'AD';
  year?: number;
  month?: number; // 1-12
  day?: number;
  decade?: number; // 196 for the 1960s
  century?: number; // 19 for the 20th century (TIMEX2 convention)
  season?: Season;
  part?: Part;
  /** The part came from "the end/beginning of" (an edge), not early/mid/late (a third). */
  edge?: boolean;
  weekday?: number; // 1 Monday .. 7 Sunday (ISO)
  tod?: TimeOfDay;
  hour?: number;
  minute?: number;
}

/** How the missing parts are to be found. */
export type Anchor =
  | { kind: 'calendar' } // built from `known`; a missing year/month comes from the narrative
  | { kind: 'offset'; unit: Unit; n: number } // the next day, two weeks later, the previous year
  | { kind: 'vague-offset'; dir: 1 | -1; unit: Unit } // a few days later
  | { kind: 'same'; unit: Unit | 'any' } // that day, later that month, meanwhile, this time
  | { kind: 'deictic'; n: number; unit?: Unit; orSame?: boolean } // yesterday / today / tomorrow / two years ago: against the document date; orSame (`this week`): the story's own week in a narrative
  | { kind: 'event-part'; noun: string; n: number; days: number } // the second day of the offensive, the first two days of the siege: counted from the day the text said it began
  | { kind: 'weekday' }
  | { kind: 'present' }
  | { kind: 'past' }
  | { kind: 'future' }
  | { kind: 'duration'; value: string }
  | { kind: 'set'; value: string };

/**
 * Every mention's known parts and anchor get one object shape each (absent fields undefined),
 * whatever rule drafted them: later passes read these fields at every mention, and property
 * reads on objects of one shape stay fast where dozens of shapes would not.
 */
export function fixedKnown(k: Known): Known {
  const out: Known = {
    era: undefined, year: undefined, month: undefined, day: undefined, decade: undefined, century: undefined, season: undefined,
    part: undefined, edge: undefined, weekday: undefined, tod: undefined, hour: undefined, minute: undefined,
  };
  // copies the few parts the draft has (reading all thirteen from drafts of many shapes is slower)
  return Object.assign(out, k);
}

/** The anchor with every field any anchor kind has (see fixedKnown). */
export function fixedAnchor(a: Anchor): Anchor {
  const x = a as { kind: Anchor['kind']; unit?: unknown; n?: unknown; dir?: unknown; value?: unknown; orSame?: unknown; noun?: unknown; days?: unknown };
  return { kind: x.kind, unit: x.unit, n: x.n, dir: x.dir, value: x.value, orSame: x.orSame, noun: x.noun, days: x.days } as Anchor;
}

export interface Mention {
  start: number;
  end: number;
  text: string;
  rule: string;
  known: Known;
  anchor: Anchor;
  /** TIMEX2 mod read from the expression (APPROX, ON_OR_BEFORE ...); parts go in known.part. */
  mod?: string;
  /** Statement qualifier read from a preposition or adverb before the expression. */
  qualifier?: DateQualifier;
  /** Start of the statement-level expression (with its preposition: "On 8 May"). */
  lead?: number;
  /** Two ends of a range or list ("between 20 and 22 January", "late March and early April"). */
  range?: { from: Mention; to: Mention; list?: boolean; split?: boolean };
  /** A year used as a modifier ("the 1982 Hama massacre"): a value, never an anchor. */
  attributive?: boolean;
  /** Dates a statement but is no TIMEX (sentence-initial "Later", "After the ambush"). */
  statementOnly?: boolean;
  /** A span of time still to come ("in the coming weeks", "within days"): dates a plan at the current time. */
  prospective?: boolean;
  /** "during the siege": the whole event the document is about (its infobox Date). */
  event?: boolean;
  /** A TIMEX the WikiWars guidelines leave without a value ("this period"). */
  noValue?: boolean;
}

/** A resolved calendar value; `y` is astronomical (1 BC = 0, 480 BC = -479). */
export interface CalPoint {
  gran: 'day' | 'week' | 'month' | 'season' | 'year' | 'decade' | 'century';
  y: number;
  m?: number;
  d?: number;
  week?: number; // ISO week number when gran = week
  /** Only the Saturday and Sunday of the week (TIMEX2 2012-W05-WE). */
  weekend?: boolean;
  season?: Season;
  part?: Part;
  edge?: boolean;
  tod?: TimeOfDay;
  hour?: number;
  minute?: number;
  decade?: number; // astronomical-free decade id as TIMEX writes it (196, or 47 for the 470s BC)
  century?: number;
  bc?: boolean;
  /**
   * A winter written with the year of its December (`the winter of 1914`: December 1914 to
   * February 1915, y = 1915): TIMEX2 writes the year as written (1914-WI).
   */
  winterOfDecember?: boolean;
}

export type YearBasisKind = 'explicit' | 'inherited' | 'heading' | 'document-date';

export interface Resolution {
  point?: CalPoint;
  to?: CalPoint; // end of a range
  list?: boolean;
  /** TIMEX2 value when not a calendar point (P3Y, PRESENT_REF, XXXX-XX-XX ...). */
  special?: string;
  yearBasis: YearBasisKind;
  resolvedFrom?: string;
}
