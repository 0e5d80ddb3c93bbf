// The raw folder: its manifest (raw/sources.json) checked against the schema and against the
// files, or, without a manifest, an entry made for every file. Problems are messages; a listed
// document that cannot be read safely is left out of `entries` and named in a message.
import { createHash } from 'node:crypto';
import { existsSync, lstatSync, readdirSync, readFileSync, realpathSync } from 'node:fs';
import { isAbsolute, join, normalize, relative, sep } from 'node:path';
import { message } from './diagnostics.ts';
import type { Message, SourceEntry } from './types.ts';
import { validateRecord } from './validate.ts';

export const MANIFEST = 'sources.json';

export interface RawEntry {
  entry: SourceEntry;
  /** Absolute path of the file, proven to be inside the raw folder. */
  file: string;
  /**
   * The file's bytes, read when asked (each time): a build over 10,000 documents never holds
   * them all, and a worker thread is sent them only when its turn comes.
   */
  readonly bytes: Uint8Array;
  /** sha256 of the bytes, taken when the folder was read. */
  contentSha256: string;
  /** Whether the entry came from the manifest (false: made up from the file alone). */
  listed: boolean;
}

/**
 * A cache key for an entry: `salt` (what else the cached thing depends on, such as the code's
 * version), its manifest entry, its path and its bytes' sha256.
 */
export function entryKey(e: RawEntry, salt: string): string {
  return createHash('sha256').update(salt).update('\0').update(JSON.stringify(e.entry)).update('\0').update(e.file).update('\0').update(e.contentSha256).digest('hex');
}

export function sha256(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** A stable document id from a relative path: `news/2014/02/7/index.md` -> `news-2014-02-7-index`. */
export function idFromPath(rel: string): string {
  return rel
    .replace(/\.[A-Za-z0-9]{1,5}$/, '')
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^[-._]+|[-._]+$/g, '')
    .slice(0, 128) || 'document';
}

/** Every regular file under `dir` (sorted, relative, `/`-separated), skipping dot-files and the manifest. */
function listFiles(dir: string, prefix = ''): string[] {
  const out: string[] = [];
  for (const name of readdirSync(join(dir, prefix)).sort()) {
    if (name.startsWith('.')) continue;
    const rel = prefix ? `${prefix}/${name}` : name;
    if (rel === MANIFEST) continue;
    const st = lstatSync(join(dir, rel));
    if (st.isDirectory()) out.push(...listFiles(dir, rel));
    else if (st.isFile() || st.isSymbolicLink()) out.push(rel);
  }
  return out;
}

/** Where a JSON.parse error is, from V8's message (`… in JSON at position 12 (line 2 column 3)`). */
function jsonErrorOffset(err: unknown): number | undefined {
  const m = /position (\d+)/.exec(String((err as Error).message));
  return m ? Number(m[1]) : undefined;
}

export interface RejectedEntry {
  id: string;
  path: string;
  reasons: string[];
}

export function loadRawFolder(rawDir: string): { entries: RawEntry[]; rejected: RejectedEntry[]; messages: Message[] } {
  const messages: Message[] = [];
  const root = realpathSync(rawDir);
  const manifestPath = join(rawDir, MANIFEST);
  const manifestFile = manifestPath;
  const files = listFiles(root);
  const entries: RawEntry[] = [];
  const listedPaths = new Set<string>();
  const rejected: RejectedEntry[] = [];
  const err = (reason: string, ruleId: string, file = manifestFile, severity: Message['severity'] = 'error') =>
    message({ reason, ruleId, stage: 'manifest', file, severity });

  if (existsSync(manifestPath)) {
    const text = readFileSync(manifestPath, 'utf8');
    let manifest: { documents?: unknown } | undefined;
    try {
      manifest = JSON.parse(text) as { documents?: unknown };
    } catch (e) {
      const at = jsonErrorOffset(e) ?? 0;
      messages.push(
        message(
          { reason: `Unexpected invalid JSON in the manifest (${String((e as Error).message)}), expected a JSON object`, ruleId: 'manifest-json', stage: 'manifest', file: manifestFile },
          { text, span: { start: at, end: Math.min(at + 1, text.length) } },
        ),
      );
    }
    if (manifest) {
      const problems = validateRecord('sources.schema.json', manifest, { file: manifestFile, label: 'the manifest' });
      for (const p of problems) p.stage = 'manifest';
      messages.push(...problems);
      const docs = Array.isArray(manifest.documents) ? (manifest.documents as SourceEntry[]) : [];
      const seenIds = new Map<string, number>();
      // An entry with a schema problem is rejected alone; the others are still built.
      const invalid = new Map<number, string[]>();
      for (const p of problems) {
        const m = /^\/documents\/(\d+)/.exec(p.pointer ?? '');
        if (m) invalid.set(Number(m[1]), [...(invalid.get(Number(m[1])) ?? []), p.reason]);
      }
      docs.forEach((entry, i) => {
        if (typeof entry !== 'object' || entry === null) return;
        const label = `documents[${i}] (${String(entry.id)})`;
        const reject = (m: Message): void => {
          messages.push(m);
          rejected.push({ id: String(entry.id), path: String(entry.path), reasons: [`${m.reason} [${m.ruleId}]`] });
        };
        if (typeof entry.path === 'string') listedPaths.add(entry.path.replace(/^\.\//, ''));
        const schemaProblems = invalid.get(i);
        if (schemaProblems || typeof entry.id !== 'string' || typeof entry.path !== 'string') {
          rejected.push({ id: String(entry.id), path: String(entry.path), reasons: schemaProblems ?? ['invalid entry'] });
          return;
        }
        const firstIndex = seenIds.get(entry.id);
        if (firstIndex !== undefined) {
          reject(err(`Unexpected duplicate id \`${entry.id}\` in ${label}, expected ids to be unique (first used by documents[${firstIndex}])`, 'manifest-duplicate-id'));
          return;
        }
        seenIds.set(entry.id, i);
        const file = safePath(root, entry.path);
        if (typeof file !== 'string') {
          reject(err(`Unexpected path \`${entry.path}\` in ${label}: ${file.why}, expected a path inside the raw folder`, 'manifest-path-outside'));
          return;
        }
        listedPaths.add(relative(root, file).split(sep).join('/'));
        if (!existsSync(file)) {
          reject(err(`Unexpected missing file \`${entry.path}\` listed in ${label}, expected the file to exist in the raw folder`, 'manifest-missing-file'));
          return;
        }
        const bytes = new Uint8Array(readFileSync(file));
        const actual = sha256(bytes);
        if (typeof entry.sha256 === 'string' && entry.sha256 !== actual) {
          reject({
            ...err(
              `Unexpected content of \`${entry.path}\` (${label}): its sha256 is ${actual}, expected ${entry.sha256} from the manifest. Raw documents are immutable: restore the original, or add the new version as a new document`,
              'manifest-sha256-mismatch',
            ),
            actual,
            expected: entry.sha256,
          });
          return;
        }
        entries.push(rawEntry(entry, file, actual, true));
      });
    }
  }

  // Files the manifest does not list (or every file, without a manifest) are still built.
  const hasManifest = existsSync(manifestPath);
  const usedIds = new Set(entries.map((e) => e.entry.id));
  for (const rel of files) {
    if (listedPaths.has(rel)) continue;
    const file = safePath(root, rel);
    if (typeof file !== 'string') {
      messages.push(err(`Unexpected file \`${rel}\`: ${file.why}, expected files inside the raw folder`, 'raw-path-outside', join(rawDir, rel)));
      continue;
    }
    const bytes = new Uint8Array(readFileSync(file));
    let id = idFromPath(rel);
    for (let n = 2; usedIds.has(id); n++) id = `${idFromPath(rel)}-${n}`;
    usedIds.add(id);
    if (hasManifest) {
      messages.push(err(`Unexpected file \`${rel}\` not listed in the manifest, expected an entry with its provenance; it is built with unknown licence`, 'manifest-unlisted-file', manifestFile, 'warning'));
    }
    const digest = sha256(bytes);
    entries.push(rawEntry({ id, path: rel, sha256: digest, licence: 'LicenseRef-Unknown', attribution: 'unknown (no manifest entry)' }, file, digest, false));
  }
  entries.sort((a, b) => (a.entry.id < b.entry.id ? -1 : a.entry.id > b.entry.id ? 1 : 0));
  return { entries, rejected, messages };
}

function rawEntry(entry: SourceEntry, file: string, contentSha256: string, listed: boolean): RawEntry {
  return {
    entry,
    file,
    get bytes() {
      return new Uint8Array(readFileSync(file));
    },
    contentSha256,
    listed,
  };
}

/** The absolute path of `rel` inside `root`, or why it is not allowed (absolute, `..`, symlink out). */
export function safePath(root: string, rel: string): string | { why: string } {
  if (rel.includes('\0')) return { why: 'it contains a NUL character' };
  if (isAbsolute(rel) || /^[A-Za-z]:[\\/]/.test(rel)) return { why: 'it is absolute' };
  const joined = normalize(join(root, rel));
  if (joined !== root && !joined.startsWith(root + sep)) return { why: 'it leaves the raw folder' };
  if (!existsSync(joined)) return joined;
  const real = realpathSync(joined);
  if (real !== root && !real.startsWith(root + sep)) return { why: 'it is a symbolic link to a file outside the raw folder' };
  return joined;
}
