// Publish bench: ~50,000 synthetic statements over 50 documents, timed end to end (buildRelease).
import { createHash } from 'node:crypto';
import { buildRelease } from '../pipeline/publish/index.ts';
import type { Statement } from '../pipeline/types.ts';
import { ACTORS, PLACES, stmt } from '../test/publish/fixtures.ts';

const N = Number(process.argv[2] ?? 50_000);
const DOCS = 50;
const per = Math.ceil(N / DOCS);
const documents = [];
const statements: Statement[] = [];
for (let d = 0; d < DOCS; d++) {
  const sentences = Array.from({ length: per }, (_, i) => `On ${1 + (i % 28)} May 2014, shelling hit Homs again, SOHR said (${d}-${i}) 🙂.`);
  const text = sentences.join(' ');
  const id = `bench-${d}`;
  documents.push({ entry: { id, path: `${id}.txt`, kind: 'plain-text' as const, retrieved: '2026-12-01', licence: 'CC-BY-SA-4.0', sha256: createHash('sha256').update(text).digest('hex') }, kind: 'plain-text' as const, text });
  let from = 0;
  for (const s of sentences) {
    const st = stmt(id, text, s, from);
    from = st.span.end;
    const h = text.indexOf('Homs', st.span.start);
    const so = text.indexOf('SOHR', st.span.start);
    st.places = [{ id: 'homs', text: 'Homs', span: { start: h, end: h + 4 } }];
    st.sources = [{ id: 'sohr', text: 'SOHR said', span: { start: so, end: so + 9 }, kind: 'reported' }];
    statements.push(st);
  }
}
const t0 = performance.now();
const r = buildRelease({ version: '1.0.0', statements, documents, places: PLACES, actors: ACTORS });
const ms = performance.now() - t0;
const bytes = [...r.files.values()].reduce((n, b) => n + b.byteLength, 0);
console.log(`publish bench: ${statements.length} statements, ${r.files.size} files, ${(bytes / 1e6).toFixed(1)} MB, ${(ms / 1000).toFixed(1)} s, ${r.messages.filter((m) => m.severity === 'error').length} errors`);
