// `merge`: the aggregate side of a sharded build. Reads the concatenated output of `map` (JSON
// Lines files, or stdin), joins each result to its raw folder entry by id and sha256, and
// publishes exactly as `build` does: the same runner aggregates, so the bytes are the same.
import { createReadStream, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { buildFolder, loadGazetteer, releaseInput } from '../build.ts';
import { formatMessage, hasErrors } from '../diagnostics.ts';
import type { DocumentResult } from '../process.ts';
import { buildRelease } from '../publish/index.ts';
import { writeReleaseDir } from '../publish/write.ts';
import { measureQuality } from '../quality.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    raw: { type: 'string' },
    out: { type: 'string' },
    version: { type: 'string', default: '0.1.0' },
    'build-dir': { type: 'string', default: 'build' },
    'skip-bad': { type: 'boolean', default: false },
    verbose: { type: 'boolean', default: false },
    'no-quality': { type: 'boolean', default: false },
  },
});
if (!values.raw || !values.out) {
  process.stderr.write('usage: merge --raw <dir> --out <release dir> [--skip-bad] [--version X.Y.Z] [map output .jsonl ...] (default: stdin)\n');
  process.exit(2);
}
const raw = values.raw;

const byId = new Map<string, DocumentResult>();
let problems = 0;
for (const source of positionals.length ? positionals : ['-']) {
  const input = source === '-' ? process.stdin : createReadStream(source);
  let n = 0;
  for await (const line of createInterface({ input, crlfDelay: Infinity })) {
    n++;
    if (line.trim() === '') continue;
    const r = JSON.parse(line) as DocumentResult;
    if (byId.has(r.entry.id)) {
      problems++;
      process.stderr.write(`${source}:${n}:1: Unexpected second result for document ${r.entry.id}, expected each document in one shard [merge-duplicate]\n`);
    }
    byId.set(r.entry.id, r);
  }
}

// The runner's own aggregation, fed the shards' results instead of running the stages.
const outcome = await buildFolder({ raw, skipBad: values['skip-bad'] as boolean }, (entries) =>
  entries.map((e) => {
    const r = byId.get(e.entry.id);
    if (!r || r.entry.sha256 !== e.entry.sha256) {
      problems++;
      process.stderr.write(`${join(raw, e.entry.path)}:1:1: Unexpected ${r ? 'result for other content' : 'no result'} for document ${e.entry.id}, expected one map result of this file's sha256 [merge-missing]\n`);
      return { entry: e.entry, statements: [], messages: [] };
    }
    byId.delete(e.entry.id);
    return r;
  }),
);
for (const id of byId.keys()) {
  problems++;
  process.stderr.write(`merge: Unexpected result for ${id}, expected a document of the raw folder [merge-unknown]\n`);
}
if (problems > 0) {
  process.stderr.write(`merge: ${problems} problem(s) joining the shards; nothing published\n`);
  process.exit(1);
}
for (const m of outcome.messages) if (m.severity !== 'info' || values.verbose) process.stderr.write(formatMessage(m) + '\n');
const buildDir = values['build-dir'] as string;
mkdirSync(buildDir, { recursive: true });
writeFileSync(join(buildDir, 'messages.json'), JSON.stringify(outcome.messages, null, 1) + '\n');
if (!outcome.publishable) {
  process.stderr.write(`merge: errors in ${outcome.skipped.length} document(s); nothing published (use --skip-bad to publish without them)\n`);
  process.exit(1);
}
// Exactly what `build --out` publishes, quality.json included.
const gazetteer = loadGazetteer();
const first = buildRelease(releaseInput(outcome, raw, gazetteer, values.version as string));
const quality = values['no-quality'] ? undefined : measureQuality(first.files);
const release = quality === undefined ? first : buildRelease({ ...releaseInput(outcome, raw, gazetteer, values.version as string), quality });
for (const m of release.messages) process.stderr.write(formatMessage(m) + '\n');
if (hasErrors(release.messages)) {
  process.stderr.write('merge: publish reported errors; nothing published\n');
  process.exit(1);
}
writeReleaseDir(values.out, release.files);
process.stderr.write(`merge: ${outcome.good.length} documents, ${outcome.good.reduce((n, r) => n + r.statements.length, 0)} statements, ${outcome.skipped.length} skipped -> ${values.out}\n`);
