// Periods that point back at the narrative's current time: during this time, at this time,
// by this point, meanwhile, at the same time, by then, now (in narrative), and sentence-initial
// sequencers that date a statement without being a TIMEX ("Later, ...", "Soon after, ...",
// "After the ambush, ..."). Bare "later" inside a sentence does not count.
import type { Rule } from './rule.ts';
import { either, rule, wordBefore, wordIs, wordsBefore } from './rule.ts';

/** Sentence start: text start, after . ! ? (and a closing quote), or a line break. */
const OPENING = /^\s*(?:(?:However|But|Then|And),?\s+)?$/;
const AFTER_SENTENCE_END = /(?:[.!?]["”’)\]]?\s+|\n\s*)(?:(?:However|But|Then|And),?\s+)?$/;

/** A sequencer counts only at the start of a sentence (or of the scanned sentence). */
function atSentenceStart(text: string, at: number, from: number): boolean {
  const lo = Math.max(from, at - 16);
  const before = text.slice(lo, at);
  if (lo === from && OPENING.test(before)) return true;
  return AFTER_SENTENCE_END.test(before);
}

// What follows `the former` when it stands for a noun: a determiner, a verb, a conjunction or a clause's end.
const FORMER_PRONOUN_AFTER = /^(?:\s+(?:a|an|the|was|were|is|are|had|has|have|would|could|will|and|or|but|being|as|in|to)\b|\s*[,.;:)])/i;

const PART_WORDS = ['first', 'last', 'early', 'final', 'closing', 'opening', 'initial', 'later', 'latter'];
const EVENT_NOUNS = 'war|battle|siege|campaign|conflict|revolution|occupation|uprising|offensive|life|reign|rule|regime|fighting|struggle|insurgency|empire|dynasty|republic';

export const anaphoricRules: Rule[] = [
  // this time / this period / that time / the same time: TIMEX without a value in WikiWars
  // (the anaphor rules run at the trigger words their matches hold: the unit after this/that/same;
  // meanwhile, or the word after the/by; now and its synonyms, or the word after at/these/the/time)
  // the first year of the war, the last years of his life, the final day of the battle, the last
  // month of World War II: a part of an event the text does not date (TIMEX2 with no value)
  rule('anaphoric.part-of-event', { on: ['unit'], reach: [20, 60], near: wordBefore(PART_WORDS) }, `\\b[Tt]he\\s+(?:${PART_WORDS.join('|')})\\s+(?:years?|months?|weeks?|days?|decades?)\\s+of\\s+(?:(?:the|his|her|its|their)\\s+)?(?:${EVENT_NOUNS}|(?:[A-Z][\\w'-]*)(?:\\s+(?:[A-Z][\\w'-]*|I{1,3}|of))*)\\b`, () => ({
    known: {}, anchor: { kind: 'same', unit: 'any' }, noValue: true,
  }), 'g'),

  rule('anaphoric.this-period', { on: ['anaphor'], reach: [14, 14], near: wordBefore(['this', 'that', 'same']) }, '\\b(?:(during|at|by|in|since|until)\\s+)?((?:this|that|the\\s+same)\\s+(time|period|point|stage|juncture|moment))\\b(?!\\s+(?:as|of|when|that)\\b)', (m) => ({
    known: {}, anchor: { kind: 'same', unit: 'any' }, noValue: true, leadChars: m[1] ? m[1].length + 1 : 0,
    // "this point", "that stage" date a statement but are no TIMEX in the WikiWars guidelines
    ...(/^(?:time|period)$/i.test(m[3]!) ? {} : { statementOnly: true }),
  }), 'gi'),

  // during the month / throughout the week: the current month or week
  rule('anaphoric.the-unit', { on: ['during'], reach: [2, 30] }, '\\b(?:during|throughout|over|for\\s+the\\s+rest\\s+of|later\\s+in)\\s+(the\\s+(month|week|year))\\b(?!\\s+(?:of|before|after|that)\\b)', (m) => ({
    known: {}, anchor: { kind: 'same', unit: m[2]!.toLowerCase() as 'month' }, leadChars: m[0].length - m[1]!.length,
  }), 'gi'),

  // during the siege / throughout the war: the span of the event the document is about (the
  // event word ends the match: only where 'the' and during/throughout/'course of' precede it)
  rule('anaphoric.the-event', { on: ['event'], reach: [40, 12], near: wordsBefore(['the'], ['during', 'throughout', 'of']) }, '\\b(?:during|throughout|over\\s+the\\s+course\\s+of)\\s+the\\s+(?:siege|war|conflict|occupation|uprising|battle)\\b', () => ({
    known: {}, anchor: { kind: 'same', unit: 'any' }, statementOnly: true, event: true, qualifier: 'during',
  }), 'gi'),

  rule('anaphoric.meanwhile', { on: ['anaphor'], reach: [14, 14], near: either(wordIs(['meanwhile']), wordBefore(['the', 'by'])) }, '\\b(?:meanwhile|in\\s+the\\s+meantime|by\\s+then|by\\s+now|at\\s+the\\s+time)\\b', (m) => ({
    known: {}, anchor: { kind: 'same', unit: 'any' }, statementOnly: true, ...(/^by/i.test(m[0]) ? { qualifier: 'by' as const } : {}),
  }), 'gi'),

  // now, currently, at present: the writer's present (TIMEX PRESENT_REF); in a narrative
  // sentence it is the story's current time
  rule('anaphoric.present', { on: ['anaphor'], reach: [14, 14], near: either(wordIs(['now', 'currently', 'nowadays', 'presently']), wordBefore(['at', 'these', 'the', 'time'])) }, '\\b(now|currently|nowadays|presently|at\\s+present|these\\s+days|right\\s+now|the\\s+time\\s+being|the\\s+present\\s+day|today)\\b(?!\\s*-)', (m) => {
    if (/^today$/i.test(m[1]!)) return null; // today is the deictic rule's
    return { known: {}, anchor: { kind: 'present' } };
  }, 'gi'),

  rule('anaphoric.past-future', { on: ['pastfut'], reach: [6, 10] }, '\\b(former|formerly|recent|recently|the\\s+past|future)\\b', (m, text) => {
    // `the former` standing for a thing named before (`did not consider the former an option`, `the
    // former was rejected`): a pronoun, not a time.
    if (/^former$/i.test(m[1]!) && /\bthe\s+$/i.test(text.slice(Math.max(0, m.index - 5), m.index)) && FORMER_PRONOUN_AFTER.test(text.slice(m.index + 6, m.index + 20))) return null;
    return { known: {}, anchor: { kind: /^fut/i.test(m[1]!) ? 'future' : 'past' } };
  }, 'gi'),

  // "Later, ...", "Soon after, ...", "Shortly afterwards ...", "After the ambush, ...", "Then, ..."
  rule('anaphoric.sequence', { on: ['sequence'], reach: [14, 30] }, `\\b([Ll]ater(?:\\s+on)?|[Ss]oon\\s+after(?:wards?)?|[Ss]hortly\\s+(?:after(?:wards?)?|thereafter)|[Aa]fterwards?|[Ss]ubsequently|[Tt]hereafter|(?:[Rr]ight\\s+|[Ss]hortly\\s+|[Jj]ust\\s+|[Ss]oon\\s+)?(?:[Aa]fter|[Bb]efore)\\s+the\\s+[a-z]+)(?=\\s*,|\\s+[a-z])`, (m, text, from) => {
    if (!atSentenceStart(text, m.index, from)) return null;
    const before = /before/i.test(m[1]!);
    return { known: {}, anchor: { kind: 'same', unit: 'day' }, statementOnly: true, qualifier: before ? 'before' : 'after' };
  }),
];
