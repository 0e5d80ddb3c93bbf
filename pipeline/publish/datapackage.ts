// Frictionless Data Package v2 descriptor, generated from the table declarations in model.ts.
import type { FieldSpec, TableSpec } from './model.ts';
import type { ReleaseDocumentMeta } from './rows.ts';

export const PACKAGE_NAME = 'homs-timeline';
export const PROFILE = 'https://datapackage.org/profiles/2.0/datapackage.json';
export const DATASET_LICENCE = {
  name: 'CC-BY-SA-4.0',
  path: 'https://creativecommons.org/licenses/by-sa/4.0/',
  title: 'Creative Commons Attribution-ShareAlike 4.0 International',
};

/** A Table Schema field descriptor. */
export function fieldDescriptor(f: FieldSpec): Record<string, unknown> {
  const out: Record<string, unknown> = { name: f.name, type: f.type, description: f.description, example: f.example };
  if (f.type === 'list') {
    out.delimiter = f.delimiter ?? ';';
    out.itemType = f.itemType ?? 'string';
  }
  if (f.categories) out.categories = f.type === 'integer' ? f.categories.map(Number) : [...f.categories];
  const constraints: Record<string, unknown> = {};
  if (f.required) constraints.required = true;
  if (f.pattern) constraints.pattern = f.pattern;
  if (f.minimum !== undefined) constraints.minimum = f.minimum;
  if (Object.keys(constraints).length) out.constraints = constraints;
  return out;
}

export function tableSchema(t: TableSpec): Record<string, unknown> {
  const schema: Record<string, unknown> = {
    fields: t.fields.map(fieldDescriptor),
    missingValues: [''],
    primaryKey: [...t.primaryKey],
  };
  if (t.foreignKeys.length) {
    schema.foreignKeys = t.foreignKeys.map((fk) => ({
      fields: [...fk.fields],
      // a self-reference omits `resource` (Table Schema v2)
      reference: fk.resource ? { resource: fk.resource, fields: [...fk.referenceFields] } : { fields: [...fk.referenceFields] },
    }));
  }
  return schema;
}

export interface FileFacts {
  bytes: number;
  sha256: string;
}

export interface PackageInput {
  version: string;
  created: string; // RFC 3339
  tables: readonly TableSpec[];
  files: Map<string, FileFacts>; // resource path -> facts
  documents: readonly ReleaseDocumentMeta[];
  temporalCoverage?: string;
  extraResources?: Array<{ name: string; path: string; format: string; mediatype: string; description: string }>;
}

export function buildDatapackage(input: PackageInput): Record<string, unknown> {
  const facts = (path: string) => {
    const f = input.files.get(path);
    if (!f) throw new Error(`internal: no bytes for ${path}`);
    return { bytes: f.bytes, hash: `sha256:${f.sha256}` };
  };
  const sorted = [...input.documents].sort((a, b) => (a.entry.id < b.entry.id ? -1 : a.entry.id > b.entry.id ? 1 : 0));
  return {
    $schema: PROFILE,
    name: PACKAGE_NAME,
    id: 'https://w3id.org/homs-timeline/dataset',
    title: 'Siege of Homs (2011-2014): dated statements from pinned public text',
    description:
      'Every sentence of the pinned source documents that says something happened at a time, with the time normalised (EDTF, inclusive start and end dates, precision, qualifier, the rule that resolved it), the places and actors it names linked to a gazetteer (with coordinates, Wikidata and GeoNames identifiers where a cited public source gives them), who claims it, the casualties it reports, and the exact character span it came from. Claims are kept as attributed claims, never merged. See README.md for the column dictionary and conventions.',
    version: input.version,
    created: input.created,
    ...(input.temporalCoverage ? { temporalCoverage: input.temporalCoverage } : {}),
    keywords: ['Syria', 'Homs', 'siege', 'conflict events', 'event data', 'temporal expressions', 'EDTF', 'provenance'],
    contributors: [{ title: 'homs-timeline contributors', roles: ['creator'] }],
    licenses: [DATASET_LICENCE],
    sources: sorted.map((d) => {
      const e = d.entry;
      const src: Record<string, unknown> = { title: e.title ?? d.title ?? e.id };
      if (e.url) src.path = e.url;
      if (e.retrieved) src.version = `retrieved ${e.retrieved}, sha256 ${e.sha256}`;
      if (e.publisher) src.publisher = e.publisher;
      if (e.licence) src.license = e.licence;
      if (e.attribution) src.attribution = e.attribution;
      return src;
    }),
    resources: [
      ...input.tables.map((t) => ({
        name: t.name,
        path: `${t.name}.csv`,
        type: 'table',
        title: t.title,
        description: t.description,
        format: 'csv',
        mediatype: 'text/csv',
        encoding: 'utf-8',
        ...facts(`${t.name}.csv`),
        dialect: { header: true, delimiter: ',', lineTerminator: '\r\n', quoteChar: '"', doubleQuote: true },
        schema: tableSchema(t),
      })),
      ...(input.extraResources ?? []).map((r) => ({ name: r.name, path: r.path, description: r.description, format: r.format, mediatype: r.mediatype, ...facts(r.path) })),
    ],
  };
}
