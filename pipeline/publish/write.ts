// The I/O side of publish: atomic, immutable releases under dist-data/.
//
// Layout: dist-data/vX.Y.Z/ (immutable), dist-data/releases.json (index), dist-data/latest.json
// (pointer to the newest version; a plain file works on every OS, in zips and in CI caches,
// where symlinks do not, and `ls -d dist-data/v*/ | sort -V` sees only version folders).
//
// A release is written into dist-data/.staging-vX.Y.Z/, every file fsynced, then renamed into
// place; releases.json and latest.json are replaced by rename too. A failure at any step undoes
// the steps before it, so dist-data is left exactly as it was.
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FileFacts } from './datapackage.ts';
import { compareVersions } from './diff.ts';

export interface PublishOptions {
  distDir: string;
  version: string;
  date: string;
  files: Map<string, Uint8Array>;
  /** Test hook: called before each step; throwing there simulates a crash at that step. */
  faultAt?: (step: PublishStep) => void;
}

export type PublishStep = 'stage-files' | 'fsync' | 'rename-release' | 'write-index' | 'write-latest';

export type PublishResult = { status: 'published' | 'unchanged'; dir: string } | { status: 'refused'; reason: string; differing: string[] };

export interface ReleaseIndexEntry {
  version: string;
  date: string;
  path: string;
  sha256_SHA256SUMS: string;
  files: Record<string, string>;
}

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/** Every file under dir, relative POSIX paths, sorted. */
export function readTree(dir: string): Map<string, Uint8Array> {
  const out = new Map<string, Uint8Array>();
  const walk = (rel: string) => {
    for (const e of fs.readdirSync(path.join(dir, rel), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(r);
      else if (e.isFile()) out.set(r, fs.readFileSync(path.join(dir, r)));
    }
  };
  if (fs.existsSync(dir)) walk('');
  return out;
}

function differingFiles(a: Map<string, Uint8Array>, b: Map<string, Uint8Array>): string[] {
  const names = [...new Set([...a.keys(), ...b.keys()])].sort();
  return names.filter((n) => {
    const x = a.get(n);
    const y = b.get(n);
    return !x || !y || Buffer.compare(Buffer.from(x), Buffer.from(y)) !== 0;
  });
}

function writeFileSynced(file: string, bytes: Uint8Array): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const fd = fs.openSync(file, 'w');
  try {
    fs.writeSync(fd, bytes);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

function fsyncDir(dir: string): void {
  // directories cannot be opened for fsync on Windows; the rename is still atomic there
  try {
    const fd = fs.openSync(dir, 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    /* best effort */
  }
}

export function readIndex(distDir: string): ReleaseIndexEntry[] {
  const p = path.join(distDir, 'releases.json');
  if (!fs.existsSync(p)) return [];
  return (JSON.parse(fs.readFileSync(p, 'utf8')) as { releases: ReleaseIndexEntry[] }).releases;
}

/** The newest published version, from latest.json (or the index), or undefined. */
export function latestVersion(distDir: string): string | undefined {
  const p = path.join(distDir, 'latest.json');
  if (fs.existsSync(p)) return (JSON.parse(fs.readFileSync(p, 'utf8')) as { version: string }).version;
  return readIndex(distDir).map((r) => r.version).sort(compareVersions).pop();
}

export function publishRelease(o: PublishOptions): PublishResult {
  const fault = o.faultAt ?? (() => {});
  const dir = path.join(o.distDir, `v${o.version}`);
  if (fs.existsSync(dir)) return against(o.version, o.distDir, differingFiles(readTree(dir), o.files));
  const staging = path.join(o.distDir, `.staging-v${o.version}`);
  const createdDist = !fs.existsSync(o.distDir);
  fs.mkdirSync(o.distDir, { recursive: true });
  try {
    fs.rmSync(staging, { recursive: true, force: true });
    fault('stage-files');
    for (const [rel, bytes] of o.files) writeFileSynced(path.join(staging, rel), bytes);
  } catch (err) {
    fs.rmSync(staging, { recursive: true, force: true });
    if (createdDist && fs.readdirSync(o.distDir).length === 0) fs.rmdirSync(o.distDir);
    throw err;
  }
  const facts = new Map([...o.files].map(([k, b]) => [k, { bytes: b.byteLength, sha256: sha256(b) }]));
  return commit({ ...o, staged: staging, facts, createdDist });
}

export interface StagedOptions {
  distDir: string;
  version: string;
  date: string;
  /** A folder holding the release's files, every one fsynced (as releaseFolderWriter leaves it); it is moved into place or removed. */
  staged: string;
  facts: Map<string, FileFacts>;
  faultAt?: (step: PublishStep) => void;
}

/** Publishes a release already written to disk (a big one is never held in memory). */
export function publishStaged(o: StagedOptions): PublishResult {
  const dir = path.join(o.distDir, `v${o.version}`);
  if (fs.existsSync(dir)) {
    fs.rmSync(o.staged, { recursive: true, force: true });
    return against(o.version, o.distDir, compareWithPublishedFacts(dir, o.facts));
  }
  return commit({ ...o, createdDist: false });
}

function against(version: string, distDir: string, differing: string[]): PublishResult {
  const dir = path.join(distDir, `v${version}`);
  if (!differing.length) return { status: 'unchanged', dir };
  return {
    status: 'refused',
    reason: `Release v${version} already exists in ${distDir} with different bytes in ${differing.length} file(s): ${differing.slice(0, 10).join(', ')}${differing.length > 10 ? ', ...' : ''}. Published releases are immutable: cut a new version instead.`,
    differing,
  };
}

/** The staged folder becomes vX.Y.Z, then the index and the pointer are replaced; a failure undoes every step. */
function commit(o: StagedOptions & { createdDist: boolean }): PublishResult {
  const fault = o.faultAt ?? (() => {});
  const dir = path.join(o.distDir, `v${o.version}`);
  const staging = o.staged;
  const indexPath = path.join(o.distDir, 'releases.json');
  const latestPath = path.join(o.distDir, 'latest.json');
  const oldIndex = fs.existsSync(indexPath) ? fs.readFileSync(indexPath) : undefined;
  const oldLatest = fs.existsSync(latestPath) ? fs.readFileSync(latestPath) : undefined;
  let renamed = false;
  try {
    fault('fsync');
    fsyncDir(staging);

    // index entries and pointer, staged next to their targets
    const sums = o.facts.get('SHA256SUMS');
    const names = [...o.facts.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const entry: ReleaseIndexEntry = {
      version: o.version,
      date: o.date,
      path: `v${o.version}/`,
      sha256_SHA256SUMS: sums ? sha256(fs.readFileSync(path.join(staging, 'SHA256SUMS'))) : '',
      files: Object.fromEntries(names.map((k) => [k, o.facts.get(k)!.sha256])),
    };
    const releases = [...readIndex(o.distDir).filter((r) => r.version !== o.version), entry].sort((a, b) => compareVersions(a.version, b.version));
    const newest = releases[releases.length - 1]!;
    const indexBytes = `${JSON.stringify({ description: 'Published releases of homs-timeline; each folder is immutable once listed here.', latest: newest.version, releases }, null, 2)}\n`;
    const latestBytes = `${JSON.stringify({ version: newest.version, path: newest.path, date: newest.date, sha256_SHA256SUMS: newest.sha256_SHA256SUMS }, null, 2)}\n`;
    writeFileSynced(`${indexPath}.tmp`, Buffer.from(indexBytes));
    writeFileSynced(`${latestPath}.tmp`, Buffer.from(latestBytes));

    fault('rename-release');
    fs.renameSync(staging, dir);
    renamed = true;
    fsyncDir(o.distDir);
    fault('write-index');
    fs.renameSync(`${indexPath}.tmp`, indexPath);
    fault('write-latest');
    fs.renameSync(`${latestPath}.tmp`, latestPath);
    fsyncDir(o.distDir);
    return { status: 'published', dir };
  } catch (err) {
    // undo, newest step first
    if (oldLatest) fs.writeFileSync(latestPath, oldLatest);
    else fs.rmSync(latestPath, { force: true });
    if (oldIndex) fs.writeFileSync(indexPath, oldIndex);
    else fs.rmSync(indexPath, { force: true });
    if (renamed) fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(staging, { recursive: true, force: true });
    fs.rmSync(`${indexPath}.tmp`, { force: true });
    fs.rmSync(`${latestPath}.tmp`, { force: true });
    if (o.createdDist && fs.existsSync(o.distDir) && fs.readdirSync(o.distDir).length === 0) fs.rmdirSync(o.distDir);
    throw err;
  }
}

/** Files whose size or sha256 differ between `facts` and a published folder (empty = byte-identical), reading one file at a time. */
export function compareWithPublishedFacts(dir: string, facts: Map<string, FileFacts>): string[] {
  const published: string[] = [];
  const walk = (rel: string) => {
    for (const e of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(r);
      else if (e.isFile()) published.push(r);
    }
  };
  if (fs.existsSync(dir)) walk('');
  const names = [...new Set([...published, ...facts.keys()])].sort();
  return names.filter((n) => {
    const f = facts.get(n);
    if (!f || !published.includes(n)) return true;
    const b = fs.readFileSync(path.join(dir, n));
    return b.byteLength !== f.bytes || sha256(b) !== f.sha256;
  });
}

/** The newest release in distDir, as buildRelease's `previous`. */
export function loadLatest(distDir: string): { version: string; files: Map<string, Uint8Array> } | undefined {
  const v = latestVersion(distDir);
  if (!v) return undefined;
  return { version: v, files: readTree(path.join(distDir, `v${v}`)) };
}

/** The release before `version` (for rebuilding `version` itself), from the index. */
export function loadBefore(distDir: string, version: string): { version: string; files: Map<string, Uint8Array> } | undefined {
  const older = readIndex(distDir).map((r) => r.version).filter((v) => compareVersions(v, version) < 0).sort(compareVersions);
  const v = older[older.length - 1];
  return v ? { version: v, files: readTree(path.join(distDir, `v${v}`)) } : undefined;
}

/** Files that differ between a fresh build and a published folder (empty = byte-identical). */
export function compareWithPublished(dir: string, files: Map<string, Uint8Array>): string[] {
  return differingFiles(readTree(dir), files);
}
