// Attribution: who a statement is credited to (`according to SOHR`, `activists said`, `SANA
// claimed`, `told AFP`). Speakers become claim sources with a kind; they are taken out of the
// sentence's actors unless they also act in it under another mention.
import type { ClaimKind, ClaimMention } from '../types.ts';
import type { ActorCandidate } from './actors.ts';
import type { Token } from './matching.ts';

/** Speech verbs by the kind of claim they make. */
const VERB_KIND: Record<string, ClaimKind> = {};
const VERBS: [ClaimKind, string[]][] = [
  ['reported', [
    'said', 'says', 'say', 'saying', 'stated', 'states', 'reported', 'reports', 'reporting', 'told', 'tells', 'tell', 'telling',
    'announced', 'announces', 'added', 'adds', 'estimated', 'estimates', 'noted', 'notes', 'observed', 'warned', 'warns',
    'wrote', 'writes', 'tweeted', 'broadcast', 'broadcasts', 'aired', 'showed', 'shows', 'cited', 'cites', 'quoted',
    'quotes', 'described', 'describes', 'indicated', 'explained', 'insisted', 'predicted', 'posted', 'distributed',
    'published', 'counted', 'recorded', 'documented', 'suggested', 'believed', 'blamed', 'criticized', 'criticised', 'tweeting', 'account', 'statement',
    'condemned', 'urged', 'revealed', 'informed', 'stressed', 'stressted', 'pointed', 'interviewed',
  ]],
  ['claimed', ['claimed', 'claims', 'claim', 'claiming', 'alleged', 'alleges', 'allege', 'accused', 'accuses', 'purported', 'asserted', 'charged', 'charges']],
  ['denied', ['denied', 'denies', 'deny', 'denying', 'rejected', 'rejects', 'dismissed', 'disputed', 'refuted']],
  ['confirmed', ['confirmed', 'confirms', 'confirm', 'corroborated', 'acknowledged', 'acknowledges', 'verified', 'admitted', 'confirmation']],
];
for (const [kind, words] of VERBS) for (const w of words) VERB_KIND[w] = kind;

/** A verb of speech (said, claimed, denied, confirmed, ...), in any case. */
export const isSpeechVerb = (w: string): boolean => Object.hasOwn(VERB_KIND, w.toLowerCase());

export const CLAIM_RULES = [
  'claim.according-to', // according to X
  'claim.subject-verb', // X said / claimed / denied / confirmed
  'claim.addressee', // ... told X / speaking to X
  'claim.agent', // quoted by X / obtained by X
  'claim.call', // X called for / calls on
  'claim.pronoun', // He added / she said: the speaker of an earlier sentence
  'claim.inverted', // "...," said Abdullah: the speaker after the verb
  'claim.anaphor', // according to the report / the agency said: the speaker of an earlier sentence
  'claim.capital', // Damascus said: the capital's government
  'claim.person', // Conroy states: a person the document named with their party
] as const;

// (not `calling`: `a protest calling for reform` is a noun's modifier)
const CALL_VERBS = new Set(['called', 'calls']);
const CALL_PREPS = new Set(['for', 'on', 'upon']);

// Words that end the search for a speaker: the verb's subject is not behind them.
const SUBJECT_BARRIERS = new Set(['that', 'which', 'who', 'whom', 'he', 'she', 'they', 'it', 'we', 'i', 'his', 'her', 'their', 'when', 'while', 'after', 'but']);
const ADDRESSEE_VERBS = new Set(['told', 'tells', 'tell', 'telling', 'informed']);
const ADDRESSEE_PREPS = new Set(['speaking', 'spoke', 'spoken', 'talking', 'talked']);
const SPOKE = new Set(['spoke', 'spoken', 'talked']);
const AGENT_VERBS = new Set(['quoted', 'cited', 'interviewed', 'obtained', 'reported', 'broadcast', 'aired', 'published', 'released', 'filmed', 'claimed', 'confirmed', 'denied']);
const SPEAKER_WINDOW = 9;
// `claims responsibility`: a perpetrator owning an act, not a source of a report.
const OWNING = new Set(['responsibility', 'credit']);
// `a bombing claims at least 26 people`, `claimed the lives of`: deaths, not a statement.
const LIVES = new Set(['lives', 'life', 'people', 'victims', 'dead']);
const ABOUT = new Set(['at', 'least', 'more', 'than', 'over', 'nearly', 'almost', 'some', 'about', 'around', 'up', 'to', 'the']);

// ... unless a verb follows them: `SANA claimed 20 people were killed` is a statement.
const CLAUSE_VERBS = new Set(['were', 'was', 'had', 'have', 'are', 'is', 'died', 'been', 'would', 'will']);

/** The claim verb at `verb` takes lives: a count (or `the`) and a word for people follow, and no verb. */
function claimsLives(tokens: Token[], verb: number): boolean {
  let k = verb + 1;
  while (k < tokens.length && k <= verb + 4 && (ABOUT.has(tokens[k]!.raw.toLowerCase()) || /^\d/.test(tokens[k]!.raw))) k++;
  if (k === verb + 1 || k >= tokens.length || !LIVES.has(tokens[k]!.raw.toLowerCase())) return false;
  return !CLAUSE_VERBS.has(tokens[k + 1]?.raw.toLowerCase() ?? '');
}
const PASSIVE_AUX = new Set(['was', 'were', 'been', 'being', 'is', 'are', 'be']);

// Every word that can open one of the patterns below; any other token is skipped at once.
// VERB_KIND is a plain object, so a name of Object.prototype (`constructor`) reads as a verb too.
const TRIGGERS = new Set([
  'according', ...CALL_VERBS, ...ADDRESSEE_VERBS, ...ADDRESSEE_PREPS, ...AGENT_VERBS, ...Object.keys(VERB_KIND),
  ...Object.getOwnPropertyNames(Object.prototype).filter((n) => (VERB_KIND as Record<string, unknown>)[n]),
]);

/**
 * A speaker named only by reference to an earlier sentence: `he`, `she`, `it`, `they` (see
 * pronounSubject) or a definite phrase (`the report`, `the agency`, `the Britain-based monitor`; see anaphorAt), with
 * the kinds of party the phrase can refer to (none: any).
 */
export interface Anaphor {
  start: number;
  end: number;
  text: string;
  kind: ClaimKind;
  types?: readonly string[];
}

export interface ClaimPass {
  /** `indirect`: credited through a person or a pronoun, not a mention of the party itself. */
  sources: (ClaimMention & { rule: string; indirect?: boolean })[];
  /** Candidates (by index) that were speakers or addressees. */
  speakers: Set<number>;
  /**
   * Speech verbs whose speaker is named only in an earlier sentence: a pronoun subject (see
   * pronounSubject) or a definite phrase (see anaphorAt), resolved by normalizeSentence.
   */
  anaphors: Anaphor[];
  /** A speech verb has a subject that is neither a known party nor such a pronoun (`Abu Omar, a doctor, said`). */
  unnamed: boolean;
}

// `the opposition` as a speaker is the political opposition, not armed rebels.
const SPEAKER_REMAP: { id: string; surface: RegExp; to: string }[] = [
  { id: 'rebels', surface: /^(the )?opposition$/i, to: 'syrian-opposition' },
];

export function findClaims(tokens: Token[], candidates: ActorCandidate[], text: string, offset: number): ClaimPass {
  const sources: (ClaimMention & { rule: string })[] = [];
  const speakers = new Set<number>();
  const anaphors: ClaimPass['anaphors'] = [];
  let unnamed = false;
  const byLast = new Map<number, number>();
  const byFirst = new Map<number, number>();
  candidates.forEach((c, i) => {
    byLast.set(c.last, i);
    byFirst.set(c.first, i);
  });
  const callers = new Set<number>();
  const add = (ci: number, kind: ClaimKind, rule: string) => {
    const c = candidates[ci]!;
    if (speakers.has(ci) || callers.has(ci)) return;
    speakers.add(ci);
    // `according to Al Jazeera's correspondent Hadi al-Abdallah`: the party's own person speaks
    // for it (no source of its own, and no actor).
    const own = byFirst.get(c.last + 1);
    if (own !== undefined && /^['\u2019]s\s+$/.test(tokens[c.last + 1]!.sepBefore)) speakers.add(own);
    const remap = SPEAKER_REMAP.find((r) => r.id === c.id && r.surface.test(c.text));
    sources.push({ id: remap ? remap.to : c.id, text: c.text, span: { start: offset + c.start, end: offset + c.end }, kind, rule, ...(c.speakerOnly ? { indirect: true } : {}) });
  };
  const nextMention = (from: number, limit: number): number | undefined => {
    for (let k = from; k < Math.min(tokens.length, from + limit); k++) {
      const ci = byFirst.get(k);
      if (ci !== undefined) return ci;
      if (/[.;:]/.test(tokens[k]!.sepBefore) && k > from) return undefined;
    }
    return undefined;
  };
  for (let i = 0; i < tokens.length; i++) {
    const w = tokens[i]!.raw.toLowerCase();
    if (!TRIGGERS.has(w)) continue;
    if (w === 'according' && tokens[i + 1]?.raw.toLowerCase() === 'to') {
      const ci = nextMention(i + 2, 6);
      if (ci !== undefined) add(ci, 'reported', 'claim.according-to');
      else {
        const a = anaphorAt(tokens, i + 2);
        if (a) anaphors.push(anaphor(tokens, a.first, a.last, 'reported', offset, a.types));
      }
      continue;
    }
    if ((ADDRESSEE_PREPS.has(w) && tokens[i + 1]?.raw.toLowerCase() === 'to') || ADDRESSEE_VERBS.has(w)) {
      const ci = nextMention(ADDRESSEE_VERBS.has(w) ? i + 1 : i + 2, 4);
      if (ci !== undefined) add(ci, 'reported', 'claim.addressee');
      // `Colvin had spoken to CNN`: who spoke is a source too (`speaking to AFP, X said` has its subject later).
      if (SPOKE.has(w)) {
        const subj = subjectBefore(tokens, byLast, i);
        if (subj !== undefined) add(subj, 'reported', 'claim.subject-verb');
      }
    }
    if (AGENT_VERBS.has(w) && tokens[i + 1]?.raw.toLowerCase() === 'by') {
      const ci = nextMention(i + 2, 4);
      if (ci !== undefined) add(ci, VERB_KIND[w] ?? 'reported', 'claim.agent');
      continue;
    }
    // `The Syrian National Council called for an emergency meeting`, `calls on the government to`:
    // a named party's demand is both a statement of it and an act of it (it stays an actor).
    if (CALL_VERBS.has(w)) {
      if (!CALL_PREPS.has(tokens[i + 1]?.raw.toLowerCase() ?? '')) continue;
      const subj = subjectBefore(tokens, byLast, i);
      const c = subj === undefined ? undefined : candidates[subj]!;
      if (c && !c.generic && !callers.has(subj!) && !speakers.has(subj!)) {
        callers.add(subj!);
        sources.push({ id: c.id, text: c.text, span: { start: offset + c.start, end: offset + c.end }, kind: 'reported', rule: 'claim.call' });
      }
      continue;
    }
    const kind = VERB_KIND[w];
    if (!kind) continue;
    if (OWNING.has(tokens[i + 1]?.raw.toLowerCase() ?? '') || (kind === 'claimed' && claimsLives(tokens, i))) continue;
    if (kind === 'claimed' && isParticiple(tokens, i)) continue;
    // `the opposition charged it was a massacre`, `charged that`: not `charged reporters $3000`, `charged with`.
    if ((w === 'charged' || w === 'charges') && !chargesClaim(tokens, i)) continue;
    // `tanks were claimed to have been seen`, `it was reported`: no speaker in front, but maybe
    // an agent further on (`mortars were described as falling "like rain" on Khalidiya by an activist`).
    if (PASSIVE_AUX.has(tokens[i - 1]?.raw.toLowerCase() ?? '') || (PASSIVE_AUX.has(tokens[i - 2]?.raw.toLowerCase() ?? '') && isAdverb(tokens[i - 1]!.raw))) {
      const ci = agentAfter(tokens, byFirst, i);
      if (ci !== undefined) add(ci, kind, 'claim.agent');
      continue;
    }
    // `the FSA called the mission a failure and stated that`: a coordinated verb's subject is the
    // first verb's (see coordinatedSubject).
    if (/^(and|but|or)$/i.test(tokens[i - 1]?.raw ?? '')) {
      const subj = coordinatedSubject(tokens, byLast, i - 1);
      if (subj !== undefined) add(subj, kind, 'claim.subject-verb');
      continue;
    }
    // `"...," said another witness`, `... in the Rifai sector, said Abdullah.`: right after a
    // quotation or a comma, the speaker follows the verb (`, said to be` is no such verb).
    if (isInverted(tokens, byLast, i)) {
      const ci = speakerAfter(tokens, byFirst, i);
      if (ci !== undefined) {
        add(ci, kind, 'claim.inverted');
        continue;
      }
    }
    // `X quoted local activists as saying`: the quoted party is a source as well.
    if (w === 'quoted' || w === 'cited') {
      const ci = nextMention(i + 1, 4);
      if (ci !== undefined) add(ci, 'reported', 'claim.addressee');
    }
    const subj = subjectBefore(tokens, byLast, i);
    if (subj === undefined) {
      const p = pronounSubject(tokens, i);
      const a = p === undefined ? anaphorBefore(tokens, i) : undefined;
      if (p !== undefined) anaphors.push(anaphor(tokens, p, p, kind, offset, PRONOUN_TYPES[tokens[p]!.raw.toLowerCase()]));
      else if (a) anaphors.push(anaphor(tokens, a.first, a.last, kind, offset, a.types));
      else unnamed = true;
      continue;
    }
    add(subj, kind, 'claim.subject-verb');
    // `The Local Coordination Committees, a network of opposition activists inside Syria, stated`:
    // what the description names describes the speaker; it does not act in the sentence.
    const description = appositionBefore(tokens, byLast, i);
    if (description !== undefined && isDescription(tokens, description, i) && candidates[subj]!.last < description) {
      candidates.forEach((c, ci) => {
        if (c.first >= description && c.last < i) speakers.add(ci);
      });
    }
    // Coordinated speakers: `Diplomats and opposition sources reported`, `SANA state TV claimed`.
    let cur = candidates[subj]!;
    for (;;) {
      const prev = byLast.get(cur.first - 1) ?? byLast.get(cur.first - 2);
      if (prev === undefined) break;
      const p = candidates[prev]!;
      const between = text.slice(p.end, cur.start).trim().toLowerCase();
      if (between !== '' && between !== 'and' && between !== ',') break;
      add(prev, kind, 'claim.subject-verb');
      cur = p;
    }
  }
  return { sources, speakers, anaphors, unnamed };
}

const PRONOUNS = new Set(['he', 'she', 'it', 'they']);
// The kinds of party `it` and `they` can stand for (`he` and `she`: any, through their people).
const BODIES = ['news-agency', 'news-outlet', 'monitoring-group', 'ngo', 'international-organisation', 'government', 'political-body', 'rebel-coalition', 'rebel-brigade', 'jihadist-group', 'state-armed-force', 'foreign-armed-force', 'security-police', 'pro-government-militia', 'religious-body'] as const;
const PRONOUN_TYPES: Record<string, readonly string[] | undefined> = {
  it: BODIES,
  they: ['generic-category', 'rebel-coalition', 'rebel-brigade', 'jihadist-group', 'pro-government-militia'],
};
// Words that may open a sentence before its pronoun subject (`But it said`).
const OPENING_CONJUNCTIONS = new Set(['but', 'and', 'yet', 'however', 'meanwhile']);
const CLAUSE_SUBJECTS = new Set(['it', 'they', 'he', 'she', 'this', 'government', 'the']);

/** `charged` opens a clause of what is claimed: `charged that`, `charged it was`, `charged the army had`. */
function chargesClaim(tokens: Token[], verb: number): boolean {
  const next = tokens[verb + 1]?.raw.toLowerCase() ?? '';
  if (next === 'that') return true;
  if (!CLAUSE_SUBJECTS.has(next)) return false;
  for (let k = verb + 2; k < Math.min(tokens.length, verb + 5); k++) if (CLAUSE_VERBS.has(tokens[k]!.raw.toLowerCase())) return true;
  return false;
}

// The end of a quotation right before a verb of speech, and the end of a clause.
const AFTER_QUOTE = /(?:[,.!?]\s*["\u201d]|["\u201d]\s*,)\s*$/;
const AFTER_COMMA = /,\s*$/;
// The verbs that follow what was said (`..., said Abdullah`); not `, shows`, `, accused`.
const INVERTING = new Set(['said', 'says', 'added', 'adds', 'stated', 'wrote', 'explained', 'noted', 'reported', 'warned', 'insisted']);

/**
 * The speech verb at `verb` comes before its speaker: right after a quotation (`"...," said
 * another witness`) or after a comma that ends a clause, not a name set off by commas
 * (`French president, Nicolas Sarkozy, said` has its speaker before).
 */
function isInverted(tokens: Token[], byLast: Map<number, number>, verb: number): boolean {
  const w = tokens[verb]!.raw.toLowerCase();
  if (!INVERTING.has(w) || /^(to|that|on|in)$/i.test(tokens[verb + 1]?.raw ?? '')) return false;
  const sep = tokens[verb]!.sepBefore;
  if (AFTER_QUOTE.test(sep)) return true;
  return AFTER_COMMA.test(sep) && appositionBefore(tokens, byLast, verb) === undefined;
}

// Words that may come between an inverted verb and its speaker (`said another witness`).
const SPEAKER_LEADS = new Set(['a', 'an', 'the', 'another', 'one', 'two', 'several', 'some', 'other', 'local', 'senior']);

/** The mention that is the subject after an inverted speech verb at `verb`: within a few words of it. */
function speakerAfter(tokens: Token[], byFirst: Map<number, number>, verb: number): number | undefined {
  for (let k = verb + 1; k < Math.min(tokens.length, verb + 4); k++) {
    const ci = byFirst.get(k);
    if (ci !== undefined) return ci;
    if (!SPEAKER_LEADS.has(tokens[k]!.raw.toLowerCase())) return undefined;
  }
  return undefined;
}

const anaphor = (tokens: Token[], first: number, last: number, kind: ClaimKind, offset: number, types?: readonly string[]): Anaphor => {
  const start = tokens[first]!.start;
  const end = tokens[last]!.end;
  return { start: offset + start, end: offset + end, text: tokens.slice(first, last + 1).map((t, k) => (k ? t.sepBefore : '') + t.raw).join(''), kind, ...(types ? { types } : {}) };
};

const MEDIA = ['news-agency', 'news-outlet'] as const;
// The nouns a definite phrase names an earlier speaker by, with the kinds of party each can be.
const ANAPHOR_HEADS = new Map<string, readonly string[] | undefined>([
  ['report', undefined], ['reports', undefined], ['statement', undefined], ['account', undefined], ['source', undefined],
  ['agency', ['news-agency']], ['newspaper', ['news-outlet']], ['paper', ['news-outlet']], ['daily', ['news-outlet']],
  ['channel', MEDIA], ['broadcaster', MEDIA], ['network', MEDIA], ['outlet', MEDIA], ['station', MEDIA], ['website', MEDIA],
  ['monitor', ['monitoring-group']], ['observatory', ['monitoring-group']],
  ['group', ['monitoring-group', 'ngo', 'rebel-coalition', 'rebel-brigade', 'jihadist-group', 'political-body']],
  ['organisation', ['monitoring-group', 'ngo', 'international-organisation']], ['organization', ['monitoring-group', 'ngo', 'international-organisation']],
  ['ministry', ['government']],
]);
const ANAPHOR_DETERMINERS = new Set(['the', 'this']);
const ANAPHOR_MODIFIERS = 3;

/** `the report`, `the Britain-based monitor`, `this statement` from `at`: its tokens and what it may refer to. */
function anaphorAt(tokens: Token[], at: number): { first: number; last: number; types?: readonly string[] } | undefined {
  if (!ANAPHOR_DETERMINERS.has(tokens[at]?.raw.toLowerCase() ?? '')) return undefined;
  for (let k = at + 1; k < tokens.length && k <= at + 1 + ANAPHOR_MODIFIERS; k++) {
    const w = tokens[k]!.raw.toLowerCase();
    if (ANAPHOR_HEADS.has(w) && !tokens[k]!.hyphenNext) return { first: at, last: k, types: ANAPHOR_HEADS.get(w) };
    if (tokens[k]!.capital && !tokens[k]!.hyphenNext && !tokens[k]!.hyphenPrev) return undefined;
  }
  return undefined;
}

/** The definite phrase right before a speech verb (`the monitor said`, `the report also claimed`), not inside `of ...`. */
function anaphorBefore(tokens: Token[], verb: number): { first: number; last: number; types?: readonly string[] } | undefined {
  let head = verb - 1;
  if (head >= 1 && isAdverb(tokens[head]!.raw)) head--;
  if (head < 1 || !ANAPHOR_HEADS.has(tokens[head]!.raw.toLowerCase())) return undefined;
  for (let k = head - 1; k >= 0 && k >= head - 1 - ANAPHOR_MODIFIERS; k--) {
    if (!ANAPHOR_DETERMINERS.has(tokens[k]!.raw.toLowerCase())) continue;
    if (/^(of|in|from|by)$/i.test(tokens[k - 1]?.raw ?? '')) return undefined;
    const a = anaphorAt(tokens, k);
    return a?.last === head ? a : undefined;
  }
  return undefined;
}

const PARTICIPLE_DETERMINERS = new Set(['the', 'a', 'an', 'his', 'her', 'its', 'their', 'this', 'that', 'these', 'those']);

/**
 * A claim verb used as an adjective or a passive participle, with no speaker: `the alleged murder`,
 * `his purported role`, `Hamza Kashgari, accused of insulting the prophet`, `a man accused of`.
 */
function isParticiple(tokens: Token[], verb: number): boolean {
  if (PARTICIPLE_DETERMINERS.has(tokens[verb - 1]?.raw.toLowerCase() ?? '')) return true;
  return tokens[verb + 1]?.raw.toLowerCase() === 'of';
}

const COORDINATED_WINDOW = 12;

/**
 * The subject of the verb that the one after `and` (at `conj`) is coordinated with: the nearest
 * earlier verb of the clause (a past tense or a speech verb: `the FSA called the Arab League
 * mission a failure and stated`), when that is the sentence's only verb of speech. After another
 * speech verb (`Activists said the army shelled the district and claimed`) the two readings
 * differ, and none is taken.
 */
function coordinatedSubject(tokens: Token[], byLast: Map<number, number>, conj: number): number | undefined {
  let verb: number | undefined;
  for (let k = conj - 1; k >= Math.max(0, conj - COORDINATED_WINDOW); k--) {
    if (/[.;:]/.test(tokens[k + 1]!.sepBefore)) return undefined;
    const t = tokens[k]!;
    const w = t.raw.toLowerCase();
    if (byLast.has(k)) continue;
    if (isSpeechVerb(w) || CALL_VERBS.has(w) || (!t.capital && w.length > 3 && w.endsWith('ed'))) {
      verb = k;
      break;
    }
  }
  if (verb === undefined) return undefined;
  for (let k = 0; k < verb; k++) if (isSpeechVerb(tokens[k]!.raw)) return undefined;
  return subjectBefore(tokens, byLast, verb);
}

/**
 * The `he` / `she` / `it` / `they` that is the subject of the speech verb at `verb` (`He added
 * that`, `She also said`, `On Monday, he said`, `But it said`), when it opens the sentence (after a
 * conjunction at most) or follows the comma after an opening phrase: then its antecedent is in an
 * earlier sentence. A pronoun inside a clause (`who said that he saw`, `X told AFP he said`) may
 * refer to a party of its own sentence, and is left alone.
 */
function pronounSubject(tokens: Token[], verb: number): number | undefined {
  let p = verb - 1;
  if (p >= 1 && isAdverb(tokens[p]!.raw) && !PRONOUNS.has(tokens[p]!.raw.toLowerCase())) p--;
  if (p < 0 || !PRONOUNS.has(tokens[p]!.raw.toLowerCase())) return undefined;
  if (p === 0 || (p === 1 && OPENING_CONJUNCTIONS.has(tokens[0]!.raw.toLowerCase()))) return p;
  // `On 3 July, he said`: a comma before it, and no verb of a clause of its own before that.
  if (!/,/.test(tokens[p]!.sepBefore)) return undefined;
  for (let k = 0; k < p; k++) if (isSpeechVerb(tokens[k]!.raw)) return undefined;
  return p;
}

// Adverbs that come between an auxiliary and its verb (`were also reported`, `was initially said`).
const ADVERBS = new Set(['also', 'then', 'later', 'first', 'still', 'now', 'again', 'not', 'never', 'often', 'since', 'once', 'soon']);
const isAdverb = (w: string): boolean => /ly$/.test(w) || ADVERBS.has(w.toLowerCase());

const AGENT_WINDOW = 12;
const DETERMINERS = new Set(['a', 'an', 'the', 'one', 'some', 'several']);
// Nouns of an act whose own agent a `by` names (`described as the most vicious attack by the Army`).
const ACT_NOUNS = new Set([
  'attack', 'attacks', 'assault', 'assaults', 'offensive', 'bombardment', 'bombardments', 'shelling', 'raid', 'raids',
  'strike', 'strikes', 'airstrike', 'airstrikes', 'campaign', 'operation', 'operations', 'crackdown', 'killing', 'killings',
  'massacre', 'massacres', 'bombing', 'bombings', 'advance', 'siege', 'incursion', 'fire',
]);

/**
 * The mention after `by` that a passive speech verb's clause goes on to name (`was reported ...
 * by SANA`), within a few words and before the clause ends; not once another verb comes between,
 * whose agent the `by` would be (`were reported killed by government forces`, `was said to have
 * been carried out by rebels`).
 */
function agentAfter(tokens: Token[], byFirst: Map<number, number>, verb: number): number | undefined {
  for (let k = verb + 1; k < Math.min(tokens.length, verb + 1 + AGENT_WINDOW); k++) {
    if (/[.;:]/.test(tokens[k]!.sepBefore)) return undefined;
    const w = tokens[k]!.raw.toLowerCase();
    if (w === 'to' || (w.length > 3 && w.endsWith('ed'))) return undefined;
    if (w !== 'by') continue;
    if (ACT_NOUNS.has(tokens[k - 1]!.raw.toLowerCase())) return undefined;
    const next = k + 1 < tokens.length && DETERMINERS.has(tokens[k + 1]!.raw.toLowerCase()) ? k + 2 : k + 1;
    return byFirst.get(next) ?? byFirst.get(k + 1);
  }
  return undefined;
}

const APPOSITION_WORDS = 8;
// What opens a description set off by commas (`, a Britain-based monitoring group,`).
const DESCRIPTION_OPENERS = new Set(['a', 'an', 'the', 'another', 'one']);

/** tokens[from..to) are a short description: a determiner, a few words, no verb of a clause (`an activist reached by telephone`). */
function isDescription(tokens: Token[], from: number, to: number): boolean {
  if (!DESCRIPTION_OPENERS.has(tokens[from]!.raw.toLowerCase()) || to - from > APPOSITION_WORDS) return false;
  for (let k = from + 1; k < to; k++) {
    const w = tokens[k]!.raw.toLowerCase();
    if (isSpeechVerb(w) || CLAUSE_VERBS.has(w)) return false;
  }
  return true;
}

const RELATIVE_WORDS = 16;

/**
 * Where a stretch set off by a comma on each side starts when it ends right before the verb and
 * comes between the verb and its subject: a name of up to eight capitalised words (`, Nicolas
 * Sarkozy, accused`, `, Sudanese Lieutenant General Mohammed Ahmed Mustafa al-Dabi, said`), a
 * relative clause (`, who escaped the city a few days prior, described`) or a description (`, a
 * Britain-based monitoring group, said`). Undefined when there is none, or when the name is itself
 * an actor's (`, the FSA, said` has its subject there).
 */
function appositionBefore(tokens: Token[], byLast: Map<number, number>, verb: number): number | undefined {
  if (verb < 2 || !/^\s*,\s*$/.test(tokens[verb]!.sepBefore)) return undefined;
  let name = true;
  for (let j = verb - 1; j >= Math.max(1, verb - RELATIVE_WORDS); j--) {
    const t = tokens[j]!;
    if (name && ((!t.capital && !t.article) || byLast.has(j) || verb - j > APPOSITION_WORDS)) name = false;
    if (/^\s*,\s*$/.test(t.sepBefore)) return name || /^(who|which)$/i.test(t.raw) || isDescription(tokens, j, verb) ? j : undefined;
    if (!name && /[.;:"\u201c\u201d(),]/.test(t.sepBefore)) return undefined;
    if (name && !/^[\s\-]*$/.test(t.sepBefore)) return undefined;
  }
  return undefined;
}

/** The nearest actor mention ending shortly before the verb, with no clause break between. */
function subjectBefore(tokens: Token[], byLast: Map<number, number>, verb: number): number | undefined {
  // A name or a who/which clause set off by commas right before the verb stands between it and
  // its subject (`French president, Nicolas Sarkozy, accused`): the subject is before it.
  const apposition = appositionBefore(tokens, byLast, verb);
  // ... unless it describes the speaker by a party (`Abu Rami, an activist reached by telephone, said`).
  if (apposition !== undefined && isDescription(tokens, apposition, verb)) {
    // (the party it describes comes first: `The Local Coordination Committees, a network of
    // opposition activists inside Syria, stated`)
    const described = byLast.get(apposition - 1);
    if (described !== undefined) return described;
    for (let k = verb - 1; k >= apposition; k--) {
      const ci = byLast.get(k);
      if (ci !== undefined) return ci;
    }
  }
  const from = apposition ?? verb;
  for (let k = from - 1; k >= Math.max(0, from - SPEAKER_WINDOW); k--) {
    // A comma between closes the clause (`military and civilian alike, and one defector said`,
    // `an interview with the journalist James Creelman, Díaz stated`).
    if (k + 1 < from && /,/.test(tokens[k + 1]!.sepBefore)) return undefined;
    const ci = byLast.get(k);
    if (ci !== undefined) return ci;
    const t = tokens[k]!;
    if (SUBJECT_BARRIERS.has(t.raw.toLowerCase())) return undefined;
    // ... and so does a comma right before the verb (`... as psychological warfare, saying`).
    if (k + 1 === from && k + 1 !== apposition && /,/.test(tokens[k + 1]!.sepBefore)) return undefined;
    // A quotation closes just before the verb (`"...," the activist said`): look no further back.
    if (/["\u201c\u201d;:]/.test(tokens[k + 1]!.sepBefore) && k + 1 < verb) return undefined;
  }
  return undefined;
}
