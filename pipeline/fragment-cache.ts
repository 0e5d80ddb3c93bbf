// The fragment cache: beside a document's cached result (build.ts), the publish fragment made
// from it (publish/fragment.ts), so a rebuild after one document of a thousand changed makes one
// fragment, not a thousand. A fragment is its header (ids, keys, counts, violations: a small JSON
// file per document) and its big texts (CSV records, graph nodes, N-Quads), which stay in the
// pack file the map thread wrote them to: a hit hands the join the header, and the join copies
// the texts' bytes straight from the pack into the release, as it does a fresh fragment's.
//
// Keyed by the document (as the result cache is) and by *all* the code (publish too) and whether
// the rows' cells are carried (a diff against a previous release). A header whose pack is gone
// or too short is a miss, never an error. After each release the cache keeps only what that
// build used (pruneFragmentCache).
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { entryKey, type RawEntry } from './manifest.ts';
import type { DocumentResult } from './process.ts';
import type { Fragment } from './publish/fragment.ts';

/** The header's format; another one is a miss. */
const FORMAT = 1;
/**
 * Most pack files a build may read from: each incremental build adds one per thread that made a
 * fragment, and the join keeps one descriptor open per pack. Past this, the cache is emptied
 * once and the next build writes all fragments into fresh packs (their results still cached).
 */
export const MAX_PACKS = 24;

export interface FragmentCache {
  /** Where the map threads write the fragments' texts. */
  packs: string;
  /** The header file of a document's fragment. */
  headerOf(e: RawEntry): string;
}

/** The fragment cache's folder in the cache folder. */
export const FRAGMENTS_DIR = 'fragments';

export function fragmentCache(cacheDir: string, codeVersion: string, withCells: boolean): FragmentCache {
  const dir = join(cacheDir, FRAGMENTS_DIR);
  return {
    packs: join(dir, 'packs'),
    headerOf: (e) => join(dir, `${entryKey(e, `fragment ${FORMAT} ${codeVersion} ${withCells ? 'cells' : 'no-cells'}`)}.json`),
  };
}

/** Every [offset, length] of the fragment's texts in its pack. */
function ranges(f: Fragment): Array<[number, number]> {
  const b = f.blob;
  if (!b) return [];
  return [b.graph, b.nq, ...(b.csv ?? []).flat(), ...(b.cells ? [b.cells] : [])];
}

/**
 * The result (its stub, with its fragment) a header holds, or undefined when it is not a usable
 * hit: unreadable, of another format, or its pack missing or shorter than its texts need.
 */
export function readCachedFragment(header: string): DocumentResult | undefined {
  try {
    const h = JSON.parse(readFileSync(header, 'utf8')) as { format?: number; result?: DocumentResult };
    const r = h.result;
    const f = r?.fragment;
    if (h.format !== FORMAT || !r || !f?.blob || typeof f.blob.file !== 'string') return undefined;
    // every text of a cached fragment is in its pack (none kept in the header)
    if (!f.blob.csv || !f.blob.cells) return undefined;
    const size = statSync(f.blob.file).size;
    for (const [offset, length] of ranges(f)) if (!(offset >= 0 && length >= 0 && offset + length <= size)) return undefined;
    return r;
  } catch {
    return undefined;
  }
}

/** Writes the header of a result made with its fragment (all of whose texts are in its pack). */
export function writeCachedFragment(header: string, r: DocumentResult): void {
  if (!r.fragment?.blob?.csv) return;
  mkdirSync(join(header, '..'), { recursive: true });
  writeFileSync(`${header}.tmp`, JSON.stringify({ format: FORMAT, result: r }));
  renameSync(`${header}.tmp`, header);
}

/**
 * Keeps only what a build used: the headers of its documents and the packs their fragments'
 * texts are in; the rest (documents since changed or removed, fragments of other code) is
 * deleted. With more than MAX_PACKS packs in use, everything goes (see MAX_PACKS).
 */
export function pruneFragmentCache(cache: FragmentCache, used: { headers: ReadonlySet<string>; packs: ReadonlySet<string> }): void {
  const all = used.packs.size > MAX_PACKS;
  const dir = join(cache.packs, '..');
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (name.endsWith('.json') || name.endsWith('.tmp')) {
      if (all || !used.headers.has(p)) rmSync(p, { force: true });
    }
  }
  if (!existsSync(cache.packs)) return;
  for (const name of readdirSync(cache.packs)) {
    const p = join(cache.packs, name);
    if (all || !used.packs.has(p)) rmSync(p, { force: true });
  }
}
