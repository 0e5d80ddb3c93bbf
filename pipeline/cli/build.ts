// `build`: raw folder -> release folder. Prints diagnostics, and publishes only when there is
// no error (or when told to skip the documents that have one; they are listed in the report).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { buildFolder, loadGazetteer, releaseInput, type BuildOutcome } from '../build.ts';
import { formatMessage, hasErrors } from '../diagnostics.ts';
import { processDocument } from '../process.ts';
import { measureQuality } from '../quality.ts';
import { createStages } from '../stages.ts';
import { createProgress } from '../progress.ts';
import { buildRelease, type ReleaseInput } from '../publish/index.ts';
import { compareWithPublished, latestVersion, loadBefore, loadLatest, publishRelease, writeReleaseDir } from '../publish/write.ts';
import type { Message } from '../types.ts';
import { workerMap } from '../workers.ts';

const { values } = parseArgs({
  options: {
    raw: { type: 'string', default: 'raw' },
    out: { type: 'string' },
    dist: { type: 'string' },
    version: { type: 'string', default: 'auto' },
    check: { type: 'boolean', default: false },
    'no-quality': { type: 'boolean', default: false },
    'build-dir': { type: 'string', default: 'build' },
    'skip-bad': { type: 'boolean', default: false },
    'no-cache': { type: 'boolean', default: false },
    verbose: { type: 'boolean', default: false },
    // Worker threads for the per-document stages; the output is the same for any number.
    workers: { type: 'string', default: String(availableParallelism()) },
  },
});

if (!values.out && !values.dist) {
  process.stderr.write('usage: build --raw <dir> (--out <release dir> | --dist <dist-data dir>) [--skip-bad] [--version X.Y.Z]\n');
  process.exit(2);
}
const raw = values.raw as string;
const buildDir = values['build-dir'] as string;

const progress = createProgress({ label: 'build' });
const gazetteer = loadGazetteer();
const stages = createStages(gazetteer);
const outcome: BuildOutcome = await buildFolder(
  {
    raw,
    skipBad: values['skip-bad'] as boolean,
    ...(values['no-cache'] ? {} : { cacheDir: join(buildDir, 'cache') }),
    map: workerMap({ workers: Number(values.workers), fileOf: (e) => join(raw, e.entry.path), onProgress: progress.update }),
  },
  (entries) => entries.map((e) => processDocument(e.entry, e.bytes, join(raw, e.entry.path), stages)),
);
progress.finish();
for (const m of outcome.messages) if (m.severity !== 'info' || values.verbose) process.stderr.write(formatMessage(m) + '\n');
mkdirSync(buildDir, { recursive: true });
writeFileSync(join(buildDir, 'messages.json'), JSON.stringify(outcome.messages, null, 1) + '\n');

if (!outcome.publishable) {
  const errors = outcome.messages.filter((m) => m.severity === 'error').length;
  process.stderr.write(`build: ${errors} error(s) in ${outcome.skipped.length} document(s); nothing published (use --skip-bad to publish without them)\n`);
  process.exit(1);
}

const candidate = (version: string, previous: ReleaseInput['previous'], quality?: unknown) =>
  buildRelease({ ...releaseInput(outcome, raw, gazetteer, version), ...(previous ? { previous } : {}), ...(quality !== undefined ? { quality } : {}) });

if (values.out) {
  // A release folder from any raw folder: no versioning, never touches dist-data.
  const release = candidate(values.version === 'auto' ? '0.1.0' : (values.version as string), undefined);
  report(release.messages);
  const quality = values['no-quality'] ? undefined : measureQuality(release.files);
  const final = quality ? candidate(release.version, undefined, quality) : release;
  writeReleaseDir(values.out, final.files);
  done(values.out);
} else {
  const dist = values.dist as string;
  const latest = latestVersion(dist);
  if (values.check) {
    if (!latest) fail(`check: no release in ${dist}`);
    const dir = join(dist, `v${latest}`);
    const publishedQuality = readJsonIfAny(join(dir, 'quality.json'));
    const rebuilt = candidate(latest as string, loadBefore(dist, latest as string), publishedQuality);
    const differing = compareWithPublished(dir, rebuilt.files);
    if (differing.length) fail(`check: rebuilding v${latest} from raw/ gives different bytes in ${differing.length} file(s): ${differing.join(', ')}`);
    process.stderr.write(`check: v${latest} rebuilt byte for byte (${rebuilt.files.size} files)\n`);
    process.exit(0);
  }
  const previous = loadLatest(dist);
  const release = candidate(values.version as string, previous);
  report(release.messages);
  if (previous && release.version === previous.version) {
    process.stderr.write(`build: v${release.version} is up to date (the rebuild has the same data)\n`);
    process.exit(0);
  }
  const quality = values['no-quality'] ? undefined : measureQuality(release.files);
  const final = quality ? candidate(release.version, previous, quality) : release;
  const result = publishRelease({ distDir: dist, version: final.version, date: final.date, files: final.files });
  if (result.status === 'refused') fail(`build: ${result.reason}`);
  process.stderr.write(`build: v${final.version} (${final.bump}) ${result.status} -> ${result.dir}\n`);
  done(result.dir);
}

function report(messages: Message[]): void {
  for (const m of messages) if (m.severity !== 'info' || values.verbose) process.stderr.write(formatMessage(m) + '\n');
  if (hasErrors(messages)) fail('build: publish reported errors; nothing published');
}

function fail(why: string): never {
  process.stderr.write(why + '\n');
  process.exit(1);
}

function done(out: string): void {
  process.stderr.write(
    `build: ${outcome.good.length} documents (${outcome.cache.hits} cached), ${outcome.good.reduce((n, r) => n + r.statements.length, 0)} statements, ${outcome.skipped.length} skipped -> ${out}\n`,
  );
}

function readJsonIfAny(p: string): unknown {
  return existsSync(p) ? JSON.parse(readFileSync(p, 'utf8')) : undefined;
}
