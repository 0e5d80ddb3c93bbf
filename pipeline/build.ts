// The build runner: raw folder -> per-document results (cached, optionally in parallel) ->
// the decision to publish. Reading files, the cache and workers live here; the stages stay pure.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { hasErrors, sortMessages } from './diagnostics.ts';
import { loadRawFolder, type RawEntry } from './manifest.ts';
import { rawSpan, type DocumentResult } from './process.ts';
import type { ReleaseInput } from './publish/index.ts';
import type { ActorRecord, Message, PlaceRecord, Statement } from './types.ts';

export const PROJECT_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

export interface BuildOptions {
  raw: string;
  /** Publish without the documents that have errors (they are listed in the report). */
  skipBad?: boolean;
  /** Where per-document results are cached (keyed by content and code version); none = no cache. */
  cacheDir?: string;
  /** Runs the per-document stages; sequential in-process by default. */
  map?: (entries: RawEntry[]) => Promise<DocumentResult[]>;
  onProgress?: (done: number, total: number) => void;
}

export interface BuildOutcome {
  results: DocumentResult[];
  /** Documents that go into the release. */
  good: DocumentResult[];
  skipped: { id: string; path: string; reasons: string[] }[];
  messages: Message[];
  /** False when the release must not be published. */
  publishable: boolean;
  cache: { hits: number; misses: number };
}

/**
 * The code a document's result depends on: the per-document stages, the schemas they validate
 * against and the gazetteer. The aggregate side (publish, landing page) and the runners are not
 * in it, so changing them re-runs only the aggregate.
 */
const AGGREGATE_ONLY = ['pipeline/publish/', 'pipeline/landing/', 'pipeline/cli/', 'pipeline/build.ts', 'pipeline/workers.ts', 'pipeline/progress.ts'];

export function perDocumentCodeFiles(): string[] {
  const out: string[] = [];
  const walk = (rel: string): void => {
    const dir = join(PROJECT_ROOT, rel);
    if (!existsSync(dir)) return;
    for (const name of readdirSync(dir).sort()) {
      const r = `${rel}/${name}`;
      if (name.endsWith('.ts') || name.endsWith('.json')) {
        if (!AGGREGATE_ONLY.some((p) => r === p || r.startsWith(p))) out.push(r);
      } else if (!name.includes('.')) walk(r);
    }
  };
  for (const d of ['pipeline', 'schemas', 'gazetteer']) walk(d);
  return out;
}

/** A hash of everything that decides a document's result, plus the lockfile (library versions). */
export function codeVersion(): string {
  const h = createHash('sha256');
  for (const r of perDocumentCodeFiles()) h.update(r).update('\0').update(readFileSync(join(PROJECT_ROOT, r))).update('\0');
  h.update(readFileSync(join(PROJECT_ROOT, 'package-lock.json')));
  return h.digest('hex').slice(0, 16);
}

function cacheKey(entry: RawEntry, version: string): string {
  return createHash('sha256').update(version).update('\0').update(JSON.stringify(entry.entry)).update('\0').update(entry.file).update('\0').update(entry.bytes).digest('hex');
}

export async function buildFolder(opts: BuildOptions, runSequential: (entries: RawEntry[]) => DocumentResult[]): Promise<BuildOutcome> {
  const { entries, rejected, messages: manifestMessages } = loadRawFolder(opts.raw);
  const version = opts.cacheDir ? codeVersion() : '';
  const results: (DocumentResult | undefined)[] = new Array(entries.length);
  const todo: number[] = [];
  const cache = { hits: 0, misses: 0 };
  entries.forEach((e, i) => {
    if (opts.cacheDir) {
      const p = join(opts.cacheDir, `${cacheKey(e, version)}.json`);
      if (existsSync(p)) {
        results[i] = JSON.parse(readFileSync(p, 'utf8')) as DocumentResult;
        cache.hits++;
        return;
      }
    }
    todo.push(i);
  });
  const pending = todo.map((i) => entries[i] as RawEntry);
  const fresh = opts.map ? await opts.map(pending) : runSequential(pending);
  todo.forEach((i, k) => {
    const r = fresh[k] as DocumentResult;
    results[i] = r;
    cache.misses++;
    if (opts.cacheDir) {
      mkdirSync(opts.cacheDir, { recursive: true });
      const p = join(opts.cacheDir, `${cacheKey(entries[i] as RawEntry, version)}.json`);
      writeFileSync(`${p}.tmp`, JSON.stringify(r));
      renameSync(`${p}.tmp`, p);
    }
  });
  const all = results as DocumentResult[];
  const messages = sortMessages([...manifestMessages, ...all.flatMap((r) => r.messages)]);
  const bad = all.filter((r) => hasErrors(r.messages));
  const skipped = [...rejected, ...bad.map((r) => ({
    id: r.entry.id,
    path: r.entry.path,
    reasons: r.messages.filter((m) => m.severity === 'error').map((m) => `${m.reason} [${m.ruleId}]`),
  }))].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const badIds = new Set(bad.map((r) => r.entry.id));
  const good = all.filter((r) => !badIds.has(r.entry.id));
  // Errors that belong to no single document (an unreadable manifest) can never be skipped.
  const rejectedReasons = new Set(rejected.flatMap((r) => r.reasons));
  const global = manifestMessages.filter((m) => m.severity === 'error' && !rejectedReasons.has(`${m.reason} [${m.ruleId}]`) && !/^\/documents\/\d+/.test(m.pointer ?? ''));
  const publishable = global.length === 0 && (skipped.length === 0 || opts.skipBad === true);
  return { results: all, good, skipped, messages, publishable, cache };
}

export interface Gazetteer {
  places: PlaceRecord[];
  actors: ActorRecord[];
}

/** gazetteer/places.json and gazetteer/actors.json (an array, or an object holding one). */
export function loadGazetteer(dir = join(PROJECT_ROOT, 'gazetteer')): Gazetteer {
  const read = <T>(name: string, key: string): T[] => {
    const p = join(dir, name);
    if (!existsSync(p)) return [];
    const v = JSON.parse(readFileSync(p, 'utf8')) as T[] | Record<string, T[]>;
    return Array.isArray(v) ? v : (v[key] ?? []);
  };
  return { places: read<PlaceRecord>('places.json', 'places'), actors: read<ActorRecord>('actors.json', 'actors') };
}

/** What publish needs from a build: statements with spans of the raw file, documents with their raw text. */
export function releaseInput(outcome: BuildOutcome, rawDir: string, gazetteer: Gazetteer, version: string): ReleaseInput {
  const statements: Statement[] = outcome.good.flatMap((r) =>
    r.statements.map((s) =>
      r.document?.rawOffsets ? { ...s, span: rawSpan(r.document, s.span), date: { ...s.date, span: rawSpan(r.document, s.date.span) } } : s,
    ),
  );
  const documents = outcome.good.flatMap((r) => {
    if (!r.document) return [];
    const d = r.document;
    const text = d.rawOffsets ? rawText(join(rawDir, r.entry.path)) : d.text;
    return [{ entry: r.entry, kind: d.kind, ...(d.title ? { title: d.title } : {}), ...(d.published ? { published: d.published } : {}), text }];
  });
  return { version, statements, documents, places: gazetteer.places, actors: gazetteer.actors, report: { skipped: outcome.skipped } };
}

function rawText(file: string): string {
  const t = readFileSync(file, 'utf8');
  return t.charCodeAt(0) === 0xfeff ? t.slice(1) : t;
}
