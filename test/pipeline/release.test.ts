// The whole chain on the seeds: every published statement slices back to its text in the raw
// file, by Unicode code point offsets, as Python or R would slice it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadGazetteer, releaseInput } from '../../pipeline/build.ts';
import { buildRelease } from '../../pipeline/publish/index.ts';
import { build } from './helpers.ts';

describe('release built from raw/', () => {
  let rows: Record<string, string>[] = [];
  let files: Map<string, Uint8Array>;
  beforeAll(async () => {
    const outcome = await build('raw');
    expect(outcome.publishable).toBe(true);
    files = buildRelease(releaseInput(outcome, 'raw', loadGazetteer(), '0.1.0')).files;
    rows = parse(Buffer.from(files.get('statements.csv')!), { columns: true }) as Record<string, string>[];
  });

  it('publishes statements from every seed document', () => {
    expect(new Set(rows.map((r) => r.document_id))).toEqual(
      new Set(['wcep-2014-02-07-homs-civilians-evacuated', 'wikipedia-siege-of-homs', 'sbs-2014-05-07-homs-evacuation-begins']),
    );
    expect(rows.length).toBeGreaterThan(250);
  });

  it('gives char_start/char_end that slice the raw file to exactly the statement text (code points)', () => {
    const raw = new Map<string, string[]>();
    const sources = JSON.parse(readFileSync('raw/sources.json', 'utf8')) as { documents: { id: string; path: string }[] };
    for (const d of sources.documents) raw.set(d.id, Array.from(readFileSync(join('raw', d.path), 'utf8')));
    for (const r of rows) {
      const chars = raw.get(r.document_id!)!;
      expect(chars.slice(Number(r.char_start), Number(r.char_end)).join('')).toBe(r.text);
    }
  });

  it('dates every statement with an inclusive span and a verbatim expression', () => {
    for (const r of rows) {
      expect(r.date_start! <= r.date_end!).toBe(true);
      expect(r.date_text).not.toBe('');
      expect(r.date_rule).toMatch(/^[a-z0-9][a-z0-9.+-]*$/);
    }
  });

  it('is deterministic: a second build gives the same bytes', async () => {
    const again = buildRelease(releaseInput(await build('raw'), 'raw', loadGazetteer(), '0.1.0')).files;
    expect([...again.keys()]).toEqual([...files.keys()]);
    for (const [name, bytes] of files) expect(Buffer.from(again.get(name)!).equals(Buffer.from(bytes)), name).toBe(true);
  });
});

describe('release built from HTML documents (regression: publish rejected every HTML statement)', () => {
  it('publishes HTML statements with spans of the raw markup and the visible text', async () => {
    const raw = 'test/fixtures/html';
    const outcome = await build(raw);
    const release = buildRelease(releaseInput(outcome, raw, loadGazetteer(), '0.1.0'));
    expect(release.messages.filter((m) => m.severity === 'error')).toEqual([]);
    const rows = parse(Buffer.from(release.files.get('statements.csv')!), { columns: true }) as Record<string, string>[];
    const html = Array.from(readFileSync(join(raw, 'wikipedia-article.html'), 'utf8'));
    const assault = rows.find((r) => r.text === 'On 19 May 2013, the Syrian Army and Hezbollah launched an assault.')!;
    const span = html.slice(Number(assault.char_start), Number(assault.char_end)).join('');
    expect(span.startsWith('On 19 May 2013, the <a href="/wiki/Syrian_Army">Syrian Army</a>')).toBe(true);
    expect(span.endsWith('launched an assault.')).toBe(true);
    expect(rows.find((r) => r.text === 'Rebels held out for weeks & the town fell on 5 June.')?.date_start).toBe('2013-06-05');
  });
});
