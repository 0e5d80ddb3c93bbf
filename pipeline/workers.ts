// A worker_threads pool that runs the per-document stages (`processDocument`) for the build
// runner (`BuildOptions.map`). Results come back tagged with their input index and are returned
// in input order, so the release bytes do not depend on the number of workers or on timing.
// This file is also the worker's entry: the same module, started with `workerData.role`.
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, writeFileSync, writeSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { isMainThread, parentPort, threadId, Worker, workerData } from 'node:worker_threads';
import type { RawEntry } from './manifest.ts';
import { documentMeta, loadGazetteer, rawText, resultStub } from './build.ts';
import { processDocument, rawSpan, type DocumentResult, type Stages } from './process.ts';
import { readCachedFragment, writeCachedFragment } from './fragment-cache.ts';
import { documentFragment, toBlob, type BlobFile } from './publish/fragment.ts';
import { createStages } from './stages.ts';
import type { SourceEntry } from './types.ts';

/** The per-document stages every runner uses (in-process, worker, `cli/map.ts`): one place to add a normaliser. */
export function defaultStages(): Stages {
  return createStages();
}

/** One document as it crosses a thread or process boundary. */
export interface MapTask {
  entry: SourceEntry;
  /** The file name used in messages (the CLI uses `<raw>/<entry.path>`). */
  file: string;
  bytes: Uint8Array;
  /** A cached result to read instead of running the stages (its bytes are then not sent). */
  cached?: string;
  /** Where to cache the result (written by whoever makes it, in any thread). */
  cacheFile?: string;
  /** A cached fragment's header (fragment-cache.ts) to read instead of making the result and its fragment. */
  fragmentCached?: string;
  /** Where to cache the fragment's header, when it is made. */
  fragmentCacheFile?: string;
}

/**
 * Also make each document's publish fragment (publish/fragment.ts) where its result is made: the
 * per-document half of publish then runs on every core too. Its big texts go to the thread's blob
 * file in `dir`; what comes back is the result without its records, carrying the fragment's
 * header (`fragment`). `withCells`: the fragment carries every row's cells (for a diff against a
 * previous release).
 */
export interface FragmentPlan {
  dir: string;
  withCells: boolean;
  /**
   * `dir` is the fragment cache's pack folder, and this the build's name for its packs: every
   * text of a fragment goes to the blob (none kept in the result), and each thread writes a pack
   * of its own, new for each build (one left by an earlier build holds cached fragments' texts).
   */
  packs?: string;
}

/** What a map call may be told beyond its entries: per entry a cached result or a cache file, and fragments. */
export interface MapPlan {
  tasks?: Array<Pick<MapTask, 'cached' | 'cacheFile' | 'fragmentCached' | 'fragmentCacheFile'>>;
  fragments?: FragmentPlan;
}

let blob: (BlobFile & { packs: string | undefined; close(): void }) | undefined;
/** The buffer blob parts are encoded into before they are written (grown as needed, kept). */
let blobBuffer = Buffer.allocUnsafe(1 << 20);
/**
 * This thread's blob file in `dir` (one per thread: appends need no lock). For a build's packs
 * (`packs`: its name for them), a file no one else writes (see FragmentPlan.packs).
 */
function blobFile(dir: string, packs?: string): BlobFile {
  if (blob && dirname(blob.file) === dir && blob.packs === packs && existsSync(blob.file)) return blob;
  blob?.close();
  mkdirSync(dir, { recursive: true });
  let file = join(dir, `blob-${threadId}.bin`);
  let fd: number;
  if (packs === undefined) fd = openSync(file, 'w');
  else {
    for (let n = 0; ; n++) {
      file = join(dir, `pack-${packs}-${threadId}-${n}.bin`);
      try {
        fd = openSync(file, 'wx');
        break;
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      }
    }
  }
  let pos = 0;
  blob = {
    file,
    packs,
    put(parts) {
      // each part encoded straight into one reused buffer (no joined copy, no second pass to count bytes)
      let need = 0;
      for (const p of parts) need += p.length * 3; // UTF-8 takes at most 3 bytes per UTF-16 unit
      if (blobBuffer.length < need) blobBuffer = Buffer.allocUnsafe(Math.max(need, 2 * blobBuffer.length));
      const out: Array<[number, number]> = [];
      let len = 0;
      for (const p of parts) {
        const n = p.length ? blobBuffer.write(p, len, 'utf8') : 0;
        out.push([pos + len, n]);
        len += n;
      }
      for (let off = 0; off < len; ) off += writeSync(fd, blobBuffer, off, len - off);
      pos += len;
      return out;
    },
    close: () => closeSync(fd),
  };
  return blob;
}

let gazetteerIds: { placeIds: Set<string>; actorIds: Set<string> } | undefined;

/** One task, in whichever thread: its result (read or made, cached), and its fragment when asked. */
export function runTask(t: MapTask, index: number, stages: Stages, fragments?: FragmentPlan): DocumentResult {
  // (a header that is no longer usable is a miss: the result is read or made, and its fragment made again)
  const hit = t.fragmentCached ? readCachedFragment(t.fragmentCached) : undefined;
  if (hit) return { ...hit, cachedFragment: true };
  const r = t.cached ? (JSON.parse(readFileSync(t.cached, 'utf8')) as DocumentResult) : processDocument(t.entry, t.bytes, t.file, stages);
  if (t.cacheFile && !t.cached) {
    mkdirSync(dirname(t.cacheFile), { recursive: true });
    writeFileSync(`${t.cacheFile}.tmp`, JSON.stringify(r));
    renameSync(`${t.cacheFile}.tmp`, t.cacheFile);
  }
  return withFragment(r, t.file, fragments, t.fragmentCacheFile);
}

/**
 * The result with its fragment made (when `fragments` asks for one and it has a document): the
 * fragment's big texts go to this thread's blob file, and the result keeps only its header.
 * `file`: the raw file, read again for a document whose offsets index the raw bytes.
 */
export function withFragment(r: DocumentResult, file: string, fragments?: FragmentPlan, cacheFile?: string): DocumentResult {
  if (!fragments || !r.document) return r;
  if (!gazetteerIds) {
    const g = loadGazetteer();
    gazetteerIds = { placeIds: new Set(g.places.map((p) => p.place_id)), actorIds: new Set(g.actors.map((a) => a.actor_id)) };
  }
  const d = r.document;
  const meta = documentMeta(r);
  const statements = d.rawOffsets ? r.statements.map((s) => ({ ...s, span: rawSpan(d, s.span), date: { ...s.date, span: rawSpan(d, s.date.span) } })) : r.statements;
  const text = d.rawOffsets ? rawText(file) : d.text;
  const f = toBlob(documentFragment(r.entry.id, meta, text, statements, { ...gazetteerIds, withCells: fragments.withCells }), blobFile(fragments.dir, fragments.packs), !isMainThread || fragments.packs !== undefined);
  const out = { ...resultStub(r), fragment: f, statementCount: r.statements.length };
  if (cacheFile && fragments.packs !== undefined) writeCachedFragment(cacheFile, out);
  return out;
}

export interface WorkerMapOptions {
  /**
   * Threads that run the per-document stages: this one and `workers - 1` worker threads; 1 or less
   * runs them all in this thread (no pool). Default: the number of CPUs.
   */
  workers?: number;
  /** The file name messages name (default: the absolute path). */
  fileOf?: (e: RawEntry) => string;
  onProgress?: (done: number, total: number) => void;
  /** Documents sent to a worker at a time (default 4): big enough to amortise messaging, small enough to balance. */
  batch?: number;
  /**
   * Fewest documents worth a worker of their own: starting one (loader, modules, schemas, JIT)
   * costs about as much as 50 documents, so small builds stay in this thread.
   */
  minPerWorker?: number;
  /**
   * How many workers' results may wait in this thread for their fragment before a worker makes
   * its documents' fragments itself (default 4 batches); 0: the workers make all of their own.
   */
  fragmentBacklog?: number;
  /**
   * About how many documents the first map call will get, known before they are read: the
   * worker threads they need are started now, so that their start-up (loader, modules, about a
   * second) overlaps the caller's reading of the raw folder. Threads the call turns out not to
   * need are ended.
   */
  prestart?: number;
  /** Instead of `prestart`: the raw folder, whose files are counted (as far as the pool could use them). */
  prestartDir?: string;
}

const ROLE = 'homs-timeline/map-worker';

/**
 * How many files a raw folder holds, counted up to `atMost` (0 if it cannot be read): a guess at
 * its documents for `prestart`, made before they are read. A folder is listed one directory at a
 * time, and the count stops once it is enough (a big corpus is not walked twice).
 */
export function fileCount(dir: string, atMost = Number.POSITIVE_INFINITY): number {
  let n = 0;
  const dirs = [dir];
  try {
    while (dirs.length && n < atMost) {
      const d = dirs.pop() as string;
      for (const e of readdirSync(d, { withFileTypes: true })) {
        if (e.isDirectory()) dirs.push(join(d, e.name));
        else if (e.isFile() && ++n >= atMost) break;
      }
    }
  } catch {
    return n;
  }
  return n;
}

/**
 * Receives each result as it is made (input index, result), in any order; a map given one keeps
 * no result itself and resolves to an empty array, so a big build holds none of them in memory.
 */
export type OnResult = (index: number, result: DocumentResult) => void;

/** Runs `processDocument` over `entries`, in parallel when `workers > 1`; results in input order (or to `onResult`). */
export function workerMap(opts: WorkerMapOptions = {}): (entries: RawEntry[], onResult?: OnResult, plan?: MapPlan) => Promise<DocumentResult[]> {
  const workers = Math.max(1, Math.floor(opts.workers ?? cpus().length));
  const fileOf = opts.fileOf ?? ((e: RawEntry) => e.file);
  const batch = Math.max(1, Math.floor(opts.batch ?? 4));
  const minPerWorker = Math.max(1, Math.floor(opts.minPerWorker ?? 50));
  const poolSize = (n: number) => Math.min(workers, Math.floor(n / minPerWorker), Math.ceil(n / batch));
  // unref'd while idle: a build that stops before its map does not wait for them
  const started: Worker[] = [];
  const prestart = opts.prestart ?? (opts.prestartDir !== undefined ? fileCount(opts.prestartDir, workers * minPerWorker) : 0);
  for (let k = 1; k < poolSize(prestart); k++) {
    const w = startWorker();
    w.unref();
    started.push(w);
  }
  return async (entries, onResult, plan = {}) => {
    const tasks: MapTask[] = entries.map((e, i) => {
      const p = plan.tasks?.[i];
      // the bytes are read when the task is run or sent (a getter: structured clone calls it), not now
      return {
        entry: e.entry,
        file: fileOf(e),
        get bytes() {
          return p?.cached ? new Uint8Array() : e.bytes;
        },
        ...(p?.cached ? { cached: p.cached } : {}),
        ...(p?.cacheFile ? { cacheFile: p.cacheFile } : {}),
        ...(p?.fragmentCached ? { fragmentCached: p.fragmentCached } : {}),
        ...(p?.fragmentCacheFile ? { fragmentCacheFile: p.fragmentCacheFile } : {}),
      };
    });
    const size = poolSize(tasks.length);
    const ready = started.splice(0);
    for (const w of ready.splice(Math.max(0, size - 1))) void w.terminate();
    if (size <= 1) {
      const stages = defaultStages();
      const out: DocumentResult[] = [];
      tasks.forEach((t, i) => {
        const r = runTask(t, i, stages, plan.fragments);
        if (onResult) onResult(i, r);
        else out.push(r);
        opts.onProgress?.(i + 1, tasks.length);
      });
      return out;
    }
    return runPool(tasks, size, batch, opts.onProgress, onResult, plan.fragments, ready, Math.max(0, Math.floor(opts.fragmentBacklog ?? 4 * batch)));
  };
}

/** What happened to a worker before the pool listened to it (a prestarted one that failed to start). */
const early = new WeakMap<Worker, { error?: Error; exit?: number }>();

/** A map worker thread (see the worker side at the end of this file). */
function startWorker(): Worker {
  const w = new Worker(bootstrap(), { eval: true, workerData: { role: ROLE }, execArgv: [] });
  const seen: { error?: Error; exit?: number } = {};
  early.set(w, seen);
  w.once('error', (e) => (seen.error = e));
  w.once('exit', (code) => (seen.exit = code));
  return w;
}

/**
 * The worker's bootstrap: under tsx (sources run as TypeScript) the worker registers tsx's ESM
 * hooks itself first, since Node 20 neither starts a `.ts` file nor reliably applies an inherited
 * `--import` before eval'd code runs.
 */
function bootstrap(): string {
  const self = JSON.stringify(import.meta.url);
  if (!import.meta.url.endsWith('.ts')) return `import(${self})`;
  const tsxDir = dirname(createRequire(import.meta.url).resolve('tsx/package.json'));
  const api = JSON.stringify(pathToFileURL(join(tsxDir, 'dist/esm/api/index.mjs')).href);
  return `import(${api}).then((m) => m.register()).then(() => import(${self}))`;
}

/**
 * `size` lanes over the tasks: `size - 1` worker threads, each sent `batch` tasks at a time, and
 * this thread, which does one thing at a time and yields between them, so the workers' results
 * are joined (and the workers fed) as they come: a worker's result's fragment when one waits
 * (the workers leave them to this thread unless it has a backlog), else a whole task of its own.
 * (A thread per core in all: this one would otherwise sit mostly idle while its joining work
 * competed with the workers for the cores.)
 */
function runPool(tasks: MapTask[], size: number, batch: number, onProgress: ((done: number, total: number) => void) | undefined, onResult: OnResult | undefined, fragments: FragmentPlan | undefined, ready: Worker[], backlogLimit: number): Promise<DocumentResult[]> {
  const results: (DocumentResult | undefined)[] = onResult ? [] : new Array(tasks.length);
  let next = 0;
  let done = 0;
  let settled = false;
  const pool: Worker[] = [];
  return new Promise((resolve, reject) => {
    const fail = (err: unknown): void => {
      if (settled) return;
      settled = true;
      for (const w of pool) void w.terminate();
      reject(err instanceof Error ? err : new Error(String(err)));
    };
    /** The next batch's [start, end), or undefined when every task is taken. */
    const take = (size = batch): [number, number] | undefined => {
      if (next >= tasks.length) return undefined;
      const start = next;
      next = Math.min(tasks.length, next + size);
      return [start, next];
    };
    // The workers run the per-document stages and this thread makes the fragments of their
    // results (each thread then keeps only its half of the code hot: fewer compilations, and
    // caches that hold one kind of work). `queue` holds the results waiting for their fragment;
    // a worker makes a document's fragment itself while the queue is at `backlogLimit` or more, and
    // this thread runs whole documents itself while the queue is empty: both stay busy, however
    // the two halves' costs compare on the documents at hand.
    const queue: Array<{ index: number; result: DocumentResult }> = [];
    const backlog = new Int32Array(new SharedArrayBuffer(4));
    const feed = (w: Worker): void => {
      const b = take();
      if (b) w.postMessage({ start: b[0], tasks: tasks.slice(b[0], b[1]), ...(fragments ? { fragments, backlog, limit: backlogLimit } : {}) });
    };
    const deliver = (start: number, rs: DocumentResult[]): void => {
      try {
        rs.forEach((r, j) => (onResult ? onResult(start + j, r) : (results[start + j] = r)));
      } catch (err) {
        fail(err);
        return;
      }
      done += rs.length;
      onProgress?.(done, tasks.length);
      if (done === tasks.length) {
        settled = true;
        for (const p of pool) void p.terminate();
        resolve(results as DocumentResult[]);
      }
    };
    // Four batches in flight per worker, and the next one sent before this thread handles the
    // results that came back: a worker does not run dry while this thread makes a long
    // article's fragment (tens of milliseconds) or joins its results.
    const AHEAD = 4;
    for (let k = 0; k < size - 1; k++) {
      const w = ready.shift() ?? startWorker();
      w.ref();
      pool.push(w);
      w.on('message', (msg: { start: number; results: DocumentResult[] }) => {
        if (settled) return;
        feed(w);
        msg.results.forEach((r, j) => {
          if (fragments && r.document && !r.fragment) queue.push({ index: msg.start + j, result: r });
          else deliver(msg.start + j, [r]);
        });
        Atomics.store(backlog, 0, queue.length);
        wake();
      });
      w.on('error', fail);
      w.on('exit', (code) => {
        if (!settled && code !== 0) fail(new Error(`map worker exited with code ${code}`));
      });
      const before = early.get(w);
      if (before?.error) fail(before.error);
      else if (before?.exit !== undefined) fail(new Error(`map worker exited with code ${before.exit} before its first task`));
      else for (let n = 0; n < AHEAD; n++) feed(w);
    }
    let stages: Stages | undefined;
    let awake = false;
    const local = (): void => {
      awake = false;
      if (settled) return;
      // one document at a time here, then a turn of the event loop: a worker's finished batch is
      // answered with the next one within a document's time, not a batch's (a batch can hold
      // several long articles), so the workers do not run dry while this thread works. A waiting
      // result's fragment first; else a whole document; else nothing until a worker's message.
      const waiting = queue.shift();
      const b = waiting ? undefined : take(1);
      if (!waiting && !b) return;
      let r: DocumentResult;
      let index: number;
      try {
        if (waiting) {
          Atomics.store(backlog, 0, queue.length);
          index = waiting.index;
          const t = tasks[index] as MapTask;
          r = withFragment(waiting.result, t.file, fragments, t.fragmentCacheFile);
        } else {
          index = (b as [number, number])[0];
          stages ??= defaultStages();
          r = runTask(tasks[index] as MapTask, index, stages, fragments);
        }
      } catch (err) {
        fail(err);
        return;
      }
      deliver(index, [r]);
      wake();
    };
    const wake = (): void => {
      if (awake || settled) return;
      awake = true;
      setImmediate(local);
    };
    wake();
  });
}

// Worker side: process each batch it is sent and post the results back with their start index.
if (!isMainThread && (workerData as { role?: string } | null)?.role === ROLE && parentPort) {
  const port = parentPort;
  const stages = defaultStages();
  port.on('message', (msg: { start: number; tasks: MapTask[]; fragments?: FragmentPlan; backlog?: Int32Array; limit?: number }) => {
    const { backlog, limit = 0 } = msg;
    // a document's fragment is made here only while the joining thread has a backlog of them
    const own = (): FragmentPlan | undefined => (msg.fragments && (!backlog || Atomics.load(backlog, 0) >= limit) ? msg.fragments : undefined);
    port.postMessage({ start: msg.start, results: msg.tasks.map((t, j) => runTask(t, msg.start + j, stages, own())) });
  });
}
