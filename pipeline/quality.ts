// quality.json: the accuracy of a candidate release on the project's gold annotations, measured
// by the shared scorer on the release's own tables. A runner-side step (it runs python3).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { PROJECT_ROOT } from './build.ts';

const EVAL_DIR = join(PROJECT_ROOT, '..', 'shared', 'eval');
const SEEDS_DIR = join(PROJECT_ROOT, '..', 'shared', 'seeds');

/**
 * Accuracy on the project's gold annotations (../shared/eval), measured on a candidate release
 * folder being written (its statements.csv, places.csv, actors.csv) and published with it as
 * quality.json. Absent scorer: not measured. The gold annotates the three seed documents
 * (../shared/seeds): a release holding none of them (by sha256) is not measured either, since
 * the figures would say nothing about it (and the scorer's time grows with the statements).
 */
export function measureQualityDir(dir: string): unknown {
  const evalDir = EVAL_DIR;
  if (!existsSync(join(evalDir, 'score.py'))) return undefined;
  if (!holdsAnnotatedDocument(dir)) {
    return { measured: false, note: 'the gold annotates the three seed documents, and none of them (by sha256) is in this release' };
  }
  const gold = readdirSync(join(evalDir, 'gold')).filter((f) => f.endsWith('.jsonl')).sort().map((f) => join(evalDir, 'gold', f));
  const run = spawnSync('python3', [join(evalDir, 'score.py'), dir, ...gold, '--json'], { encoding: 'utf8' });
  if (run.status !== 0) return undefined;
  return { scorer: 'shared/eval/score.py (homs-timeline gold annotations of the three seed documents, 320 dated statements)', gold: gold.map((g) => g.slice(evalDir.length + 1)), results: JSON.parse(run.stdout) as unknown };
}

/** Some document of the release folder (its documents.csv) has the bytes of a seed document. */
function holdsAnnotatedDocument(dir: string): boolean {
  const docs = join(dir, 'documents.csv');
  if (!existsSync(SEEDS_DIR) || !existsSync(docs)) return true;
  const seeds = new Set(readdirSync(SEEDS_DIR).sort().map((f) => createHash('sha256').update(readFileSync(join(SEEDS_DIR, f))).digest('hex')));
  const rows = parse(readFileSync(docs), { columns: true }) as Array<{ sha256?: string }>;
  return rows.some((r) => r.sha256 !== undefined && seeds.has(r.sha256));
}
