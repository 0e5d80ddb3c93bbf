// `build`: raw folder -> release folder. Prints diagnostics, and publishes only when there is
// no error (or when told to skip the documents that have one; they are listed in the report).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { buildFolder, PROJECT_ROOT, type BuildOutcome } from '../build.ts';
import { dateDocument } from '../dates/index.ts';
import { formatMessage } from '../diagnostics.ts';
import { processDocument, rawSpan } from '../process.ts';
import { buildRelease } from '../publish/index.ts';
import type { ActorRecord, PlaceRecord, Statement } from '../types.ts';

const { values } = parseArgs({
  options: {
    raw: { type: 'string', default: 'raw' },
    out: { type: 'string' },
    dist: { type: 'string' },
    version: { type: 'string', default: '0.1.0' },
    'build-dir': { type: 'string', default: 'build' },
    'skip-bad': { type: 'boolean', default: false },
    'no-cache': { type: 'boolean', default: false },
    quiet: { type: 'boolean', default: false },
  },
});

if (!values.out && !values.dist) {
  process.stderr.write('usage: build --raw <dir> (--out <release dir> | --dist <dist-data dir>) [--skip-bad] [--version X.Y.Z]\n');
  process.exit(2);
}
const raw = values.raw as string;
const buildDir = values['build-dir'] as string;

const outcome: BuildOutcome = await buildFolder(
  { raw, skipBad: values['skip-bad'] as boolean, ...(values['no-cache'] ? {} : { cacheDir: join(buildDir, 'cache') }) },
  (entries) => entries.map((e) => processDocument(e.entry, e.bytes, join(raw, e.entry.path), { dater: dateDocument })),
);
for (const m of outcome.messages) if (m.severity !== 'info' || !values.quiet) process.stderr.write(formatMessage(m) + '\n');
mkdirSync(buildDir, { recursive: true });
writeFileSync(join(buildDir, 'messages.json'), JSON.stringify(outcome.messages, null, 1) + '\n');

if (!outcome.publishable) {
  const errors = outcome.messages.filter((m) => m.severity === 'error').length;
  process.stderr.write(`build: ${errors} error(s) in ${outcome.skipped.length} document(s); nothing published (use --skip-bad to publish without them)\n`);
  process.exit(1);
}

const readJson = <T>(p: string, fallback: T): T => (existsSync(p) ? (JSON.parse(readFileSync(p, 'utf8')) as T) : fallback);
const places = readJson<PlaceRecord[] | { places: PlaceRecord[] }>(join(PROJECT_ROOT, 'gazetteer', 'places.json'), []);
const actors = readJson<ActorRecord[] | { actors: ActorRecord[] }>(join(PROJECT_ROOT, 'gazetteer', 'actors.json'), []);

// Publish sees spans of the raw file: HTML views are mapped back through their offsets.
const statements: Statement[] = outcome.good.flatMap((r) =>
  r.statements.map((s) => (r.document?.rawOffsets ? { ...s, span: rawSpan(r.document, s.span), date: { ...s.date, span: rawSpan(r.document, s.date.span) } } : s)),
);
const release = buildRelease({
  version: values.version as string,
  statements,
  documents: outcome.good.flatMap((r) =>
    r.document
      ? [{ entry: r.entry, kind: r.document.kind, ...(r.document.title ? { title: r.document.title } : {}), ...(r.document.published ? { published: r.document.published } : {}), text: rawText(join(raw, r.entry.path)) }]
      : [],
  ),
  places: Array.isArray(places) ? places : places.places,
  actors: Array.isArray(actors) ? actors : actors.actors,
  report: { skipped: outcome.skipped },
});
for (const m of release.messages) process.stderr.write(formatMessage(m) + '\n');
const out = values.out ?? join(values.dist as string, `v${release.version}`);
mkdirSync(out, { recursive: true });
for (const [name, bytes] of release.files) {
  mkdirSync(join(out, name, '..'), { recursive: true });
  writeFileSync(join(out, name), bytes);
}
process.stderr.write(
  `build: ${outcome.good.length} documents (${outcome.cache.hits} cached), ${statements.length} statements, ${outcome.skipped.length} skipped -> ${out}\n`,
);

function rawText(file: string): string {
  const t = readFileSync(file, 'utf8');
  return t.charCodeAt(0) === 0xfeff ? t.slice(1) : t;
}
