// schema.org `Dataset` markup for the page (what dataset search engines read), built from the
// release's datapackage.json and files. One DataDownload per file, with its size and sha256.
import type { MapPlace } from './map.ts';
import type { CsvRow, FileEntry, Release } from './release.ts';

const MEDIA_TYPES: Array<[RegExp, string]> = [
  [/\.csv$/, 'text/csv'],
  [/\.jsonld$/, 'application/ld+json'],
  [/\.nq$/, 'application/n-quads'],
  [/\.json$/, 'application/json'],
  [/\.md$/, 'text/markdown'],
  [/\.html$/, 'text/html'],
];

export function mediaType(path: string): string {
  const hit = MEDIA_TYPES.find(([re]) => re.test(path));
  return hit ? hit[1] : 'text/plain';
}

/** Inclusive `start/end` over the statements' dates (or the datapackage's own value). */
export function temporalCoverage(release: Release): string | undefined {
  if (release.datapackage.temporalCoverage) return release.datapackage.temporalCoverage;
  const starts = release.statements.map((s) => s.date_start ?? '').filter(Boolean).sort();
  const ends = release.statements.map((s) => s.date_end ?? '').filter(Boolean).sort();
  return starts.length ? `${starts[0]}/${ends[ends.length - 1]}` : undefined;
}

/** Without coordinates: the city the gazetteer puts the most places in (the siege's city). */
function mainCity(places: CsvRow[]): string | undefined {
  const children = new Map<string, number>();
  for (const p of places) if (p.parent_id ?? p.parent) children.set((p.parent_id ?? p.parent) as string, (children.get((p.parent_id ?? p.parent) as string) ?? 0) + 1);
  const cities = places.filter((p) => p.type === 'city').sort((a, b) => (children.get(b.place_id ?? '') ?? 0) - (children.get(a.place_id ?? '') ?? 0) || ((a.place_id ?? '') < (b.place_id ?? '') ? -1 : 1));
  return cities[0]?.name;
}

function spatialCoverage(places: MapPlace[], focus: MapPlace | null, gazetteer: CsvRow[]): Record<string, unknown> | undefined {
  const located = places.filter((p) => p.lat !== null && p.lon !== null);
  if (!located.length) {
    const name = focus?.name ?? mainCity(gazetteer);
    return name ? { '@type': 'Place', name } : undefined;
  }
  const lats = located.map((p) => p.lat as number);
  const lons = located.map((p) => p.lon as number);
  // GeoShape box: "south west north east"
  const box = `${Math.min(...lats)} ${Math.min(...lons)} ${Math.max(...lats)} ${Math.max(...lons)}`;
  return {
    '@type': 'Place',
    name: focus ? `${focus.name} and the places the statements name` : 'The places the statements name',
    geo: { '@type': 'GeoShape', box },
  };
}

function download(f: FileEntry): Record<string, unknown> {
  return {
    '@type': 'DataDownload',
    name: f.path,
    contentUrl: f.path,
    encodingFormat: mediaType(f.path),
    contentSize: `${f.bytes} B`,
    sha256: f.sha256,
  };
}

export function datasetJsonLd(release: Release, places: MapPlace[], focus: MapPlace | null, documents: CsvRow[]): Record<string, unknown> {
  const dp = release.datapackage;
  const licence = dp.licenses?.[0];
  const creators = (dp.contributors ?? []).filter((c) => !c.roles || c.roles.includes('creator'));
  const coverage = temporalCoverage(release);
  const spatial = spatialCoverage(places, focus, release.places);
  const statements = release.tables.find((t) => t.name === 'statements');
  return {
    '@context': 'https://schema.org/',
    '@type': 'Dataset',
    ...(dp.id ? { '@id': dp.id, identifier: dp.id, url: dp.id } : {}),
    name: dp.title ?? dp.name ?? 'Dataset',
    ...(dp.name ? { alternateName: dp.name } : {}),
    description: dp.description ?? '',
    ...(dp.version ? { version: dp.version } : {}),
    ...(dp.created ? { datePublished: dp.created.slice(0, 10) } : {}),
    ...(licence?.path ? { license: licence.path } : licence?.name ? { license: licence.name } : {}),
    isAccessibleForFree: true,
    ...(dp.keywords?.length ? { keywords: dp.keywords } : {}),
    creator: creators.length ? creators.map((c) => ({ '@type': 'Organization', name: c.title ?? 'contributors', ...(c.path ? { url: c.path } : {}) })) : [{ '@type': 'Organization', name: 'homs-timeline contributors' }],
    ...(coverage ? { temporalCoverage: coverage } : {}),
    ...(spatial ? { spatialCoverage: spatial } : {}),
    ...(statements ? { variableMeasured: statements.fields.map((f) => ({ '@type': 'PropertyValue', name: f.name, ...(f.description ? { description: f.description } : {}) })) } : {}),
    isBasedOn: documents.filter((d) => d.url).map((d) => ({ '@type': 'CreativeWork', name: d.title || d.document_id, url: d.url, ...(d.licence ? { license: d.licence } : {}) })),
    distribution: release.downloads.map(download),
  };
}
