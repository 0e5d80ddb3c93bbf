// `release`: build raw/ and publish the next version into dist-data/ (semver from the diff
// against the latest release), or with --check rebuild the latest release and compare bytes.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { buildFolder, PROJECT_ROOT } from '../build.ts';
import { dateDocument } from '../dates/index.ts';
import { formatMessage, hasErrors } from '../diagnostics.ts';
import { processDocument, rawSpan } from '../process.ts';
import { buildRelease, type ReleaseInput } from '../publish/index.ts';
import { compareWithPublished, latestVersion, loadBefore, loadLatest, publishRelease } from '../publish/write.ts';
import type { ActorRecord, PlaceRecord, Statement } from '../types.ts';

const { values } = parseArgs({
  options: {
    raw: { type: 'string', default: 'raw' },
    dist: { type: 'string', default: 'dist-data' },
    version: { type: 'string', default: 'auto' },
    quality: { type: 'string' },
    check: { type: 'boolean', default: false },
  },
});
const raw = values.raw as string;
const dist = values.dist as string;

const outcome = await buildFolder({ raw }, (entries) => entries.map((e) => processDocument(e.entry, e.bytes, join(raw, e.entry.path), { dater: dateDocument })));
if (!outcome.publishable) {
  for (const m of outcome.messages) if (m.severity === 'error') process.stderr.write(formatMessage(m) + '\n');
  process.stderr.write('release: the build has errors; nothing published\n');
  process.exit(1);
}
const readJson = <T>(p: string): T | undefined => {
  try {
    return JSON.parse(readFileSync(p, 'utf8')) as T;
  } catch {
    return undefined;
  }
};
const unwrap = <T>(v: T[] | Record<string, T[]> | undefined, key: string): T[] => (Array.isArray(v) ? v : (v?.[key] ?? []));
const places = unwrap(readJson<PlaceRecord[] | Record<string, PlaceRecord[]>>(join(PROJECT_ROOT, 'gazetteer', 'places.json')), 'places');
const actors = unwrap(readJson<ActorRecord[] | Record<string, ActorRecord[]>>(join(PROJECT_ROOT, 'gazetteer', 'actors.json')), 'actors');
const rawText = (file: string) => {
  const t = readFileSync(file, 'utf8');
  return t.charCodeAt(0) === 0xfeff ? t.slice(1) : t;
};
const statements: Statement[] = outcome.good.flatMap((r) =>
  r.statements.map((s) => (r.document?.rawOffsets ? { ...s, span: rawSpan(r.document, s.span), date: { ...s.date, span: rawSpan(r.document, s.date.span) } } : s)),
);
const input = (version: string, previous: ReleaseInput['previous'], quality: unknown): ReleaseInput => ({
  version,
  statements,
  documents: outcome.good.flatMap((r) =>
    r.document ? [{ entry: r.entry, kind: r.document.kind, ...(r.document.title ? { title: r.document.title } : {}), ...(r.document.published ? { published: r.document.published } : {}), text: rawText(join(raw, r.entry.path)) }] : [],
  ),
  places,
  actors,
  ...(quality !== undefined ? { quality } : {}),
  ...(previous ? { previous } : {}),
  report: { skipped: outcome.skipped },
});

if (values.check) {
  const latest = latestVersion(dist);
  if (!latest) {
    process.stderr.write(`check: no release in ${dist}\n`);
    process.exit(1);
  }
  const dir = join(dist, `v${latest}`);
  const published = readJson<unknown>(join(dir, 'quality.json'));
  const rebuilt = buildRelease(input(latest, loadBefore(dist, latest), values.quality ? readJson(values.quality) : published));
  const differing = compareWithPublished(dir, rebuilt.files);
  if (differing.length) {
    process.stderr.write(`check: rebuilding v${latest} gives different bytes in ${differing.length} file(s): ${differing.join(', ')}\n`);
    process.exit(1);
  }
  process.stderr.write(`check: v${latest} rebuilt byte for byte (${rebuilt.files.size} files)\n`);
  process.exit(0);
}

const release = buildRelease(input(values.version as string, loadLatest(dist), values.quality ? readJson(values.quality) : undefined));
for (const m of release.messages) process.stderr.write(formatMessage(m) + '\n');
if (hasErrors(release.messages)) {
  process.stderr.write('release: publish reported errors; nothing published\n');
  process.exit(1);
}
const result = publishRelease({ distDir: dist, version: release.version, date: release.date, files: release.files });
if (result.status === 'refused') {
  process.stderr.write(`release: ${result.reason}\n`);
  process.exit(1);
}
process.stderr.write(`release: v${release.version} (${release.bump}) ${result.status} -> ${result.dir}\n`);
