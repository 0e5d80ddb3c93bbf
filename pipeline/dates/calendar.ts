// Calendar arithmetic on UTC days (never local time, never the clock).
export interface Ymd { y: number; m: number; d: number }

export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate() || 31;
}

function fromUtc(t: number): Ymd {
  const x = new Date(t);
  return { y: x.getUTCFullYear(), m: x.getUTCMonth() + 1, d: x.getUTCDate() };
}

function utc(p: Ymd): number {
  const x = new Date(Date.UTC(2000, p.m - 1, p.d));
  x.setUTCFullYear(p.y);
  return x.getTime();
}

export function addDays(p: Ymd, n: number): Ymd {
  return fromUtc(utc(p) + n * 86400000);
}

export function addMonths(y: number, m: number, n: number): { y: number; m: number } {
  const k = y * 12 + (m - 1) + n;
  return { y: Math.floor(k / 12), m: (k % 12 + 12) % 12 + 1 };
}

export function compare(a: Ymd, b: Ymd): number {
  return a.y - b.y || a.m - b.m || a.d - b.d;
}

export function dayDiff(a: Ymd, b: Ymd): number {
  return Math.round((utc(a) - utc(b)) / 86400000);
}

/** ISO weekday, 1 Monday .. 7 Sunday. */
export function weekday(p: Ymd): number {
  return new Date(utc(p)).getUTCDay() || 7;
}

/** ISO 8601 week: the week-numbering year and week number. */
export function isoWeek(p: Ymd): { y: number; w: number } {
  const thursday = addDays(p, 4 - weekday(p));
  const jan1 = { y: thursday.y, m: 1, d: 1 };
  return { y: thursday.y, w: Math.floor(dayDiff(thursday, jan1) / 7) + 1 };
}

/** Monday of ISO week w of year y. */
export function isoWeekStart(y: number, w: number): Ymd {
  const jan4 = { y, m: 1, d: 4 };
  return addDays(jan4, (w - 1) * 7 - (weekday(jan4) - 1));
}

export function pad(n: number, width: number): string {
  // the common cases without building a string: a month or day, a year of four digits
  if (width === 2 && n >= 0 && n < 100 && Number.isInteger(n)) return TWO_DIGITS[n]!;
  if (width <= 4 && n >= 1000 && n < 10000 && Number.isInteger(n)) return String(n);
  const s = String(Math.abs(n)).padStart(width, '0');
  return n < 0 ? `-${s}` : s;
}

const TWO_DIGITS: readonly string[] = Array.from({ length: 100 }, (_, i) => String(i).padStart(2, '0'));

export function isoDate(p: Ymd): string {
  return `${pad(p.y, 4)}-${pad(p.m, 2)}-${pad(p.d, 2)}`;
}

export function parseIsoDate(s: string | undefined): Ymd | undefined {
  const m = s ? /^(\d{4})-(\d{1,2})-(\d{1,2})/.exec(s) : null;
  return m ? { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) } : undefined;
}
