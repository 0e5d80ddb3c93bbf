// Build a raw folder in a temporary directory and run the per-document stages on it in-process.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { buildFolder, type BuildOutcome } from '../../pipeline/build.ts';
import { sha256 } from '../../pipeline/manifest.ts';
import { processDocument } from '../../pipeline/process.ts';
import { createStages } from '../../pipeline/stages.ts';

const stages = createStages();

export function tempRaw(files: Record<string, string | Uint8Array>): string {
  const dir = mkdtempSync(join(tmpdir(), 'homs-raw-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

export function entryFor(id: string, path: string, content: string | Uint8Array, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { id, path, sha256: sha256(typeof content === 'string' ? Buffer.from(content) : content), licence: 'CC-BY-SA-4.0', attribution: 'test', retrieved: '2026-12-01', ...extra };
}

export function build(raw: string, skipBad = false): Promise<BuildOutcome> {
  return buildFolder({ raw, skipBad }, (entries) => entries.map((e) => processDocument(e.entry, e.bytes, join(raw, e.entry.path), stages)));
}
