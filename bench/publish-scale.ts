// Publish at scale, for profiling: builds (or reuses) an Nx copy of the WCEP corpus, runs the map
// side with a cache, then times buildRelease and prints file sizes, sha256 and peak RSS.
// `tsx bench/publish-scale.ts <scale> [--hashes out.json] [--skip-publish]`
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { deserialize, serialize } from 'node:v8';
import { join } from 'node:path';
import { buildFolder, loadGazetteer, releaseInput } from '../pipeline/build.ts';
import { buildRelease } from '../pipeline/publish/index.ts';
import { workerMap } from '../pipeline/workers.ts';

const scale = Number(process.argv[2] ?? 10);
const hashesOut = process.argv.includes('--hashes') ? process.argv[process.argv.indexOf('--hashes') + 1] : undefined;
const CORPUS = join(import.meta.dirname, '..', '..', 'shared', 'corpus', 'wcep', 'news');
const base = '/tmp/pubscale';
const raw = join(base, `raw-${scale}x`);
if (!existsSync(raw)) {
  if (scale === 1) cpSync(CORPUS, join(raw, 'news'), { recursive: true });
  else for (let k = 0; k < scale; k++) cpSync(CORPUS, join(raw, `x${String(k).padStart(3, '0')}`, 'news'), { recursive: true });
}
mkdirSync(join(base, 'cache'), { recursive: true });
const t0 = performance.now();
// the release input, saved once per scale (the map cache is keyed by the code, which we edit)
const saved = join(base, `input-${scale}x.v8`);
let input: ReturnType<typeof releaseInput>;
if (existsSync(saved)) input = deserialize(readFileSync(saved)) as typeof input;
else {
  const outcome = await buildFolder({ raw, cacheDir: join(base, 'cache'), map: workerMap({ workers: 2, fileOf: (e) => join(raw, e.entry.path) }) }, () => []);
  input = releaseInput(outcome, raw, loadGazetteer(), '0.1.0');
  writeFileSync(saved, serialize(input));
}
const t1 = performance.now();
console.error(`input: ${input.documents.length} docs, ${input.statements.length} statements, ${((t1 - t0) / 1000).toFixed(1)} s, rss ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB`);
if (process.argv.includes('--skip-publish')) process.exit(0);
const r = buildRelease(input);
const t2 = performance.now();
console.error(`publish: ${((t2 - t1) / 1000).toFixed(2)} s; peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
const hashes: Record<string, string> = {};
for (const [p, b] of r.files) {
  hashes[p] = createHash('sha256').update(b).digest('hex');
  console.error(`  ${p.padEnd(32)} ${(b.byteLength / 1e6).toFixed(2).padStart(9)} MB ${hashes[p]!.slice(0, 12)}`);
}
if (hashesOut) writeFileSync(hashesOut, JSON.stringify(hashes, null, 1));
