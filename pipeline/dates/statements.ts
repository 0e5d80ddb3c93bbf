// Dating sentences: walk the document's blocks in order, carry the narrative state through
// headings (year scopes) and body text, and give each body sentence that carries a temporal
// expression the date of its main event. A Current Events item takes its structural date
// (day heading / link path); the infobox `Date:` is one statement spanning the whole event.
import { message } from '../diagnostics.ts';
import { LineIndex } from '../positions.ts';
import type { Block, Document, Message, SentenceDate, Span } from '../types.ts';
import { boundsOf, crosswalk, edtfOf, precisionOf, validEdtf, type Bounds } from './interval.ts';
import type { CalPoint, Mention, Resolution } from './model.ts';
import { inParentheses, OPENER, type TimexExpression } from './plain.ts';
import { recognise } from './recognise.ts';
import { addDays, addMonths, compare, daysInMonth, isoDate, parseIsoDate, type Ymd } from './calendar.ts';
import { advance, copyState, enterSection, newState, noteBeginning, resolveAndAdvance, resolveContext, resolveMention, tenseAt, tenseOf, type Mode, type NarrativeState, type Scope } from './resolve.ts';
import { timexOf } from './timex.ts';

const BODY: ReadonlySet<Block['kind']> = new Set(['paragraph', 'list-item', 'caption', 'headline', 'related']);

/**
 * A mention resolved; `before` is the story's time before it, `now` the publication's day in news,
 * `quoted` that it lies inside a quotation (opened in its sentence or an earlier one of the paragraph).
 */
interface Resolved { m: Mention; r: Resolution; before?: CalPoint; now?: Ymd; quoted?: boolean }


function pointOf(x: Resolved): CalPoint | undefined {
  if (x.r.point) return x.r.point;
  const k = x.m.anchor;
  // "now", "currently", "within days", "in the coming weeks" mean the story's current time
  if ((k.kind === 'present' || k.kind === 'past' || x.m.prospective) && x.before) return { ...x.before };
  if (k.kind === 'vague-offset' && x.before) return { ...x.before };
  // a speaker's `today` in a narrative's quotation: the day the story has reached
  if (k.kind === 'deictic' && k.n === 0 && x.quoted && !x.now && x.before?.gran === 'day') return { ...x.before };
  if (k.kind === 'duration') return pastSpanBounds(x)?.from;
  return undefined;
}

/** "a few days prior": two to four days from the current day (no single day is invented). */
function vagueBounds(x: Resolved): { from: CalPoint; to: CalPoint } | undefined {
  const a = x.m.anchor;
  const b = x.before;
  if (a.kind !== 'vague-offset' || a.unit !== 'day' || !b || b.gran !== 'day') return undefined;
  const day = { y: b.y, m: b.m!, d: b.d! };
  const lo = addDays(day, a.dir * 2);
  const hi = addDays(day, a.dir * 4);
  const [s, e] = a.dir > 0 ? [lo, hi] : [hi, lo];
  return { from: { gran: 'day', ...s }, to: { gran: 'day', ...e } };
}

const PAST_SPAN = /^PT?(\d+)(H|D|W|M|Y|DE|CE)$/;

/**
 * `over the past 24 hours`, `for the last three years`: from that long before the current time
 * to the current time (the publication's day in news, the story's day, month or year in a narrative).
 */
function pastSpanBounds(x: Resolved): { from: CalPoint; to: CalPoint } | undefined {
  const a = x.m.anchor;
  const now: CalPoint | undefined = x.now ? { gran: 'day', ...x.now } : x.before;
  if (x.m.rule !== 'durations.past-count' || a.kind !== 'duration' || !now) return undefined;
  const v = PAST_SPAN.exec(a.value);
  if (!v) return undefined;
  const n = Number(v[1]);
  const ref = boundsOf(now);
  const start = (() => {
    const s = ref.start;
    switch (v[2]) {
      case 'H': return addDays(s, -Math.ceil(n / 24));
      case 'D': return addDays(s, -n);
      case 'W': return addDays(s, -7 * n);
      default: {
        const months = v[2] === 'M' ? n : 12 * n * (v[2] === 'DE' ? 10 : v[2] === 'CE' ? 100 : 1);
        const m = addMonths(s.y, s.m, -months);
        return { y: m.y, m: m.m, d: Math.min(s.d, daysInMonth(m.y, m.m)) };
      }
    }
  })();
  return { from: { gran: 'day', ...start }, to: { gran: 'day', ...ref.end } };
}

/**
 * `earlier this month`, `later this year`: the part of the unit before or after the day it is
 * counted from (the publication in news, the story's day in a narrative), as PROTOCOL's
 * `earlier this month` in a 9 October report is 1-8 October. Undefined when that day is unknown.
 */
function partOfUnitBounds(x: Resolved): { from: CalPoint; to: CalPoint } | undefined {
  if (x.m.rule !== 'relative.later-that' || x.m.anchor.kind !== 'deictic') return undefined;
  const b = x.before;
  const ref = x.now ?? (b && b.gran === 'day' ? { y: b.y, m: b.m!, d: b.d! } : undefined);
  const p = x.r.point;
  if (!ref || !p || p.gran === 'day') return undefined;
  const whole = boundsOf(p);
  if (compare(ref, whole.start) < 0 || compare(ref, whole.end) > 0) return undefined;
  const [s, e] = x.m.qualifier === 'before' ? [whole.start, addDays(ref, -1)] : [addDays(ref, 1), whole.end];
  if (compare(s, e) > 0) return undefined;
  return { from: { gran: 'day', ...s }, to: { gran: 'day', ...e } };
}

/** Rules whose expressions are TIMEXes but never the date of a statement: the part of an event they name is undated. */
const NEVER_DATES: ReadonlySet<string> = new Set(['anaphoric.part-of-event']);

function eligible(x: Resolved, text: string): boolean {
  const k = x.m.anchor.kind;
  if (NEVER_DATES.has(x.m.rule)) return false;
  if ((k === 'duration' && !x.m.prospective && !pastSpanBounds(x)) || k === 'set' || k === 'future') return false;
  if (k === 'past' && x.m.text.toLowerCase() !== 'the past') return false;
  if (x.m.attributive) return false;
  if (inParentheses(text, x.m.start)) return false;
  return true;
}

const VAGUE: ReadonlySet<string> = new Set(['present', 'past', 'vague-offset', 'duration']);

/**
 * `at this point`, `at that time` inside a quotation that the sentence opens with; and, in a
 * narrative, a speaker's `yesterday` (`"A major assault took place yesterday," Ban told the
 * Assembly on 2 March 2012`: the date of the speaking is the one the text gives).
 */
function quotedRestatement(x: Resolved, from: number, text: string): boolean {
  if (x.m.rule !== 'anaphoric.this-period' && !(x.m.anchor.kind === 'deictic' && !x.now)) return false;
  const before = text.slice(from, x.m.start);
  return (before.match(/["\u201c\u201d]/g)?.length ?? 0) % 2 === 1;
}

function choose(sentence: { start: number; end: number }, items: Resolved[], text: string): Resolved | undefined {
  const ok = items.filter((x) => eligible(x, text) && pointOf(x));
  if (!ok.length) {
    // only an attributive year ("in his 2013 book"): the sentence's one date, better than none
    return items.find((x) => x.m.attributive && x.r.point && !inParentheses(text, x.m.start));
  }
  // vague words ("now", "a few days later", "within days") only when nothing firmer is there; a
  // quotation's `at this point` is the speaker's present, and the date of the speaking wins
  // (`"I believe at this point ...," he told a briefing on Tuesday`)
  const quoted = (x: Resolved) => quotedRestatement(x, sentence.start, text);
  const firmer = (x: Resolved) => !VAGUE.has(x.m.anchor.kind) && !x.m.prospective;
  const firm = ok.find((x) => firmer(x) && !quoted(x)) ?? ok.find(firmer);
  const initial = ok.find((x) => OPENER.test(text.slice(sentence.start, x.m.lead ?? x.m.start)) && !(quoted(x) && firm !== x));
  if (initial) return initial;
  return firm ?? ok[0];
}

function toSentenceDate(x: Resolved, p: CalPoint, span: Span, text: string, clause: string, mode: Mode, rule?: string, clauseStart?: number): SentenceDate | undefined {
  let q = x.m.qualifier ?? 'on';
  if (x.m.mod === 'APPROX') q = 'around';
  // planned: a future cue in the clause the date belongs to ("was scheduled for the next day")
  const tense = clauseStart === undefined ? tenseOf(clause) : tenseAt(resolveContext(mode, undefined, clause, clauseStart, x.m.start));
  // `within days`, `in the coming weeks`: a plan in a clause about the future, soon after the
  // story's time in one about the past (`the ship sank within minutes`)
  if (x.m.prospective && tense !== 'future') q = 'after';
  else if (x.m.prospective || (tense === 'future' && (q === 'on' || q === 'during'))) q = 'planned';
  const to = x.r.to;
  const b: Bounds = to ? { start: boundsOf(p).start, end: boundsOf(to).end } : boundsOf(p);
  let e = edtfOf(p, b, q, to ? { to, list: !!x.r.list } : undefined);
  if (!validEdtf(e)) e = `${iso(b.start)}/${iso(b.end)}`;
  const cw = crosswalk(b);
  const basis = x.r.yearBasis;
  const d: SentenceDate = {
    start: iso(b.start), end: iso(b.end), edtf: e, precision: precisionOf(p, !!to), qualifier: q,
    text: text.slice(span.start, span.end), span, rule: rule ?? x.m.rule,
    yearBasis: basis === 'explicit' ? 'explicit' : basis === 'heading' ? 'heading' : basis === 'document-date' ? 'document-date' : 'inherited',
    acledTimePrecision: cw.acled, ucdpDatePrec: cw.ucdp,
  };
  if (x.r.resolvedFrom) d.resolvedFrom = x.r.resolvedFrom;
  return d;
}

// ISO 8601 dates with the sign and four digits of a BC (astronomical) year: -0491-05-01.
const iso = isoDate;

function modeOf(doc: Document): Mode {
  return doc.kind === 'news-text' || doc.kind === 'html' ? 'news' : 'narrative';
}

export interface DatedDocument {
  dates: Map<number, SentenceDate>;
  expressions: TimexExpression[];
  messages: Message[];
}

/**
 * Date each sentence of a document (its main event's time) and, unless `expressions` is false,
 * list every temporal expression in it too (TIMEX values; the statements do not need them).
 */
export function dateDocument(doc: Document, { expressions: listExpressions = true }: { expressions?: boolean } = {}): DatedDocument {
  const text = doc.text;
  const dates = new Map<number, SentenceDate>();
  const expressions: TimexExpression[] = [];
  const messages: Message[] = [];
  const mode = modeOf(doc);
  const dct = parseIsoDate(doc.published);
  const st: NarrativeState = newState();
  if (mode === 'news' && dct) {
    st.year = dct.y; st.month = { y: dct.y, m: dct.m }; st.day = dct; st.point = { gran: 'day', ...dct };
  }
  const scopes: Array<{ level: number; scope: Scope }> = [];
  const sentencesOf = new Map<number, number[]>();
  for (const s of doc.sentences) {
    const l = sentencesOf.get(s.block);
    if (l) l.push(s.index); else sentencesOf.set(s.block, [s.index]);
  }
  const record = (m: Mention, r: Resolution, sentence?: number) => {
    if (!listExpressions) return;
    const parts = m.range?.split ? [[m.range.from, r.point], [m.range.to, r.to]] as const : [[m, r.point]] as const;
    for (const [x, p] of parts) {
      if (x.statementOnly) continue;
      const t = timexOf(x, m.range?.split ? { yearBasis: r.yearBasis, ...(p ? { point: p } : {}) } : r);
      expressions.push({ start: x.start, end: x.end, text: x.text, rule: x.rule, ...t, ...(sentence !== undefined ? { sentence } : {}),
        ...(m.lead !== undefined ? { leadStart: m.lead } : {}), ...(m.qualifier ? { qualifier: m.qualifier } : {}), yearBasis: r.yearBasis,
        ...(r.resolvedFrom ? { resolvedFrom: r.resolvedFrom } : {}) });
    }
  };
  let eventSpan: Resolved | undefined;
  let lines: LineIndex | undefined;
  const warn = (ruleId: string, reason: string, span: Span, actual?: string, expected?: string, severity: 'warning' | 'info' = 'warning') => {
    lines ??= new LineIndex(text);
    messages.push(message({ reason, ruleId, stage: 'dates', file: doc.path, severity, ...(actual ? { actual } : {}), ...(expected ? { expected } : {}) }, { lines, span }));
  };

  for (const block of doc.blocks) {
    if (block.kind === 'heading') {
      const section = doc.sections[block.section];
      const level = section?.level ?? 9;
      while (scopes.length && scopes[scopes.length - 1]!.level >= level) scopes.pop();
      const span = section?.headingSpan ?? block.span;
      const ctx = resolveContext(mode, dct, text.slice(span.start, span.end));
      for (const m of recognise(text, span.start, span.end)) {
        const r = resolveMention(m, copyState(st), ctx);
        record(m, r);
        if (r.point && m.anchor.kind === 'calendar' && !m.attributive && !scopes.some((s) => s.level === level)) {
          const to = r.to ?? r.point;
          scopes.push({ level, scope: { from: { y: r.point.y, ...(r.point.m ? { m: r.point.m } : {}) }, to: { y: to.y, ...(to.m ? { m: to.m } : {}) }, text: m.text } });
          enterSection(st, r.point);
        }
      }
      st.scope = scopes.length ? scopes[scopes.length - 1]!.scope : undefined;
      continue;
    }
    if (block.kind === 'infobox-field') {
      if (!/^date$/i.test(block.key ?? '')) continue;
      const span = block.valueSpan ?? block.span;
      const ctx = resolveContext(mode, dct, text.slice(span.start, span.end));
      const ms = recognise(text, span.start, span.end).filter((m) => m.anchor.kind === 'calendar');
      const scratch = newState();
      const items = ms.map((m) => ({ m, r: resolveMention(m, scratch, ctx) }));
      for (const x of items) record(x.m, x.r);
      const whole = items.find((x) => x.r.point && x.r.to) ?? items[0];
      if (!whole?.r.point) continue;
      if (items.length > 1 && !whole.r.to) {
        const last = items[items.length - 1]!;
        if (last.r.point) whole.r = { ...whole.r, to: last.r.point };
      }
      eventSpan = whole;
      for (const si of sentencesOf.get(block.index) ?? []) {
        const sp = { start: whole.m.start, end: (items[items.length - 1] ?? whole).m.end };
        const d = toSentenceDate({ ...whole, m: { ...whole.m, qualifier: 'during' } }, whole.r.point!, sp, text, '', mode, 'infobox.date');
        if (d) dates.set(si, d);
      }
      continue;
    }
    if (!BODY.has(block.kind)) continue;
    const structural = parseIsoDate(block.structuralDate);
    for (const si of sentencesOf.get(block.index) ?? []) {
      const s = doc.sentences[si]!;
      const clause = s.text;
      const local: NarrativeState = structural ? structuralState(structural) : st;
      const items: Resolved[] = [];
      for (const m of recognise(text, s.span.start, s.span.end)) {
        const before = local.point ? { ...local.point } : undefined;
        const initial = OPENER.test(text.slice(s.span.start, m.lead ?? m.start));
        const r = m.event && eventSpan ? eventSpan.r
          : resolveAndAdvance(m, local, resolveContext(mode, dct, clause, s.span.start, m.start), { initial, aside: inParentheses(text, m.start) });
        record(m, r, si);
        items.push({ m, r, ...(before ? { before } : {}), ...(mode === 'news' && dct ? { now: dct } : {}), ...(m.anchor.kind === 'deictic' && insideQuotation(text, block.span.start, m.start) ? { quoted: true } : {}) });
      }
      for (const x of items) {
        if (x.m.anchor.kind === 'calendar' && !x.r.point && !x.m.noValue && !x.m.statementOnly) {
          warn('dates.unresolved-year', `Unexpected date without a year \`${x.m.text}\`, expected a year from the text, a heading or the publication date`, x.m, x.m.text, 'a resolvable year');
        }
      }
      const chosen = choose(s.span, items, text);
      if (structural) {
        // a Current Events item is dated by its page or link path, whatever its words say
        const p: CalPoint = { gran: 'day', ...structural };
        // The words are the dated expression only when they name that same day ("today", "on
        // Wednesday"); otherwise ("in the past", "last year") the date is the structure's own.
        const same = chosen?.r.point && chosen.r.point.gran === 'day' && chosen.r.point.y === p.y && chosen.r.point.m === p.m && chosen.r.point.d === p.d;
        const named = same ? chosen : undefined;
        const span = named ? { start: named.m.lead ?? named.m.start, end: named.m.end } : block.structuralDateSpan ?? s.span;
        // the words' mention without its mod (the structure's day is exact), copied only when it has one
        const m: Mention = !named ? { start: span.start, end: span.end, text: '', rule: 'structure.date', known: {}, anchor: { kind: 'calendar' } }
          : named.m.mod === undefined ? named.m : { ...named.m, mod: undefined };
        const d = toSentenceDate({ m, r: { point: p, yearBasis: 'explicit', resolvedFrom: `structure:${block.structuralDate}` } }, p, span, text, clause, mode, 'structure.date', s.span.start);
        if (d) dates.set(si, d);
        continue;
      }
      if (!chosen) continue;
      let pick = chosen;
      // "The next day, 8 May" / "One week later, on 27 May": the explicit date wins
      const idx = items.indexOf(chosen);
      const next = items[idx + 1];
      if (next && chosen.m.anchor.kind !== 'calendar' && next.m.anchor.kind === 'calendar' && next.r.point &&
          /^,\s*(?:on\s+)?$/.test(text.slice(chosen.m.end, next.m.lead ?? next.m.start))) {
        const rel = chosen.r.point;
        const exp = next.r.point!;
        if (rel && (rel.y !== exp.y || rel.m !== exp.m || rel.d !== exp.d)) {
          warn('dates.apposition-conflict', `Unexpected \`${chosen.m.text}\` disagreeing with \`${next.m.text}\`, expected the two to name one day (the explicit date is used)`,
            { start: chosen.m.start, end: next.m.end }, chosen.m.text, next.m.text, 'info');
        }
        pick = { ...next, m: { ...next.m, qualifier: chosen.m.qualifier ?? next.m.qualifier } as Mention };
        const span = { start: chosen.m.lead ?? chosen.m.start, end: next.m.end };
        const d = toSentenceDate(pick, next.r.point!, span, text, clause, mode, undefined, s.span.start);
        if (d) dates.set(si, d);
        continue;
      }
      // a span the words fix (`earlier this month`, `the past 24 hours`) is the time of the event
      const fixed = partOfUnitBounds(pick) ?? pastSpanBounds(pick);
      const vb = vagueBounds(pick) ?? fixed;
      if (vb) pick = { ...pick, r: { ...pick.r, point: vb.from, to: vb.to } };
      if (fixed) pick = { ...pick, m: { ...pick.m, qualifier: 'during' } };
      const p = vb ? vb.from : pointOf(pick)!;
      const span = { start: pick.m.lead ?? pick.m.start, end: pick.m.end };
      const d = toSentenceDate(pick, p, span, text, clause, mode, undefined, s.span.start);
      if (d) dates.set(si, d);
      const day = d && d.start === d.end ? parseIsoDate(d.start) : undefined;
      if (day) noteBeginning(local, clause, day);
    }
  }
  return { dates, expressions, messages };
}

/** An odd number of double quotation marks between the paragraph's start and `at`. */
function insideQuotation(text: string, from: number, at: number): boolean {
  let n = 0;
  for (let i = from; i < at; i++) {
    const c = text.charCodeAt(i);
    if (c === 34 || c === 0x201c || c === 0x201d) n++;
  }
  return n % 2 === 1;
}

function structuralState(d: Ymd): NarrativeState {
  const st = newState();
  advance(st, { gran: 'day', ...d });
  return st;
}
