// Thin I/O adapter: a release folder on disk -> the in-memory file map landingPage() reads.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

export function readReleaseFolder(dir: string): Map<string, Uint8Array> {
  const files = new Map<string, Uint8Array>();
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) files.set(relative(dir, p).split(sep).join('/'), new Uint8Array(readFileSync(p)));
    }
  };
  walk(dir);
  return files;
}
