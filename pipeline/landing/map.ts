// The places map: drawn at build time with d3-geo from the coordinates in places.csv, over
// Natural Earth country outlines (world-atlas, public domain) — no tile server, no script.
// Symbol area is proportional to the number of statements naming the place; places whose
// coordinates stand for an area (neighbourhood, city, region) are drawn as translucent dashed
// areas, places with point coordinates as solid markers, so the map never claims more
// precision than the gazetteer has.
import { geoBounds, geoDistance, geoMercator, geoPath, type GeoProjection } from 'd3-geo';
import { scaleSqrt } from 'd3-scale';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import countries50m from 'world-atlas/countries-50m.json' with { type: 'json' };
import { esc, num } from './markup.ts';
import { type CsvRow, listCell } from './release.ts';

export interface MapPlace {
  id: string;
  name: string;
  type: string;
  precision: string;
  parent: string;
  lat: number | null;
  lon: number | null;
  count: number;
  area: boolean;
}

export interface PlacesMap {
  svg: string;
  places: MapPlace[];
  /** Places statements name that have no coordinates (not drawn). */
  unplaced: MapPlace[];
  /** The city drawn in the detail panel, if any. */
  focus: MapPlace | null;
}

/** geo_precision values whose coordinates are a centre of an area rather than a point. */
const AREA_PRECISIONS = new Set(['neighbourhood', 'city', 'region', 'country', 'area']);

const world = feature(countries50m as unknown as Topology, (countries50m as unknown as Topology).objects.countries as GeometryCollection) as unknown as FeatureCollection<Geometry, { name: string }>;

const coord = (v: string | undefined): number | null => {
  if (v === undefined || v.trim() === '') return null;
  const n = Number(v);
  return Number.isFinite(n) ? n : null;
};

export function placeCounts(statements: CsvRow[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const s of statements) for (const id of new Set(listCell(s.place_ids))) counts.set(id, (counts.get(id) ?? 0) + 1);
  return counts;
}

export function mapPlaces(places: CsvRow[], counts: Map<string, number>): MapPlace[] {
  return places
    .map((p) => {
      const precision = p.geo_precision ?? 'unknown';
      return {
        id: p.place_id ?? '',
        name: p.name ?? p.place_id ?? '',
        type: p.type ?? '',
        precision,
        parent: p.parent_id ?? p.parent ?? '',
        lat: coord(p.latitude),
        lon: coord(p.longitude),
        count: counts.get(p.place_id ?? '') ?? 0,
        area: AREA_PRECISIONS.has(precision),
      };
    })
    .filter((p) => p.id && p.count > 0);
}

/** The city with the most mapped places inside it (by parent chain): drawn in its own panel. */
function focusCity(all: MapPlace[], byId: Map<string, MapPlace | { parent: string }>): { city: string; members: Set<string> } | null {
  const inside = new Map<string, Set<string>>();
  for (const p of all) {
    if (p.lat === null) continue;
    const seen = new Set<string>();
    let cur = p.parent;
    while (cur && !seen.has(cur)) {
      seen.add(cur);
      let set = inside.get(cur);
      if (!set) inside.set(cur, (set = new Set()));
      set.add(p.id);
      cur = byId.get(cur)?.parent ?? '';
    }
  }
  let best: { city: string; members: Set<string> } | null = null;
  for (const [id, members] of [...inside].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const c = byId.get(id);
    if (!c || !('type' in c) || c.type !== 'city') continue;
    if (members.size >= 2 && (!best || members.size > best.members.size)) best = { city: id, members };
  }
  return best;
}

interface Panel {
  title: string;
  places: MapPlace[];
  x: number;
  y: number;
  w: number;
  h: number;
  minSpan: number; // degrees, so one place still gives a sensible view
  basemap: boolean;
  inset?: { x0: number; y0: number; x1: number; y1: number; lon0: number; lat0: number; lon1: number; lat1: number } | null;
}

function projectionFor(panel: Panel): GeoProjection {
  const lons = panel.places.map((p) => p.lon as number);
  const lats = panel.places.map((p) => p.lat as number);
  let lon0 = Math.min(...lons);
  let lon1 = Math.max(...lons);
  let lat0 = Math.min(...lats);
  let lat1 = Math.max(...lats);
  const grow = (a: number, b: number): [number, number] => {
    const mid = (a + b) / 2;
    const half = Math.max(b - a, panel.minSpan) / 2;
    return [mid - half, mid + half];
  };
  [lon0, lon1] = grow(lon0, lon1);
  [lat0, lat1] = grow(lat0, lat1);
  const pad = 34;
  const box: Feature = { type: 'Feature', properties: {}, geometry: { type: 'MultiPoint', coordinates: [[lon0, lat0], [lon1, lat1]] } };
  return geoMercator()
    .fitExtent([[panel.x + pad, panel.y + pad + 14], [panel.x + panel.w - pad, panel.y + panel.h - pad]], box)
    .clipExtent([[panel.x, panel.y], [panel.x + panel.w, panel.y + panel.h]]);
}

const NICE_KM = [0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000];

function scaleBar(projection: GeoProjection, panel: Panel): string {
  const y = panel.y + panel.h - 14;
  const x0 = panel.x + 12;
  const a = projection.invert?.([x0, y]);
  const b = projection.invert?.([x0 + 100, y]);
  if (!a || !b) return '';
  const kmPer100 = geoDistance(a, b) * 6371;
  const km = [...NICE_KM].reverse().find((k) => k <= kmPer100) ?? NICE_KM[0]!;
  const px = (100 * km) / kmPer100;
  return `<g class="scalebar" aria-hidden="true"><path d="M${num(x0)},${num(y - 4)}v4h${num(px)}v-4" fill="none" stroke="#333"/><text x="${num(x0 + px + 4)}" y="${num(y)}" class="tick">${km} km</text></g>`;
}

/**
 * The box [min lon, min lat, max lon, max lat] of a country's vertices. Its spherical bounds
 * (geoBounds) lie within it give or take how far an edge's great circle bulges past its end
 * points: well under a degree for these outlines, so with BOX_MARGIN a country whose box misses
 * the view has bounds that miss it too. (A country across the antimeridian has a box of all
 * longitudes and is always measured.)
 */
function vertexBox(f: Feature<Geometry>): [number, number, number, number] {
  const box: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  const visit = (c: unknown): void => {
    if (typeof (c as number[])[0] === 'number') {
      const [x, y] = c as [number, number];
      if (x < box[0]) box[0] = x;
      if (y < box[1]) box[1] = y;
      if (x > box[2]) box[2] = x;
      if (y > box[3]) box[3] = y;
    } else for (const d of c as unknown[]) visit(d);
  };
  const g = f.geometry;
  if (g && 'coordinates' in g) visit(g.coordinates);
  else box.splice(0, 4, -180, -90, 180, 90); // no plain coordinates: never ruled out here
  return box;
}

/** Degrees added around a vertex box (see vertexBox). */
const BOX_MARGIN = 5;
let vertexBoxes: Array<[number, number, number, number]> | undefined;

function drawPanel(panel: Panel, r: (n: number) => number, clipId: string): string {
  const projection = projectionFor(panel);
  const path = geoPath(projection).digits(1);
  const out: string[] = [];
  out.push(`<clipPath id="${clipId}"><rect x="${panel.x}" y="${panel.y}" width="${panel.w}" height="${panel.h}"/></clipPath>`);
  out.push(`<g class="panel" clip-path="url(#${clipId})"><rect x="${panel.x}" y="${panel.y}" width="${panel.w}" height="${panel.h}" fill="${panel.basemap ? '#dfeaf2' : '#f4f1ea'}" stroke="#999"/>`);
  if (panel.basemap) {
    // only the countries that overlap the view: keeps the page light
    const tl = projection.invert?.([panel.x, panel.y]);
    const br = projection.invert?.([panel.x + panel.w, panel.y + panel.h]);
    for (const [k, f] of world.features.entries()) {
      if (!tl || !br) break;
      // the spherical bounds decide; a plain box of the vertices first rules out most countries cheaply
      const b = (vertexBoxes ??= world.features.map(vertexBox))[k]!;
      if (b[2] + BOX_MARGIN < tl[0] || b[0] - BOX_MARGIN > br[0] || b[3] + BOX_MARGIN < br[1] || b[1] - BOX_MARGIN > tl[1]) continue;
      const [[w, s], [e, n]] = geoBounds(f);
      if (e < tl[0] || w > br[0] || n < br[1] || s > tl[1]) continue;
      const d = path(f);
      if (d) out.push(`<path d="${d}" class="country" fill="${f.properties.name === 'Syria' ? '#fbfaf6' : '#efece4'}" stroke="#a9a39a" stroke-width="0.6"><title>${esc(f.properties.name)}</title></path>`);
    }
  }
  if (panel.inset) {
    const a = projection([panel.inset.lon0, panel.inset.lat1]);
    const b = projection([panel.inset.lon1, panel.inset.lat0]);
    if (a && b) out.push(`<rect x="${num(a[0] - 3)}" y="${num(a[1] - 3)}" width="${num(b[0] - a[0] + 6)}" height="${num(b[1] - a[1] + 6)}" fill="none" stroke="#333" stroke-dasharray="3 2"><title>Area shown in the city panel</title></rect>`);
  }
  // big symbols first so small ones stay on top and clickable
  const ordered = [...panel.places].sort((a, b) => b.count - a.count || (a.id < b.id ? -1 : 1));
  const labels: Array<{ x0: number; y0: number; x1: number; y1: number }> = [];
  const symbols: string[] = [];
  const texts: string[] = [];
  for (const p of ordered) {
    const xy = projection([p.lon as number, p.lat as number]);
    if (!xy) continue;
    const [cx, cy] = xy;
    const rad = r(p.count);
    const how = p.area ? `${p.precision} area, centre approximate` : `${p.precision} location`;
    const label = `${p.name}: ${p.count} statement${p.count === 1 ? '' : 's'} (${how})`;
    const shape = p.area
      ? `<circle cx="${num(cx)}" cy="${num(cy)}" r="${num(rad)}" class="area"/>`
      : `<circle cx="${num(cx)}" cy="${num(cy)}" r="${num(rad)}" class="point"/><circle cx="${num(cx)}" cy="${num(cy)}" r="1.8" class="pin"/>`;
    symbols.push(`<a class="place" href="#statements" data-place="${esc(p.id)}" data-name="${esc(p.name)}" data-count="${p.count}" aria-label="${esc(label)}"><title>${esc(label)}</title>${shape}</a>`);
    // greedy labels: most-mentioned first, skip any that would overlap one already placed
    // right of the symbol, else left of it, else not at all
    const w = p.name.length * 6.4 + 4;
    const right = { x0: cx + rad + 2, y0: cy - 8, x1: cx + rad + 2 + w, y1: cy + 5, anchor: 'start', tx: cx + rad + 2 };
    const left = { x0: cx - rad - 2 - w, y0: cy - 8, x1: cx - rad - 2, y1: cy + 5, anchor: 'end', tx: cx - rad - 2 };
    const free = (b: typeof right) => b.x0 > panel.x && b.x1 < panel.x + panel.w && !labels.some((l) => !(b.x1 < l.x0 || b.x0 > l.x1 || b.y1 < l.y0 || b.y0 > l.y1));
    const box = [right, left].find(free);
    if (box && labels.length < 14) {
      labels.push(box);
      texts.push(`<text x="${num(box.tx)}" y="${num(cy + 4)}"${box.anchor === 'end' ? ' text-anchor="end"' : ''} class="place-label" aria-hidden="true">${esc(p.name)}</text>`);
    }
  }
  out.push(symbols.join(''), texts.join(''), scaleBar(projection, panel));
  out.push(`<text x="${panel.x + 8}" y="${panel.y + 18}" class="panel-title">${esc(panel.title)}</text></g>`);
  return out.join('');
}

export function buildMap(places: CsvRow[], statements: CsvRow[]): PlacesMap {
  const all = mapPlaces(places, placeCounts(statements));
  const byId = new Map<string, MapPlace | { parent: string }>(places.map((p) => [p.place_id ?? '', { parent: p.parent_id ?? p.parent ?? '', type: p.type ?? '' } as MapPlace]));
  for (const p of all) byId.set(p.id, p);
  const located = all.filter((p) => p.lat !== null && p.lon !== null);
  const unplaced = all.filter((p) => p.lat === null || p.lon === null).sort((a, b) => b.count - a.count || (a.id < b.id ? -1 : 1));
  const focus = focusCity(located, byId);
  const focusPlace = focus ? (all.find((p) => p.id === focus.city) ?? null) : null;
  const max = Math.max(1, ...located.map((p) => p.count));
  const r = scaleSqrt().domain([0, max]).range([0, 26]);
  const radius = (n: number) => Math.max(3.5, r(n));

  const W = 960;
  const H = 520;
  if (located.length === 0) {
    return { svg: '', places: all, unplaced, focus: null };
  }
  const detail = focus ? located.filter((p) => focus.members.has(p.id)) : [];
  const wide = located.filter((p) => !focus || !focus.members.has(p.id));
  const panels: Panel[] = [];
  const gap = 12;
  if (detail.length && wide.length) {
    const lons = detail.map((p) => p.lon as number);
    const lats = detail.map((p) => p.lat as number);
    const inset = { x0: 0, y0: 0, x1: 0, y1: 0, lon0: Math.min(...lons), lat0: Math.min(...lats), lon1: Math.max(...lons), lat1: Math.max(...lats) };
    panels.push({ title: `${focusPlace?.name ?? focus?.city ?? ''}: places inside the city`, places: detail, x: 0, y: 0, w: (W - gap) / 2, h: H, minSpan: 0.03, basemap: false });
    panels.push({ title: 'Wider region', places: wide, x: (W + gap) / 2, y: 0, w: (W - gap) / 2, h: H, minSpan: 1.5, basemap: true, inset });
  } else {
    const only = detail.length ? detail : wide;
    panels.push({ title: detail.length ? `${focusPlace?.name ?? ''}: places inside the city` : 'Places', places: only, x: 0, y: 0, w: W, h: H, minSpan: detail.length ? 0.03 : 1.5, basemap: !detail.length });
  }
  const body = panels.map((p, i) => drawPanel(p, radius, `map-clip-${i}`)).join('');
  const svg =
    `<svg class="map" viewBox="0 0 ${W} ${H}" role="group" aria-labelledby="map-title map-desc">` +
    `<desc id="map-desc">${esc(`Map of ${located.length} places named in the statements, symbol area proportional to the number of statements; dashed translucent circles are places known only as an area, solid markers are point locations.`)}</desc>` +
    body +
    `</svg>`;
  return { svg, places: all, unplaced, focus: focusPlace };
}
