// Ranges and lists that share parts: between 20 and 22 January, 28 and 29 December,
// 20–22 January 2013, May 5–7, 1940, and the infobox range glued by a lost dash
// ("6 May 20119 May 2014"). Ranges of two full expressions ("from May 2011 to May 2014",
// "late March and early April") are joined later by the range refiner.
import { MONTH_RE, monthNumber } from '../lexicon.ts';
import { fixedAnchor, fixedKnown, type Mention } from '../model.ts';
import type { Draft, Rule } from './rule.ts';
import type { Refiner } from './refiner.ts';
import { dayAfterMonth, digitBefore, isRegexSpace, rule } from './rule.ts';

const DAY = '(?:[12]\\d|3[01]|0?[1-9])';
const ORD = '(?:st|nd|rd|th)?';

function part(start: number, end: number, d: Draft['known']): Draft & { start: number; end: number } {
  return { start, end, known: d, anchor: { kind: 'calendar' } };
}

function isDigitCode(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** /\d{4}\s*[–—-]/y matches at `at` within 7 characters: four digits, spaces, a dash. */
function yearDashAt(text: string, at: number): boolean {
  for (let i = at; i < at + 4; i++) if (!isDigitCode(text.charCodeAt(i))) return false;
  let k = at + 4;
  while (k < text.length && isRegexSpace(text.charCodeAt(k))) k++;
  const c = text.charCodeAt(k);
  return (c === 0x2013 || c === 0x2014 || c === 45) && k + 1 <= at + 7;
}

export const rangeRules: Rule[] = [
  // 6 May 20119 May 2014: an infobox "6 May 2011 – 9 May 2014" whose dash was stripped
  rule('ranges.glued-years', { on: ['month'], reach: [8, 40], near: digitBefore(10), digitStart: true }, `\\b(${DAY})\\s+(${MONTH_RE})\\s+((?:19|20)\\d{2})(${DAY})\\s+(${MONTH_RE})\\s+((?:19|20)\\d{2})\\b`, (m) => {
    const s = m.index;
    const cut = s + m[0].indexOf(m[3]!, m[1]!.length + m[2]!.length) + 4;
    return {
      known: {}, anchor: { kind: 'calendar' },
      range: {
        from: part(s, cut, { day: Number(m[1]), month: monthNumber(m[2]!)!, year: Number(m[3]) }),
        to: part(cut, s + m[0].length, { day: Number(m[4]), month: monthNumber(m[5]!)!, year: Number(m[6]) }),
        split: true,
      },
    };
  }),

  // 20 and 22 January (2013), 20–22 January, 28 to 30 May
  rule('ranges.days-month', { on: ['month'], reach: [26, 32], near: digitBefore(8), digitStart: true }, `\\b(${DAY})${ORD}\\s*(and|to|until|through|–|-|—|&)\\s*(${DAY})${ORD}\\s+(?:of\\s+)?(${MONTH_RE})(?:,?\\s+((?:1[0-9]|20)\\d{2}))?\\b`, (m) => {
    const s = m.index;
    const second = s + m[0].indexOf(m[3]!, m[1]!.length + m[2]!.length);
    const month = monthNumber(m[4]!)!;
    const y = m[5] ? { year: Number(m[5]) } : {};
    return {
      known: {}, anchor: { kind: 'calendar' },
      range: {
        from: part(s, s + m[1]!.length, { day: Number(m[1]), month, ...y }),
        to: part(second, s + m[0].length, { day: Number(m[3]), month, ...y }),
        list: m[2] === 'and' || m[2] === '&',
        split: true,
      },
    };
  }),

  // May 5–7, 1940 / July 1 to 3
  rule('ranges.month-days', { on: ['month'], reach: [0, 36], near: dayAfterMonth(3), start: true }, `\\b(${MONTH_RE})\\s+(${DAY})${ORD}\\s*(–|-|—|to|and)\\s*(${DAY})${ORD}(?:,\\s*((?:1[0-9]|20)\\d{2}))?\\b(?![,.]?\\d)`, (m) => {
    const s = m.index;
    const month = monthNumber(m[1]!)!;
    const y = m[5] ? { year: Number(m[5]) } : {};
    const second = s + m[0].lastIndexOf(m[4]!, m[0].length - (m[5] ? m[5].length + 1 : 0));
    return {
      known: {}, anchor: { kind: 'calendar' },
      range: {
        from: part(s, s + m[1]!.length + 1 + m[2]!.length, { day: Number(m[2]), month, ...y }),
        to: part(second, s + m[0].length, { day: Number(m[4]), month, ...y }),
        list: m[3] === 'and',
        split: true,
      },
    };
  }),

  // 499–449 BC, 480-479 BC, from 499 to 493 BC: the era at the end covers both years
  rule('ranges.years-era', { on: ['era'], reach: [18, 6], digitStart: true }, '(?<![\\d.,-])(\\d{2,4})\\s*(?:[–—-]|\\sto\\s|\\sand\\s|\\suntil\\s)\\s*(\\d{2,4})\\s*(BC|BCE|B\\.C\\.)(?![a-z])', (m) => {
    const s = m.index;
    const a = Number(m[1]);
    const b = Number(m[2]);
    if (b > a) return null;
    const second = s + m[0].lastIndexOf(m[2]!);
    return {
      known: {}, anchor: { kind: 'calendar' },
      range: { from: part(s, s + m[1]!.length, { year: a, era: 'BC' }), to: part(second, s + m[0].length, { year: b, era: 'BC' }), split: true },
    };
  }),

  // 1939–1945, 2011-2014 (year ranges written with a dash)
  rule('ranges.year-dash', { on: ['digit'], reach: [12, 14], near: yearDashAt, start: true }, '(?<![\\d.,-])((?:1[0-9]|20)\\d{2})\\s*[–—-]\\s*((?:1[0-9]|20)\\d{2}|\\d{2})(?![\\d%-])', (m) => {
    const s = m.index;
    const a = Number(m[1]);
    const b = m[2]!.length === 2 ? Math.floor(a / 100) * 100 + Number(m[2]) : Number(m[2]);
    if (b < a || b - a > 60) return null;
    const second = s + m[0].length - m[2]!.length;
    return {
      known: {}, anchor: { kind: 'calendar' },
      range: { from: part(s, s + 4, { year: a }), to: part(second, s + m[0].length, { year: b }), split: true },
    };
  }),
];

const CONNECTOR = /^\s*(to|until|till|through|and|into|and\s+into|–|-|—)\s*$/;
const JOINABLE = (m: Mention) => m.anchor.kind === 'calendar' && !m.range && !m.attributive && !m.statementOnly;

/** Joins two calendar expressions linked by to/until/and/a dash into one range. */
export const rangeJoin: Refiner = {
  id: 'ranges.join',
  refine(mentions, text) {
    const out: Mention[] = [];
    for (let i = 0; i < mentions.length; i++) {
      const a = mentions[i]!;
      const b = mentions[i + 1];
      if (b && JOINABLE(a) && JOINABLE(b) && b.start - a.end <= 12) {
        const c = CONNECTOR.exec(text.slice(a.end, b.start));
        // a dash between two years is a range; between other forms keep the guard of a space
        if (c && !(c[1] === '-' && (a.known.day !== undefined || b.known.day !== undefined) && !/\s/.test(text.slice(a.end, b.start)))) {
          // the shape recognition gives every mention (fields in its order, absent ones undefined)
          out.push({
            start: a.start, end: b.end, text: text.slice(a.start, b.end), rule: 'ranges.join',
            known: fixedKnown({}), anchor: fixedAnchor({ kind: 'calendar' }), mod: undefined,
            qualifier: a.qualifier ? a.qualifier === 'on' && /^(?:between|from)/i.test(text.slice(a.lead ?? a.start, a.start)) ? 'during' : a.qualifier : undefined,
            lead: a.lead, range: { from: a, to: b, list: c[1] === 'and', split: true },
            attributive: undefined, statementOnly: undefined, prospective: undefined, event: undefined, noValue: undefined,
          });
          i++;
          continue;
        }
      }
      out.push(a);
    }
    return out;
  },
};
