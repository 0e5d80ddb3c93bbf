// Checks table data against its Table Schema descriptor, as a Frictionless validator would:
// header = fields in order, types, required, pattern, minimum, categories, primary-key
// uniqueness and foreign keys. It reads the published descriptor and the cells as strings, as a
// CSV reader gets them back (publish passes the formatted cells of the rows it just wrote).

export interface Violation {
  resource: string;
  row?: number; // 1 = first data row
  field?: string;
  rule: string;
  detail: string;
}

interface FieldDescriptor {
  name: string;
  type: string;
  delimiter?: string;
  categories?: Array<string | number>;
  constraints?: { required?: boolean; pattern?: string; minimum?: number };
}

interface SchemaDescriptor {
  fields: FieldDescriptor[];
  missingValues?: string[];
  primaryKey?: string[];
  foreignKeys?: Array<{ fields: string[]; reference: { resource?: string; fields: string[] } }>;
}

export interface ResourceData {
  name: string;
  schema: SchemaDescriptor;
  /** header row first, then data rows, all cells as read from the CSV */
  cells: string[][];
}

const isCalendarDate = (v: string) => /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v);
/** Dates already found valid: a release repeats the same few thousand days. */
const VALID_DATES = new Set<string>();

const TYPE_CHECKS: Record<string, (v: string) => boolean> = {
  string: () => true,
  integer: (v) => /^-?[0-9]+$/.test(v),
  number: (v) => /^-?[0-9]+(\.[0-9]+)?$/.test(v),
  date: (v) => VALID_DATES.has(v) || (isCalendarDate(v) && VALID_DATES.add(v) !== undefined),
  list: () => true,
};

interface ResourceState {
  name: string;
  schema: SchemaDescriptor;
  names: string[];
  missing: Set<string>;
  checks: Array<{ f: FieldDescriptor; type: (v: string) => boolean; pattern?: RegExp; categories?: Set<string> }>;
  rows: number;
  violations: Violation[];
  /** after the row violations, as checkTables lists them */
  pkViolations: Violation[];
  pkIndex?: number[];
  pkSeen?: Set<string>;
  /** foreign keys: the column indexes, and the values to look up once every table is read */
  fks: Array<{ fk: NonNullable<SchemaDescriptor['foreignKeys']>[number]; idx: number[]; values: Array<[number, string]> }>;
}

/**
 * The same checks fed a row at a time (a release's tables need not be in memory): `header`
 * once per resource, then `row` for each data row, then `finish` for the key checks. Violations
 * come out in the order `checkTables` gives them.
 */
/** A schema's per-field checks, compiled once per schema object (a release checks every document's rows against the same few). */
const compiled = new WeakMap<SchemaDescriptor, ResourceState['checks']>();
function checksOf(schema: SchemaDescriptor): ResourceState['checks'] {
  let c = compiled.get(schema);
  if (!c) {
    c = schema.fields.map((f) => ({
      f,
      type: TYPE_CHECKS[f.type] ?? (() => false),
      ...(f.constraints?.pattern ? { pattern: new RegExp(`^(?:${f.constraints.pattern})$`, 'u') } : {}),
      ...(f.categories ? { categories: new Set(f.categories.map(String)) } : {}),
    }));
    compiled.set(schema, c);
  }
  return c;
}

export class TableChecker {
  private readonly state = new Map<string, ResourceState>();
  private readonly order: string[] = [];

  constructor(resources: Array<{ name: string; schema: SchemaDescriptor }>) {
    for (const r of resources) {
      this.order.push(r.name);
      this.state.set(r.name, {
        name: r.name,
        schema: r.schema,
        names: r.schema.fields.map((f) => f.name),
        missing: new Set(r.schema.missingValues ?? ['']),
        // per field, compiled once: the type test, the pattern, the categories (a release has ~5M cells)
        checks: checksOf(r.schema),
        rows: 0,
        violations: [],
        pkViolations: [],
        fks: [],
      });
    }
  }

  header(name: string, header: string[]): void {
    const st = this.state.get(name);
    if (!st) return;
    if (header.join(',') !== st.names.join(',')) st.violations.push({ resource: name, rule: 'header', detail: `header ${header.join(',')} differs from the schema's fields ${st.names.join(',')}` });
    const index = (fields: string[]) => {
      const idx = fields.map((f) => header.indexOf(f));
      return idx.some((i) => i < 0) ? undefined : idx;
    };
    const pk = st.schema.primaryKey;
    if (pk?.length) {
      const idx = index(pk);
      st.pkSeen = new Set();
      if (idx) st.pkIndex = idx;
    }
    for (const fk of st.schema.foreignKeys ?? []) {
      const idx = index(fk.fields);
      if (idx) st.fks.push({ fk, idx, values: [] });
      else st.fks.push({ fk, idx: [], values: [] });
    }
  }

  /** Keys a resource is known to have, without reading its rows (the entities a document's rows refer to). */
  seedKeys(name: string, keys: Iterable<string>): void {
    const st = this.state.get(name);
    if (!st?.pkSeen) return;
    for (const k of keys) st.pkSeen.add(k);
  }

  row(name: string, row: string[]): void {
    const st = this.state.get(name);
    if (!st) return;
    const i = st.rows++;
    const out = st.violations;
    if (row.length !== st.names.length) out.push({ resource: name, row: i + 1, rule: 'field-count', detail: `${row.length} cells, expected ${st.names.length}` });
    const checks = st.checks;
    for (let j = 0; j < checks.length; j++) {
      const { f, type, pattern, categories } = checks[j]!;
      const v = row[j] ?? '';
      if (st.missing.has(v)) {
        if (f.constraints?.required) out.push({ resource: name, row: i + 1, field: f.name, rule: 'required', detail: 'missing value in a required field' });
        continue;
      }
      // (no closure or array per cell: a release has millions of cells, nearly all valid)
      const list = f.type === 'list';
      const items = list ? v.split(f.delimiter ?? ',') : undefined;
      if (items && items.some((x) => x === '')) out.push({ resource: name, row: i + 1, field: f.name, rule: 'list-item', detail: `empty item in ${JSON.stringify(v)}` });
      if (!type(v)) out.push({ resource: name, row: i + 1, field: f.name, rule: 'type', detail: `${JSON.stringify(v)} is not a ${f.type}` });
      if (pattern && !(items ? items.every((x) => pattern.test(x)) : pattern.test(v))) out.push({ resource: name, row: i + 1, field: f.name, rule: 'pattern', detail: `${JSON.stringify(v)} does not match ${f.constraints?.pattern}` });
      const min = f.constraints?.minimum;
      if (min !== undefined && Number(v) < min) out.push({ resource: name, row: i + 1, field: f.name, rule: 'minimum', detail: `${v} < ${min}` });
      if (categories && !(items ? items.every((x) => categories.has(x)) : categories.has(v))) out.push({ resource: name, row: i + 1, field: f.name, rule: 'categories', detail: `${JSON.stringify(v)} is not one of ${f.categories!.join(', ')}` });
    }
    if (st.pkIndex && st.pkSeen) {
      const k = st.pkIndex.map((c) => row[c] ?? '').join('\u0000');
      if (st.pkSeen.has(k)) st.pkViolations.push({ resource: name, row: i + 1, field: st.schema.primaryKey!.join('+'), rule: 'primary-key', detail: `duplicate key ${JSON.stringify(k.split('\u0000'))}` });
      st.pkSeen.add(k);
    }
    for (const fk of st.fks) {
      if (!fk.idx.length) continue;
      const k = fk.idx.map((c) => row[c] ?? '').join('\u0000');
      if (k.split('\u0000').every((x) => x === '')) continue; // null reference
      // a reference to a key already read is settled now; only the rest wait for `finish`
      const target = this.state.get(fk.fk.reference.resource || name);
      if (target?.pkSeen && target.pkIndex && fk.fk.reference.fields.join(',') === target.schema.primaryKey?.join(',') && target.pkSeen.has(k)) continue;
      fk.values.push([i + 1, k]);
    }
  }

  finish(): Violation[] {
    const out: Violation[] = [];
    for (const name of this.order) {
      const st = this.state.get(name) as ResourceState;
      out.push(...st.violations, ...st.pkViolations);
    }
    for (const name of this.order) {
      const st = this.state.get(name) as ResourceState;
      for (const { fk, idx, values } of st.fks) {
        const target = this.state.get(fk.reference.resource || name);
        if (!target) {
          out.push({ resource: name, rule: 'foreign-key', detail: `no resource ${fk.reference.resource}` });
          continue;
        }
        if (!idx.length) continue;
        // (every foreign key of the contract references a primary key; anything else finds nothing)
        const keys = fk.reference.fields.join(',') === target.schema.primaryKey?.join(',') && target.pkIndex ? target.pkSeen : undefined;
        for (const [row, k] of values) {
          if (!keys?.has(k)) out.push({ resource: name, row, field: fk.fields.join('+'), rule: 'foreign-key', detail: `${JSON.stringify(k.split('\u0000'))} not found in ${target.name}` });
        }
      }
    }
    return out;
  }
}

export function checkTables(resources: ResourceData[]): Violation[] {
  const checker = new TableChecker(resources);
  for (const r of resources) {
    checker.header(r.name, r.cells[0] ?? []);
    for (let i = 1; i < r.cells.length; i++) checker.row(r.name, r.cells[i] as string[]);
  }
  return checker.finish();
}
