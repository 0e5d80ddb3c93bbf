// `tsx pipeline/landing/cli.ts <release dir> [out file]`: write the landing page of a release
// folder (default: <release dir>/index.html). The publish runner calls landingPage() itself.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { landingPage } from './index.ts';
import { readReleaseFolder } from './read-folder.ts';

const [dir, out] = process.argv.slice(2);
if (!dir) {
  process.stderr.write('usage: tsx pipeline/landing/cli.ts <release dir> [out file]\n');
  process.exit(2);
}
const target = out ?? join(dir, 'index.html');
writeFileSync(target, landingPage({ files: readReleaseFolder(dir) }));
process.stdout.write(`${target}\n`);
