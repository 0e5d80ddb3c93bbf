// Statements per month, stacked by the side of the actors each statement names, with the
// siege's phases behind the bars. Drawn at build time with d3-scale and d3-shape into plain
// SVG: the page needs no script to show it, and the same release gives the same bytes.
import { scaleBand, scaleLinear } from 'd3-scale';
import { stack, stackOrderNone, stackOffsetNone } from 'd3-shape';
import { esc, num } from './markup.ts';
import { type CsvRow, listCell } from './release.ts';

export interface Phase {
  id: string;
  label: string;
  start: string;
  end: string;
  heading?: string;
  evidence?: string;
}

export interface Category {
  key: string;
  label: string;
  colour: string;
  /** Pattern drawn over the colour so the categories differ without colour too. */
  pattern: 'solid' | 'hatch' | 'dots' | 'cross';
}

export interface MonthBar {
  month: string; // YYYY-MM
  total: number;
  counts: Record<string, number>;
}

export interface Timeline {
  svg: string;
  categories: Category[];
  bars: MonthBar[];
  /** Statements whose date spans more than one calendar month: not placed on a month. */
  uncharted: number;
  months: string[];
}

// Okabe-Ito palette (colour-blind safe); patterns carry the distinction where colour cannot.
const PALETTE = ['#D55E00', '#0072B2', '#009E73', '#E69F00', '#56B4E9', '#F0E442'];
const SEVERAL = '#CC79A7';
const NONE = '#8C8C8C';
const PATTERNS: Category['pattern'][] = ['solid', 'hatch', 'dots', 'cross'];

export const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

const ISO_MONTH = /^(\d{4})-(\d{2})/;

export function monthLabel(m: string): string {
  const [y, mm] = m.split('-');
  return `${MONTH_NAMES[Number(mm) - 1] ?? mm} ${y}`;
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(m) ? 30 : 31;
}

function monthRange(first: string, last: string): string[] {
  const out: string[] = [];
  let [y, m] = first.split('-').map(Number) as [number, number];
  const [ly, lm] = last.split('-').map(Number) as [number, number];
  while (y < ly || (y === ly && m <= lm)) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
  }
  return out;
}

const GAP_MONTHS = 12;

function monthNumber(m: string): number {
  return Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7)) - 1;
}

/**
 * The x axis: every month from the first to the last that has a statement or a phase, except
 * that a run of more than GAP_MONTHS empty months (a background sentence about 1995, an epilogue
 * in 2017) becomes a two-slot break (`gap:…`), so outliers keep their bar without squeezing the siege.
 */
export function axisSlots(occupied: string[]): string[] {
  const sorted = [...new Set(occupied)].sort();
  const slots: string[] = [];
  let segStart: string | undefined;
  let prev: string | undefined;
  const close = () => {
    if (segStart && prev) slots.push(...monthRange(segStart, prev));
  };
  for (const m of sorted) {
    if (prev && monthNumber(m) - monthNumber(prev) > GAP_MONTHS + 1) {
      close();
      slots.push(`gap:${prev}:a`, `gap:${prev}:b`);
      segStart = m;
    } else if (!segStart) segStart = m;
    prev = m;
  }
  close();
  return slots;
}

/** The month a statement belongs to, or null when its date spans more than one month. */
export function statementMonth(row: CsvRow): string | null {
  const s = ISO_MONTH.exec(row.date_start ?? '');
  const e = ISO_MONTH.exec(row.date_end ?? row.date_start ?? '');
  if (!s || !e || s[0] !== e[0]) return null;
  return s[0];
}

/** One category per statement: the side its actors are on, `several` or `none`. */
export function sideCategory(row: CsvRow, sideOf: Map<string, string>): string {
  const sides = new Set(listCell(row.actor_ids).map((a) => sideOf.get(a)).filter((s): s is string => !!s));
  if (sides.size === 0) return 'none';
  if (sides.size > 1) return 'several';
  return `side:${[...sides][0]}`;
}

export function categoriesFor(statements: CsvRow[], sideOf: Map<string, string>): Category[] {
  const counts = new Map<string, number>();
  for (const s of statements) {
    const c = sideCategory(s, sideOf);
    counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  // every side that actors.csv names, most frequent first; then mixed; then none
  const sides = [...new Set(sideOf.values())].sort((a, b) => (counts.get(`side:${b}`) ?? 0) - (counts.get(`side:${a}`) ?? 0) || (a < b ? -1 : a > b ? 1 : 0));
  const out: Category[] = sides.map((s, i) => ({
    key: `side:${s}`,
    label: `${s} side only`,
    colour: PALETTE[i % PALETTE.length] as string,
    pattern: PATTERNS[i % PATTERNS.length] as Category['pattern'],
  }));
  out.push({ key: 'several', label: 'actors on several sides', colour: SEVERAL, pattern: 'cross' });
  out.push({ key: 'none', label: 'no actor with a side', colour: NONE, pattern: 'dots' });
  return out;
}

export function patternDefs(categories: Category[], prefix: string): string {
  return categories
    .map((c, i) => {
      const id = `${prefix}-${i}`;
      const marks =
        c.pattern === 'hatch'
          ? '<path d="M-1,1 l2,-2 M0,6 l6,-6 M5,7 l2,-2" stroke="#fff" stroke-width="1.3"/>'
          : c.pattern === 'dots'
            ? '<circle cx="3" cy="3" r="1.2" fill="#fff"/>'
            : c.pattern === 'cross'
              ? '<path d="M0,3 h6 M3,0 v6" stroke="#fff" stroke-width="1"/>'
              : '';
      return `<pattern id="${id}" width="6" height="6" patternUnits="userSpaceOnUse"><rect width="6" height="6" fill="${c.colour}"/>${marks}</pattern>`;
    })
    .join('');
}

export function buildTimeline(statements: CsvRow[], sideOf: Map<string, string>, phases: Phase[]): Timeline {
  const categories = categoriesFor(statements, sideOf);
  const byMonth = new Map<string, MonthBar>();
  let uncharted = 0;
  for (const s of statements) {
    const m = statementMonth(s);
    if (!m) {
      uncharted++;
      continue;
    }
    let bar = byMonth.get(m);
    if (!bar) byMonth.set(m, (bar = { month: m, total: 0, counts: Object.fromEntries(categories.map((c) => [c.key, 0])) }));
    const c = sideCategory(s, sideOf);
    bar.counts[c] = (bar.counts[c] ?? 0) + 1;
    bar.total++;
  }
  const bars = [...byMonth.values()].sort((a, b) => (a.month < b.month ? -1 : 1));
  const months = axisSlots([...bars.map((b) => b.month), ...phases.flatMap((p) => monthRange(p.start.slice(0, 7), p.end.slice(0, 7)))]);

  const left = 40;
  const right = 12;
  const top = 34;
  const plotH = 200;
  const bottom = 34;
  const width = Math.max(640, left + right + months.length * 20);
  const height = top + plotH + bottom;
  const x = scaleBand<string>().domain(months).range([left, width - right]).paddingInner(0.18).paddingOuter(0.09);
  const step = x.step();
  const maxTotal = Math.max(1, ...bars.map((b) => b.total));
  const y = scaleLinear().domain([0, maxTotal]).nice(4).range([top + plotH, top]);

  // x of a day: its month's slot plus the fraction of the month before it
  const dayX = (iso: string, endOfDay: boolean): number => {
    const [yy, mm, dd] = iso.split('-').map(Number) as [number, number, number];
    const slot = (x(iso.slice(0, 7)) ?? left) - (step - x.bandwidth()) / 2;
    const frac = ((dd ?? 1) - (endOfDay ? 0 : 1)) / daysInMonth(yy, mm);
    return slot + frac * step;
  };

  const parts: string[] = [];
  parts.push(`<defs>${patternDefs(categories, 'tl')}</defs>`);

  // phases: alternating bands, numbered; full label where it fits
  phases.forEach((p, i) => {
    const x0 = dayX(p.start, false);
    const x1 = Math.max(dayX(p.end, true), x0 + 3);
    const fits = (x1 - x0) > p.label.length * 6.2 + 20;
    parts.push(
      `<g class="phase" data-phase="${esc(p.id)}"><title>${esc(`Phase ${i + 1}: ${p.label} (${p.start} to ${p.end})`)}</title>` +
        `<rect x="${num(x0)}" y="${top - 26}" width="${num(x1 - x0)}" height="${plotH + 26}" fill="${i % 2 ? '#ececec' : '#f6f6f6'}"/>` +
        `<line x1="${num(x0)}" x2="${num(x0)}" y1="${top - 26}" y2="${top + plotH}" stroke="#767676" stroke-dasharray="2 2"/>` +
        `<text x="${num(x0 + 3)}" y="${top - 13}" class="phase-label">${esc(fits ? `${i + 1} ${p.label}` : String(i + 1))}</text></g>`,
    );
  });

  // y grid and axis
  for (const t of y.ticks(4)) {
    parts.push(`<line x1="${left}" x2="${width - right}" y1="${num(y(t))}" y2="${num(y(t))}" stroke="#d0d0d0"/><text x="${left - 6}" y="${num(y(t) + 4)}" text-anchor="end" class="tick">${t}</text>`);
  }
  parts.push(`<text x="12" y="${top + plotH / 2}" transform="rotate(-90 12 ${top + plotH / 2})" text-anchor="middle" class="tick">statements</text>`);

  // x axis: a tick per month, month initials where there is room, the year at January and at the start
  for (const [i, m] of months.entries()) {
    const cx = (x(m) ?? 0) + x.bandwidth() / 2;
    if (m.startsWith('gap:')) {
      // an axis break: a zigzag where empty years were left out
      if (m.endsWith(':a')) {
        const gx = (x(m) ?? 0) + step - (step - x.bandwidth()) / 2;
        parts.push(`<g class="axis-break"><title>Axis break: empty months left out</title><rect x="${num(gx - 5)}" y="${top - 26}" width="10" height="${plotH + 27}" fill="#fff"/><path d="M${num(gx - 5)},${top + plotH + 5}l3,-10l4,10l3,-10" fill="none" stroke="#555"/></g>`);
      }
      continue;
    }
    const jan = m.endsWith('-01') || (months[i - 1] ?? '').startsWith('gap:');
    parts.push(`<line x1="${num(cx)}" x2="${num(cx)}" y1="${top + plotH}" y2="${top + plotH + (jan ? 8 : 4)}" stroke="#555"/>`);
    if (step >= 14) parts.push(`<text x="${num(cx)}" y="${top + plotH + 16}" text-anchor="middle" class="tick small">${(MONTH_NAMES[Number(m.slice(5)) - 1] ?? '').slice(0, 1)}</text>`);
    if (jan || i === 0) parts.push(`<text x="${num((x(m) ?? 0))}" y="${top + plotH + 30}" class="tick year">${m.slice(0, 4)}</text>`);
  }
  parts.push(`<line x1="${left}" x2="${width - right}" y1="${top + plotH}" y2="${top + plotH}" stroke="#555"/>`);

  // stacked bars, one link per month (keyboard: Tab to a bar, Enter filters the table to it)
  const series = stack<MonthBar>()
    .keys(categories.map((c) => c.key))
    .value((d, k) => d.counts[k] ?? 0)
    .order(stackOrderNone)
    .offset(stackOffsetNone)(bars);
  for (const [j, b] of bars.entries()) {
    const bx = x(b.month) ?? 0;
    const breakdown = categories.filter((c) => (b.counts[c.key] ?? 0) > 0).map((c) => `${c.label} ${b.counts[c.key]}`).join(', ');
    const label = `${monthLabel(b.month)}: ${b.total} statement${b.total === 1 ? '' : 's'} (${breakdown})`;
    const rects = series
      .map((s, k) => {
        const seg = s[j];
        if (!seg || seg[1] - seg[0] <= 0) return '';
        return `<rect x="${num(bx)}" y="${num(y(seg[1]))}" width="${num(x.bandwidth())}" height="${num(y(seg[0]) - y(seg[1]))}" fill="url(#tl-${k})" stroke="#fff" stroke-width="0.5"/>`;
      })
      .join('');
    parts.push(`<a class="bar" href="#statements" data-month="${b.month}" data-count="${b.total}" aria-label="${esc(label)}"><title>${esc(label)}</title>${rects}<rect class="focus-ring" x="${num(bx - 1.5)}" y="${num(y(b.total) - 1.5)}" width="${num(x.bandwidth() + 3)}" height="${num(y(0) - y(b.total) + 3)}"/></a>`);
  }

  const svg =
    `<svg class="timeline" viewBox="0 0 ${num(width)} ${height}" width="${num(width)}" height="${height}" role="group" aria-labelledby="timeline-title timeline-desc" style="min-width:${Math.min(num(width), 40 + months.length * 9)}px">` +
    `<desc id="timeline-desc">${esc(`Bar chart of ${bars.reduce((n, b) => n + b.total, 0)} statements over ${bars.length} months with statements, stacked by the side of the actors named, with ${phases.length} phases of the siege shaded behind the bars.`)}</desc>` +
    parts.join('') +
    `</svg>`;
  return { svg, categories, bars, uncharted, months };
}
