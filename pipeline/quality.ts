// quality.json: the accuracy of a candidate release on the project's gold annotations, measured
// by the shared scorer on the release's own tables. A runner-side step (it runs python3).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from './build.ts';

const EVAL_DIR = join(PROJECT_ROOT, '..', 'shared', 'eval');

/**
 * Accuracy on the project's gold annotations (../shared/eval), measured on a candidate release
 * folder being written (its statements.csv, places.csv, actors.csv) and published with it as
 * quality.json. Absent scorer: not measured.
 */
export function measureQualityDir(dir: string): unknown {
  const evalDir = EVAL_DIR;
  if (!existsSync(join(evalDir, 'score.py'))) return undefined;
  const gold = readdirSync(join(evalDir, 'gold')).filter((f) => f.endsWith('.jsonl')).sort().map((f) => join(evalDir, 'gold', f));
  const run = spawnSync('python3', [join(evalDir, 'score.py'), dir, ...gold, '--json'], { encoding: 'utf8' });
  if (run.status !== 0) return undefined;
  return { scorer: 'shared/eval/score.py (homs-timeline gold annotations of the three seed documents, 320 dated statements)', gold: gold.map((g) => g.slice(evalDir.length + 1)), results: JSON.parse(run.stdout) as unknown };
}
