// Words the rules are built from. Kept as data so every rule spells them the same way.

export const MONTHS: Record<string, number> = {
  january: 1, february: 2, march: 3, april: 4, may: 5, june: 6, july: 7, august: 8,
  september: 9, october: 10, november: 11, december: 12,
  jan: 1, feb: 2, mar: 3, apr: 4, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};

/** Month names as written (capitalised), full names first so alternation prefers them. */
export const MONTH_RE =
  '(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.|Feb\\.|Mar\\.|Apr\\.|Jun\\.|Jul\\.|Aug\\.|Sept\\.|Sep\\.|Oct\\.|Nov\\.|Dec\\.|Jan|Feb|Apr|Aug|Sept|Sep|Oct|Nov|Dec)';

/** Month words as the rules match them (capitalised, abbreviations with or without a dot). */
const MONTH_AS_WRITTEN = new Map<string, number>();
for (const [w, n] of Object.entries(MONTHS)) {
  const cap = w[0]!.toUpperCase() + w.slice(1);
  MONTH_AS_WRITTEN.set(cap, n).set(`${cap}.`, n);
}

export function monthNumber(word: string): number | undefined {
  return MONTH_AS_WRITTEN.get(word) ?? MONTHS[word.toLowerCase().replace(/\.$/, '')];
}

export const WEEKDAYS: Record<string, number> = {
  monday: 1, tuesday: 2, wednesday: 3, thursday: 4, friday: 5, saturday: 6, sunday: 7,
};
export const WEEKDAY_RE = '(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)';

const UNITS_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten',
  'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const TENS_WORDS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];

/** Cardinal number words to values ("twenty-two" -> 22, "a" -> 1, "a dozen" -> 12). */
export function numberValue(word: string): number | undefined {
  // the same few words recur in every text: each is read once
  const known = numberValues.get(word);
  if (known !== undefined || numberValues.has(word)) return known;
  if (numberValues.size >= 10_000) numberValues.clear();
  const v = readNumber(word);
  numberValues.set(word, v);
  return v;
}

const numberValues = new Map<string, number | undefined>();

function readNumber(word: string): number | undefined {
  const w = word.toLowerCase().replace(/\s+/g, ' ').trim();
  if (/^\d+(\.\d+)?$/.test(w)) return Number(w);
  if (w === 'a' || w === 'an' || w === 'one' || w === 'a single' || w === 'single') return 1;
  if (w === 'a dozen' || w === 'dozen') return 12;
  if (w === 'half a' || w === 'half') return 0.5;
  const u = UNITS_WORDS.indexOf(w);
  if (u >= 0) return u;
  const parts = w.split(/[- ]/);
  const t = TENS_WORDS.indexOf(parts[0] ?? '');
  if (t >= 2) {
    if (parts.length === 1) return t * 10;
    const v = UNITS_WORDS.indexOf(parts[1] ?? '');
    if (v >= 1 && v <= 9) return t * 10 + v;
  }
  return undefined;
}

/** The last word of any count the rules read ("twenty-one" ends in "one", "a dozen" in "dozen"). */
export const COUNT_LAST_WORDS: readonly string[] = [
  ...UNITS_WORDS.slice(1), ...TENS_WORDS.slice(2), 'a', 'an', 'single', 'dozen',
];

export const NUMBER_WORD_RE =
  '(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?:one|two|three|four|five|six|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)';

const ORDINAL_WORDS = ['zeroth', 'first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth',
  'tenth', 'eleventh', 'twelfth', 'thirteenth', 'fourteenth', 'fifteenth', 'sixteenth', 'seventeenth', 'eighteenth',
  'nineteenth', 'twentieth', 'twenty-first'];
export const ORDINAL_RE = '(?:\\d{1,2}(?:st|nd|rd|th)|' + ORDINAL_WORDS.slice(1).reverse().join('|') + ')';

export function ordinalValue(word: string): number | undefined {
  const w = word.toLowerCase();
  const m = /^(\d+)(st|nd|rd|th)$/.exec(w);
  if (m) return Number(m[1]);
  const i = ORDINAL_WORDS.indexOf(w);
  return i > 0 ? i : undefined;
}

export const SEASONS: Record<string, 'SP' | 'SU' | 'FA' | 'WI'> = {
  spring: 'SP', summer: 'SU', autumn: 'FA', fall: 'FA', winter: 'WI',
};

export const TIMES_OF_DAY: Record<string, 'MO' | 'AF' | 'EV' | 'NI' | 'DT'> = {
  morning: 'MO', afternoon: 'AF', evening: 'EV', night: 'NI', 'night-time': 'NI', nighttime: 'NI', day: 'DT',
  dawn: 'MO', daybreak: 'MO', sunrise: 'MO', noon: 'AF', midday: 'AF', dusk: 'EV', sunset: 'EV', nightfall: 'EV',
  midnight: 'NI', 'early hours': 'NI', 'small hours': 'NI', 'early morning hours': 'MO', 'early morning': 'MO',
};

/** Era markers after or before a year. */
export const ERA_AFTER_RE = '(?:\\s*(?:BC|BCE|B\\.C\\.E?\\.?|AD|CE|A\\.D\\.))';

export function eraOf(s: string | undefined): 'BC' | 'AD' | undefined {
  if (!s) return undefined;
  return /B/.test(s) ? 'BC' : 'AD';
}
