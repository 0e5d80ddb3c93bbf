// The normalize stage for one sentence: places, actors, claim sources and casualty figures,
// each with absolute spans. Pure: the gazetteer is compiled once by the caller.
import type { ActorMention, Casualties, ClaimMention, EntityMention, Message } from '../types.ts';
import { message } from '../diagnostics.ts';
import { ARMED_TYPES, isCompoundModifier, linkActors, type ActorCandidate } from './actors.ts';
import { findCasualties } from './casualties.ts';
import { findClaims, isSpeechVerb } from './claims.ts';
import { compileGazetteer, countryOf, type CompiledGazetteer, type Gazetteer, type NameRef } from './gazetteer.ts';
import { scanAliases, scanSlice, tokenize, tokenizeSlice, tokenizeText, type AliasIndex, type AliasMatch, type ScanRecord, type Token, type TokenizedText } from './matching.ts';
import { findPeople, introduces, personCandidates, type People } from './people.ts';
import { decidePlace, type PlaceContext } from './places.ts';
import { unlistedPlaces } from './unlisted.ts';

export { compileGazetteer, type CompiledGazetteer, type Gazetteer };
export { unmatchedNames, gazetteerReport } from './report.ts';

export interface NormalizeContext {
  gazetteer: CompiledGazetteer;
  documentText?: string;
  sectionHeadings?: string[];
  /** Place ids met in the document, repeated once per mention (see documentPlaceIds()). */
  documentPlaceIds?: string[];
  /** The people the document names with their parties (see scanDocument, people.ts). */
  people?: People;
  /** For messages. */
  file?: string;
  /**
   * The speaker of the nearest earlier sentence that has one (see NormalizedSentence.speaker), for
   * a sentence whose speech verb's subject is `he` or `she`. Called only for such a sentence.
   */
  earlierSpeaker?: () => ClaimMention | null | undefined;
}

export interface NormalizedSentence {
  places: EntityMention[];
  actors: ActorMention[];
  sources: ClaimMention[];
  casualties: Casualties;
  messages: Message[];
  /** Rule ids that produced something, in order (place.*, actor.*, claim.*, casualty.*). */
  rules: string[];
  /**
   * Who speaks in the sentence, for a `he said` after it: the subject of its first speech verb
   * (else its first source); null when a speech verb's subject is not a known party (`Abu Omar,
   * a doctor, said`: a later `he` is that person); undefined when no one speaks in it.
   */
  speaker: ClaimMention | null | undefined;
}

const STAGE = 'normalize';
const REPORTER_TYPES = new Set(['news-agency', 'news-outlet', 'monitoring-group', 'generic-category']);
// An armed party's announcement is about its own deeds (`a colonel from the FSA announced the
// formation of a council`, `the military reported killing 25 rebels`): it speaks and acts (ARMED_TYPES).

/** Places named anywhere in a text, once per mention: the document context of its sentences. */
export function documentPlaceIds(text: string, gazetteer: CompiledGazetteer): string[] {
  return scanDocument(text, gazetteer).placeIds;
}

/** The tokens inside some name of the gazetteer. */
function takenBy(matches: AliasMatch<NameRef>[], length: number): Uint8Array {
  const taken = new Uint8Array(length);
  for (const m of matches) taken.fill(1, m.first, m.last + 1);
  return taken;
}

/** What a document's sentences are normalised against: see documentPlaceIds and people.ts. */
export interface DocumentScan {
  placeIds: string[];
  people: People;
}

/** One scan of a whole document for the context of its sentences. */
export function scanDocument(text: string, gazetteer: CompiledGazetteer): DocumentScan {
  const tokenized = tokenizeText(text);
  const record: ScanRecord<NameRef> = { at: [], reach: [] };
  const matches = scanAliases(gazetteer.index, tokenized.tokens, record);
  lastTokenized = { tokenized, index: gazetteer.index, record };
  const placeIds: string[] = [];
  const kept: AliasMatch<NameRef>[] = [];
  for (const m of matches) {
    if (isCurrencyPrefix(text, m.end)) continue;
    kept.push(m);
    const id = directPlace(m);
    if (id !== undefined) placeIds.push(id);
  }
  // Generic parties (`army`, `police`) only of the country the document is mostly about: in a
  // page of world news, `Police officer Roger Rogerson` is no Syrian policeman.
  const counts = new Map<string, number>();
  for (const id of placeIds) counts.set(id, (counts.get(id) ?? 0) + 1);
  const countries = new Set(mainCountries(gazetteer, counts));
  const actors = linkActors(gazetteer, kept.filter((m) => !m.fuzzy), tokenized.tokens, text, { countries });
  return { placeIds, people: findPeople(tokenized.tokens, actors.candidates, takenBy(matches, tokenized.tokens.length)) };
}

// A currency sign right after a name (`US$2.7 billion`, `HK$`, `NZ$`, `A$`), or after one space
// before an amount (`US $500,000`): the name writes the currency, not a place or a party of the event.
const CURRENCY_SIGN = /\p{Sc}| \p{Sc}\d/uy;

/** The name that ends at `end` is followed by a currency sign (see CURRENCY_SIGN). */
function isCurrencyPrefix(text: string, end: number): boolean {
  CURRENCY_SIGN.lastIndex = end;
  return CURRENCY_SIGN.test(text);
}

/** The one place a match names directly (not through context), if exactly one. */
function directPlace(m: AliasMatch<NameRef>): string | undefined {
  let id: string | undefined;
  for (const t of m.targets) {
    if (t.value.kind !== 'place' || t.value.contextual) continue;
    if (id === undefined) id = t.value.id;
    else if (t.value.id !== id) return undefined;
  }
  return id;
}

// The last text documentPlaceIds scanned: its sentences, normalised next, reuse its tokens and searches.
let lastTokenized: { tokenized: TokenizedText; index: AliasIndex<NameRef>; record: ScanRecord<NameRef> } | undefined;

/** Tokens and alias matches of a sentence, from the last document scanned if found at `offset` of it. */
function scanSentence(index: AliasIndex<NameRef>, text: string, offset: number): { tokens: Token[]; matches: AliasMatch<NameRef>[] } {
  const doc = lastTokenized;
  if (doc && Number.isInteger(offset) && offset >= 0 && doc.tokenized.text.startsWith(text, offset)) {
    const tokens = tokenizeSlice(doc.tokenized, offset, offset + text.length);
    if (tokens) {
      const matches = doc.index === index ? scanSlice(index, tokens, doc.tokenized, offset, doc.record) : scanAliases(index, tokens);
      return { tokens, matches };
    }
  }
  const tokens = tokenize(text);
  return { tokens, matches: scanAliases(index, tokens) };
}

// One-document memo so a caller that passes only documentText does not rescan it per sentence.
let memo: { text: string; gz: CompiledGazetteer; ids: string[] } | undefined;

function documentCounts(ctx: NormalizeContext): Map<string, number> {
  let ids = ctx.documentPlaceIds;
  if (!ids && ctx.documentText !== undefined) {
    if (!memo || memo.text !== ctx.documentText || memo.gz !== ctx.gazetteer) {
      memo = { text: ctx.documentText, gz: ctx.gazetteer, ids: documentPlaceIds(ctx.documentText, ctx.gazetteer) };
    }
    ids = memo.ids;
  }
  if (!ids) return NO_COUNTS;
  // Counted once per document, not once per sentence (that made long documents quadratic).
  let counts = countsOf.get(ids);
  if (!counts) {
    counts = new Map<string, number>();
    for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
    countsOf.set(ids, counts);
  }
  return counts;
}

const countsOf = new WeakMap<string[], Map<string, number>>();
// Read only, like every counts map.
const NO_COUNTS = new Map<string, number>();

function directPlaces(matches: AliasMatch<NameRef>[]): string[] {
  const out: string[] = [];
  for (const m of matches) {
    const id = directPlace(m);
    if (id !== undefined && !m.targets.some((t) => t.value.kind === 'actor' && !t.value.generic)) out.push(id);
  }
  return out;
}

/** directPlaces of a section heading, once per heading text (a document repeats them per sentence). */
function headingPlaces(gz: CompiledGazetteer, heading: string): string[] {
  if (headingMemo.gz !== gz) headingMemo = { gz, ids: new Map() };
  const cache = headingMemo.ids;
  let ids = cache.get(heading);
  if (!ids) {
    ids = directPlaces(scanAliases(gz.index, tokenize(heading)));
    if (cache.size >= 10_000) cache.clear();
    cache.set(heading, ids);
  }
  return ids;
}

// For the gazetteer in use (one per process in practice).
let headingMemo: { gz: CompiledGazetteer | undefined; ids: Map<string, string[]> } = { gz: undefined, ids: new Map() };

/** Countries a sentence is about: its places' and proper actors' countries, else its document's. */
function contextCountries(gz: CompiledGazetteer, matches: AliasMatch<NameRef>[], text: string, doc: Map<string, number>): Set<string> {
  const own = new Set<string>();
  for (const m of matches) {
    for (const t of m.targets) {
      if (t.value.kind === 'place' && !t.value.contextual) {
        const c = countryOf(gz, t.value.id);
        if (c) own.add(c);
      } else if (t.value.kind === 'actor' && !t.value.generic) {
        const c = gz.actors.get(t.value.id)?.country;
        if (c) own.add(c);
      }
    }
  }
  // `Syrian` (the adjective) says as much as `Syria`.
  if (/\bSyrian?\b/.test(text)) own.add('syria');
  if (own.size) return own;
  // Nothing in the sentence: the document's main country, if one dominates.
  for (const c of mainCountries(gz, doc)) own.add(c);
  return own;
}

/** The country that more than half of a document's place mentions lie in (none or one), once per document. */
function mainCountries(gz: CompiledGazetteer, doc: Map<string, number>): string[] {
  let byGazetteer = mainCountriesOf.get(gz);
  if (!byGazetteer) mainCountriesOf.set(gz, (byGazetteer = new WeakMap()));
  let main = byGazetteer.get(doc);
  if (!main) {
    const byCountry = new Map<string, number>();
    let total = 0;
    for (const [id, n] of doc) {
      const c = countryOf(gz, id);
      if (!c) continue;
      byCountry.set(c, (byCountry.get(c) ?? 0) + n);
      total += n;
    }
    main = [];
    for (const [c, n] of byCountry) if (n * 2 > total) main.push(c);
    byGazetteer.set(doc, main);
  }
  return main;
}

const mainCountriesOf = new WeakMap<CompiledGazetteer, WeakMap<Map<string, number>, string[]>>();

const ROMANCE_ARTICLE = /^(?:El|La|Le|Las|Los|Les)\s/;
const PERSON_TITLES = new Set(['Admiral', 'Adm.', 'General', 'Gen.', 'Colonel', 'Col.', 'Captain', 'Capt.', 'Sergeant', 'Lieutenant', 'Major',
  'President', 'King', 'Queen', 'Prince', 'Princess', 'Sheikh', 'Mr', 'Mr.', 'Mrs', 'Mrs.', 'Ms', 'Ms.', 'Dr', 'Dr.', 'Senator', 'Sen.', 'Judge', 'Father']);

// After a dateline's city: its country and the day or not (`, Lebanon, February 11`), an agency's
// credit or not, then a colon or a dash.
const DATELINE_AFTER = /^(?:,\s*\p{Lu}[\p{L}.'-]*(?:\s+\p{Lu}[\p{L}.'-]*){0,2})?(?:,?\s*\p{Lu}\p{Ll}{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?)?\s*(?:\([A-Za-z .]{1,30}\)\s*)?[:\u2014\u2013-]\s/u;

/**
 * The end of the dateline the sentence opens with (`BEIRUT, Lebanon, February 11 (UNHCR) - `): a
 * city in capitals first, then a dateline's mark; undefined when it does not open so.
 */
function datelineEnd(text: string): number | undefined {
  // after a byline or not (`By Amy Sawitta Lefevre and Pracha Hariraksapitak BANGKOK (Reuters) -`)
  const by = BYLINE_BEFORE.exec(text);
  const from = by ? by[0].length : 0;
  const city = /^\p{Lu}[\p{Lu}'-]+(?:\s+\p{Lu}[\p{Lu}'-]+){0,2}/u.exec(text.slice(from));
  if (!city || city[0].length < 3) return undefined;
  const at = from + city[0].length;
  const after = DATELINE_AFTER.exec(text.slice(at, at + 60));
  return after ? at + after[0].length : undefined;
}

const BYLINE_BEFORE = /^By\s+(?:(?:and\s+)?\p{Lu}\p{Ll}[\p{L}.'-]*\s+){1,8}(?=\p{Lu}{3,})/u;

/** Why a place name in the sentence names no place of its event (a rule id), if it does not. */
function notAPlace(gz: CompiledGazetteer, m: AliasMatch<NameRef>, tokens: Token[], text: string, dateline: number | undefined): string | undefined {
  // `Admiral Togo`, `President Chad ...`: a person's name after a title; `the Vietnam War`: an event's name
  const before = tokens[m.first - 1];
  const after = tokens[m.last + 1];
  if ((before?.capital && PERSON_TITLES.has(before.raw) && before.end + 1 === m.start) || (after?.raw === 'War' && after.start === m.end + 1)) return 'place.drop.name-part';
  // A name that opens with a Romance article is named with it: `Salvador, Bahia` is no El Salvador.
  if (m.targets.every((t) => ROMANCE_ARTICLE.test(gz.places.get(t.value.id)?.name ?? '')) && !ROMANCE_ARTICLE.test(text.slice(m.start, m.end))) return 'place.drop.article';
  // `Britain-based`, `Saudi-linked`: an adjective.
  if (isCompoundModifier(tokens, m.last)) return 'place.drop.compound';
  // `DAMASCUS: The Syrian regime said`, `BEIRUT (AFP) -`, `BEIRUT, Lebanon, February 11 -`: where the story was filed from.
  if (dateline !== undefined && m.end <= dateline) return 'place.drop.dateline';
  return undefined;
}

const CAPITAL_NOT_AFTER = new Set(['to', 'in', 'at', 'from', 'of', 'on', 'into', 'near', 'outside', 'around', 'toward', 'towards', 'the']);

/** The government a match names when it is a capital alone (a place, no actor's name). */
function capitalGovernment(gz: CompiledGazetteer, m: AliasMatch<NameRef>, tokens: Token[]): string | undefined {
  if (m.targets.some((t) => t.value.kind === 'actor' || t.value.contextual)) return undefined;
  // Only as the subject right before a verb of speech (`Damascus said`, `Moscow has denied`), not
  // inside a phrase (`ambassador to Moscow says`, `The London "Times" reports`).
  const before = tokens[m.first - 1]?.raw.toLowerCase() ?? '';
  if (CAPITAL_NOT_AFTER.has(before)) return undefined;
  let k = m.last + 1;
  while (k < tokens.length && k <= m.last + 2 && /^(has|have|had|also|again|later|then|now|officially|publicly)$/i.test(tokens[k]!.raw)) k++;
  const verb = tokens[k];
  if (!verb || !/^ $/.test(verb.sepBefore) || !tokens.slice(m.last + 1, k + 1).every((t) => /^ $/.test(t.sepBefore)) || !isSpeechVerb(verb.raw)) return undefined;
  const id = directPlace(m);
  return id === undefined ? undefined : gz.governmentOfCapital.get(id);
}

/** The speaker of a sentence's sources: a subject, `according to` or agent before an addressee. */
function pickSpeaker(sources: (ClaimMention & { rule: string })[]): ClaimMention {
  const s = sources.find((x) => x.rule !== 'claim.addressee') ?? sources[0]!;
  return { id: s.id, text: s.text, span: s.span, kind: s.kind };
}

export function normalizeSentence(text: string, offset: number, ctx: NormalizeContext): NormalizedSentence {
  const gz = ctx.gazetteer;
  const messages: Message[] = [];
  const rules: string[] = [];
  const doc = documentCounts(ctx);
  const scanned = scanSentence(gz.index, text, offset);
  const tokens = scanned.tokens;
  let matches = scanned.matches;
  if (matches.some((m) => isCurrencyPrefix(text, m.end))) {
    matches = matches.filter((m) => !isCurrencyPrefix(text, m.end));
    rules.push('name.drop.currency');
  }
  if (matches.some((m) => m.fuzzy)) {
    // A spelling one edit away from a place's name is that place only where the sentence (or its
    // document) is about the place's country: `Khalifa Haftar` in Libya is not Khalidiya, Somalia's
    // Baidoa is not al-Bayada. The country is read from the names matched exactly.
    const countries = contextCountries(gz, matches.filter((m) => !m.fuzzy), text, doc);
    const kept = matches.filter((m) => !m.fuzzy || m.targets.some((t) => t.value.kind === 'place' && countries.has(countryOf(gz, t.value.id) ?? '')));
    if (kept.length < matches.length) rules.push('place.drop.fuzzy-elsewhere');
    matches = kept;
  }
  const headingIds: string[] = [];
  for (const h of ctx.sectionHeadings ?? []) for (const id of headingPlaces(gz, h)) headingIds.push(id);
  const placeCtx: PlaceContext = { sentence: directPlaces(matches), headings: headingIds, document: doc };

  const places: EntityMention[] = [];
  const dateline = datelineEnd(text);
  for (const m of matches) {
    if (!m.targets.some((t) => t.value.kind === 'place')) continue;
    // A proper actor name that is also a place name (`Al-Watan`) reads as the actor.
    if (m.targets.some((t) => t.value.kind === 'actor' && !t.value.generic)) continue;
    const drop = notAPlace(gz, m, tokens, text, dateline);
    if (drop) {
      rules.push(drop);
      continue;
    }
    const d = decidePlace(gz, m, text, offset, placeCtx);
    rules.push(d.rule);
    if (d.mention) places.push(d.mention);
    else if (d.unresolved) {
      messages.push(
        message({
          reason: `Unexpected ambiguous place name "${d.unresolved.text}", expected context naming one of ${d.unresolved.candidates.join(', ')}`,
          ruleId: d.rule,
          stage: STAGE,
          file: ctx.file ?? '',
          severity: 'info',
          actual: d.unresolved.text,
          expected: d.unresolved.candidates.join('|'),
        }),
      );
    }
  }

  // Places the gazetteer does not hold, where the words around them say a place is meant (unlisted.ts).
  const placeAt = new Set<number>();
  for (const m of matches) if (places.some((p) => p.span.start === offset + m.start)) placeAt.add(m.first);
  const unlisted = unlistedPlaces(tokens, text, offset, takenBy(matches, tokens.length), placeAt).filter((u) => dateline === undefined || u.span.start >= offset + dateline);
  if (unlisted.length) {
    places.push(...unlisted);
    places.sort((a, b) => a.span.start - b.span.start);
    rules.push('place.unlisted');
  }

  const actorPass = linkActors(gz, matches, tokens, text, { countries: contextCountries(gz, matches, text, doc) });
  // The people the document named with a party, where this sentence names them (speakers only).
  // Not where the sentence names the party right beside the person (`journalist Marie Colvin`):
  // that mention is the sentence's own.
  const people: ActorCandidate[] = (ctx.people?.size ? personCandidates(tokens, ctx.people, text, takenBy(matches, tokens.length)) : []).filter(
    (p) => !actorPass.candidates.some((c) => c.id === p.id && introduces(tokens, c, p)),
  );
  // A capital that speaks is its country's government (`Damascus said it was the work of gangs`).
  for (const m of matches) {
    const gov = capitalGovernment(gz, m, tokens);
    if (gov) people.push({ id: gov, first: m.first, last: m.last, start: m.start, end: m.end, text: text.slice(m.start, m.end), generic: false, rule: 'claim.capital', speakerOnly: true });
  }
  const candidates = people.length ? [...actorPass.candidates, ...people].sort((a, b) => a.first - b.first) : actorPass.candidates;
  const claimPass = findClaims(tokens, candidates, text, offset);
  // ... and not a place of the event.
  candidates.forEach((c, i) => {
    if (c.rule !== 'claim.capital' || !claimPass.speakers.has(i)) return;
    const at = places.findIndex((p) => p.span.start === offset + c.start);
    if (at >= 0) {
      places.splice(at, 1);
      rules.push('place.drop.speaker');
    }
  });
  // `He added that ...`: the speaker named in an earlier sentence speaks again.
  // `According to the report`, `the Britain-based monitor said`: so does the one a phrase refers to,
  // when it is of a kind the phrase can name.
  // Another speaker in the sentence does not silence the phrase (`According to the report, "...
  // Prime Minister Wael al-Halqi said ..."`: the report's and the minister's).
  const earlier = claimPass.anaphors.length ? ctx.earlierSpeaker?.() : undefined;
  const p = claimPass.anaphors[0];
  if (earlier && p && !claimPass.sources.some((s) => s.id === earlier.id) && (!p.types || p.types.includes(gz.actors.get(earlier.id)?.type ?? ''))) {
    claimPass.sources.push({ id: earlier.id, text: p.text, span: { start: p.start, end: p.end }, kind: p.kind, rule: /^(he|she|it|they)$/i.test(p.text) ? 'claim.pronoun' : 'claim.anaphor', indirect: true });
    // in the order of the text (the phrase may open the sentence)
    claimPass.sources.sort((a, b) => a.span.start - b.span.start);
  }
  // A demand (`called for`) is a named party's: not a crowd's or a channel's (`Protesters called for`).
  claimPass.sources = claimPass.sources.filter((s) => s.rule !== 'claim.call' || !REPORTER_TYPES.has(gz.actors.get(s.id)?.type ?? ''));
  // Media, monitors and generic speakers only report; an armed party that speaks acts too (see
  // ARMED_TYPES); another party that speaks (the UN) may act in the sentence under its other mentions.
  // A person who speaks for a group (`Conroy states that Avaaz charged reporters`) is not all of it.
  const reporterIds = new Set(
    claimPass.sources.filter((s) => !s.indirect && REPORTER_TYPES.has(gz.actors.get(s.id)?.type ?? '')).map((s) => s.id),
  );
  const actors: ActorMention[] = [];
  candidates.forEach((c, i) => {
    if (c.speakerOnly) {
      if (claimPass.speakers.has(i)) rules.push(c.rule);
      return;
    }
    if ((claimPass.speakers.has(i) && !ARMED_TYPES.has(gz.actors.get(c.id)?.type ?? '')) || reporterIds.has(c.id)) return;
    // `BEIRUT (AFP) -`: the agency that filed the story does nothing in it
    if (dateline !== undefined && c.end <= dateline) return;
    actors.push({ id: c.id, text: c.text, span: { start: offset + c.start, end: offset + c.end }, role: 'actor' });
    rules.push(c.rule);
  });
  const sources: ClaimMention[] = claimPass.sources.map((s) => {
    rules.push(s.rule);
    return { id: s.id, text: s.text, span: s.span, kind: s.kind };
  });
  const cas = findCasualties(text);
  rules.push(...cas.rules);
  const speaker = claimPass.sources.length
    ? pickSpeaker(claimPass.sources)
    : claimPass.anaphors.length || claimPass.unnamed ? null : undefined;
  return { places, actors, sources, casualties: cas.casualties, messages, rules, speaker };
}
