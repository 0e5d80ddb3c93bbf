// Transliteration-tolerant name matching: a tokenizer with offsets, a spelling fold that maps
// the usual romanisations of one Arabic name to one key, and an alias trie scanned once per
// sentence (longest match wins). Everything here is independent of what a name denotes.

/** One word of the text. `start`/`end` are indices into the scanned string. */
export interface Token {
  start: number;
  end: number;
  raw: string;
  /** Spelling fold of the word (see foldWord). */
  key: string;
  /** An Arabic article glued by a hyphen (`al-`, `el-`, `ad-`...) or a free-standing `Al`/`el`. */
  article: boolean;
  /** First letter is upper case (after any article). */
  capital: boolean;
  /** Joined to the next token by a hyphen with no space (`rebel-held`, `Jobar-Kafraya`). */
  hyphenNext: boolean;
  /** Joined to the previous token by a hyphen (`pro-government`). */
  hyphenPrev: boolean;
  /** The characters between the previous token and this one. */
  sepBefore: string;
}

// `as`, `at`, `an` are articles only when glued by a hyphen (as-Sham), never as free words.
const HYPHEN_ARTICLES = new Set(['al', 'el', 'ad', 'as', 'ash', 'at', 'ath', 'ar', 'az', 'an', 'adh', 'ed', 'es', 'et', 'ul']);
const FREE_ARTICLES = new Set(['al', 'el']);

// A word is what /[\p{L}\p{N}]+(?:['\u2019\u02bf\u02be`][\p{L}]+)*/gu matches: letters and digits,
// then any apostrophe-joined runs of letters (`Ba'alba`). wordEnd() scans it by hand: most text is
// ASCII, decided by a table, and a regex is asked only about other characters.
const ASCII_LETTER = 1;
const ASCII_DIGIT = 2;
const ASCII_CLASS = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) ASCII_CLASS[c] = ASCII_LETTER;
  else if (c >= 0x30 && c <= 0x39) ASCII_CLASS[c] = ASCII_DIGIT;
}
const LETTER_OR_NUMBER_AT = /[\p{L}\p{N}]/uy;
const LETTER_AT = /\p{L}/uy;

/** Length in code units of the letter or digit (letter only, with `letterOnly`) at `i`, else 0. */
function wordCharAt(text: string, i: number, letterOnly: boolean): number {
  // Every read here and below is bounds-checked first: one past the end throws compiled code away.
  if (i >= text.length) return 0;
  const c = text.charCodeAt(i);
  if (c < 0x80) {
    const k = ASCII_CLASS[c]!;
    return k === ASCII_LETTER || (k === ASCII_DIGIT && !letterOnly) ? 1 : 0;
  }
  const re = letterOnly ? LETTER_AT : LETTER_OR_NUMBER_AT;
  re.lastIndex = i;
  return re.test(text) ? re.lastIndex - i : 0;
}

function isApostrophe(c: number): boolean {
  return c === 0x27 || c === 0x2019 || c === 0x2bf || c === 0x2be || c === 0x60;
}

/** End of the word starting at `i` (a letter or digit is there). */
function wordEnd(text: string, i: number): number {
  let n: number;
  while ((n = wordCharAt(text, i, false)) > 0) i += n;
  for (;;) {
    if (i >= text.length || !isApostrophe(text.charCodeAt(i))) return i;
    let j = i + 1;
    while ((n = wordCharAt(text, j, true)) > 0) j += n;
    if (j === i + 1) return i;
    i = j;
  }
}

/** Splits text into word tokens with offsets; hyphens and apostrophes inside names are kept apart. */
export function tokenize(text: string): Token[] {
  return tokenizeText(text).tokens;
}

/** A text with its tokens, kept so that a stretch of it can be tokenized without rescanning. */
export interface TokenizedText {
  text: string;
  tokens: Token[];
  /** Per token, where its word match ended (after a possessive `'s` the token itself ends earlier). */
  matchEnds: number[];
}

export function tokenizeText(text: string): TokenizedText {
  const out: Token[] = [];
  const matchEnds: number[] = [];
  let prevEnd = 0;
  const length = text.length;
  let at = 0;
  while (at < length) {
    const c = text.charCodeAt(at);
    if (c < 0x80 ? ASCII_CLASS[c] === 0 : wordCharAt(text, at, false) === 0) {
      // Not a word start; a pair of surrogates is one character.
      at += c >= 0xd800 && c <= 0xdbff && at + 1 < length && (text.charCodeAt(at + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
      continue;
    }
    const start = at;
    at = wordEnd(text, at);
    let raw = text.slice(start, at);
    matchEnds.push(at);
    // Possessive `Syria's`: the name is `Syria`.
    const n = raw.length;
    if (n > 3) {
      const s = raw.charCodeAt(n - 1);
      const q = raw.charCodeAt(n - 2);
      if ((s === 0x73 || s === 0x53) && (q === 0x27 || q === 0x2019)) raw = raw.slice(0, n - 2);
    }
    const end = start + raw.length;
    const hyphenPrev = start > 1 && isHyphenAt(text, start - 1) && isWordCharAt(text, start - 2);
    const hyphenNext = isHyphenAt(text, end) && isWordCharAt(text, end + 1);
    out.push({
      start,
      end,
      raw,
      key: foldWord(raw),
      article: false,
      capital: isCapital(raw),
      hyphenNext,
      hyphenPrev,
      sepBefore: text.slice(prevEnd, start),
    });
    prevEnd = end;
  }
  markArticles(out);
  return { text, tokens: out, matchEnds };
}

/**
 * The tokens `tokenize(text.slice(from, to))` would return, from the tokens of the whole text:
 * the word matches inside the stretch are the same when no match crosses its ends, and only the
 * fields that look past a token (hyphens, the first separator, articles) are redone at the edges.
 * Undefined when a word crosses an end.
 */
export function tokenizeSlice(t: TokenizedText, from: number, to: number): Token[] | undefined {
  const { tokens, matchEnds } = t;
  const lo = firstTokenFrom(tokens, from);
  if (lo > 0 && matchEnds[lo - 1]! > from) return undefined;
  const out: Token[] = [];
  for (let i = lo; i < tokens.length; i++) {
    const d = tokens[i]!;
    if (d.start >= to) break;
    if (matchEnds[i]! > to) return undefined;
    const start = d.start - from;
    out.push({
      start,
      end: d.end - from,
      raw: d.raw,
      key: d.key,
      article: false,
      capital: d.capital,
      hyphenNext: d.end + 1 < to && d.hyphenNext,
      hyphenPrev: start > 1 && d.hyphenPrev,
      sepBefore: i === lo ? t.text.slice(from, d.start) : d.sepBefore,
    });
  }
  markArticles(out);
  return out;
}

/** Index of the first token starting at or after `from`. */
function firstTokenFrom(tokens: Token[], from: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.start < from) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function markArticles(out: Token[]): void {
  for (let i = 0; i < out.length - 1; i++) {
    const t = out[i]!;
    // Every article is two or three letters, and lower-casing never shortens a word.
    if (t.raw.length > 3) continue;
    const next = out[i + 1]!;
    const low = t.raw.toLowerCase();
    if (t.hyphenNext && HYPHEN_ARTICLES.has(low)) t.article = true;
    // `Al Sultania`, `Dawar Al Khalidya`: a free article only before a capitalised word.
    else if (FREE_ARTICLES.has(low) && next.capital && next.start === t.end + 1) t.article = true;
  }
}

function isHyphenAt(text: string, i: number): boolean {
  if (i >= text.length) return false;
  const c = text.charCodeAt(i);
  return c === 0x2d || c === 0x2010 || c === 0x2011;
}

const WORD_CHAR = /[\p{L}\p{N}]/u;
const UPPER_FIRST = /^\p{Lu}/u;

/** The code unit at `i` is a letter or digit (ASCII decided without a regex). */
function isWordCharAt(text: string, i: number): boolean {
  if (i >= text.length) return false;
  const c = text.charCodeAt(i);
  if (c < 0x80) return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39);
  return WORD_CHAR.test(text[i]!);
}

function isCapital(raw: string): boolean {
  const c = raw.charCodeAt(0);
  if (c < 0x80) return c >= 0x41 && c <= 0x5a;
  return UPPER_FIRST.test(raw);
}

// Final-syllable spellings of the Arabic feminine/nisba endings, longest first.
const ENDINGS = ['iyyah', 'iyyeh', 'iyah', 'iyeh', 'iyya', 'ieh', 'iya', 'yah', 'yeh', 'ia', 'ya', 'ah', 'eh', 'a'];
// Their last letters: a word ending otherwise has none of them.
const ENDING_LAST = new Set(ENDINGS.map((e) => e.charCodeAt(e.length - 1)));

/**
 * Spelling fold of one word: lower case, no diacritics or apostrophes, ou/oo -> u, ee -> i,
 * ei/ai -> ay, doubled letters single, and the -iya/-iyah/-ieh/-iyeh/-yeh/-a ending marked `#`.
 * Khalidiya, al-Khalidiyah -> khalid#; Khaldieh, Khaldiyeh -> khald#; Hama -> ham#; Hamidiya -> hamid#.
 */
export function foldWord(word: string): string {
  let folded = foldCache.get(word);
  if (folded === undefined) {
    folded = foldUncached(word);
    // Vocabulary is bounded in practice; the cap keeps memory flat on any input.
    if (foldCache.size >= 200_000) foldCache.clear();
    foldCache.set(word, folded);
  }
  return folded;
}

const foldCache = new Map<string, string>();

function foldUncached(word: string): string {
  let s: string;
  if (isAscii(word)) {
    // ASCII has no decompositions and no marks: the same steps, without the Unicode machinery.
    s = word.toLowerCase();
    if (s.includes("'") || s.includes('`')) s = s.replace(/['`]/g, '');
    if (!isAsciiLetters(s) || s.length < 3) return s;
  } else {
    s = word
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/['\u2019\u02bf\u02be`]/g, '');
    if (!/^\p{L}{3,}$/u.test(s)) return s;
  }
  // Each replacement only where its letters occur (most words have none of them).
  if (s.includes('ou') || s.includes('oo')) s = s.replace(/ou|oo/g, 'u');
  if (s.includes('ee')) s = s.replace(/ee/g, 'i');
  if (s.includes('ai') || s.includes('ei')) s = s.replace(/[ae]i(?=[^aeiou]|$)/g, 'ay');
  s = s.replace(/(\p{L})\1+/gu, '$1');
  if (!ENDING_LAST.has(s.charCodeAt(s.length - 1))) return s;
  for (const e of ENDINGS) {
    if (s.length - e.length >= 3 && s.endsWith(e)) return s.slice(0, s.length - e.length) + '#';
  }
  return s;
}

function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) >= 0x80) return false;
  return true;
}

/** Only a-z (for a lower-cased ASCII string: what /^\p{L}*$/u says). */
function isAsciiLetters(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x61 || c > 0x7a) return false;
  }
  return true;
}

/** Fold of a whole name: its tokens' keys without articles, joined by spaces. */
export function foldName(name: string): string {
  return tokenize(name)
    .filter((t) => !t.article)
    .map((t) => t.key)
    .join(' ');
}

/** How an alias must be met in the text. */
export interface AliasOptions {
  /** Match only a token whose first letter is upper case (proper names). */
  capitalised: boolean;
  /** Exact letters (acronyms: `UN`, `FSA`, `SANA`) rather than the fold. */
  exact: boolean;
  /** Allow one edit per long word (transliteration drift not yet listed). */
  fuzzy: boolean;
}

export interface AliasTarget<T> {
  alias: string;
  value: T;
  options: AliasOptions;
}

interface TrieNode<T> {
  next: Map<string, TrieNode<T>>;
  targets: StoredTarget<T>[];
}

interface StoredTarget<T> extends AliasTarget<T> {
  /** Per content word of the alias: written with a capital. */
  caps: boolean[];
}

/** A longest-match alias index over folded token sequences, built once. */
export interface AliasIndex<T> {
  root: TrieNode<T>;
  /** One-edit neighbourhood of single long words, for fuzzy aliases: deletion key -> words. */
  fuzzy: Map<string, Set<string>>;
  /** Memo of fuzzyCandidates: word -> the alias words within one edit (callers never mutate them). */
  fuzzyFound: Map<string, string[]>;
  /** Word -> its exact-letters trie key, for the words some exact alias has (a token's raw has no dots). */
  exactKeys: Map<string, string>;
  maxTokens: number;
}

export function buildAliasIndex<T>(entries: AliasTarget<T>[]): AliasIndex<T> {
  const root: TrieNode<T> = { next: new Map(), targets: [] };
  const fuzzy = new Map<string, Set<string>>();
  const exactKeys = new Map<string, string>();
  let maxTokens = 0;
  for (const e of entries) {
    const toks = tokenize(e.alias).filter((t) => !t.article);
    if (toks.length === 0) continue;
    maxTokens = Math.max(maxTokens, toks.length);
    let node = root;
    for (const t of toks) {
      const k = e.options.exact ? exactKey(t.raw) : t.key;
      if (e.options.exact) exactKeys.set(k.slice(1), k);
      let child = node.next.get(k);
      if (!child) {
        child = { next: new Map(), targets: [] };
        node.next.set(k, child);
      }
      node = child;
      if (e.options.fuzzy && !e.options.exact && fuzzyEligible(k)) {
        for (const d of deletions(k)) {
          let set = fuzzy.get(d);
          if (!set) fuzzy.set(d, (set = new Set()));
          set.add(k);
        }
      }
    }
    node.targets.push({ ...e, caps: toks.map((t) => t.capital) });
  }
  return { root, fuzzy, fuzzyFound: new Map(), exactKeys, maxTokens };
}

function exactKey(raw: string): string {
  return '=' + raw.replace(/\./g, '');
}

function fuzzyEligible(key: string): boolean {
  return key.replace('#', '').length >= 5;
}

function deletions(key: string): string[] {
  const out: string[] = [key];
  for (let i = 0; i < key.length; i++) out.push(key.slice(0, i) + key.slice(i + 1));
  return out;
}

/** Known alias words within one edit of `key` with the same first letter (one or none). */
function fuzzyCandidates<T>(index: AliasIndex<T>, key: string): string[] {
  const cache = index.fuzzyFound;
  let found = cache.get(key);
  if (found === undefined) {
    found = fuzzyUncached(index, key);
    // As for foldCache: bounded in practice, capped on any input.
    if (cache.size >= 200_000) cache.clear();
    cache.set(key, found);
  }
  return found;
}


function fuzzyUncached<T>(index: AliasIndex<T>, key: string): string[] {
  if (!fuzzyEligible(key)) return NO_WORDS;
  const found = new Set<string>();
  for (const d of deletions(key)) {
    const set = index.fuzzy.get(d);
    if (set) for (const w of set) if (w !== key && w[0] === key[0]) found.add(w);
  }
  return found.size ? [...found] : NO_WORDS;
}

const NO_WORDS: string[] = [];

export interface AliasMatch<T> {
  /** Token range [first, last] in the token array. */
  first: number;
  last: number;
  start: number;
  end: number;
  targets: AliasTarget<T>[];
  fuzzy: boolean;
}

/**
 * Scans tokens left to right, taking at each position the longest alias that fits (articles
 * are skipped inside names; a leading article is included in the span), unless a longer alias
 * starts inside it and runs past its end: `The government-run news agency` is the agency, not
 * `The government` (see pickMatches). Linear in the number of tokens times the longest alias.
 * With `record`, keeps each search for scanSlice.
 */
export function scanAliases<T>(index: AliasIndex<T>, tokens: Token[], record?: ScanRecord<T>): AliasMatch<T>[] {
  const probe = { reach: 0 };
  const at = (i: number): AliasMatch<T> | undefined => {
    probe.reach = i;
    const best = longestAt(index, tokens, i, probe);
    if (record) {
      record.at[i] = best ?? null;
      record.reach[i] = probe.reach;
    }
    return best;
  };
  return pickMatches(0, tokens.length, at, (i, end) => longestAt(index, tokens, i, undefined, end));
}

/**
 * The greedy left-to-right choice over tokens [from, to), given the longest match starting at each
 * token (`at`, asked at most once per token): the match at the first token that has one, unless a
 * match starting inside it ends further right and is longer, which then wins (its own inside is
 * checked the same way), and the tokens before the winner are scanned again for names that end
 * before it (`within`: the longest match at a token among the tokens before `end`): `a United
 * Nations Organisation for the Prohibition of Chemical Weapons mission` is the UN and the OPCW.
 * The scan goes on after the chosen match.
 */
function pickMatches<T>(from: number, to: number, at: (i: number) => AliasMatch<T> | undefined, within: (i: number, end: number) => AliasMatch<T> | undefined): AliasMatch<T>[] {
  const out: AliasMatch<T>[] = [];
  let i = from;
  while (i < to) {
    let best = at(i);
    if (!best) {
      i++;
      continue;
    }
    for (let k = best.first + 1; k <= best.last; k++) {
      const inner = at(k);
      if (inner && inner.last > best.last && inner.last - inner.first > best.last - best.first) best = inner;
    }
    if (best.first > i) {
      const end = best.first;
      for (const m of pickMatches(i, end, (p) => within(p, end), within)) out.push(m);
    }
    out.push(best);
    i = best.last + 1;
  }
  return out;
}

/** The searches of a scan of a whole text, by the token they started at. */
export interface ScanRecord<T> {
  /** The longest match found there (null: none); undefined where the scan did not search. */
  at: (AliasMatch<T> | null | undefined)[];
  /** The furthest token that search read. */
  reach: number[];
}

/**
 * scanAliases over `tokens`, the tokenizeSlice of `whole` from offset `from`, taking the searches
 * the scan of the whole text recorded where they read only tokens before the stretch's last one
 * (the only tokens whose search-relevant fields, the article mark, can differ from the whole's).
 */
export function scanSlice<T>(index: AliasIndex<T>, tokens: Token[], whole: TokenizedText, from: number, record: ScanRecord<T>): AliasMatch<T>[] {
  const lo = firstTokenFrom(whole.tokens, from);
  const last = lo + tokens.length - 1;
  const at = (i: number): AliasMatch<T> | undefined => {
    const p = lo + i;
    const known = record.at[p];
    if (known !== undefined && record.reach[p]! < last) {
      return known ? { first: known.first - lo, last: known.last - lo, start: known.start - from, end: known.end - from, targets: known.targets, fuzzy: known.fuzzy } : undefined;
    }
    return longestAt(index, tokens, i, undefined);
  };
  return pickMatches(0, tokens.length, at, (i, end) => longestAt(index, tokens, i, undefined, end));
}

/** The longest alias match starting at token `i` and ending before token `end`. */
function longestAt<T>(index: AliasIndex<T>, tokens: Token[], i: number, probe: { reach: number } | undefined, end = tokens.length): AliasMatch<T> | undefined {
  const startTok = tokens[i]!;
  if (startTok.article && i + 1 < end) {
    // The article belongs to the name that follows it.
    const inner = longestAt(index, tokens, i + 1, probe, end);
    // Spelled out (not spread) so every match has one shape.
    if (inner) return { first: i, last: inner.last, start: startTok.start, end: inner.end, targets: inner.targets, fuzzy: inner.fuzzy };
    return undefined;
  }
  if (!startsName(index, startTok)) {
    // Most words start no name: decided by the root's keys alone, as walkTrie's first step would.
    if (probe && i > probe.reach) probe.reach = i;
    return undefined;
  }
  const walk: Walk<T> = { index, tokens, end, first: i, best: undefined, reach: i };
  walkTrie(walk, index.root, i, 0, false, i);
  if (probe && walk.reach > probe.reach) probe.reach = walk.reach;
  return walk.best;
}

/** The exact-letters trie key of a token, if some alias has one (acronym words all open with A-Z). */
function exactKeyOf<T>(index: AliasIndex<T>, t: Token): string | undefined {
  return t.capital ? index.exactKeys.get(t.raw) : undefined;
}

/** Some alias starts with this word: the trie root has a child for its exact, folded or fuzzy key. */
function startsName<T>(index: AliasIndex<T>, t: Token): boolean {
  const next = index.root.next;
  const exactKey = exactKeyOf(index, t);
  if (exactKey !== undefined && next.has(exactKey)) return true;
  if (next.has(t.key)) return true;
  if (t.capital) for (const f of fuzzyCandidates(index, t.key)) if (next.has(f)) return true;
  return false;
}

/** One longest-match search from token `first` (a plain function: no closure per token). */
interface Walk<T> {
  index: AliasIndex<T>;
  tokens: Token[];
  /** No token at or after this one is read (the end of `tokens`, or of a stretch scanned again). */
  end: number;
  first: number;
  best: AliasMatch<T> | undefined;
  /** The furthest token read so far. */
  reach: number;
}

// Depth-first over trie paths; `fuzzyUsed` limits drift to one word per name.
function walkTrie<T>(w: Walk<T>, node: TrieNode<T>, j: number, consumed: number, fuzzyUsed: boolean, lastTok: number): void {
  const tokens = w.tokens;
  if (consumed > 0 && node.targets.length) {
    const ok = node.targets.filter((t) => accepts(t, tokens, w.first, lastTok, fuzzyUsed));
    const best = w.best;
    if (ok.length && (!best || lastTok > best.last || (lastTok === best.last && best.fuzzy && !fuzzyUsed))) {
      w.best = { first: w.first, last: lastTok, start: tokens[w.first]!.start, end: tokens[lastTok]!.end, targets: ok, fuzzy: fuzzyUsed };
    }
  }
  if (consumed >= w.index.maxTokens || j >= w.end) return;
  let k = j;
  // Articles inside a name (`Jouret al-Shayah`) are skipped.
  while (k < w.end - 1 && tokens[k]!.article) k++;
  if (k > w.reach) w.reach = k;
  const t = tokens[k]!;
  // A name does not run across a sentence-internal break (comma, bracket, quote).
  if (consumed > 0 && !adjacent(tokens[lastTok]!, t)) return;
  const exactKey = exactKeyOf(w.index, t);
  const exact = exactKey === undefined ? undefined : node.next.get(exactKey);
  if (exact) walkTrie(w, exact, k + 1, consumed + 1, fuzzyUsed, k);
  const folded = node.next.get(t.key);
  if (folded) walkTrie(w, folded, k + 1, consumed + 1, fuzzyUsed, k);
  if (!fuzzyUsed && t.capital) {
    for (const f of fuzzyCandidates(w.index, t.key)) {
      const child = node.next.get(f);
      if (child) walkTrie(w, child, k + 1, consumed + 1, true, k);
    }
  }
}

/**
 * Two tokens of one name are separated by spaces or a hyphen only (or the dot of `U.N.`), or by
 * a possessive (`Assad's forces`, as the gazetteer writes it; the token itself drops the `'s`).
 */
function adjacent(a: Token, b: Token): boolean {
  if (/^[\s\-\u2010\u2011]*$/.test(b.sepBefore)) return true;
  if (/^['\u2019]s /.test(b.sepBefore) && b.sepBefore.length === 3) return true;
  return b.sepBefore === '.' && a.raw.length === 1 && b.raw.length === 1;
}

function accepts<T>(t: StoredTarget<T>, tokens: Token[], first: number, last: number, fuzzyUsed: boolean): boolean {
  if (fuzzyUsed && !t.options.fuzzy) return false;
  if (t.options.capitalised) {
    // Every word the alias capitalises is capitalised in the text too (`Old City`, not `old city`).
    let a = 0;
    for (let k = first; k <= last; k++) {
      const tok = tokens[k]!;
      if (tok.article) continue;
      if (t.caps[a++] && !tok.capital) return false;
    }
  }
  return true;
}

/** Text between two offsets of the scanned string contains only spaces. */
export function gapIsSpace(text: string, from: number, to: number): boolean {
  return /^\s*$/.test(text.slice(from, to));
}
