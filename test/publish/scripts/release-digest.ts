// Child process for the reproducibility test: builds the fixture release and prints its SHA256SUMS digest.
import { createHash } from 'node:crypto';
import { buildRelease } from '../../../pipeline/publish/index.ts';
import { input } from '../fixtures.ts';

const r = buildRelease(input());
process.stdout.write(`${createHash('sha256').update(r.files.get('SHA256SUMS')!).digest('hex')} ${new Date(2014, 4, 8).getTimezoneOffset()}\n`);
