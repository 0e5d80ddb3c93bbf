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

export function checkTables(resources: ResourceData[]): Violation[] {
  const out: Violation[] = [];
  const keySets = new Map<string, Set<string>>(); // `${resource}\u0000${fields}` -> values
  const byName = new Map(resources.map((r) => [r.name, r]));

  const columnValues = (r: ResourceData, fields: string[]): string[] | undefined => {
    const header = r.cells[0] ?? [];
    const idx = fields.map((f) => header.indexOf(f));
    if (idx.some((i) => i < 0)) return undefined;
    return r.cells.slice(1).map((row) => idx.map((i) => row[i] ?? '').join('\u0000'));
  };

  for (const r of resources) {
    const header = r.cells[0] ?? [];
    const names = r.schema.fields.map((f) => f.name);
    if (header.join(',') !== names.join(',')) out.push({ resource: r.name, rule: 'header', detail: `header ${header.join(',')} differs from the schema's fields ${names.join(',')}` });
    const missing = new Set(r.schema.missingValues ?? ['']);
    // per field, compiled once: the type test, the pattern, the categories (a release has ~5M cells)
    const checks = r.schema.fields.map((f) => ({
      f,
      type: TYPE_CHECKS[f.type] ?? (() => false),
      pattern: f.constraints?.pattern ? new RegExp(`^(?:${f.constraints.pattern})$`, 'u') : undefined,
      categories: f.categories ? new Set(f.categories.map(String)) : undefined,
    }));
    r.cells.slice(1).forEach((row, i) => {
      if (row.length !== names.length) out.push({ resource: r.name, row: i + 1, rule: 'field-count', detail: `${row.length} cells, expected ${names.length}` });
      checks.forEach(({ f, type, pattern, categories }, j) => {
        const v = row[j] ?? '';
        const at = () => ({ resource: r.name, row: i + 1, field: f.name });
        if (missing.has(v)) {
          if (f.constraints?.required) out.push({ ...at(), rule: 'required', detail: 'missing value in a required field' });
          return;
        }
        const items = f.type === 'list' ? v.split(f.delimiter ?? ',') : [v];
        if (f.type === 'list' && items.some((x) => x === '')) out.push({ ...at(), rule: 'list-item', detail: `empty item in ${JSON.stringify(v)}` });
        if (!type(v)) out.push({ ...at(), rule: 'type', detail: `${JSON.stringify(v)} is not a ${f.type}` });
        if (pattern && !items.every((x) => pattern.test(x))) out.push({ ...at(), rule: 'pattern', detail: `${JSON.stringify(v)} does not match ${f.constraints?.pattern}` });
        const min = f.constraints?.minimum;
        if (min !== undefined && Number(v) < min) out.push({ ...at(), rule: 'minimum', detail: `${v} < ${min}` });
        if (categories && !items.every((x) => categories.has(x))) out.push({ ...at(), rule: 'categories', detail: `${JSON.stringify(v)} is not one of ${f.categories!.join(', ')}` });
      });
    });
    const pk = r.schema.primaryKey;
    if (pk?.length) {
      const values = columnValues(r, pk);
      const seen = new Set<string>();
      values?.forEach((k, i) => {
        if (seen.has(k)) out.push({ resource: r.name, row: i + 1, field: pk.join('+'), rule: 'primary-key', detail: `duplicate key ${JSON.stringify(k.split('\u0000'))}` });
        seen.add(k);
      });
      keySets.set(`${r.name}\u0000${pk.join(',')}`, seen);
    }
  }

  for (const r of resources) {
    for (const fk of r.schema.foreignKeys ?? []) {
      const target = byName.get(fk.reference.resource || r.name);
      if (!target) {
        out.push({ resource: r.name, rule: 'foreign-key', detail: `no resource ${fk.reference.resource}` });
        continue;
      }
      const cacheKey = `${target.name}\u0000${fk.reference.fields.join(',')}`;
      let targets = keySets.get(cacheKey);
      if (!targets) keySets.set(cacheKey, (targets = new Set(columnValues(target, fk.reference.fields) ?? [])));
      columnValues(r, fk.fields)?.forEach((k, i) => {
        if (k.split('\u0000').every((x) => x === '')) return; // null reference
        if (!targets!.has(k)) out.push({ resource: r.name, row: i + 1, field: fk.fields.join('+'), rule: 'foreign-key', detail: `${JSON.stringify(k.split('\u0000'))} not found in ${target.name}` });
      });
    }
  }
  return out;
}
