// A small raw folder for the scale tests: the three seeds with their manifest, plus a spread of
// WCEP pages (day pages of both layouts and item pages) and a WikiWars article dated BC, that the
// manifest does not list.
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const WCEP = join(ROOT, '..', 'shared', 'corpus', 'wcep', 'news');
/** A narrative dated BC throughout (its dates go to date_edtf only, and its spreadsheet rows differ from the canonical ones). */
const BC_NARRATIVE = join(ROOT, '..', 'shared', 'corpus', 'wikiwars', '09_GrecoPersian.txt');

const PAGES = [
  '2012/02/3/index.md',
  '2012/02/22/index.md',
  '2014/02/7/index.md',
  '2014/02/9/index.md',
  '2014/05/7/index.md',
  '2014/05/9/index.md',
  '2014/05/25/index.md',
];

export function smallCorpus(): string {
  const dir = mkdtempSync(join(tmpdir(), 'homs-scale-'));
  const raw = join(dir, 'raw');
  cpSync(join(ROOT, 'raw'), raw, { recursive: true });
  for (const p of PAGES) {
    const day = dirname(p);
    // every file of the day folder: the index and its item pages (incl. the empty 2014/05/25 one)
    for (const name of readdirSync(join(WCEP, day))) {
      mkdirSync(join(raw, 'news', day), { recursive: true });
      cpSync(join(WCEP, day, name), join(raw, 'news', day, name));
    }
  }
  mkdirSync(join(raw, 'wikiwars'), { recursive: true });
  cpSync(BC_NARRATIVE, join(raw, 'wikiwars', '09_GrecoPersian.txt'));
  return raw;
}

/** Every file of a folder, relative and sorted, with its bytes. */
export function readTree(dir: string, prefix = ''): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  for (const name of readdirSync(join(dir, prefix)).sort()) {
    const rel = prefix ? `${prefix}/${name}` : name;
    if (statSync(join(dir, rel)).isDirectory()) for (const [k, v] of readTree(dir, rel)) out.set(k, v);
    else out.set(rel, readFileSync(join(dir, rel)));
  }
  return out;
}

/** Every file under `dir`, by its path relative to `dir`. */
export function tree(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.set(relative(dir, p), readFileSync(p));
    }
  };
  walk(dir);
  return out;
}
