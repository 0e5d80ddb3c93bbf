// quality.json: the accuracy of a candidate release on the project's gold annotations, measured
// by the shared scorer on the release's own tables. A runner-side step (it runs python3).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT } from './build.ts';

/**
 * Accuracy on the project's gold annotations (../shared/eval), measured on the candidate
 * release itself and published with it as quality.json. Absent scorer: not measured.
 */
export function measureQuality(files: Map<string, Uint8Array>): unknown {
  if (!existsSync(join(EVAL_DIR, 'score.py'))) return undefined;
  const tmp = mkdtempSync(join(tmpdir(), 'homs-quality-'));
  try {
    for (const name of ['statements.csv', 'places.csv', 'actors.csv']) writeFileSync(join(tmp, name), files.get(name) ?? new Uint8Array());
    return measureQualityDir(tmp);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

const EVAL_DIR = join(PROJECT_ROOT, '..', 'shared', 'eval');

/** The same, on a release folder being written (it reads statements.csv, places.csv, actors.csv). */
export function measureQualityDir(dir: string): unknown {
  const evalDir = EVAL_DIR;
  if (!existsSync(join(evalDir, 'score.py'))) return undefined;
  const gold = readdirSync(join(evalDir, 'gold')).filter((f) => f.endsWith('.jsonl')).sort().map((f) => join(evalDir, 'gold', f));
  const run = spawnSync('python3', [join(evalDir, 'score.py'), dir, ...gold, '--json'], { encoding: 'utf8' });
  if (run.status !== 0) return undefined;
  return { scorer: 'shared/eval/score.py (homs-timeline gold annotations of the three seed documents, 320 dated statements)', gold: gold.map((g) => g.slice(evalDir.length + 1)), results: JSON.parse(run.stdout) as unknown };
}
