// The keyed diff against the previous release and the semantic-version bump it implies, by the
// Frictionless data-package-version recipe as this project states it: a removed, renamed or
// reordered column, a changed type, a stricter constraint, a removed table or a withdrawn id is
// MAJOR; new rows, columns (appended) or tables, or a looser constraint, MINOR; corrected values
// or metadata only, PATCH.
import { parse } from 'csv-parse/sync';
import type { Row, TableSpec } from './model.ts';
import { formatCell } from './csv.ts';
import { fieldDescriptor } from './datapackage.ts';

export type Bump = 'major' | 'minor' | 'patch' | 'none';
const RANK: Record<Bump, number> = { none: 0, patch: 1, minor: 2, major: 3 };

export interface SchemaChange {
  table: string;
  field?: string;
  change: string;
  bump: Bump;
}

export interface TableDiff {
  added: string[];
  removed: string[];
  changed: Array<{ id: string; fields: string[] }>;
}

export interface ReleaseDiff {
  from: string | null;
  to: string;
  bump: Bump;
  reasons: string[];
  schema: SchemaChange[];
  tables: Record<string, TableDiff>;
}

export interface PreviousTable {
  fields: Array<Record<string, unknown>>;
  primaryKey: string[];
  /** key -> row of CSV cells by column name */
  rows: Map<string, Record<string, string>>;
}

export interface PreviousRelease {
  version: string;
  tables: Map<string, PreviousTable>;
  withdrawn: Array<Record<string, string>>;
  changelog?: string;
}

const decoder = new TextDecoder('utf-8', { fatal: true });

/** Read the previous release from its files (its datapackage.json and CSVs). */
export function readPrevious(version: string, files: Map<string, Uint8Array>): PreviousRelease {
  const dpBytes = files.get('datapackage.json');
  const tables = new Map<string, PreviousTable>();
  const dp = dpBytes ? (JSON.parse(decoder.decode(dpBytes)) as { resources?: Array<{ name: string; path: string; schema?: { fields: Array<Record<string, unknown>>; primaryKey?: string[] } }> }) : { resources: [] };
  for (const r of dp.resources ?? []) {
    if (!r.schema) continue;
    const bytes = files.get(r.path);
    const pk = r.schema.primaryKey ?? [];
    const rows = new Map<string, Record<string, string>>();
    if (bytes) {
      const records = parse(decoder.decode(bytes), { columns: true, bom: true, skip_empty_lines: false }) as Array<Record<string, string>>;
      for (const rec of records) rows.set(pk.map((k) => rec[k] ?? '').join('\u0000'), rec);
    }
    tables.set(r.name, { fields: r.schema.fields, primaryKey: pk, rows });
  }
  const withdrawn = tables.get('withdrawn_ids');
  const changelog = files.get('CHANGELOG.md');
  return {
    version,
    tables,
    withdrawn: withdrawn ? [...withdrawn.rows.values()] : [],
    ...(changelog ? { changelog: decoder.decode(changelog) } : {}),
  };
}

const max = (a: Bump, b: Bump): Bump => (RANK[a] >= RANK[b] ? a : b);

/** Schema changes of one table, each with the bump it requires. */
export function diffSchema(table: TableSpec, previous: PreviousTable | undefined): SchemaChange[] {
  if (!previous) return [{ table: table.name, change: 'new table', bump: 'minor' }];
  const out: SchemaChange[] = [];
  const now = table.fields.map(fieldDescriptor);
  const names = now.map((f) => f.name as string);
  previous.fields.forEach((old, i) => {
    const name = old.name as string;
    const j = names.indexOf(name);
    if (j < 0) return out.push({ table: table.name, field: name, change: 'column removed or renamed', bump: 'major' });
    if (j !== i) out.push({ table: table.name, field: name, change: `column moved from position ${i + 1} to ${j + 1}`, bump: 'major' });
    const cur = now[j] as Record<string, unknown>;
    if (cur.type !== old.type || (cur.format ?? 'default') !== (old.format ?? 'default')) out.push({ table: table.name, field: name, change: `type changed from ${String(old.type)} to ${String(cur.type)}`, bump: 'major' });
    const oc = (old.constraints ?? {}) as Record<string, unknown>;
    const nc = (cur.constraints ?? {}) as Record<string, unknown>;
    if (!oc.required && nc.required) out.push({ table: table.name, field: name, change: 'now required', bump: 'major' });
    if (oc.required && !nc.required) out.push({ table: table.name, field: name, change: 'no longer required', bump: 'minor' });
    if ((oc.pattern ?? null) !== (nc.pattern ?? null)) out.push({ table: table.name, field: name, change: 'pattern changed', bump: nc.pattern === undefined ? 'minor' : 'major' });
    if ((oc.minimum ?? null) !== (nc.minimum ?? null)) out.push({ table: table.name, field: name, change: 'minimum changed', bump: nc.minimum === undefined || (oc.minimum !== undefined && Number(nc.minimum) < Number(oc.minimum)) ? 'minor' : 'major' });
    const oldCats = (old.categories as unknown[] | undefined)?.map(String);
    const newCats = (cur.categories as unknown[] | undefined)?.map(String);
    if (oldCats || newCats) {
      const removed = newCats ? (oldCats ?? []).filter((c) => !newCats.includes(c)) : [];
      const added = (newCats ?? []).filter((c) => !(oldCats ?? []).includes(c));
      if (!oldCats && newCats) out.push({ table: table.name, field: name, change: 'categories added', bump: 'major' });
      else if (removed.length) out.push({ table: table.name, field: name, change: `categories removed: ${removed.join(', ')}`, bump: 'major' });
      else if (added.length || !newCats) out.push({ table: table.name, field: name, change: added.length ? `categories added: ${added.join(', ')}` : 'categories dropped', bump: 'minor' });
    }
    if ((old.description ?? '') !== (cur.description ?? '')) out.push({ table: table.name, field: name, change: 'description changed', bump: 'patch' });
  });
  names.forEach((name, j) => {
    if (!previous.fields.some((f) => f.name === name)) out.push({ table: table.name, field: name, change: `column added at position ${j + 1}`, bump: j >= previous.fields.length ? 'minor' : 'major' });
  });
  if (previous.primaryKey.join(',') !== table.primaryKey.join(',')) out.push({ table: table.name, change: `primary key changed from ${previous.primaryKey.join('+')} to ${table.primaryKey.join('+')}`, bump: 'major' });
  return out;
}

/** The keyed diff of one table, fed a row at a time: only the previous release's keys are held. */
export class RowDiffer {
  private readonly out: TableDiff = { added: [], removed: [], changed: [] };
  private readonly prev: Map<string, Record<string, string>>;
  private readonly seen = new Set<string>();
  private readonly keyFields: TableSpec['fields'];
  constructor(private readonly table: TableSpec, previous: PreviousTable | undefined) {
    this.prev = previous?.rows ?? new Map<string, Record<string, string>>();
    this.keyFields = table.primaryKey.map((k) => table.fields.find((f) => f.name === k)!);
  }
  add(r: Row): void {
    const k = this.keyFields.map((f) => formatCell(f, r[f.name] ?? null)).join('\u0000');
    const old = this.prev.get(k);
    if (!old) {
      this.out.added.push(k);
      return;
    }
    this.seen.add(k);
    const fields = this.table.fields.filter((f) => f.name in old && old[f.name] !== formatCell(f, r[f.name] ?? null)).map((f) => f.name);
    if (fields.length) this.out.changed.push({ id: k, fields });
  }
  finish(): TableDiff {
    for (const k of this.prev.keys()) if (!this.seen.has(k)) this.out.removed.push(k);
    this.out.removed.sort();
    return this.out;
  }
}

/** Rows keyed by primary key: added, removed, and changed with the columns that changed. */
export function diffRows(table: TableSpec, rows: readonly Row[], previous: PreviousTable | undefined): TableDiff {
  const d = new RowDiffer(table, previous);
  for (const r of rows) d.add(r);
  return d.finish();
}

export function nextVersion(previous: string, bump: Bump): string {
  const [a, b, c] = previous.split('.').map(Number) as [number, number, number];
  if (bump === 'major') return `${a + 1}.0.0`;
  if (bump === 'minor') return `${a}.${b + 1}.0`;
  if (bump === 'patch') return `${a}.${b}.${c + 1}`;
  return previous;
}

export function compareVersions(x: string, y: string): number {
  const a = x.split('.').map(Number);
  const b = y.split('.').map(Number);
  for (let i = 0; i < 3; i++) if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) - (b[i] ?? 0);
  return 0;
}

/** Which tables' removed rows count as withdrawn ids (entities, not link rows). */
const ENTITY_TABLES = new Set(['statements', 'documents', 'places', 'actors']);

/** `tables` are diffed; `allTables` (default: the same) are the tables the release has, for spotting removed ones; `known` are diffs already made (a streamed table). */
export function diffRelease(tables: readonly TableSpec[], rows: Record<string, readonly Row[]>, previous: PreviousRelease | undefined, version: string, allTables: readonly TableSpec[] = tables, known: Record<string, TableDiff> = {}): ReleaseDiff {
  const schema: SchemaChange[] = [];
  const diffs: Record<string, TableDiff> = {};
  let bump: Bump = previous ? 'none' : 'major';
  const reasons: string[] = previous ? [] : ['first release'];
  for (const t of tables) {
    const prev = previous?.tables.get(t.name);
    if (previous) schema.push(...diffSchema(t, prev));
    diffs[t.name] = known[t.name] ?? diffRows(t, rows[t.name] ?? [], prev);
  }
  if (previous) {
    for (const name of previous.tables.keys()) if (!allTables.some((t) => t.name === name)) schema.push({ table: name, change: 'table removed', bump: 'major' });
    for (const c of schema) {
      bump = max(bump, c.bump);
      if (c.bump !== 'patch') reasons.push(`${c.table}${c.field ? `.${c.field}` : ''}: ${c.change} (${c.bump})`);
    }
    for (const [name, d] of Object.entries(diffs)) {
      if (name === 'withdrawn_ids') continue;
      if (d.removed.length && ENTITY_TABLES.has(name)) {
        bump = max(bump, 'major');
        reasons.push(`${name}: ${d.removed.length} id(s) withdrawn (major)`);
      } else if (d.removed.length) {
        bump = max(bump, 'patch');
        reasons.push(`${name}: ${d.removed.length} link row(s) removed (patch: corrections)`);
      }
      if (d.added.length) {
        bump = max(bump, 'minor');
        reasons.push(`${name}: ${d.added.length} row(s) added (minor)`);
      }
      if (d.changed.length) {
        bump = max(bump, 'patch');
        reasons.push(`${name}: ${d.changed.length} row(s) corrected (patch)`);
      }
    }
    if (bump === 'none' && schema.some((c) => c.bump === 'patch')) bump = 'patch';
  }
  return { from: previous?.version ?? null, to: version, bump, reasons, schema, tables: diffs };
}
