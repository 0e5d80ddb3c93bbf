// Reads a release's own files (bytes in memory) into what the page shows. Nothing here trusts
// the publish stage beyond the published contract: missing tables or columns give empty values.
import { createHash } from 'node:crypto';
import { parse } from 'csv-parse/sync';

export interface ReleaseFiles {
  files: Map<string, Uint8Array>;
  /**
   * Optional, from the publish stage that made `files`: each file's size and sha256, and the four
   * tables as the string cells a CSV reader gets back from them. They save hashing and parsing
   * the release again (the cost that grows with the corpus); absent, both come from `files`.
   */
  facts?: Map<string, { bytes: number; sha256: string }>;
  tables?: { statements: CsvRow[]; places: CsvRow[]; actors: CsvRow[]; documents: CsvRow[] };
}

export interface FileEntry {
  path: string;
  bytes: number;
  sha256: string;
}

export interface TableField {
  name: string;
  type: string;
  description?: string;
  example?: string;
  categories?: unknown[];
  delimiter?: string;
  itemType?: string;
  constraints?: Record<string, unknown>;
}

export interface TableResource {
  name: string;
  path: string;
  title?: string;
  description?: string;
  fields: TableField[];
  primaryKey: string[];
}

export interface Datapackage {
  name?: string;
  id?: string;
  title?: string;
  description?: string;
  version?: string;
  created?: string;
  temporalCoverage?: string;
  keywords?: string[];
  contributors?: Array<{ title?: string; path?: string; roles?: string[] }>;
  licenses?: Array<{ name?: string; path?: string; title?: string }>;
  sources?: Array<{ title?: string; path?: string; publisher?: string; license?: string; attribution?: string }>;
  resources?: Array<Record<string, unknown>>;
}

export type CsvRow = Record<string, string>;

export interface Release {
  datapackage: Datapackage;
  tables: TableResource[];
  /** Every file of the release except the page itself and SHA256SUMS (which covers the page). */
  downloads: FileEntry[];
  statements: CsvRow[];
  places: CsvRow[];
  actors: CsvRow[];
  documents: CsvRow[];
}

/** The files the page cannot describe by hash: itself, and the checksum list written after it. */
export const SELF_REFERENTIAL = new Set(['index.html', 'SHA256SUMS']);

const decoder = new TextDecoder('utf-8');
const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function text(files: Map<string, Uint8Array>, path: string): string | undefined {
  const b = files.get(path);
  return b === undefined ? undefined : decoder.decode(b);
}

function readCsv(files: Map<string, Uint8Array>, path: string): CsvRow[] {
  const s = text(files, path);
  if (s === undefined || s.trim() === '') return [];
  try {
    return parse(s, { columns: true, bom: true, skip_empty_lines: true, relax_column_count: true }) as CsvRow[];
  } catch {
    // a broken table shows as empty rather than taking the whole page down
    return [];
  }
}

function readDatapackage(files: Map<string, Uint8Array>): Datapackage {
  const s = text(files, 'datapackage.json');
  if (s === undefined) return {};
  try {
    const v = JSON.parse(s) as unknown;
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Datapackage) : {};
  } catch {
    return {};
  }
}

function tablesOf(dp: Datapackage): TableResource[] {
  const out: TableResource[] = [];
  for (const r of dp.resources ?? []) {
    const schema = r.schema as { fields?: TableField[]; primaryKey?: string[] | string } | undefined;
    if (!schema || !Array.isArray(schema.fields) || typeof r.path !== 'string') continue;
    const pk = schema.primaryKey;
    out.push({
      name: typeof r.name === 'string' ? r.name : r.path,
      path: r.path,
      ...(typeof r.title === 'string' ? { title: r.title } : {}),
      ...(typeof r.description === 'string' ? { description: r.description } : {}),
      fields: schema.fields.filter((f) => f && typeof f.name === 'string'),
      primaryKey: Array.isArray(pk) ? pk : typeof pk === 'string' ? [pk] : [],
    });
  }
  return out;
}

export function readRelease(release: ReleaseFiles): Release {
  const files = release.files;
  const datapackage = readDatapackage(files);
  const downloads = [...files.keys()]
    .filter((p) => !SELF_REFERENTIAL.has(p))
    .sort(cmp)
    .map((path) => {
      const known = release.facts?.get(path);
      if (known) return { path, bytes: known.bytes, sha256: known.sha256 };
      const b = files.get(path) as Uint8Array;
      return { path, bytes: b.byteLength, sha256: createHash('sha256').update(b).digest('hex') };
    });
  const t = release.tables;
  return {
    datapackage,
    tables: tablesOf(datapackage),
    downloads,
    statements: t ? t.statements : readCsv(files, 'statements.csv'),
    places: t ? t.places : readCsv(files, 'places.csv'),
    actors: t ? t.actors : readCsv(files, 'actors.csv'),
    documents: t ? t.documents : readCsv(files, 'documents.csv'),
  };
}

/** A `;`-separated list cell (the contract's list delimiter). */
export function listCell(v: string | undefined): string[] {
  return v ? v.split(';').map((x) => x.trim()).filter(Boolean) : [];
}
