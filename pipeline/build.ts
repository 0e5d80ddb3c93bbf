// The build runner: raw folder -> per-document results (cached, optionally in parallel) ->
// the decision to publish. Reading files, the cache and workers live here; the stages stay pure.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { detached, hasErrors, sortMessages } from './diagnostics.ts';
import { FRAGMENTS_DIR, fragmentCache, pruneFragmentCache } from './fragment-cache.ts';
import { entryKey, loadRawFolder, type RawEntry } from './manifest.ts';
import { rawSpan, type DocumentResult } from './process.ts';
import type { ReleaseInput } from './publish/index.ts';
import type { Fragment } from './publish/fragment.ts';
import type { ReleaseDocumentMeta } from './publish/rows.ts';
import type { FragmentPlan, MapPlan } from './workers.ts';
import type { ActorRecord, Message, PlaceRecord, Statement } from './types.ts';

export const PROJECT_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

export interface BuildOptions {
  raw: string;
  /** Publish without the documents that have errors (they are listed in the report). */
  skipBad?: boolean;
  /** Where per-document results are cached (keyed by content and code version); none = no cache. */
  cacheDir?: string;
  /** Runs the per-document stages; sequential in-process by default. It may hand results to `onResult` as they come (see workerMap) instead of returning them. */
  map?: (entries: RawEntry[], onResult?: (index: number, result: DocumentResult) => void, plan?: MapPlan) => Promise<DocumentResult[]>;
  /**
   * Make each document's publish fragment in the map (on every core) and keep only those: the
   * results then carry `fragment` (see takeFragment). Needs `map` (workerMap).
   */
  fragments?: FragmentPlan;
  /** Each result in input order, as soon as it and every one before it are done (while the map goes on). */
  onOrdered?: (index: number, result: DocumentResult) => void;
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
  /** Results read from the cache and made; `fragments`: of the hits, those whose publish fragment was cached too. */
  cache: { hits: number; misses: number; fragments?: number };
  /** Statements of the good documents. */
  statementCount: number;
  /**
   * With a cache: removes the results of other code versions, and keeps in the fragment cache
   * only what this build used. Call it once the release is written (the join has read the
   * fragments' texts from their packs).
   */
  pruneCache?: () => void;
}

/** A result without its records (they are in its fragment). */
export function resultStub(r: DocumentResult): DocumentResult {
  const d = r.document;
  return {
    entry: r.entry,
    ...(d ? { document: { id: d.id, path: d.path, kind: d.kind, ...(d.title ? { title: detached(d.title) } : {}), ...(d.published ? { published: detached(d.published) } : {}), text: '', ...(d.rawOffsets ? { rawOffsets: [] } : {}) } } : {}),
    statements: [],
    messages: r.messages,
  };
}

/**
 * The code a document's result depends on: the per-document stages, the schemas they validate
 * against and the gazetteer. The aggregate side (publish, landing page) and the runners are not
 * in it, so changing them re-runs only the aggregate.
 */
const AGGREGATE_ONLY = ['pipeline/publish/', 'pipeline/landing/', 'pipeline/cli/', 'pipeline/build.ts', 'pipeline/workers.ts', 'pipeline/progress.ts'];

export function perDocumentCodeFiles(): string[] {
  return codeFiles((r) => !AGGREGATE_ONLY.some((p) => r === p || r.startsWith(p)));
}

/** The code files (sources, schemas, gazetteer, the trigger scan) that `keep` keeps, in a stable order. */
function codeFiles(keep: (rel: string) => boolean): string[] {
  const out: string[] = [];
  const walk = (rel: string): void => {
    const dir = join(PROJECT_ROOT, rel);
    if (!existsSync(dir)) return;
    for (const name of readdirSync(dir).sort()) {
      const r = `${rel}/${name}`;
      if (name.endsWith('.ts') || name.endsWith('.json') || name.endsWith('.wasm')) {
        if (keep(r)) out.push(r);
      } else if (!name.includes('.')) walk(r);
    }
  };
  for (const d of ['pipeline', 'schemas', 'gazetteer']) walk(d);
  return out;
}

/** A hash of everything that decides a document's result, plus the lockfile (library versions). */
export function codeVersion(): string {
  return hashFiles(perDocumentCodeFiles());
}

/**
 * A hash of all the code a document's publish fragment depends on (publish as well as the
 * per-document stages: every source, schema and gazetteer file), plus the lockfile.
 */
export function releaseCodeVersion(): string {
  return hashFiles(codeFiles(() => true));
}

function hashFiles(files: string[]): string {
  const h = createHash('sha256');
  for (const r of files) h.update(r).update('\0').update(readFileSync(join(PROJECT_ROOT, r))).update('\0');
  h.update(readFileSync(join(PROJECT_ROOT, 'package-lock.json')));
  return h.digest('hex').slice(0, 16);
}


/** Builds run by this process (a name for each one's packs: see FragmentPlan.packs). */
let builds = 0;

export async function buildFolder(opts: BuildOptions, runSequential: (entries: RawEntry[]) => DocumentResult[]): Promise<BuildOutcome> {
  const { entries, rejected, messages: manifestMessages } = loadRawFolder(opts.raw);
  const version = opts.cacheDir ? codeVersion() : '';
  const results: (DocumentResult | undefined)[] = new Array(entries.length);
  const todo: number[] = [];
  const cache: BuildOutcome['cache'] = { hits: 0, misses: 0 };
  // results kept by code version: a code change leaves all of the old ones unusable, and the
  // next release removes them (pruneCache)
  const cachePath = (e: RawEntry) => join(opts.cacheDir as string, version, `${entryKey(e, version)}.json`);
  const hits = new Map<number, string>();
  entries.forEach((e, i) => {
    if (opts.cacheDir) {
      const p = cachePath(e);
      if (existsSync(p)) {
        hits.set(i, p);
        cache.hits++;
        return;
      }
    }
    todo.push(i);
  });
  const counts = new Map<DocumentResult, number>();
  // the fragment cache, when there is a cache and the map makes fragments; the packs in use
  const fc = opts.cacheDir && opts.fragments ? fragmentCache(opts.cacheDir, releaseCodeVersion(), opts.fragments.withCells) : undefined;
  const packs = new Set<string>();
  let fragmentHits = 0;
  let next = 0;
  const keep = (i: number, r: DocumentResult) => {
    counts.set(r, r.statementCount ?? r.statements.length);
    if (r.fragment?.blob) packs.add(r.fragment.blob.file);
    if (r.cachedFragment) fragmentHits++;
    results[i] = r;
    if (!opts.onOrdered) return;
    for (; next < results.length && results[next] !== undefined; next++) opts.onOrdered(next, results[next] as DocumentResult);
  };
  if (opts.fragments) {
    // every document goes to the map: a cached result is read there, a new one cached there, and
    // the fragment made there too
    if (!opts.map) throw new Error('internal: buildFolder with fragments needs a map (workerMap)');
    const tasks = entries.map((e, i) => {
      const t = hits.has(i) ? { cached: hits.get(i) as string } : opts.cacheDir ? { cacheFile: cachePath(e) } : {};
      if (!fc) return t;
      const header = fc.headerOf(e);
      return { ...t, fragmentCacheFile: header, ...(existsSync(header) ? { fragmentCached: header } : {}) };
    });
    const back = await opts.map(entries, keep, { fragments: fc ? { ...opts.fragments, dir: fc.packs, packs: `${process.pid}-${++builds}` } : opts.fragments, tasks });
    back.forEach((r, i) => keep(i, r));
    cache.misses = todo.length;
    if (fc) cache.fragments = fragmentHits;
  } else {
    for (const [i, p] of hits) keep(i, JSON.parse(readFileSync(p, 'utf8')) as DocumentResult);
    const pending = todo.map((i) => entries[i] as RawEntry);
    const onFresh = (k: number, r: DocumentResult) => {
      const i = todo[k] as number;
      cache.misses++;
      if (opts.cacheDir) {
        const file = cachePath(entries[i] as RawEntry);
        mkdirSync(dirname(file), { recursive: true });
        writeFileSync(`${file}.tmp`, JSON.stringify(r));
        renameSync(`${file}.tmp`, file);
      }
      keep(i, r);
    };
    const fresh = opts.map ? await opts.map(pending, onFresh) : runSequential(pending);
    fresh.forEach((r, k) => onFresh(k, r));
  }
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
  const statementCount = good.reduce((n, r) => n + (counts.get(r) ?? r.statements.length), 0);
  const headers = fc ? new Set(entries.map((e) => fc.headerOf(e))) : undefined;
  const cacheDir = opts.cacheDir;
  const pruneCache = cacheDir
    ? () => {
        pruneResults(cacheDir, version);
        if (fc && headers) pruneFragmentCache(fc, { headers, packs });
      }
    : undefined;
  return { results: all, good, skipped, messages, publishable, cache, statementCount, ...(pruneCache ? { pruneCache } : {}) };
}

/**
 * Removes the results of other code versions from the cache (and anything else in it but the
 * fragment cache): they can never be hits again unless the code is changed back.
 */
function pruneResults(cacheDir: string, version: string): void {
  if (!existsSync(cacheDir)) return;
  for (const name of readdirSync(cacheDir)) if (name !== version && name !== FRAGMENTS_DIR) rmSync(join(cacheDir, name), { recursive: true, force: true });
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

/** A document's metadata as publish reads it, from its result. */
export function documentMeta(r: DocumentResult): ReleaseDocumentMeta | undefined {
  const d = r.document;
  // held to the end of the build: the title and date copied off the document's text (see detached)
  return d ? { entry: r.entry, kind: d.kind, ...(d.title ? { title: detached(d.title) } : {}), ...(d.published ? { published: detached(d.published) } : {}) } : undefined;
}

/**
 * A result's fragment, taken off it (a build's results are kept to the end; their fragments are
 * joined as they come and must not be).
 */
export function takeFragment(r: DocumentResult): Fragment | undefined {
  const f = r.fragment;
  delete r.fragment;
  return f;
}

/** What publish needs from a build: statements with spans of the raw file, documents with their raw text. */
export function releaseInput(outcome: BuildOutcome, rawDir: string, gazetteer: Gazetteer, version: string): ReleaseInput {
  const good = outcome.good;
  const statements: Statement[] = good.flatMap((r) =>
    r.statements.map((s) =>
      r.document?.rawOffsets ? { ...s, span: rawSpan(r.document, s.span), date: { ...s.date, span: rawSpan(r.document, s.date.span) } } : s,
    ),
  );
  const documents = good.flatMap((r) => {
    if (!r.document) return [];
    const d = r.document;
    const text = d.rawOffsets ? rawText(join(rawDir, r.entry.path)) : d.text;
    return [{ entry: r.entry, kind: d.kind, ...(d.title ? { title: d.title } : {}), ...(d.published ? { published: d.published } : {}), text }];
  });
  return { version, statements, documents, places: gazetteer.places, actors: gazetteer.actors, report: { skipped: outcome.skipped } };
}

export function rawText(file: string): string {
  const t = readFileSync(file, 'utf8');
  return t.charCodeAt(0) === 0xfeff ? t.slice(1) : t;
}
