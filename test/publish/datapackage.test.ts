import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { Ajv } from 'ajv';
import formatsPlugin from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { buildRelease } from '../../pipeline/publish/index.ts';
import { checkTables, type ResourceData } from '../../pipeline/publish/tablecheck.ts';
import { input } from './fixtures.ts';

// The Frictionless profiles are draft-07: a second, draft-07 Ajv instance (the project's record
// schemas use a 2020-12 one). The profile has annotation keywords Ajv does not know.
// ajv-formats is CommonJS: under NodeNext its plugin may sit on `.default`
const addFormats = ((formatsPlugin as unknown as { default?: unknown }).default ?? formatsPlugin) as (a: Ajv) => Ajv;

function profileValidator(file: string) {
  const ajv = new Ajv({ strict: true, strictTypes: false, strictRequired: false, allErrors: true });
  addFormats(ajv);
  ajv.addVocabulary(['item']); // the stray keyword of the published fieldsMatch
  ajv.addFormat('textarea', true);
  return ajv.compile(JSON.parse(readFileSync(new URL(`../../schemas/frictionless/${file}`, import.meta.url), 'utf8')));
}

const dec = new TextDecoder();
const release = buildRelease(input());
const dp = JSON.parse(dec.decode(release.files.get('datapackage.json'))) as { resources: Array<{ name: string; path: string; bytes: number; hash: string; schema?: ResourceData['schema'] }> };

function resources(files: Map<string, Uint8Array>): ResourceData[] {
  const d = JSON.parse(dec.decode(files.get('datapackage.json'))) as typeof dp;
  return d.resources.filter((r) => r.schema).map((r) => ({ name: r.name, schema: r.schema!, cells: parse(dec.decode(files.get(r.path)), { relax_column_count: true }) as string[][] }));
}

describe('datapackage.json', () => {
  it('is valid against the Data Package v2.0 profile with the List field of the v2 specification', () => {
    const validate = profileValidator('datapackage-2.0-list.json');
    expect(validate(dp), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
  });

  it('fails the published 2.0 profile only at the list fields, which that profile omits', () => {
    const validate = profileValidator('datapackage-2.0.json');
    expect(validate(dp)).toBe(false);
    const bad = new Set((validate.errors ?? []).map((e: { instancePath: string }) => e.instancePath.match(/^\/resources\/\d+\/schema\/fields\/\d+/)?.[0]).filter((p: string | undefined): p is string => !!p));
    const fieldAt = (p: string) => {
      const [, r, f] = p.match(/resources\/(\d+)\/schema\/fields\/(\d+)/)!;
      return (dp.resources[Number(r)]!.schema!.fields[Number(f)] as { type: string }).type;
    };
    expect([...bad].map((p) => fieldAt(p))).toEqual(expect.arrayContaining(['list']));
    expect(new Set([...bad].map((p) => fieldAt(p)))).toEqual(new Set(['list']));
  });

  it('gives every resource its bytes and sha256', async () => {
    const { createHash } = await import('node:crypto');
    for (const r of dp.resources) {
      const b = release.files.get(r.path)!;
      expect(r.bytes).toBe(b.byteLength);
      expect(r.hash).toBe(`sha256:${createHash('sha256').update(b).digest('hex')}`);
    }
  });

  it('declares licence and attributed sources', () => {
    const d = dp as unknown as { licenses: Array<{ name: string }>; sources: Array<{ title: string; attribution?: string }> };
    expect(d.licenses[0]!.name).toBe('CC-BY-SA-4.0');
    expect(d.sources.length).toBe(2);
    expect(d.sources.some((s) => s.attribution === 'Example News contributors')).toBe(true);
  });
});

describe('the data against its Table Schemas', () => {
  it('has unique keys, resolving foreign keys and values in their categories', () => {
    expect(checkTables(resources(release.files))).toEqual([]);
  });

  it('catches a duplicate key, a dangling foreign key and a value outside its categories', () => {
    const res = resources(release.files);
    const st = res.find((r) => r.name === 'statements')!;
    const h = st.cells[0]!;
    st.cells.push([...st.cells[1]!]); // duplicate statement
    st.cells[2]![h.indexOf('date_precision')] = 'fortnight';
    st.cells[3]![h.indexOf('document_id')] = 'no-such-doc';
    const rules = checkTables(res).map((v) => v.rule).sort();
    expect(rules).toEqual(['categories', 'foreign-key', 'primary-key']);
  });

  it('reports links to unknown gazetteer ids instead of publishing dangling keys', () => {
    const inp = input();
    inp.statements[0]!.places.push({ id: 'atlantis', text: 'Homs', span: inp.statements[0]!.places[0]!.span });
    const r = buildRelease(inp);
    expect(r.messages.map((m) => m.ruleId)).toContain('publish-unknown-entity');
    expect(checkTables(resources(r.files))).toEqual([]);
  });
});

describe('SHA256SUMS', () => {
  it('covers every other file, sorted, in coreutils format', async () => {
    const { createHash } = await import('node:crypto');
    const lines = dec.decode(release.files.get('SHA256SUMS')).trimEnd().split('\n');
    const names = lines.map((l) => l.split('  ')[1]);
    expect(names).toEqual([...release.files.keys()].filter((k) => k !== 'SHA256SUMS').sort());
    for (const l of lines) {
      const [h, n] = l.split('  ');
      expect(createHash('sha256').update(release.files.get(n!)!).digest('hex')).toBe(h);
    }
  });
});
