// `build`: raw folder -> release folder. Prints diagnostics, and publishes only when there is
// no error (or when told to skip the documents that have one; they are listed in the report).
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { buildFolder, documentMeta, loadGazetteer, takeFragment, type BuildOutcome } from '../build.ts';
import { formatMessage, hasErrors } from '../diagnostics.ts';
import { processDocument } from '../process.ts';
import { measureQualityDir } from '../quality.ts';
import { createStages } from '../stages.ts';
import { createProgress } from '../progress.ts';
import { releaseFolderWriter } from '../publish/index.ts';
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
// What is built: a folder (--out), the check of the latest release, or the next release.
const dist = values.dist as string | undefined;
const latest = dist ? latestVersion(dist) : undefined;
if (dist && values.check && !latest) fail(`check: no release in ${dist}`);
const mode = values.out ? 'out' : values.check ? 'check' : 'dist';
// The release this one is compared with (its diff needs every row's cells from the documents).
const previous = !dist ? undefined : mode === 'check' ? loadBefore(dist, latest as string) : loadLatest(dist);
const version = mode === 'out' ? (values.version === 'auto' ? '0.1.0' : (values.version as string)) : mode === 'check' ? (latest as string) : (values.version as string);
const target = mode === 'out' ? `${(values.out as string).replace(/\/+$/, '')}.partial` : mode === 'check' ? join(buildDir, `check-v${latest}`) : join(dist as string, '.staging');
if (mode === 'dist') mkdirSync(dist as string, { recursive: true });

// Each document's share of the release (its fragment) is made where the document is processed,
// on every core, and kept on disk; this thread joins the fragments into the release's files in
// document order while the workers go on. The build holds only what the join decides with.
const scratch = join(buildDir, 'fragments');
rmSync(scratch, { recursive: true, force: true });
const writer = releaseFolderWriter({ version, places: gazetteer.places, actors: gazetteer.actors, ...(previous ? { previous } : {}) }, target, Math.max(1, Number(values.workers)));
const outcome: BuildOutcome = await buildFolder(
  {
    raw,
    skipBad: values['skip-bad'] as boolean,
    ...(values['no-cache'] ? {} : { cacheDir: join(buildDir, 'cache') }),
    fragments: { dir: scratch, withCells: previous !== undefined },
    map: workerMap({ workers: Number(values.workers), fileOf: (e) => join(raw, e.entry.path), onProgress: progress.update, prestartDir: raw }),
    // a document with errors is never in a release (without --skip-bad, there is then no release)
    onOrdered: (_, r) => {
      const f = takeFragment(r);
      if (f && !hasErrors(r.messages)) writer.add(documentMeta(r), f);
    },
  },
  (entries) => entries.map((e) => processDocument(e.entry, e.bytes, join(raw, e.entry.path), stages)),
);
progress.finish();
for (const m of outcome.messages) if (m.severity !== 'info' || values.verbose) process.stderr.write(formatMessage(m) + '\n');
mkdirSync(buildDir, { recursive: true });
writeFileSync(join(buildDir, 'messages.json'), JSON.stringify(outcome.messages, null, 1) + '\n');

if (!outcome.publishable) {
  writer.abort();
  const errors = outcome.messages.filter((m) => m.severity === 'error').length;
  process.stderr.write(`build: ${errors} error(s) in ${outcome.skipped.length} document(s); nothing published (use --skip-bad to publish without them)\n`);
  process.exit(1);
}

const quality = mode === 'check' ? { value: readJsonIfAny(join(dist as string, `v${latest}`, 'quality.json')) } : values['no-quality'] ? {} : { measure: measureQualityDir };
const release = writer.finish(quality, { skipped: outcome.skipped });
const messages = release.kind === 'written' ? release.messages : release.output.messages;
if (hasErrors(messages)) writer.abort();
report(messages);

if (mode === 'out') {
  // A release folder from any raw folder: no versioning, never touches dist-data. Written next
  // to its place and renamed into it, so the folder is never half-written.
  const out = values.out as string;
  rmSync(out, { recursive: true, force: true });
  renameSync(target, out);
  done(out);
} else if (mode === 'check') {
  if (release.kind !== 'written') fail(`check: rebuilding v${latest} gave no new release`);
  const differing = compareWithPublishedFacts(join(dist as string, `v${latest}`), release.facts);
  writer.abort();
  tidy();
  if (differing.length) {
    // only the descriptive files (the card, the data package's text, the landing page): the data is
    // the same, and `make` has nothing to release; a patch release carries the new text
    const descriptive = differing.every((f) => /^(?:README\.md|datapackage\.json|index\.html|SHA256SUMS|CHANGELOG\.md)$/.test(f));
    const hint = descriptive ? `; only descriptive files changed: cut a patch release with \`make release VERSION=${nextPatch(latest ?? "0.0.0")}\`` : '; run `make` to publish a new release';
    fail(`check: rebuilding v${latest} from raw/ gives different bytes in ${differing.length} file(s): ${differing.join(', ')}${hint}`);
  }
  process.stderr.write(`check: v${latest} rebuilt byte for byte (${release.facts.size} files)\n`);
  process.exit(0);
} else {
  if (release.kind === 'unchanged') {
    tidy();
    process.stderr.write(`build: v${release.output.version} is up to date (the rebuild has the same data)\n`);
    process.exit(0);
  }
  const result = publishStaged({ distDir: dist as string, version: release.version, date: release.date, staged: target, facts: release.facts });
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

/** Once the release is written: the scratch goes, and the fragment cache keeps what this build used. */
function tidy(): void {
  rmSync(scratch, { recursive: true, force: true });
  outcome.pruneCache?.();
}

function done(out: string): void {
  tidy();
  const { hits, fragments } = outcome.cache;
  process.stderr.write(
    `build: ${outcome.good.length} documents (${hits} cached${fragments ? `, ${fragments} with their release rows` : ''}), ${outcome.statementCount} statements, ${outcome.skipped.length} skipped -> ${out}\n`,
  );
}

function readJsonIfAny(p: string): unknown {
  return existsSync(p) ? JSON.parse(readFileSync(p, 'utf8')) : undefined;
}

/** The version after `v` with its patch number one up (`2.3.0` -> `2.3.1`). */
function nextPatch(v: string): string {
  const [a, b, c] = v.split('.').map(Number);
  return `${a}.${b}.${(c ?? 0) + 1}`;
}
