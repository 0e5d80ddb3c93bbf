// Texts the equivalence tests run a fast path and its reference over: the corpus as it is, and
// deterministic texts glued from a family's own parts (the same texts on every run).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The WikiWars development articles and the seeds (none where the corpus is absent). */
export const CORPUS: readonly string[] = ['../shared/corpus/wikiwars', '../shared/seeds'].flatMap((d) => {
  try {
    return readdirSync(d).filter((f) => f.endsWith('.txt')).map((f) => readFileSync(join(d, f), 'utf8'));
  } catch {
    return [];
  }
});

/** `n` texts of fewer than `maxParts` parts each, drawn from `parts` by a linear congruential generator from `seed`. */
export function randomTexts(n: number, parts: readonly string[], seed: number, maxParts: number): string[] {
  let state = seed;
  const rnd = () => { state = (Math.imul(state, 1103515245) + 12345) >>> 0; return state / 2 ** 32; };
  const out: string[] = [];
  for (let k = 0; k < n; k++) {
    let s = '';
    const len = Math.floor(rnd() * maxParts);
    for (let i = 0; i < len; i++) s += parts[Math.floor(rnd() * parts.length)]!;
    out.push(s);
  }
  return out;
}
