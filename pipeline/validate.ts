// The validate stage: every record is checked against its JSON Schema by one strict Ajv
// instance (draft 2020-12, all errors), compiled once. Each problem is a message placed at the
// record's source position, with the JSON Pointer of the offending value.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ErrorObject, ValidateFunction } from 'ajv';
import formatsPlugin from 'ajv-formats';
import type { Message, Point } from './types.ts';
import { message } from './diagnostics.ts';

export const SCHEMA_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'schemas');
const SCHEMA_BASE = 'https://homs-timeline.example/schemas/';

let ajv: Ajv2020 | undefined;

/** The one Ajv instance, with every schema of schemas/ added under its `$id`. */
export function schemaRegistry(): Ajv2020 {
  if (ajv) return ajv;
  ajv = new Ajv2020({ strict: true, allErrors: true, allowUnionTypes: false, verbose: true });
  // ajv-formats is CommonJS: its plugin is the module itself or its default export.
  const addFormats = ((formatsPlugin as unknown as { default?: unknown }).default ?? formatsPlugin) as (a: Ajv2020) => Ajv2020;
  addFormats(ajv);
  for (const f of readdirSync(SCHEMA_DIR).filter((x) => x.endsWith('.schema.json')).sort()) {
    const schema = JSON.parse(readFileSync(join(SCHEMA_DIR, f), 'utf8')) as { $id?: string };
    ajv.addSchema(schema, schema.$id ?? SCHEMA_BASE + f);
  }
  return ajv;
}

const compiled = new Map<string, ValidateFunction>();

export function validator(schemaFile: string): ValidateFunction {
  let v = compiled.get(schemaFile);
  if (!v) {
    v = schemaRegistry().getSchema(SCHEMA_BASE + schemaFile);
    if (!v) throw new Error(`No schema ${schemaFile} in ${SCHEMA_DIR}`);
    compiled.set(schemaFile, v);
  }
  return v;
}

export interface RecordPlace {
  file: string;
  start?: Point;
  end?: Point;
  /** What the record is, for the message (`statement st-…`). */
  label: string;
}

/** Validate one record; every Ajv error becomes a message at the record's place. */
export function validateRecord(schemaFile: string, record: unknown, at: RecordPlace): Message[] {
  const v = validator(schemaFile);
  if (v(record)) return [];
  return (v.errors ?? []).map((e) => errorMessage(e, schemaFile, at));
}

function errorMessage(e: ErrorObject, schemaFile: string, at: RecordPlace): Message {
  const pointer = e.instancePath || '/';
  const value = JSON.stringify(e.data)?.slice(0, 60) ?? 'undefined';
  const params = e.params as Record<string, unknown>;
  const reason =
    e.keyword === 'required'
      ? `Unexpected missing property \`${String(params.missingProperty)}\` in ${pointer} of ${at.label}, expected it to be present`
      : e.keyword === 'additionalProperties'
        ? `Unexpected property \`${String(params.additionalProperty)}\` in ${pointer} of ${at.label}, expected only the properties the schema defines`
        : `Unexpected value ${value} at ${pointer} of ${at.label}: ${e.message ?? 'invalid'}${'allowedValues' in params ? ` (${(params.allowedValues as unknown[]).join(', ')})` : ''}`;
  const m = message({
    reason,
    ruleId: `schema-${e.keyword}`,
    stage: 'validate',
    file: at.file,
    severity: 'error',
    expected: `${schemaFile}${e.schemaPath}`,
    actual: JSON.stringify(e.data)?.slice(0, 200) ?? 'undefined',
    pointer,
  });
  if (at.start && at.end) m.place = { start: at.start, end: at.end };
  return m;
}
