// Pass 1: recognise temporal expressions. Every rule scans the text once; overlapping matches
// are settled longest-first (ties: the rule listed first), then refiners run in order.
import type { Mention } from './model.ts';
import { REFINERS, RULES } from './rules/index.ts';
import type { Draft } from './rules/rule.ts';

interface Candidate {
  outerStart: number;
  outerEnd: number;
  order: number;
  mention: Mention;
}

function toMention(d: Draft, start: number, end: number, text: string, rule: string): Mention {
  const m: Mention = { start, end, text: text.slice(start, end), rule, known: d.known, anchor: d.anchor };
  if (d.mod) m.mod = d.mod;
  if (d.attributive) m.attributive = true;
  if (d.statementOnly) m.statementOnly = true;
  if (d.noValue) m.noValue = true;
  if (d.prospective) m.prospective = true;
  if (d.event) m.event = true;
  if (d.qualifier) m.qualifier = d.qualifier;
  if (d.range) {
    m.range = {
      from: toMention(d.range.from, d.range.from.start, d.range.from.end, text, rule),
      to: toMention(d.range.to, d.range.to.start, d.range.to.end, text, rule),
      ...(d.range.list ? { list: true } : {}),
      ...(d.range.split ? { split: true } : {}),
    };
  }
  return m;
}

/** Recognise expressions in text[from, to); offsets are into `text`. */
export function recognise(text: string, from = 0, to = text.length): Mention[] {
  const slice = from === 0 && to === text.length ? text : text.slice(from, to);
  const candidates: Candidate[] = [];
  RULES.forEach((r, order) => {
    const re = r.pattern;
    re.lastIndex = 0;
    for (let m = re.exec(slice); m; m = re.exec(slice)) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      const d = r.extract(m, slice);
      if (!d) continue;
      const outerStart = m.index;
      const outerEnd = m.index + m[0].length;
      const start = outerStart + (d.leadChars ?? 0);
      const end = outerEnd - (d.trimEnd ?? 0);
      if (d.range) {
        d.range.from.start += from; d.range.from.end += from;
        d.range.to.start += from; d.range.to.end += from;
      }
      candidates.push({ outerStart, outerEnd, order, mention: toMention(d, start + from, end + from, text, r.id) });
    }
  });
  candidates.sort((a, b) => (b.outerEnd - b.outerStart) - (a.outerEnd - a.outerStart) || a.order - b.order || a.outerStart - b.outerStart);
  const taken = new Uint8Array(slice.length);
  const accepted: Mention[] = [];
  for (const c of candidates) {
    let free = true;
    for (let i = c.outerStart; i < c.outerEnd; i++) if (taken[i]) { free = false; break; }
    if (!free) continue;
    taken.fill(1, c.outerStart, c.outerEnd);
    accepted.push(c.mention);
  }
  accepted.sort((a, b) => a.start - b.start);
  let out = accepted;
  for (const r of REFINERS) out = r.refine(out, text);
  for (const m of out) m.text = text.slice(m.start, m.end);
  return out;
}
