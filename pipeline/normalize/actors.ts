// Actor linking. Proper names come straight from the alias index. Generic phrases (`troops`,
// `rebels`, `the government`) map to generic actors the way ACLED codes them, but only where
// the sentence is about that actor's country, and they yield to whatever names the group in
// front of them (`Hezbollah fighters`, `Turkish troops`).
import type { CompiledGazetteer, NameRef } from './gazetteer.ts';
import type { AliasMatch, Token } from './matching.ts';
import { isSpeechVerb } from './claims.ts';

/** An actor name found in the sentence, before claims take their speakers out. */
export interface ActorCandidate {
  id: string;
  first: number;
  last: number;
  start: number;
  end: number;
  text: string;
  generic: boolean;
  rule: string;
  /**
   * A name that stands for the party only as a speaker: a person the document named with it (see
   * people.ts), or its country's capital (`Damascus said`). A source when it speaks, never an actor.
   */
  speakerOnly?: boolean;
}

export const ACTOR_RULES = [
  'actor.name', // a proper name or acronym of the gazetteer
  'actor.generic', // a common-noun phrase in a context about the actor's country
  'actor.drop.compound', // `rebel-held`, `FSA-controlled`: a modifier, not a party
  'actor.drop.prefixed', // `pro-opposition`, `anti-government`
  'actor.drop.adjective', // `opposition group SOHR`: a modifier of the next word
  'actor.drop.modified', // `Hezbollah fighters`: the generic head belongs to the name before it
  'actor.drop.foreign', // `Turkish troops` without an entry: not the Syrian army
  'actor.drop.context', // generic phrase with no sign of the actor's country around it
  'actor.drop.demonym-outlet', // `The Australian dollar`: the adjective, not the newspaper
] as const;

// Participles that turn `X-held` into an adjective about territory or allegiance.
const COMPOUND_SUFFIXES = new Set([
  'held', 'controlled', 'run', 'backed', 'led', 'linked', 'allied', 'dominated', 'occupied', 'based', 'affiliated',
  'aligned', 'leaning', 'sponsored', 'brokered', 'imposed', 'friendly', 'owned', 'funded', 'armed',
]);
const NEGATING_PREFIXES = new Set(['pro', 'anti', 'ex', 'non']);

/** Demonyms -> country place_id; a generic head after one of these is that country's. */
export const DEMONYMS: Record<string, string> = {
  syrian: 'syria', lebanese: 'lebanon', turkish: 'turkey', iraqi: 'iraq', jordanian: 'jordan', israeli: 'israel',
  iranian: 'iran', russian: 'russia', chinese: 'china', american: 'united-states', us: 'united-states',
  british: 'united-kingdom', french: 'france', egyptian: 'egypt', saudi: 'saudi-arabia', qatari: 'qatar',
  sudanese: 'sudan', libyan: 'libya', afghan: 'afghanistan', german: 'germany', swiss: 'switzerland',
  belarusian: 'belarus', polish: 'poland', azerbaijani: 'azerbaijan', australian: 'australia', spanish: 'spain',
  dutch: 'netherlands', armenian: 'armenia', yemeni: 'yemen', bahraini: 'bahrain', tunisian: 'tunisia',
  kuwaiti: 'kuwait', emirati: 'united-arab-emirates', ukrainian: 'ukraine', indian: 'india', pakistani: 'pakistan',
  palestinian: 'palestine', kurdish: 'kurdish', nigerian: 'nigeria', somali: 'somalia', malian: 'mali',
  canadian: 'canada', belgian: 'belgium', japanese: 'japan', korean: 'korea', georgian: 'georgia', chechen: 'chechnya',
  western: 'western', foreign: 'foreign',
};

/** `rebel-held`, `Britain-based`: the name ends in a hyphen and a participle. */
export function isCompoundModifier(tokens: Token[], last: number): boolean {
  const next = tokens[last + 1];
  return !!(tokens[last]!.hyphenNext && next && COMPOUND_SUFFIXES.has(next.raw.toLowerCase()));
}

const MEDIA_TYPES = new Set(['news-agency', 'news-outlet']);
// What follows an outlet's name when it is the outlet (`The Australian reported`, `… newspaper`).
const OUTLET_FOLLOWERS = new Set([
  'newspaper', 'paper', 'daily', 'weekly', 'website', 'reported', 'reports', 'said', 'says', 'quoted', 'quotes', 'wrote',
  'writes', 'revealed', 'claimed', 'claims', 'cited', 'published', 'has', 'had', 'is', 'was', 'learned', 'obtained', 'understands', 'and', 'or',
]);

/**
 * An outlet named for a people (`The Australian`) used as the adjective it is: `The Australian
 * dollar`, `The Australian town of Gympie`, `The Australian Transport Safety Bureau`. The outlet
 * is meant only where its name ends the phrase or is followed by what an outlet does or is.
 */
function isDemonymOutletAdjective(gz: CompiledGazetteer, id: string, tokens: Token[], last: number): boolean {
  if (!MEDIA_TYPES.has(gz.actors.get(id)?.type ?? '')) return false;
  if (DEMONYMS[tokens[last]!.raw.toLowerCase()] === undefined) return false;
  const next = tokens[last + 1];
  if (!next || !/^ $/.test(next.sepBefore)) return false;
  return !OUTLET_FOLLOWERS.has(next.raw.toLowerCase());
}

/**
 * The generic head `m` is followed by `from` / `of` and, within a word or two, a proper name of an
 * armed party (`fighters from al-Qaida's Nusra Front`): the head is that party's people.
 */
function namesArmedParty(gz: CompiledGazetteer, tokens: Token[], m: AliasMatch<NameRef>, next: AliasMatch<NameRef> | undefined): boolean {
  const link = tokens[m.last + 1]?.raw.toLowerCase();
  if (!next || (link !== 'from' && link !== 'of') || next.first - (m.last + 1) > 3) return false;
  return next.targets.some((t) => t.value.kind === 'actor' && !t.value.generic && ARMED_TYPES.has(gz.actors.get(t.value.id)?.type ?? ''));
}

/** The kinds of party that fight: when one speaks it also acts, and a generic head names its people. */
export const ARMED_TYPES: ReadonlySet<string> = new Set(['state-armed-force', 'foreign-armed-force', 'rebel-coalition', 'rebel-brigade', 'jihadist-group', 'pro-government-militia']);

// Generic words that are adjectives before a noun (`opposition group SOHR`, `opposition video`).
const ADJECTIVAL = new Set(['opposition', 'the opposition', 'government', 'regime']);

export interface ActorContext {
  /** Countries the sentence (or failing that its document) is about. */
  countries: Set<string>;
}

export interface ActorPass {
  candidates: ActorCandidate[];
  /** Generic phrases held back, with why (for the unmatched-names report). */
  dropped: { text: string; rule: string }[];
}

export function linkActors(
  gz: CompiledGazetteer,
  matches: AliasMatch<NameRef>[],
  tokens: Token[],
  text: string,
  ctx: ActorContext,
): ActorPass {
  const candidates: ActorCandidate[] = [];
  const dropped: { text: string; rule: string }[] = [];
  let prevProper: AliasMatch<NameRef> | undefined;
  for (let mi = 0; mi < matches.length; mi++) {
    const m = matches[mi]!;
    const refs = m.targets.map((t) => t.value).filter((v) => v.kind === 'actor');
    if (!refs.length) {
      prevProper = m.targets.some((t) => t.value.kind === 'place') ? undefined : prevProper;
      continue;
    }
    const proper = refs.find((r) => !r.generic);
    const ref = proper ?? refs[0]!;
    const surface = text.slice(m.start, m.end);
    const nextTok = tokens[m.last + 1];
    const firstTok = tokens[m.first]!;
    const prevTok = tokens[m.first - 1];
    // `FSA-held al-Khalidiyah`: a named armed group holds it, and is a party of the sentence
    const holds = proper && nextTok?.raw.toLowerCase() === 'held' && ARMED_TYPES.has(gz.actors.get(proper.id)?.type ?? '');
    if (isCompoundModifier(tokens, m.last) && !holds) {
      dropped.push({ text: surface, rule: 'actor.drop.compound' });
      continue;
    }
    if (proper && isDemonymOutletAdjective(gz, proper.id, tokens, m.last)) {
      dropped.push({ text: surface, rule: 'actor.drop.demonym-outlet' });
      continue;
    }
    if (firstTok.hyphenPrev && prevTok && NEGATING_PREFIXES.has(prevTok.raw.toLowerCase())) {
      dropped.push({ text: surface, rule: 'actor.drop.prefixed' });
      continue;
    }
    if (!proper) {
      const actor = gz.actors.get(ref.id);
      // An adjective before a noun or a name: `opposition group SOHR`, `government supporters`.
      if (ADJECTIVAL.has(surface.toLowerCase()) && nextTok && /^\s+$/.test(nextTok.sepBefore) && /^[\p{L}]/u.test(nextTok.raw) && !/^(and|or|of|in|on|at|to|from|with|for|by|was|were|is|are|had|has|have|forces?|held|controlled)$/i.test(nextTok.raw) && !isSpeechVerb(nextTok.raw)) {
        dropped.push({ text: surface, rule: 'actor.drop.adjective' });
        continue;
      }
      // `Hezbollah fighters`, `FSA insurgents`: an armed generic head adds nothing to the name
      // before it (`Sky News correspondent` still names a journalist, `SANA state TV` the channel).
      if (actor?.side && !MEDIA_TYPES.has(actor.type) && prevProper && prevProper.last === m.first - 1 && /^\s+$/.test(firstTok.sepBefore)) {
        dropped.push({ text: surface, rule: 'actor.drop.modified' });
        continue;
      }
      // ... or after it: `fighters from al-Qaida's Nusra Front`, `militants of the Islamic State`
      if (actor?.side && !MEDIA_TYPES.has(actor.type) && namesArmedParty(gz, tokens, m, matches[mi + 1])) {
        dropped.push({ text: surface, rule: 'actor.drop.modified' });
        continue;
      }
      const demonym = prevTok && /^\s+$/.test(firstTok.sepBefore) ? DEMONYMS[prevTok.raw.toLowerCase()] : undefined;
      if (demonym && prevTok!.capital && actor?.country && demonym !== actor.country) {
        dropped.push({ text: surface, rule: 'actor.drop.foreign' });
        continue;
      }
      if (actor?.country && !ctx.countries.has(actor.country) && demonym !== actor.country) {
        dropped.push({ text: surface, rule: 'actor.drop.context' });
        continue;
      }
    }
    candidates.push({
      id: ref.id,
      first: m.first,
      last: m.last,
      start: m.start,
      end: m.end,
      text: surface,
      generic: !proper,
      rule: proper ? 'actor.name' : 'actor.generic',
    });
    prevProper = proper ? m : undefined;
  }
  return { candidates, dropped };
}
