// Bad input never crashes a build and never loses data: each case gets a diagnostic naming the
// file, the place and the reason, and the good document beside it is built exactly as alone.
import { readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatMessage } from '../../pipeline/diagnostics.ts';
import type { Message } from '../../pipeline/types.ts';
import { build, entryFor, tempRaw } from './helpers.ts';

const GOOD = readFileSync('raw/sbs-2014-05-07-homs-evacuation-begins.txt');
const goodEntry = entryFor('good', 'good.txt', GOOD, { kind: 'news-text', published: '2014-05-07T21:01+10:00' });

async function goodAlone() {
  const dir = tempRaw({ 'good.txt': GOOD, 'sources.json': JSON.stringify({ documents: [goodEntry] }) });
  return (await build(dir)).good[0]!.statements;
}
const alone = goodAlone();

/** Build good.txt beside `files`; return the outcome and the printed diagnostics (paths relative to the raw folder). */
async function withNeighbour(files: Record<string, string | Uint8Array>, entries: Record<string, unknown>[] = [], skipBad = false) {
  const manifest = { documents: [goodEntry, ...entries] };
  const dir = tempRaw({ 'good.txt': GOOD, 'sources.json': JSON.stringify(manifest, null, 1), ...files });
  const outcome = await build(dir, skipBad);
  const printed = outcome.messages.map((m: Message) => formatMessage(m).split(dir + '/').join(''));
  return { outcome, printed, dir };
}

async function expectGoodUnchanged(outcome: Awaited<ReturnType<typeof withNeighbour>>['outcome']) {
  const good = outcome.results.find((r) => r.entry.id === 'good')!;
  expect(good.statements).toEqual(await alone);
}

describe('bad documents beside a good one', () => {
  it.each([
    ['an empty file', 'empty.txt', new Uint8Array(0), 'empty.txt:1:1: Unexpected empty file, expected a document [decode-empty]'],
    ['a binary file with NUL bytes', 'image.txt', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13]), 'image.txt:1:1-1:1: Unexpected NUL byte at byte 4, expected text: this looks like a binary file [decode-binary]'],
    ['invalid UTF-8', 'latin1.txt', Buffer.from([0x4f, 0x6e, 0x20, 0x38, 0x20, 0x4d, 0x61, 0x79, 0xe9, 0x20]), 'latin1.txt:1:1-1:1: Unexpected byte 0xe9 at byte 8, expected valid UTF-8 [decode-invalid-utf8]'],
    ['UTF-16 with a BOM', 'utf16.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('On 8 May 2011 the army entered.', 'utf16le')]), 'utf16.txt:1:1-1:1: Unexpected UTF-16 byte-order mark (little-endian), expected UTF-8: convert the file with `iconv -f UTF-16 -t UTF-8` [decode-utf16]'],
    ['a format that cannot be recognised', 'data.json', '{"events": [1, 2, 3]}', 'data.json:1:1: Unexpected JSON content, expected a document in a known format (Current Events markdown, Wikipedia text, news text, HTML, plain text); set `kind` in the manifest if this is wrong [ingest-unknown-format]'],
  ])('%s: an error, nothing published, the good document unchanged', async (_name, file, content, diagnostic) => {
    const { outcome, printed } = await withNeighbour({ [file]: content }, [entryFor(file.replace(/\W/g, '-'), file, content)]);
    expect(printed).toContain(diagnostic);
    expect(outcome.publishable).toBe(false);
    expect(outcome.skipped.map((s) => s.path)).toEqual([file]);
    await expectGoodUnchanged(outcome);
  });

  it('publishes without the bad document when asked to skip it, and lists it', async () => {
    const { outcome } = await withNeighbour({ 'empty.txt': '' }, [entryFor('empty', 'empty.txt', '')], true);
    expect(outcome.publishable).toBe(true);
    expect(outcome.good.map((r) => r.entry.id)).toEqual(['good']);
    expect(outcome.skipped).toEqual([{ id: 'empty', path: 'empty.txt', reasons: ['Unexpected empty file, expected a document [decode-empty]'] }]);
  });

  it('a document with no date at all is a warning, not an error', async () => {
    const text = 'A note about the city.\n\nIt has many old houses.\n';
    const { outcome, printed } = await withNeighbour({ 'nodate.txt': text }, [entryFor('nodate', 'nodate.txt', text)]);
    expect(printed).toContain('nodate.txt:1:1: Unexpected document with no dated statement, expected at least one sentence with a date [statements-none]');
    expect(outcome.publishable).toBe(true);
  });

  it('a document in another language is a warning: listed, with no statements made up from it', async () => {
    const fr = 'Violent bombardement à Homs\n\nLa ville rebelle de Homs a subi le plus violent bombardement par les forces du régime depuis cinq jours, qui a visé le quartier de Baba Amr, ont affirmé des militants le 7 février 2012. Le bombardement qui a commencé à l\'aube est le plus violent depuis cinq jours, selon les militants de la ville.\n';
    const { outcome, printed } = await withNeighbour({ 'fr.txt': fr }, [entryFor('fr', 'fr.txt', fr)]);
    expect(printed.join('\n')).toMatch(/fr\.txt:1:1: Unexpected language fr \(\d+ of its \d+ commonest words are that language's, 0 English\), expected English: .* \[language-not-english\]/);
    expect(outcome.publishable).toBe(true);
    const doc = outcome.results.find((r) => r.entry.id === 'fr')!;
    expect(doc.statements).toEqual([]);
    expect(doc.document?.id).toBe('fr');
    await expectGoodUnchanged(outcome);
    // the manifest's language is taken at its word
    const en = 'On 7 February 2012 the army shelled Baba Amr, activists said.\n';
    const tagged = await withNeighbour({ 'ar.txt': en }, [entryFor('ar', 'ar.txt', en, { language: 'ar' })]);
    expect(tagged.printed.join('\n')).toContain('ar.txt:1:1: Unexpected language ar (its sources.json entry says so)');
  });

  it('English text with names and quotations in other scripts stays English', async () => {
    const text = 'On 7 February 2012 the army shelled Baba Amr (بابا عمرو), activists said. The shelling of the district went on for the whole day and the night, and the residents of the city fled to the north.\n';
    const { outcome, printed } = await withNeighbour({ 'mixed.txt': text }, [entryFor('mixed', 'mixed.txt', text)]);
    expect(printed.join('\n')).not.toContain('language-not-english');
    expect(outcome.results.find((r) => r.entry.id === 'mixed')!.statements).toHaveLength(1);
  });

  it('CRLF and lone-CR line ends simply work: the same statements and dates as LF', async () => {
    const lf = GOOD.toString('utf8');
    for (const eol of ['\r\n', '\r']) {
      const text = lf.replace(/\n/g, eol);
      const { outcome } = await withNeighbour({ 'eol.txt': text }, [entryFor('eol', 'eol.txt', text, { kind: 'news-text', published: '2014-05-07T21:01+10:00' })]);
      const eolDoc = outcome.results.find((r) => r.entry.id === 'eol')!;
      expect(eolDoc.messages.filter((m) => m.severity === 'error')).toEqual([]);
      const strip = (s: { text: string; date: { start: string; end: string } }) => [s.text.replace(/\r\n?/g, '\n'), s.date.start, s.date.end];
      expect(eolDoc.statements.map(strip)).toEqual((await alone).map(strip));
      for (const s of eolDoc.statements) expect(text.slice(s.span.start, s.span.end)).toBe(s.text);
    }
  });

  it('an infobox with malformed lines and a heading with no text are warnings placed on their line', async () => {
    const text = '= Battle =\n\nInfobox\n- Date: 3 May 2012\nthis line is not a field\n\n== ==\nOn 4 May 2012 the army attacked.\n';
    const { outcome, printed } = await withNeighbour({ 'wiki.txt': text }, [entryFor('wiki', 'wiki.txt', text)]);
    expect(printed).toContain('wiki.txt:5:1-5:25: Unexpected infobox line `this line is not a field`, expected `- Key: value` [wikipedia-infobox-line]');
    expect(printed).toContain('wiki.txt:7:1-7:6: Unexpected heading with no text, expected a heading title between the `=` marks [wikipedia-empty-heading]');
    const wiki = outcome.results.find((r) => r.entry.id === 'wiki')!;
    expect(wiki.statements.map((s) => s.date.start)).toContain('2012-05-04');
    expect(outcome.publishable).toBe(true);
  });

  it('a single 5 MB line and a 50 MB document are processed without a crash', async () => {
    const base = readFileSync('../shared/corpus/wikiwars/01_WW2.txt', 'utf8');
    const line = base.replace(/\s+/g, ' ').repeat(Math.ceil(5e6 / base.length));
    const big = base.repeat(Math.ceil(50e6 / base.length));
    const { outcome } = await withNeighbour({ 'line.txt': line, 'big.txt': big }, [entryFor('line', 'line.txt', line), entryFor('big', 'big.txt', big)]);
    expect(outcome.messages.filter((m) => m.severity === 'error')).toEqual([]);
    expect(outcome.publishable).toBe(true);
    const bigDoc = outcome.results.find((r) => r.entry.id === 'big')!;
    expect(bigDoc.statements.length).toBeGreaterThan(1000);
    const last = bigDoc.statements[bigDoc.statements.length - 1]!;
    expect(big.slice(last.span.start, last.span.end)).toBe(last.text);
    expect(outcome.results.find((r) => r.entry.id === 'line')!.statements.length).toBeGreaterThan(0);
    await expectGoodUnchanged(outcome);
  }, 240_000);
});

describe('manifest problems', () => {
  it('invalid JSON: the place of the syntax error, and nothing published', async () => {
    const dir = tempRaw({ 'good.txt': GOOD, 'sources.json': '{\n  "documents": [\n    {"id": "good",}\n  ]\n}\n' });
    const outcome = await build(dir, true);
    const printed = outcome.messages.map((m) => formatMessage(m).split(dir + '/').join(''));
    expect(printed.some((p) => /^sources\.json:3:\d+-3:\d+: Unexpected invalid JSON in the manifest \(.*\), expected a JSON object \[manifest-json\]$/.test(p))).toBe(true);
    expect(outcome.publishable).toBe(false);
  });

  it('a missing required field rejects that entry alone', async () => {
    const { licence: _l, ...noLicence } = entryFor('second', 'second.txt', GOOD) as Record<string, unknown> & { licence: string };
    const { outcome, printed } = await withNeighbour({ 'second.txt': GOOD }, [noLicence]);
    expect(printed).toContain("sources.json:1:1: Unexpected missing property `licence` in /documents/1 of the manifest, expected it to be present [schema-required]");
    expect(outcome.skipped.map((s) => s.id)).toEqual(['second']);
    expect(outcome.publishable).toBe(false);
    await expectGoodUnchanged(outcome);
  });

  it('duplicate ids', async () => {
    const { outcome, printed } = await withNeighbour({ 'copy.txt': GOOD }, [entryFor('good', 'copy.txt', GOOD)]);
    expect(printed).toContain('sources.json:1:1: Unexpected duplicate id `good` in documents[1] (good), expected ids to be unique (first used by documents[0]) [manifest-duplicate-id]');
    expect(outcome.publishable).toBe(false);
    await expectGoodUnchanged(outcome);
  });

  it.each([
    ['../outside.txt', 'it leaves the raw folder'],
    ['/etc/passwd', 'it is absolute'],
  ])('a path that leaves the raw folder: %s', async (path, why) => {
    const { outcome, printed } = await withNeighbour({}, [entryFor('escape', path, 'x')]);
    expect(printed).toContain(`sources.json:1:1: Unexpected path \`${path}\` in documents[1] (escape): ${why}, expected a path inside the raw folder [manifest-path-outside]`);
    expect(outcome.publishable).toBe(false);
    expect(outcome.results.map((r) => r.entry.id)).toEqual(['good']);
  });

  it('a symbolic link to a file outside the raw folder is never read', async () => {
    const secret = tempRaw({ 'secret.txt': 'On 1 May 2011 a secret was kept.' });
    const dir = tempRaw({ 'good.txt': GOOD, 'sources.json': JSON.stringify({ documents: [goodEntry, entryFor('link', 'link.txt', 'x')] }) });
    symlinkSync(join(secret, 'secret.txt'), join(dir, 'link.txt'));
    const outcome = await build(dir);
    const printed = outcome.messages.map((m) => formatMessage(m).split(dir + '/').join(''));
    expect(printed).toContain('sources.json:1:1: Unexpected path `link.txt` in documents[1] (link): it is a symbolic link to a file outside the raw folder, expected a path inside the raw folder [manifest-path-outside]');
    expect(JSON.stringify(outcome.results)).not.toContain('secret was kept');
  });

  it('a listed file that is missing', async () => {
    const { outcome, printed } = await withNeighbour({}, [entryFor('gone', 'gone.txt', 'x')]);
    expect(printed).toContain('sources.json:1:1: Unexpected missing file `gone.txt` listed in documents[1] (gone), expected the file to exist in the raw folder [manifest-missing-file]');
    expect(outcome.publishable).toBe(false);
  });

  it('a file whose sha256 no longer matches: the user is told which one changed', async () => {
    const { outcome, printed, dir } = await withNeighbour({ 'edited.txt': 'original' }, [entryFor('edited', 'edited.txt', 'original')]);
    expect(outcome.publishable).toBe(true);
    writeFileSync(join(dir, 'edited.txt'), 'edited by hand');
    const again = await build(dir);
    const lines = again.messages.map((m) => formatMessage(m).split(dir + '/').join(''));
    expect(lines.find((l) => l.includes('manifest-sha256-mismatch'))).toMatch(
      /^sources\.json:1:1: Unexpected content of `edited.txt` \(documents\[1\] \(edited\)\): its sha256 is [0-9a-f]{64}, expected [0-9a-f]{64} from the manifest\. Raw documents are immutable/,
    );
    expect(again.publishable).toBe(false);
    void printed;
  });
});
