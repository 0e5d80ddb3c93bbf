// `make bench`: builds the corpus (the WCEP pages and the WikiWars articles, 1x) and 10x / 100x copies of it as releases in a temporary
// folder (never dist-data/), each run in its own child process so its peak RSS is its own, and
// prints the growth. Also: 1 vs 2 workers at 100x, the streaming map side alone, a cached rerun,
// and chrono-node alone parsing the same text. `tsx bench/pipeline.ts [--scales 1,10,100] [--keep]`.
import { spawn, spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, createWriteStream, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const SHARED_CORPUS = join(fileURLToPath(new URL('.', import.meta.url)), '..', '..', 'shared', 'corpus');
const CORPUS = join(SHARED_CORPUS, 'wcep', 'news');
/** The narrative articles: their .txt files only (the .timex.jsonl beside them are gold annotations). */
const NARRATIVES = join(SHARED_CORPUS, 'wikiwars');

const { values } = parseArgs({
  options: {
    child: { type: 'string' },
    raw: { type: 'string' },
    out: { type: 'string' },
    workers: { type: 'string', default: '1' },
    cache: { type: 'string' },
    scales: { type: 'string', default: '1,10,100' },
    corpus: { type: 'string', default: CORPUS },
    narratives: { type: 'string', default: NARRATIVES },
    keep: { type: 'boolean', default: false },
  },
});

interface RunReport {
  docs: number;
  bytes: number;
  statements: number;
  ms: Record<string, number>;
  maxRssMB: number;
  /** CPU seconds of the whole process, every thread (for `stages`: while its stages ran). */
  cpuS?: number;
  /** Of those, the seconds in the kernel (page faults, file writes). */
  sysS?: number;
  /** The share of the machine's CPU time the hypervisor gave to others during the run (from /proc/stat, set by the parent). */
  stealPct?: number;
  cacheHits?: number;
  /** Of those, the documents whose publish fragment came from the cache too. */
  fragmentHits?: number;
  /** Why the run stopped, when a stage threw (publish builds each file as one string). */
  error?: string;
  /** The runner's code version (the cache key), to tell a cache miss from a code change. */
  code?: string;
}

const mb = (n: number) => n / 1e6;
const rssMB = () => process.resourceUsage().maxRSS / 1024;
const cpuS = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};
const sysS = () => process.cpuUsage().system / 1e6;
/** The machine's CPU ticks so far, all and stolen (Linux; undefined elsewhere). */
function cpuTicks(): { all: number; steal: number } | undefined {
  try {
    const f = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1, 9).map(Number);
    return { all: f.reduce((a, b) => a + b, 0), steal: f[7] ?? 0 };
  } catch {
    return undefined;
  }
}

// ---------------------------------------------------------------- child modes (one measured run each)

async function childBuild(raw: string, out: string, workers: number, cacheDir?: string): Promise<RunReport> {
  const { buildFolder, codeVersion, documentMeta, loadGazetteer, takeFragment } = await import('../pipeline/build.ts');
  const { hasErrors } = await import('../pipeline/diagnostics.ts');
  const { releaseFolderWriter } = await import('../pipeline/publish/index.ts');
  const { workerMap } = await import('../pipeline/workers.ts');
  const ms: Record<string, number> = {};
  const t0 = performance.now();
  let joinMs = 0;
  const map = workerMap({ workers, fileOf: (e) => join(raw, e.entry.path), prestartDir: raw });
  // as `make` builds: each document's fragment made in the map, on every core, and kept on disk;
  // this thread joins them in document order while the map goes on
  const scratch = `${out}.fragments`;
  const gazetteer = loadGazetteer();
  const writer = releaseFolderWriter({ version: '0.1.0', places: gazetteer.places, actors: gazetteer.actors }, out, workers);
  let error: string | undefined;
  let outcome;
  try {
    outcome = await buildFolder({
      raw,
      ...(cacheDir ? { cacheDir } : {}),
      fragments: { dir: scratch, withCells: false },
      map,
      onOrdered: (_, r) => {
        const s = performance.now();
        const f = takeFragment(r);
        if (f && !hasErrors(r.messages)) writer.add(documentMeta(r), f);
        joinMs += performance.now() - s;
      },
    }, () => []);
    ms.map = performance.now() - t0;
    ms.join = joinMs;
    const s = performance.now();
    writer.finish({}, { skipped: outcome.skipped });
    ms.finish = performance.now() - s;
    outcome.pruneCache?.();
  } catch (e) {
    const where = /\n\s+at (\S+) \(.*?([^/]+\.ts):(\d+)/.exec(String((e as Error).stack));
    error = `${String(e)}${where ? ` in ${where[1]} (${where[2]}:${where[3]})` : ''}`;
  }
  rmSync(scratch, { recursive: true, force: true });
  ms.total = performance.now() - t0;
  const bytes = listFiles(raw).reduce((n, f) => n + statSync(join(raw, f)).size, 0);
  return { docs: outcome?.good.length ?? 0, bytes, statements: outcome?.statementCount ?? 0, ms, maxRssMB: rssMB(), cpuS: cpuS(), sysS: sysS(), cacheHits: outcome?.cache.hits ?? 0, fragmentHits: outcome?.cache.fragments ?? 0, code: codeVersion(), ...(error ? { error } : {}) };
}

/** The map side alone, streaming: one document read, processed and written as a JSON line at a time. */
async function childStream(raw: string, out: string): Promise<RunReport> {
  const { processDocument } = await import('../pipeline/process.ts');
  const { idFromPath, sha256 } = await import('../pipeline/manifest.ts');
  const { defaultStages } = await import('../pipeline/workers.ts');
  const stages = defaultStages();
  const t0 = performance.now();
  const sink = createWriteStream(out);
  let docs = 0, bytes = 0, statements = 0;
  for (const rel of listFiles(raw)) {
    const b = new Uint8Array(readFileSync(join(raw, rel)));
    const entry = { id: idFromPath(rel), path: rel, sha256: sha256(b), licence: 'LicenseRef-Unknown' };
    const r = processDocument(entry, b, join(raw, rel), stages);
    docs++, bytes += b.length, statements += r.statements.length;
    if (!sink.write(JSON.stringify(r) + '\n')) await new Promise<void>((res) => sink.once('drain', () => res()));
  }
  await new Promise<void>((res) => sink.end(() => res()));
  return { docs, bytes, statements, ms: { total: performance.now() - t0 }, maxRssMB: rssMB() };
}

/** Per-stage wall time over the corpus, stage by stage, in this thread. */
async function childStages(raw: string): Promise<RunReport> {
  const { loadRawFolder } = await import('../pipeline/manifest.ts');
  const { decode } = await import('../pipeline/ingest/decode.ts');
  const { ingest } = await import('../pipeline/ingest/index.ts');
  const { buildStatements } = await import('../pipeline/statements.ts');
  const { validateRecord } = await import('../pipeline/validate.ts');
  const { createStages } = await import('../pipeline/stages.ts');
  const { dater, normalizer } = createStages();
  const { entries } = loadRawFolder(raw);
  const ms: Record<string, number> = { decode: 0, ingest: 0, dates: 0, 'statements+normalize': 0, validate: 0 };
  const timed = <T>(stage: string, f: () => T): T => {
    const s = performance.now();
    const v = f();
    ms[stage] = (ms[stage] ?? 0) + performance.now() - s;
    return v;
  };
  validateRecord('statement.schema.json', {}, { file: 'warm-up', label: 'warm-up' }); // compile once, outside the timing
  let statements = 0, bytes = 0;
  const cpu0 = cpuS();
  for (const e of entries) {
    bytes += e.bytes.length;
    const d = timed('decode', () => decode(e.bytes, e.file));
    if (d.text === undefined) continue;
    const text = d.text;
    const { document } = timed('ingest', () => ingest({ id: e.entry.id, path: e.file, text }));
    if (!document) continue;
    const dated = timed('dates', () => dater(document));
    const built = timed('statements+normalize', () => buildStatements(document, () => dated, normalizer));
    statements += built.statements.length;
    timed('validate', () => built.statements.forEach((s) => validateRecord('statement.schema.json', s, { file: e.file, label: s.statementId })));
  }
  return { docs: entries.length, bytes, statements, ms, maxRssMB: rssMB(), cpuS: cpuS() - cpu0 };
}

/** chrono-node alone, parsing the same decoded text of every document against its page date. */
async function childChrono(raw: string): Promise<RunReport> {
  const chrono = await import('chrono-node');
  const { loadRawFolder } = await import('../pipeline/manifest.ts');
  const { decode } = await import('../pipeline/ingest/decode.ts');
  const { entries } = loadRawFolder(raw);
  const texts = entries.map((e) => {
    const m = /news\/(\d{4})\/(\d{2})\/(\d{1,2})\//.exec(e.entry.path);
    const ref = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : new Date(Date.UTC(2014, 0, 1));
    return { text: decode(e.bytes, e.file).text ?? '', ref };
  });
  chrono.parse('on 8 May 2014', new Date(Date.UTC(2014, 0, 1))); // warm-up
  const t0 = performance.now();
  let found = 0;
  for (const { text, ref } of texts) found += chrono.parse(text, ref).length;
  return { docs: entries.length, bytes: texts.reduce((n, x) => n + Buffer.byteLength(x.text), 0), statements: found, ms: { total: performance.now() - t0 }, maxRssMB: rssMB() };
}

function listFiles(dir: string, prefix = ''): string[] {
  const out: string[] = [];
  for (const name of readdirSync(join(dir, prefix)).sort()) {
    if (name.startsWith('.')) continue;
    const rel = prefix ? `${prefix}/${name}` : name;
    if (statSync(join(dir, rel)).isDirectory()) out.push(...listFiles(dir, rel));
    else out.push(rel);
  }
  return out;
}

// ---------------------------------------------------------------- parent: corpora, runs, table

/** A child of this script in `mode`, as run(), runTwo() start it; `v8`: flags for its V8 (before the script). */
const childArgv = (mode: string, args: string[], v8: string[] = []) => [...v8, ...process.execArgv, fileURLToPath(import.meta.url), '--child', mode, ...args];
const CHILD_ENV = { ...process.env, CI: '1' };
/** The report a child printed last, or why it failed. */
function childReport(mode: string, args: string[], code: number | null, stdout: string, stderr: string): RunReport {
  if (code !== 0) throw new Error(`bench child ${mode} ${args.join(' ')} failed (${code}):\n${stderr}`);
  return JSON.parse(stdout.trim().split('\n').pop() ?? '') as RunReport;
}

function run(mode: string, args: string[], v8: string[] = []): RunReport {
  const before = cpuTicks();
  const r = spawnSync(process.execPath, childArgv(mode, args, v8), { encoding: 'utf8', maxBuffer: 1 << 26, env: CHILD_ENV });
  const report = childReport(mode, args, r.status, r.stdout, r.stderr);
  const after = cpuTicks();
  if (before && after && after.all > before.all) report.stealPct = (100 * (after.steal - before.steal)) / (after.all - before.all);
  return report;
}

/** Two children at once, as separate processes (nothing shared but the machine). */
function runTwo(mode: string, args: [string[], string[]], v8: string[] = []): Promise<RunReport[]> {
  return Promise.all(
    args.map(
      (a) =>
        new Promise<RunReport>((resolve, reject) => {
          const c = spawn(process.execPath, childArgv(mode, a, v8), { env: CHILD_ENV, stdio: ['ignore', 'pipe', 'pipe'] });
          let out = '';
          let err = '';
          c.stdout.on('data', (d: Buffer) => (out += d.toString('utf8')));
          c.stderr.on('data', (d: Buffer) => (err += d.toString('utf8')));
          c.on('close', (code) => {
            try {
              resolve(childReport(mode, a, code, out, err));
            } catch (e) {
              reject(e);
            }
          });
        }),
    ),
  );
}

/** `scale` copies of the corpus under new paths (and so new ids): x000/news/..., x000/wikiwars/..., x001/news/... */
function makeCorpus(dir: string, scale: number): string {
  const raw = join(dir, `raw-${scale}x`);
  const narratives = values.narratives ? readdirSync(values.narratives).filter((f) => f.endsWith('.txt')).sort() : [];
  for (let k = 0; k < scale; k++) {
    const to = scale === 1 ? raw : join(raw, `x${String(k).padStart(3, '0')}`);
    cpSync(values.corpus as string, join(to, 'news'), { recursive: true });
    for (const f of narratives) cpSync(join(values.narratives as string, f), join(to, 'wikiwars', f));
  }
  return raw;
}

const f1 = (n: number) => n.toFixed(1);
const line = (s: string) => process.stdout.write(s + '\n');

async function parent(): Promise<void> {
  const scales = (values.scales as string).split(',').map(Number).filter((n) => n >= 1);
  const dir = mkdtempSync(join(tmpdir(), 'homs-bench-'));
  try {
    line(`bench: corpus ${relative(process.cwd(), values.corpus as string)}${values.narratives ? ` and the .txt of ${relative(process.cwd(), values.narratives)}` : ''}; temporary folder ${dir}; node ${process.version}; every run a fresh child process, no cache unless stated`);
    const raws = new Map(scales.map((s) => [s, makeCorpus(dir, s)]));
    const raw1 = raws.get(scales[0] as number) as string;

    const st = run('stages', ['--raw', raw1]);
    line(`\n== per-document stages at ${scales[0]}x, in one thread (${st.docs} documents, ${f1(mb(st.bytes))} MB, ${st.statements} statements)`);
    const stageTotal = Object.values(st.ms).reduce((a, b) => a + b, 0);
    for (const [k, v] of Object.entries(st.ms)) line(`  ${k.padEnd(20)} ${f1(v).padStart(9)} ms  ${f1((100 * v) / stageTotal).padStart(5)}%`);

    const builds = new Map<string, RunReport>();
    line('\n== whole build (load -> map, with each fragment joined into the release as it comes -> finish), 1 worker');
    line('  scale    docs     MB  statements   total s   ms/doc   docs/s    MB/s  peak RSS MB  CPU s  sys s  steal%   [stage ms]');
    const row = (label: string, r: RunReport) => {
      const s = r.ms.total as number;
      const stages = Object.entries(r.ms).filter(([k]) => k !== 'total').map(([k, v]) => `${k} ${v.toFixed(0)}`).join(', ');
      line(`  ${label.padEnd(7)} ${String(r.docs).padStart(5)} ${f1(mb(r.bytes)).padStart(6)} ${String(r.statements).padStart(11)} ${(s / 1000).toFixed(2).padStart(9)} ${(s / r.docs).toFixed(2).padStart(8)} ${((1000 * r.docs) / s).toFixed(0).padStart(8)} ${((1000 * mb(r.bytes)) / s).toFixed(2).padStart(7)} ${f1(r.maxRssMB).padStart(12)} ${f1(r.cpuS ?? 0).padStart(6)} ${f1(r.sysS ?? 0).padStart(6)} ${r.stealPct === undefined ? '     -' : f1(r.stealPct).padStart(6)}   [${stages}]${r.error ? `  PUBLISH FAILED: ${r.error}` : ''}`);
    };
    for (const s of scales) {
      const r = run('build', ['--raw', raws.get(s) as string, '--out', join(dir, `rel-${s}x-w1`), '--workers', '1']);
      builds.set(`${s}x-w1`, r);
      row(`${s}x`, r);
    }

    const top = scales[scales.length - 1] as number;
    // The machine's speed drifts by a quarter between runs minutes apart (other guests on the host,
    // memory it hands back and forth): one worker and two are run alternately, twice each, and
    // compared pair by pair and in total.
    line(`\n== ${top}x with 1 and 2 workers, alternately (the first 1-worker run is the one above)`);
    const w1s = [builds.get(`${top}x-w1`) as RunReport];
    const w2s: RunReport[] = [];
    let same = '';
    for (let k = 0; k < 2; k++) {
      if (k > 0) {
        const again = run('build', ['--raw', raws.get(top) as string, '--out', join(dir, `rel-${top}x-w1-${k}`), '--workers', '1']);
        w1s.push(again);
        row(`${top}x w1`, again);
      }
      const r = run('build', ['--raw', raws.get(top) as string, '--out', join(dir, `rel-${top}x-w2-${k}`), '--workers', '2']);
      w2s.push(r);
      row(`${top}x w2`, r);
      if (k === 0) same = w1s[0]!.error || r.error ? 'not compared (publish failed)' : sameTree(join(dir, `rel-${top}x-w1`), join(dir, `rel-${top}x-w2-0`));
      // a 100x release is about 2 GB: none is kept once compared
      for (const f of readdirSync(dir)) if (f.startsWith(`rel-${top}x-`)) rmSync(join(dir, f), { recursive: true, force: true });
    }
    const sum = (rs: RunReport[], k: string) => rs.reduce((n, r) => n + (r.ms[k] as number), 0);
    const sumCpu = (rs: RunReport[]) => rs.reduce((n, r) => n + (r.cpuS ?? 0), 0);
    const pairRatios = w2s.map((r, k) => ((w1s[k] as RunReport).ms.total as number) / (r.ms.total as number));
    const twoWorkers = sum(w1s, 'total') / sum(w2s, 'total');
    line(`  speed-up 2 vs 1 worker: whole build ${twoWorkers.toFixed(2)}x over both pairs (pair by pair ${pairRatios.map((x) => `${x.toFixed(2)}x`).join(', ')}), map (+ join) ${(sum(w1s, 'map') / sum(w2s, 'map')).toFixed(2)}x; CPU s ${f1(sumCpu(w1s) / w1s.length)} vs ${f1(sumCpu(w2s) / w2s.length)} a run; release bytes identical: ${same}`);

    line('\n== map side alone, streaming to JSON Lines (no result kept in memory), 1 thread');
    line('  scale   docs   total s   ms/doc  peak RSS MB');
    const streams = new Map<number, RunReport>();
    for (const s of scales) {
      const r = run('stream', ['--raw', raws.get(s) as string, '--out', join(dir, `map-${s}x.jsonl`)]);
      line(`  ${`${s}x`.padEnd(6)} ${String(r.docs).padStart(5)} ${((r.ms.total as number) / 1000).toFixed(2).padStart(9)} ${((r.ms.total as number) / r.docs).toFixed(2).padStart(8)} ${f1(r.maxRssMB).padStart(12)}`);
      streams.set(s, r);
      rmSync(join(dir, `map-${s}x.jsonl`), { force: true });
    }

    const mid = scales.length > 1 ? (scales[scales.length - 2] as number) : top;
    // How much two lanes slow each other on this machine, whatever the code: the same CPU work
    // alone, and as two processes at once that share nothing but the machine (cores, caches, memory).
    const laneRaw = raws.get(mid) as string;
    const stagesMs = (r: RunReport) => Object.values(r.ms).reduce((a, b) => a + b, 0);
    const lanes = (v8: string[]) => {
      const alone = [0, 1].map(() => run('stages', ['--raw', laneRaw], v8));
      return runTwo('stages', [['--raw', laneRaw], ['--raw', laneRaw]], v8).then((both) => {
        const aloneMs = alone.reduce((n, r) => n + stagesMs(r), 0) / alone.length;
        const bothMs = Math.max(...both.map(stagesMs));
        return { alone, both, aloneMs, bothMs, ratio: (2 * aloneMs) / bothMs, cores: alone.reduce((n, r) => n + (r.cpuS ?? 0) * 1000 / stagesMs(r), 0) / alone.length };
      });
    };
    const laneLine = (l: Awaited<ReturnType<typeof lanes>>) => `alone (twice: ${l.alone.map((r) => (stagesMs(r) / 1000).toFixed(2)).join(' s, ')} s) and as two processes at once (${l.both.map((r) => (stagesMs(r) / 1000).toFixed(2)).join(' s, ')} s): each of the pair took up to ${(l.bothMs / l.aloneMs).toFixed(2)}x as long as a run alone, so two lanes did ${l.ratio.toFixed(2)}x the work of one in the same time`;
    const shared = await lanes([]);
    // the same without V8's own threads (concurrent compilers, parallel and concurrent GC): what a
    // lane alone gains from the idle second core, which a second lane takes back
    const single = await lanes(['--single-threaded']);
    const twoLanes = shared.ratio;
    line(`\n== two lanes on this machine: the per-document stages at ${mid}x (CPU only: the documents are read before the clock starts, nothing is written)`);
    line(`  as Node runs them: ${laneLine(shared)}; a lane alone kept ${shared.cores.toFixed(2)} cores busy (its process's CPU time over the stages' wall time)`);
    line(`  with V8's background threads off (--single-threaded: compilers and GC on the lane's own thread): ${laneLine(single)}`);
    // the middle scale once more, minutes after its first run: each scale's time is its faster run
    const midAgain = scales.length > 1 ? run('build', ['--raw', raws.get(mid) as string, '--out', join(dir, `rel-${mid}x-w1-again`), '--workers', '1']) : undefined;
    if (midAgain) {
      line(`\n== ${mid}x with 1 worker again (for the targets below: at each scale the faster 1-worker run)`);
      row(`${mid}x w1`, midAgain);
    }

    const cache = join(dir, 'cache');
    const cold = run('build', ['--raw', raws.get(mid) as string, '--out', join(dir, 'rel-cold'), '--workers', '1', '--cache', cache]);
    const warm = run('build', ['--raw', raws.get(mid) as string, '--out', join(dir, 'rel-warm'), '--workers', '1', '--cache', cache]);
    const cachedLine = (r: RunReport) => `${r.cacheHits}/${r.docs} documents from the cache (${r.fragmentHits} of them with their publish fragment), ${((r.ms.total as number) / 1000).toFixed(2)} s (map ${(r.ms.map as number).toFixed(0)} ms, join ${(r.ms.join as number).toFixed(0)} ms, finish ${(r.ms.finish as number).toFixed(0)} ms), peak RSS ${f1(r.maxRssMB)} MB`;
    const changedCode = cold.code !== warm.code ? ' (the code changed between the two runs: someone edited pipeline/, so the cache was rightly invalidated)' : '';
    line(`\n== ${mid}x rebuilt with a warm cache (the cold run with the cache: ${((cold.ms.total as number) / 1000).toFixed(2)} s): ${cachedLine(warm)}${changedCode}`);
    // one document of the corpus changed (the last of the folder, a sentence added): only it is made again
    const midRaw = raws.get(mid) as string;
    const last = listFiles(midRaw).at(-1) as string;
    appendFileSync(join(midRaw, last), '\n\nOn 9 February 2014, shelling killed 12 people in Homs.\n');
    const one = run('build', ['--raw', midRaw, '--out', join(dir, 'rel-one-changed'), '--workers', '1', '--cache', cache]);
    line(`   and with one document changed (${last}): ${cachedLine(one)}`);

    // the machine's speed drifts between runs: three runs of each, alternating, and their medians
    const pairs = [0, 1, 2].map((k) => ({
      b: run('build', ['--raw', raw1, '--out', join(dir, `rel-${scales[0]}x-vs-chrono-${k}`), '--workers', '1']),
      c: run('chrono', ['--raw', raw1]),
    }));
    const med3 = (xs: number[]) => [...xs].sort((a, b) => a - b)[1] as number;
    const ch = { ...(pairs[0]!.c), ms: { total: med3(pairs.map((p) => p.c.ms.total as number)) } };
    const b1 = { ...(pairs[0]!.b), ms: { total: med3(pairs.map((p) => p.b.ms.total as number)) } };
    line(`\n== chrono-node alone on the same text at ${scales[0]}x (medians of 3 runs each, alternating with 3 builds): ${ch.docs} documents, ${ch.statements} results, ${(ch.ms.total as number).toFixed(0)} ms (${((ch.ms.total as number) / ch.docs).toFixed(2)} ms/doc; runs ${pairs.map((p) => (p.c.ms.total as number).toFixed(0)).join(', ')})`);
    line(`  whole pipeline ${(b1.ms.total as number).toFixed(0)} ms (runs ${pairs.map((p) => (p.b.ms.total as number).toFixed(0)).join(', ')}), per-document stages ${stageTotal.toFixed(0)} ms: the pipeline takes ${((b1.ms.total as number) / (ch.ms.total as number)).toFixed(2)}x chrono-node's time`);

    // and at the top scale, where neither side is cold: chrono-node in one thread, the build as made above
    const chTop = scales.length > 1 ? run('chrono', ['--raw', raws.get(top) as string]) : undefined;
    const bestOf = (rs: RunReport[]) => Math.min(...rs.map((r) => r.ms.total as number));
    if (chTop) {
      line(`  at ${top}x: chrono-node ${((chTop.ms.total as number) / 1000).toFixed(2)} s (${chTop.statements} results); the whole build ${(bestOf(w1s) / 1000).toFixed(2)} s with 1 worker, ${(bestOf(w2s) / 1000).toFixed(2)} s with 2 (the faster run of each, above): ${(bestOf(w1s) / (chTop.ms.total as number)).toFixed(2)}x and ${(bestOf(w2s) / (chTop.ms.total as number)).toFixed(2)}x chrono-node's time`);
    }

    if (scales.length > 1) {
      const faster = (rs: RunReport[]) => rs.reduce((a, b) => ((b.ms.total as number) < (a.ms.total as number) ? b : a));
      const los = [builds.get(`${mid}x-w1`) as RunReport, ...(midAgain ? [midAgain] : [])];
      const lo = faster(los);
      const hi = faster(w1s);
      const peak = (rs: RunReport[]) => Math.max(...rs.map((r) => r.maxRssMB));
      const perDoc = (r: RunReport, k: string) => (r.ms[k] as number) / r.docs;
      const failed = hi.error || lo.error ? ' (publish failed at this scale: see above)' : '';
      line(`\n== targets (${top}x vs ${mid}x, 1 worker; times from the faster of the two runs at each scale, peak RSS the higher)`);
      line(`  time per document ratio, whole build   ${(perDoc(hi, 'total') / perDoc(lo, 'total')).toFixed(2)} (target <= 1.3)${failed}`);
      line(`  time per document ratio, map (+ join)  ${(perDoc(hi, 'map') / perDoc(lo, 'map')).toFixed(2)}`);
      line(`  time per document ratio, finish        ${(perDoc(hi, 'finish') / perDoc(lo, 'finish')).toFixed(2)} (small tables, graph head, N-Quads order, landing page)`);
      line(`  peak RSS ratio, whole build            ${(peak(w1s) / peak(los)).toFixed(2)} (${f1(peak(w1s))} vs ${f1(peak(los))} MB) (target <= 1.5)${failed}`);
      line(`  peak RSS ratio, streaming map side     ${((streams.get(top) as RunReport).maxRssMB / (streams.get(mid) as RunReport).maxRssMB).toFixed(2)}`);
      line(`  2 workers vs 1, whole build            ${twoWorkers.toFixed(2)}x over two alternating pairs (${pairRatios.map((x) => `${x.toFixed(2)}x`).join(', ')}) (target >= 1.6)${failed}`);
      line(`  2 workers vs 1, map (+ join)           ${(sum(w1s, 'map') / sum(w2s, 'map')).toFixed(2)}x; CPU s ${f1(sumCpu(w1s) / w1s.length)} vs ${f1(sumCpu(w2s) / w2s.length)} a run`);
      line(`  two processes of the same CPU work     ${twoLanes.toFixed(2)}x the throughput of one (the per-document stages at ${mid}x, above); ${single.ratio.toFixed(2)}x with V8's background threads off`);
      line(`  cores a 1-worker build keeps busy      ${(hi.cpuS !== undefined ? hi.cpuS / ((hi.ms.total as number) / 1000) : NaN).toFixed(2)} at ${top}x (CPU s over wall s: V8's compilers and GC run beside the one lane)`);
      // Amdahl: the finish (N-Quads order, small tables, landing page) runs after the map, on one thread
      const serial = (hi.ms.finish as number) / (hi.ms.total as number);
      line(`  serial part, 1 worker                  finish ${((hi.ms.finish as number) / 1000).toFixed(1)} s of ${((hi.ms.total as number) / 1000).toFixed(1)} s (${(100 * serial).toFixed(0)}%): two lanes give at most ${(1 / (serial + (1 - serial) / 2)).toFixed(2)}x`);
      line(`  pipeline / chrono-node, whole build    ${((b1.ms.total as number) / (ch.ms.total as number)).toFixed(2)} at ${scales[0]}x${chTop ? `, ${(bestOf(w2s) / (chTop.ms.total as number)).toFixed(2)} at ${top}x with 2 workers` : ''} (target < 1)`);
      line(`  pipeline / chrono-node, dates stage    ${((st.ms.dates as number) / (ch.ms.total as number)).toFixed(2)}`);
    }
  } finally {
    if (values.keep) line(`kept ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }
}

/** `yes`, or the files that differ (the working tree can change between two runs while others edit it). */
function sameTree(a: string, b: string): string {
  const fa = listFiles(a), fb = listFiles(b);
  const differ = [...new Set([...fa, ...fb])].filter((f) => !fa.includes(f) || !fb.includes(f) || !readFileSync(join(a, f)).equals(readFileSync(join(b, f))));
  return differ.length === 0 ? 'yes' : `NO (${differ.join(', ')})`;
}

if (values.child) {
  const raw = values.raw as string;
  const report =
    values.child === 'build' ? await childBuild(raw, values.out as string, Number(values.workers), values.cache)
    : values.child === 'stream' ? await childStream(raw, values.out as string)
    : values.child === 'stages' ? await childStages(raw)
    : await childChrono(raw);
  process.stdout.write(JSON.stringify(report) + '\n');
} else {
  await parent();
}
