// `make timex IN=<dir> OUT=<dir>`: tag every .txt in IN as plain narrative text and write
// OUT/<name>.timex.jsonl, one TIMEX2 expression a line. Offsets are Unicode code points (the
// scorer is Python); the tagger works in UTF-16 units, converted here.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { CodePointIndex } from '../codepoints.ts';
import { tagPlainText } from '../dates/index.ts';

const [inDir, outDir] = process.argv.slice(2);
if (!inDir || !outDir) {
  process.stderr.write('usage: tsx pipeline/cli/timex.ts <in-dir> <out-dir>\n');
  process.exit(2);
}
mkdirSync(outDir, { recursive: true });
const files = readdirSync(inDir).filter((f) => f.endsWith('.txt')).sort();
let total = 0;
for (const f of files) {
  const text = readFileSync(join(inDir, f), 'utf8').replace(/^\uFEFF/, '');
  const index = new CodePointIndex(text);
  const cp = (i: number) => index.at(i);
  const lines = tagPlainText(text).map((e) => JSON.stringify({
    start: cp(e.start), end: cp(e.end), text: e.text, ...(e.val ? { val: e.val } : {}), ...(e.mod ? { mod: e.mod } : {}), rule: e.rule,
  }));
  total += lines.length;
  writeFileSync(join(outDir, `${basename(f, '.txt')}.timex.jsonl`), lines.length ? `${lines.join('\n')}\n` : '');
}
process.stdout.write(`timex: ${files.length} files, ${total} expressions -> ${outDir}\n`);
