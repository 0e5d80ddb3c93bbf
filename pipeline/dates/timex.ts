// TIMEX2 values (the WikiWars convention): 2011-05-08, 2011-10 + mod END, 1939-SU, BC0480,
// 196 (the 1960s), 19 (the 20th century), 2012-W06, 1965-01-31TAF, 2014-05-07T10:00.
import { pad } from './calendar.ts';
import type { CalPoint, Mention, Resolution } from './model.ts';

function yearText(p: CalPoint): string {
  return p.y <= 0 ? `BC${pad(1 - p.y, 4)}` : pad(p.y, 4);
}

export function timexValue(p: CalPoint): string {
  switch (p.gran) {
    case 'century':
      return p.bc ? `BC${pad(p.century!, 2)}` : pad(p.century!, 2);
    case 'decade':
      return p.bc ? `BC${pad(p.decade!, 3)}` : pad(p.decade!, 3);
    case 'year':
      return yearText(p);
    case 'season':
      return `${p.winterOfDecember ? yearText({ ...p, y: p.y - 1 }) : yearText(p)}-${p.season}`;
    case 'week':
      return `${pad(p.y, 4)}-W${pad(p.week!, 2)}${p.weekend ? '-WE' : ''}`;
    case 'month':
      return `${yearText(p)}-${pad(p.m!, 2)}`;
    case 'day': {
      const base = `${yearText(p)}-${pad(p.m!, 2)}-${pad(p.d!, 2)}`;
      if (p.hour !== undefined) return `${base}T${pad(p.hour, 2)}:${pad(p.minute ?? 0, 2)}`;
      return p.tod ? `${base}T${p.tod}` : base;
    }
  }
}

/** `{ val, mod }`, mod only when there is one (no spread: this runs once per expression). */
function withMod(val: string, mod: string | undefined): { val: string; mod?: string } {
  const o: { val: string; mod?: string } = { val };
  if (mod) o.mod = mod;
  return o;
}

/** The TIMEX2 val and mod of a resolved mention (undefined val: left unnormalised). */
export function timexOf(m: Mention, r: Resolution): { val?: string; mod?: string } {
  if (m.noValue) return {};
  if (r.special) return withMod(r.special, m.mod);
  if (!r.point) {
    const k = m.known;
    if (m.anchor.kind === 'calendar' && k.month !== undefined) {
      const mod = k.part ?? m.mod;
      return withMod(`XXXX-${pad(k.month, 2)}${k.day !== undefined ? `-${pad(k.day, 2)}` : ''}`, mod);
    }
    // a day the text does not date, with its time of day (`the third evening`: XXXX-XX-XXTEV)
    if (((m.anchor.kind === 'offset' || m.anchor.kind === 'same') && m.anchor.unit === 'day') || m.anchor.kind === 'event-part') {
      return { val: k.tod ? `XXXX-XX-XXT${k.tod}` : 'XXXX-XX-XX' };
    }
    return {};
  }
  return withMod(timexValue(r.point), r.point.part ?? m.mod);
}
