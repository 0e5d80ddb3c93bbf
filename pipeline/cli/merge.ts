// `merge`: the aggregate side of a sharded build. Reads the concatenated output of `map` (JSON
// Lines files, or stdin), joins each result to its raw folder entry by id and sha256, and
// publishes exactly as `build --out` does, through the same streaming join: the bytes are the
// same, and memory does not grow with the shards. A first pass indexes where each document's
// line is; a result is read again, and its share of the release made, when its document's turn
// comes in the raw folder's order.
import { closeSync, createWriteStream, existsSync, mkdirSync, openSync, readSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { buildFolder, documentMeta, loadGazetteer, takeFragment } from '../build.ts';
import { formatMessage, hasErrors } from '../diagnostics.ts';
import type { RawEntry } from '../manifest.ts';
import type { DocumentResult } from '../process.ts';
import { releaseFolderWriter } from '../publish/index.ts';
import { measureQualityDir } from '../quality.ts';
import { withFragment, type MapPlan } from '../workers.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    raw: { type: 'string' },
    out: { type: 'string' },
    version: { type: 'string', default: '0.1.0' },
    'build-dir': { type: 'string', default: 'build' },
    'skip-bad': { type: 'boolean', default: false },
    verbose: { type: 'boolean', default: false },
    'no-quality': { type: 'boolean', default: false },
  },
});
if (!values.raw || !values.out) {
  process.stderr.write('usage: merge --raw <dir> --out <release dir> [--skip-bad] [--version X.Y.Z] [map output .jsonl ...] (default: stdin)\n');
  process.exit(2);
}
const raw = values.raw;
const out = values.out.replace(/\/+$/, '');
const buildDir = values['build-dir'] as string;
mkdirSync(buildDir, { recursive: true });

/** Where a document's result is: its line in one of `files`, by byte offset and length. */
interface Where {
  file: number;
  offset: number;
  length: number;
  sha256: string;
}
const files: string[] = [];
const where = new Map<string, Where>();
let problems = 0;
const problem = (s: string) => {
  problems++;
  process.stderr.write(`${s}\n`);
};

// stdin is read once into a file, so that its lines can be read again by offset
const spooled = join(buildDir, 'merge-stdin.jsonl');
for (const source of positionals.length ? positionals : ['-']) {
  if (source !== '-' && !existsSync(source)) {
    process.stderr.write(`${source}:1:1: Unexpected missing file, expected map output (JSON Lines) [merge-input]\n`);
    process.exit(2);
  }
  if (source === '-') await pipeline(process.stdin, createWriteStream(spooled));
  const file = source === '-' ? spooled : source;
  const k = files.push(file) - 1;
  const name = source === '-' ? '<stdin>' : source;
  for (const { offset, length, line, text } of linesOf(file)) {
    if (text.trim() === '') continue;
    let r: Partial<DocumentResult> | undefined;
    try {
      r = JSON.parse(text) as Partial<DocumentResult>;
    } catch {
      problem(`${name}:${line}:1: Unexpected invalid JSON, expected one map result a line [merge-json]`);
      continue;
    }
    const id = r?.entry?.id;
    if (typeof id !== 'string') {
      problem(`${name}:${line}:1: Unexpected line without an entry id, expected a map result [merge-json]`);
      continue;
    }
    if (where.has(id)) problem(`${name}:${line}:1: Unexpected second result for document ${id}, expected each document in one shard [merge-duplicate]`);
    where.set(id, { file: k, offset, length, sha256: String(r.entry?.sha256) });
  }
}

const fds = files.map((f) => openSync(f, 'r'));
function readResult(w: Where): DocumentResult {
  const b = Buffer.allocUnsafe(w.length);
  for (let got = 0; got < w.length; ) {
    const n = readSync(fds[w.file] as number, b, got, w.length - got, w.offset + got);
    if (n === 0) throw new Error(`${files[w.file]} changed while it was merged`);
    got += n;
  }
  return JSON.parse(b.toString('utf8')) as DocumentResult;
}

// The runner's own aggregation, fed the shards' results instead of running the stages: each
// result's fragment is made here as its document's turn comes, and joined into the release.
const map = async (entries: RawEntry[], onResult?: (i: number, r: DocumentResult) => void, plan?: MapPlan): Promise<DocumentResult[]> => {
  const back: DocumentResult[] = [];
  entries.forEach((e, i) => {
    const w = where.get(e.entry.id);
    let r: DocumentResult;
    if (!w || w.sha256 !== e.entry.sha256) {
      problem(`${join(raw, e.entry.path)}:1:1: Unexpected ${w ? 'result for other content' : 'no result'} for document ${e.entry.id}, expected one map result of this file's sha256 [merge-missing]`);
      r = { entry: e.entry, statements: [], messages: [] };
    } else {
      where.delete(e.entry.id);
      r = readResult(w);
    }
    const done = withFragment(r, join(raw, e.entry.path), plan?.fragments);
    if (onResult) onResult(i, done);
    else back.push(done);
  });
  return back;
};

const gazetteer = loadGazetteer();
const target = `${out}.partial`;
const scratch = join(buildDir, 'fragments');
rmSync(scratch, { recursive: true, force: true });
const writer = releaseFolderWriter({ version: values.version as string, places: gazetteer.places, actors: gazetteer.actors }, target);
const outcome = await buildFolder(
  {
    raw,
    skipBad: values['skip-bad'] as boolean,
    fragments: { dir: scratch, withCells: false },
    map,
    onOrdered: (_, r) => {
      const f = takeFragment(r);
      if (f && !hasErrors(r.messages)) writer.add(documentMeta(r), f);
    },
  },
  () => [],
);
for (const fd of fds) closeSync(fd);
rmSync(spooled, { force: true });
for (const id of where.keys()) problem(`merge: Unexpected result for ${id}, expected a document of the raw folder [merge-unknown]`);
if (problems > 0) stop(`merge: ${problems} problem(s) joining the shards; nothing published`);
for (const m of outcome.messages) if (m.severity !== 'info' || values.verbose) process.stderr.write(formatMessage(m) + '\n');
writeFileSync(join(buildDir, 'messages.json'), JSON.stringify(outcome.messages, null, 1) + '\n');
if (!outcome.publishable) stop(`merge: errors in ${outcome.skipped.length} document(s); nothing published (use --skip-bad to publish without them)`);

// Exactly what `build --out` publishes, quality.json included (measured on the written folder).
const release = writer.finish(values['no-quality'] ? {} : { measure: measureQualityDir }, { skipped: outcome.skipped });
const messages = release.kind === 'written' ? release.messages : release.output.messages;
for (const m of messages) process.stderr.write(formatMessage(m) + '\n');
if (hasErrors(messages)) stop('merge: publish reported errors; nothing published');
rmSync(out, { recursive: true, force: true });
renameSync(target, out);
rmSync(scratch, { recursive: true, force: true });
process.stderr.write(`merge: ${outcome.good.length} documents, ${outcome.statementCount} statements, ${outcome.skipped.length} skipped -> ${out}\n`);

function stop(why: string): never {
  writer.abort();
  rmSync(scratch, { recursive: true, force: true });
  process.stderr.write(why + '\n');
  process.exit(1);
}

/** The lines of a file (split at LF), each with its byte offset and length, read a block at a time. */
function* linesOf(file: string): Generator<{ offset: number; length: number; line: number; text: string }> {
  const fd = openSync(file, 'r');
  try {
    const block = Buffer.allocUnsafe(1 << 20);
    let carry: Buffer[] = [];
    let start = 0;
    let pos = 0;
    let line = 0;
    for (;;) {
      const got = readSync(fd, block, 0, block.length, pos);
      if (got === 0) break;
      let from = 0;
      for (let i = block.indexOf(10, 0); i !== -1 && i < got; i = block.indexOf(10, i + 1)) {
        const bytes = carry.length ? Buffer.concat([...carry, block.subarray(from, i)]) : block.subarray(from, i);
        yield { offset: start, length: bytes.length, line: ++line, text: bytes.toString('utf8') };
        start += bytes.length + 1;
        carry = [];
        from = i + 1;
      }
      if (from < got) carry.push(Buffer.from(block.subarray(from, got)));
      pos += got;
    }
    if (carry.length) {
      const bytes = Buffer.concat(carry);
      yield { offset: start, length: bytes.length, line: ++line, text: bytes.toString('utf8') };
    }
  } finally {
    closeSync(fd);
  }
}
