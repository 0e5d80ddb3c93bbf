// `make wasm`: assemble pipeline/dates/scan.wat into scan.wasm (commit both; a test checks that
// they agree).
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { assembleWat } from '../dates/wat.ts';

const wat = fileURLToPath(new URL('../dates/scan.wat', import.meta.url));
const bytes = await assembleWat(wat);
const out = wat.replace(/\.wat$/, '.wasm');
writeFileSync(out, bytes);
process.stdout.write(`wasm: ${wat} -> ${out} (${bytes.length} bytes)\n`);
