// The preposition or adverb before an expression says how the statement relates to the date:
// On 8 May (on), By 10 May (by), Around 5 December (around, TIMEX mod APPROX), since, until,
// after, before, during/throughout. The statement keeps the preposition in its verbatim text.
import type { DateQualifier } from '../../types.ts';
import { wordBeforeSpaceIsOneOf, type Refiner } from './refiner.ts';
import { byLength, isRegexSpace } from './rule.ts';

const LEAD = /\b(on|in|at|as\s+of|into|by|no\s+later\s+than|around|about|approximately|roughly|circa|ca\.|c\.|some\s+time\s+around|since|beginning|starting|until|till|up\s+to|up\s+until|after|shortly\s+after|soon\s+after|before|shortly\s+before|prior\s+to|ahead\s+of|during|throughout|through|over|within|between|from|early\s+on|late\s+on)\s+$/i;

const QUALIFIER_OF: Record<string, DateQualifier> = {
  on: 'on', in: 'on', at: 'on', 'as of': 'on', into: 'on', from: 'on', 'early on': 'on', 'late on': 'on',
  by: 'by', 'no later than': 'by',
  around: 'around', about: 'around', approximately: 'around', roughly: 'around', circa: 'around', 'ca.': 'around',
  'c.': 'around', 'some time around': 'around',
  since: 'since', beginning: 'since', starting: 'since',
  until: 'until', till: 'until', 'up to': 'until', 'up until': 'until',
  after: 'after', 'shortly after': 'after', 'soon after': 'after',
  before: 'before', 'shortly before': 'before', 'prior to': 'before', 'ahead of': 'before',
  during: 'during', throughout: 'during', through: 'during', over: 'during', within: 'during', between: 'during',
};

/** QUALIFIER_OF as a Map: the words looked up are fresh strings, which a Map hashes without interning. */
const QUALIFIER = new Map(Object.entries(QUALIFIER_OF));

/** The last word of each LEAD phrase ("shortly after" ends in "after", "ca." in "ca"). */
const LEAD_LAST = byLength(['on', 'in', 'at', 'of', 'into', 'by', 'than', 'around', 'about', 'approximately', 'roughly', 'circa',
  'ca', 'c', 'since', 'beginning', 'starting', 'until', 'till', 'to', 'after', 'before', 'during', 'throughout', 'through',
  'over', 'within', 'between', 'from']);

/** Approximation words belong to the TIMEX itself in WikiWars ("about 1910", "ca. 466 BC"). */
const APPROX = new Set(['around', 'about', 'approximately', 'roughly', 'circa', 'ca.', 'c.', 'some time around']);

/** s.replace(/\s+/g, ' '), without the regex call when s has no whitespace (most leads are one word). */
function foldSpaces(s: string): string {
  for (let i = 0; i < s.length; i++) if (isRegexSpace(s.charCodeAt(i))) return s.replace(/\s+/g, ' ');
  return s;
}

export const qualifierLead: Refiner = {
  id: 'qualifiers.lead',
  refine(mentions, text) {
    for (const m of mentions) {
      if (m.anchor.kind === 'duration' || m.anchor.kind === 'set') continue;
      const lo = Math.max(0, m.start - 24);
      if (!wordBeforeSpaceIsOneOf(LEAD_LAST, text, m.start, lo, true)) continue; // LEAD ends in (word)\s+$
      const before = text.slice(lo, m.start);
      const p = LEAD.exec(before);
      if (!p) continue;
      const word = foldSpaces(p[1]!.toLowerCase());
      m.lead = m.start - p[0].length;
      m.qualifier ??= QUALIFIER.get(word) ?? 'on';
      if (APPROX.has(word) && m.anchor.kind === 'calendar') {
        m.mod ??= 'APPROX';
        m.start = m.lead;
      }
    }
    return mentions;
  },
};
