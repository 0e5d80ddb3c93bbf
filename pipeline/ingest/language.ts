// The language a document is written in, as far as its script and its commonest words tell.
// The later stages read English: a French or Arabic page read as English would publish nonsense
// (`le 3 mars` is no date to them, `106` after `de` may read as a year).

/** Function words frequent in each language and rare as English words. */
const FUNCTION_WORDS: Record<string, readonly string[]> = {
  en: ['the', 'of', 'and', 'to', 'was', 'were', 'is', 'that', 'said', 'with', 'for', 'by', 'from', 'have', 'has', 'which'],
  fr: ['le', 'la', 'les', 'des', 'et', 'est', 'une', 'dans', 'qui', 'que', 'pour', 'sur', 'du', 'au', 'ont', 'été', 'avec', 'selon'],
  es: ['el', 'los', 'las', 'del', 'y', 'por', 'una', 'para', 'fue', 'se', 'según', 'como', 'sus'],
  de: ['der', 'und', 'das', 'ist', 'nicht', 'mit', 'von', 'zu', 'ein', 'eine', 'sich', 'auf', 'wurde'],
  it: ['il', 'della', 'che', 'gli', 'sono', 'di', 'nel', 'è', 'alla', 'delle', 'anche'],
  pt: ['os', 'do', 'da', 'não', 'com', 'uma', 'em', 'foi', 'ao', 'pelo', 'pela'],
  id: ['yang', 'dan', 'di', 'itu', 'dengan', 'untuk', 'dari', 'ini', 'dalam', 'tidak'],
};
const OWNER = new Map<string, string>();
for (const [lang, words] of Object.entries(FUNCTION_WORDS)) for (const w of words) if (!OWNER.has(w)) OWNER.set(w, lang);

/** Scripts that are no English text, with the language tag reported for each. */
const SCRIPTS: readonly [RegExp, string][] = [
  [/\p{Script=Arabic}/gu, 'ar'],
  [/\p{Script=Cyrillic}/gu, 'ru'],
  [/\p{Script=Hebrew}/gu, 'he'],
  [/\p{Script=Greek}/gu, 'el'],
  [/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu, 'und'],
];

const SAMPLE = 6_000;
const MIN_WORDS = 12;

export interface LanguageGuess {
  /** BCP 47 primary tag (`und` for a script whose language is not told apart here). */
  language: string;
  /** What decided it, for the message. */
  evidence: string;
}

/**
 * The language of `text` when it is clearly not English: most of its letters in another script,
 * or its function words mostly another language's. Undefined for English, and for text too short
 * or too mixed to tell.
 */
export function nonEnglish(text: string): LanguageGuess | undefined {
  const sample = text.slice(0, SAMPLE);
  // (native searches: the characters are not visited one by one in script)
  if (/[\u0370-\u1fff\u2c00-\ud7ff\uf900-\ufdff\ufe70-\ufeff]/.test(sample)) {
    const letters = sample.match(/\p{L}/gu)?.length ?? 0;
    for (const [re, lang] of SCRIPTS) {
      const n = sample.match(re)?.length ?? 0;
      if (letters > 0 && n / letters > 0.4) return { language: lang, evidence: `${Math.round((100 * n) / letters)}% of its letters are in another script` };
    }
  }
  // Most documents are plainly English: a few `the` settle it without counting every word.
  if ((sample.slice(0, 3000).match(/\b[Tt]he\b/g)?.length ?? 0) >= 8) return undefined;
  const counts = new Map<string, number>();
  let total = 0;
  for (const m of sample.toLowerCase().matchAll(/\p{L}+/gu)) {
    const lang = OWNER.get(m[0]);
    if (!lang) continue;
    counts.set(lang, (counts.get(lang) ?? 0) + 1);
    total++;
  }
  if (total < MIN_WORDS) return undefined;
  const english = counts.get('en') ?? 0;
  let best = 'en';
  for (const [lang, n] of counts) if (n > (counts.get(best) ?? 0)) best = lang;
  if (best === 'en' || english / total >= 0.3 || (counts.get(best) ?? 0) / total < 0.5) return undefined;
  return { language: best, evidence: `${counts.get(best)} of its ${total} commonest words are that language's, ${english} English` };
}
