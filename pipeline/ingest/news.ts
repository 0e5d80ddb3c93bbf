// News article as text: an optional headline, byline (`By …`), a dateline with the publication
// time (`7 May 2014 - 9:01 PM  UPDATED 8 May 2014 - 8:27 AM`, `May 7, 2014 9:01 PM`, `AFP, Tuesday 7
// Feb 2012`, `Last updated: 21 March, 2012`), photo
// captions (`• A file picture …`, or a line ending in an agency credit such as `(AAP)`), paragraphs.
import { monthNumber } from '../dates/lexicon.ts';
import type { Document, Message, Span } from '../types.ts';
import { DocumentBuilder, lines } from './builder.ts';
import { isTitleLike } from './plain.ts';

const MONTH = '(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\\.?';
const TIME = '(\\d{1,2})[:.](\\d{2})(?:[:.]\\d{2})?\\s*([AaPp]\\.?[Mm]\\.?)?';
// `Tuesday`, `Tue`, `Tues.` before the date.
const WEEKDAY = '(?:[A-Z][a-z]+day|Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)\\.?,?\\s+';
/** `7 May 2014 - 9:01 PM` (day first) and `May 7, 2014 9:01 PM` (month first). */
// What may open a dateline: `Published:`, `Last updated:`, `Posted on`, or an agency's credit (`AFP, `).
// ... or the name of whoever published it (`ABC News, `, `Agenzia Fides, `, `un-report.blogspot.co.uk, `):
// up to five capitalised words or a domain, before a comma, bar or dash (not a colon: `Date: 6 May`
// is an infobox's key).
const PUBLISHER_WORD = "(?:\\p{Lu}[\\p{L}&.'’-]*|[a-z0-9-]+(?:\\.[a-z0-9-]+)+)";
const DATELINE_LEAD = `(?:(?:(?:Last|First)\\s+)?(?:[Pp]ublished|[Uu]pdated|[Pp]osted|[Mm]odified)(?:\\s+on)?[:\\s]+|(?:AFP|AP|Reuters|AAP|dpa|DPA|Xinhua|ANSA|EFE|UPI|Anadolu|SANA)\\s*[,|:–-]\\s*|${PUBLISHER_WORD}(?:\\s+${PUBLISHER_WORD}){0,4}\\s*[,|–-]\\s*)?`;
// `1st`, `22nd`: an ordinal day
const DAY = '(\\d{1,2})(?:st|nd|rd|th)?';
const DATELINE_DMY = new RegExp(`^\\s*${DATELINE_LEAD}(?:${WEEKDAY})?${DAY}\\s+${MONTH},?\\s+(\\d{4})(?:\\s*[-–,|]?\\s*${TIME})?`, 'u');
const DATELINE_MDY = new RegExp(`^\\s*${DATELINE_LEAD}(?:${WEEKDAY})?${MONTH}\\s+${DAY},?\\s+(\\d{4})(?:\\s*[-–,|at]*\\s*${TIME})?`, 'u');
const BYLINE = /^\s*By\s+\p{Lu}[\p{L}.'-]+(?:\s+\p{Lu}[\p{L}.'-]+){0,4}(?:\s*(?:,|and)\s*.*)?$/u;
const CAPTION_BULLET = /^\s*[•\u2022]\s*/;
const CAPTION_CREDIT = /\((?:AAP|AFP|AP|Reuters|Getty(?: Images)?|EPA|SANA|Supplied)\)\s*$/;

export interface Dateline {
  published: string; // ISO local date-time without an offset: the text gives none
  span: Span;
}

/** A dateline at the start of `line`, read as a local date-time (the text states no offset). */
export function readDateline(line: string, lineStart: number): Dateline | undefined {
  // Day-first groups: day, month, year, hour, minute, am/pm; month-first: month, day, year, ...
  const dmy = DATELINE_DMY.exec(line);
  const m = dmy ?? DATELINE_MDY.exec(line);
  if (!m) return undefined;
  const [d, mo, y, hh, mm, ap] = dmy ? [m[1], m[2], m[3], m[4], m[5], m[6]] : [m[2], m[1], m[3], m[4], m[5], m[6]];
  // A dateline is a line of its own: what follows the date must not be prose.
  const rest = line.slice(m[0].length);
  if (/[a-z]{4,}/.test(rest.replace(/UPDATED|Updated|updated|AEST|AEDT|GMT|UTC|BST|EST|EDT/g, '')) && !/^\s*(?:UPDATED|Updated)/.test(rest)) return undefined;
  const month = monthNumber(mo as string) ?? 0;
  const day = Number(d);
  if (month < 1 || day < 1 || day > 31) return undefined;
  let date = `${y}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  if (hh !== undefined && mm !== undefined) {
    let hour = Number(hh);
    if (ap && /p/i.test(ap) && hour < 12) hour += 12;
    if (ap && /a/i.test(ap) && hour === 12) hour = 0;
    if (hour < 24 && Number(mm) < 60) date += `T${String(hour).padStart(2, '0')}:${mm}`;
  }
  const start = lineStart + (m[0].length - m[0].trimStart().length);
  return { published: date, span: { start, end: lineStart + m[0].trimEnd().length } };
}

export function readNewsText(id: string, path: string, text: string): { document: Document; messages: Message[] } {
  const b = new DocumentBuilder(id, path, 'news-text', text);
  let dateline: Dateline | undefined;
  let title: string | undefined;
  let sawBody = false;
  for (const line of lines(text)) {
    const t = line.text;
    if (t.trim() === '') continue;
    // The first dateline dates the article; another before the body (`Last updated: ...`) is one too.
    const dl = dateline && sawBody ? undefined : readDateline(t, line.start);
    if (dl) {
      dateline ??= dl;
      b.block('dateline', { start: line.start, end: line.end });
      continue;
    }
    if (CAPTION_BULLET.test(t) || CAPTION_CREDIT.test(t)) {
      const lead = CAPTION_BULLET.exec(t)?.[0].length ?? 0;
      b.block('caption', { start: line.start + lead, end: line.end });
      continue;
    }
    if (!sawBody && BYLINE.test(t) && t.length < 120) {
      b.block('byline', { start: line.start, end: line.end });
      continue;
    }
    if (!sawBody && title === undefined && isTitleLike(t.trim())) {
      title = t.trim();
      b.block('headline', { start: line.start, end: line.end });
      continue;
    }
    sawBody = true;
    b.block('paragraph', { start: line.start, end: line.end });
  }
  return {
    document: b.build({
      ...(title ? { title } : {}),
      ...(dateline ? { published: dateline.published, publishedFrom: dateline.span } : {}),
    }),
    messages: [],
  };
}
