// `map`: the per-document stages as a JSON Lines filter, stdin -> stdout, one output line (a
// DocumentResult) per input line, in input order. The unit a distributed engine (Spark `pipe`,
// Beam) runs across machines; `merge` joins the pieces. Input lines are either
//   {"entry": SourceEntry, "path": "<file name for messages>", "bytes_base64": "..."}  or
//   {"entry": SourceEntry, "file": "<file to read, also the name in messages>"}.
// `map --inputs --raw <dir> [--inline]` prints the input lines of a raw folder (the splitter).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { loadRawFolder } from '../manifest.ts';
import { processDocument } from '../process.ts';
import type { SourceEntry } from '../types.ts';
import { defaultStages } from '../workers.ts';

const { values } = parseArgs({
  options: {
    inputs: { type: 'boolean', default: false },
    raw: { type: 'string' },
    inline: { type: 'boolean', default: false },
  },
});

/** Writes a line, waiting when stdout's buffer is full, so memory stays flat on long streams. */
async function emit(line: string): Promise<void> {
  if (!process.stdout.write(line + '\n')) await new Promise<void>((r) => process.stdout.once('drain', () => r()));
}

if (values.inputs) {
  if (!values.raw) {
    process.stderr.write('usage: map --inputs --raw <dir> [--inline]\n');
    process.exit(2);
  }
  const raw = values.raw;
  const { entries, messages } = loadRawFolder(raw);
  for (const m of messages) if (m.severity === 'error') process.stderr.write(`map: ${m.file}: ${m.reason} [${m.ruleId}]\n`);
  for (const e of entries) {
    const file = join(raw, e.entry.path);
    await emit(JSON.stringify(values.inline ? { entry: e.entry, path: file, bytes_base64: Buffer.from(e.bytes).toString('base64') } : { entry: e.entry, file }));
  }
} else {
  const stages = defaultStages();
  let n = 0;
  let bad = 0;
  for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
    n++;
    if (line.trim() === '') continue;
    const why = (reason: string): void => {
      bad++;
      process.stderr.write(`<stdin>:${n}:1: Unexpected ${reason}, expected {entry, path, bytes_base64} or {entry, file} [map-input]\n`);
    };
    let input: { entry?: SourceEntry; path?: unknown; bytes_base64?: unknown; file?: unknown };
    try {
      input = JSON.parse(line) as typeof input;
    } catch (e) {
      why(`invalid JSON (${(e as Error).message})`);
      continue;
    }
    const entry = input.entry;
    if (typeof entry !== 'object' || entry === null || typeof entry.id !== 'string' || typeof entry.path !== 'string') {
      why('input without an entry (id, path)');
      continue;
    }
    let bytes: Uint8Array;
    let file: string;
    if (typeof input.bytes_base64 === 'string') {
      bytes = new Uint8Array(Buffer.from(input.bytes_base64, 'base64'));
      file = typeof input.path === 'string' ? input.path : entry.path;
    } else if (typeof input.file === 'string') {
      try {
        bytes = new Uint8Array(readFileSync(input.file));
      } catch (e) {
        why(`unreadable file ${input.file} (${(e as Error).message})`);
        continue;
      }
      file = input.file;
    } else {
      why('input with neither bytes_base64 nor file');
      continue;
    }
    await emit(JSON.stringify(processDocument(entry, bytes, file, stages)));
  }
  if (bad > 0) process.exit(1);
}
