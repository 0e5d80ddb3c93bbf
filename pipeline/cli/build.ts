// `build`: raw folder -> release folder. Prints diagnostics, and publishes only when there is
// no error (or when told to skip the documents that have one; they are listed in the report).
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { buildFolder, fragmentSource, loadGazetteer, type BuildOutcome } from '../build.ts';
import { formatMessage, hasErrors } from '../diagnostics.ts';
import { processDocument } from '../process.ts';
import { measureQualityDir } from '../quality.ts';
import { createStages } from '../stages.ts';
import { createProgress } from '../progress.ts';
import { writeReleaseFolder, type ReleaseInput, type Unchanged, type WrittenRelease } from '../publish/index.ts';
import { compareWithPublishedFacts, latestVersion, loadBefore, loadLatest, publishStaged } from '../publish/write.ts';
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
// The release this one is compared with (its diff needs every row's cells from the documents).
const dist = values.dist as string | undefined;
const latest = dist ? latestVersion(dist) : undefined;
const previous = !dist ? undefined : values.check ? (latest ? loadBefore(dist, latest) : undefined) : loadLatest(dist);
// Each document's share of the release (its fragment) is made where the document is processed,
// on every core, and kept on disk: the build holds only what the join decides with.
const scratch = join(buildDir, 'fragments');
rmSync(scratch, { recursive: true, force: true });
const outcome: BuildOutcome = await buildFolder(
  {
    raw,
    skipBad: values['skip-bad'] as boolean,
    ...(values['no-cache'] ? {} : { cacheDir: join(buildDir, 'cache') }),
    fragments: { dir: scratch, withCells: previous !== undefined },
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

const source = fragmentSource(outcome);
const input = (version: string, previous: ReleaseInput['previous']) => ({ version, source, places: gazetteer.places, actors: gazetteer.actors, report: { skipped: outcome.skipped }, ...(previous ? { previous } : {}) });
const measure = values['no-quality'] ? {} : { measure: measureQualityDir };
/** The release written into `dir`, or a failure (nothing left in `dir`) when publish reports errors. */
const write = (dir: string, version: string, previous: ReleaseInput['previous'], quality: { value?: unknown; measure?: (dir: string) => unknown }): WrittenRelease | Unchanged => {
  const r = writeReleaseFolder(input(version, previous), dir, quality);
  const messages = r.kind === 'written' ? r.messages : r.output.messages;
  if (hasErrors(messages)) rmSync(dir, { recursive: true, force: true });
  report(messages);
  return r;
};

if (values.out) {
  // A release folder from any raw folder: no versioning, never touches dist-data. Written next
  // to its place and renamed into it, so the folder is never half-written.
  const out = values.out as string;
  const partial = `${out.replace(/\/+$/, '')}.partial`;
  write(partial, values.version === 'auto' ? '0.1.0' : (values.version as string), undefined, measure);
  rmSync(out, { recursive: true, force: true });
  renameSync(partial, out);
  done(out);
} else if (dist) {
  if (values.check) {
    if (!latest) fail(`check: no release in ${dist}`);
    const dir = join(dist, `v${latest}`);
    const publishedQuality = readJsonIfAny(join(dir, 'quality.json'));
    const checkDir = join(buildDir, `check-v${latest}`);
    const rebuilt = write(checkDir, latest as string, previous, { value: publishedQuality });
    if (rebuilt.kind !== 'written') fail(`check: rebuilding v${latest} gave no new release`);
    const differing = compareWithPublishedFacts(dir, rebuilt.facts);
    rmSync(checkDir, { recursive: true, force: true });
    if (differing.length) fail(`check: rebuilding v${latest} from raw/ gives different bytes in ${differing.length} file(s): ${differing.join(', ')}`);
    rmSync(scratch, { recursive: true, force: true });
    process.stderr.write(`check: v${latest} rebuilt byte for byte (${rebuilt.facts.size} files)\n`);
    process.exit(0);
  }
  const staging = join(dist, '.staging');
  mkdirSync(dist, { recursive: true });
  const release = write(staging, values.version as string, previous, measure);
  if (release.kind === 'unchanged') {
    process.stderr.write(`build: v${release.output.version} is up to date (the rebuild has the same data)\n`);
    process.exit(0);
  }
  const result = publishStaged({ distDir: dist, version: release.version, date: release.date, staged: staging, facts: release.facts });
  if (result.status === 'refused') fail(`build: ${result.reason}`);
  process.stderr.write(`build: v${release.version} (${release.bump}) ${result.status} -> ${result.dir}\n`);
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
  rmSync(scratch, { recursive: true, force: true });
  process.stderr.write(
    `build: ${outcome.good.length} documents (${outcome.cache.hits} cached), ${outcome.statementCount} statements, ${outcome.skipped.length} skipped -> ${out}\n`,
  );
}

function readJsonIfAny(p: string): unknown {
  return existsSync(p) ? JSON.parse(readFileSync(p, 'utf8')) : undefined;
}
