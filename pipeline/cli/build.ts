// `build`: raw folder -> release folder. The thin runner around the pure stages: it reads the
// raw folder, runs the per-document stages, prints diagnostics, and publishes only when there
// is no error (or when told to skip the documents that have one).
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { stringify } from 'csv-stringify/sync';
import { formatMessage, hasErrors, sortMessages } from '../diagnostics.ts';
import { explicitDates } from '../explicit-dates.ts';
import { loadRawFolder } from '../manifest.ts';
import { processDocument, rawSpan, type DocumentResult } from '../process.ts';
import type { Message } from '../types.ts';

const { values } = parseArgs({
  options: {
    raw: { type: 'string', default: 'raw' },
    out: { type: 'string' },
    'build-dir': { type: 'string', default: 'build' },
    'skip-bad': { type: 'boolean', default: false },
    quiet: { type: 'boolean', default: false },
  },
});

if (!values.out) {
  process.stderr.write('usage: build --raw <dir> --out <release dir> [--skip-bad]\n');
  process.exit(2);
}

const { entries, messages: manifestMessages } = loadRawFolder(values.raw as string);
const results: DocumentResult[] = entries.map((e) => processDocument(e.entry, e.bytes, join(values.raw as string, e.entry.path), { dater: explicitDates }));
const all: Message[] = sortMessages([...manifestMessages, ...results.flatMap((r) => r.messages)]);
for (const m of all) if (m.severity !== 'info' || !values.quiet) process.stderr.write(formatMessage(m) + '\n');
mkdirSync(values['build-dir'] as string, { recursive: true });
writeFileSync(join(values['build-dir'] as string, 'messages.json'), JSON.stringify(all, null, 1) + '\n');

const bad = new Set(results.filter((r) => hasErrors(r.messages)).map((r) => r.entry.id));
if (hasErrors(manifestMessages) || (bad.size > 0 && !values['skip-bad'])) {
  process.stderr.write(`build: ${all.filter((m) => m.severity === 'error').length} error(s); nothing published (use --skip-bad to publish without the bad documents)\n`);
  process.exit(1);
}

const good = results.filter((r) => !bad.has(r.entry.id));
const rows = good.flatMap((r) =>
  r.statements.map((s) => {
    const span = rawSpan(r.document ?? {}, s.span);
    return {
      statement_id: s.statementId,
      document_id: s.documentId,
      text: s.text,
      char_start: span.start,
      char_end: span.end,
      date_start: s.date.start,
      date_end: s.date.end,
      date_edtf: s.date.edtf,
      date_precision: s.date.precision,
      date_qualifier: s.date.qualifier,
      date_text: s.date.text,
      date_rule: s.date.rule,
      year_basis: s.date.yearBasis,
      place_ids: s.places.map((p) => p.id).join(';'),
      actor_ids: s.actors.map((p) => p.id).join(';'),
      source_ids: s.sources.map((p) => p.id).join(';'),
      killed_low: s.casualties.killedLow ?? '',
      killed_high: s.casualties.killedHigh ?? '',
    };
  }),
);
const out = values.out as string;
mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'statements.csv'), stringify(rows, { header: true }));
mkdirSync(dirname(join(out, 'x')), { recursive: true });
process.stderr.write(`build: ${good.length} documents, ${rows.length} statements -> ${out}\n`);
