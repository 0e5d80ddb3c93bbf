import { createHash } from 'node:crypto';
import jsonld from 'jsonld';
import { describe, expect, it } from 'vitest';
import { buildRelease } from '../../pipeline/publish/index.ts';
import { CONTEXT_URL } from '../../pipeline/publish/jsonld.ts';
import { input } from './fixtures.ts';

const dec = new TextDecoder();
const release = buildRelease(input());
const context = JSON.parse(dec.decode(release.files.get('context.jsonld')));
const graph = JSON.parse(dec.decode(release.files.get('graph.jsonld')));

// Local loader: the only remote document is our own context; anything else fails the test.
const documentLoader = async (url: string) => {
  if (url === CONTEXT_URL) return { contextUrl: undefined, documentUrl: url, document: context };
  throw new Error(`network access attempted: ${url}`);
};

describe('JSON-LD', () => {
  it('has a 1.1 context with explicit terms and no @vocab', () => {
    expect(context['@context']['@version']).toBe(1.1);
    expect(context['@context']['@vocab']).toBeUndefined();
  });

  it('expands with zero dropped terms (safe mode throws on any)', async () => {
    const expanded = await jsonld.expand(graph, { documentLoader, safe: true } as jsonld.Options.Expand);
    expect(expanded.length).toBeGreaterThan(10);
  });

  it('a misspelt term is caught, not dropped silently', async () => {
    const bad = { ...graph, '@graph': [{ ...graph['@graph'][0], naem: 'x' }] };
    await expect(jsonld.expand(bad, { documentLoader, safe: true } as jsonld.Options.Expand)).rejects.toThrow();
  });

  it('graph.nq is exactly the sorted toRDF of graph.jsonld, and has no blank nodes', async () => {
    const nq = (await jsonld.toRDF(graph, { format: 'application/n-quads', documentLoader, safe: true } as jsonld.Options.ToRdf)) as unknown as string;
    const published = dec.decode(release.files.get('graph.nq'));
    expect(published).toBe([...new Set(nq.split('\n').filter(Boolean))].sort().map((l) => `${l}\n`).join(''));
    expect(published).not.toMatch(/(^|\s)_:/m);
  });

  it('graph.nq is the sorted toRDF of graph.jsonld with many documents too (a term with more values than a short sort takes)', async () => {
    const base = input();
    // 60 more documents without statements: the dataset's prov:used lists every document's snapshot
    const extra = Array.from({ length: 60 }, (_, k) => {
      const text = `Document ${k} of many.\n`;
      return { entry: { id: `doc-x${String(k).padStart(2, '0')}`, path: `x${k}.txt`, kind: 'plain-text', licence: 'CC0-1.0', sha256: createHash('sha256').update(text).digest('hex'), language: 'en' }, kind: 'plain-text', text };
    });
    const big = buildRelease({ ...base, documents: [...base.documents, ...extra] } as typeof base);
    const g = JSON.parse(dec.decode(big.files.get('graph.jsonld')));
    const nq = (await jsonld.toRDF(g, { format: 'application/n-quads', documentLoader, safe: true } as jsonld.Options.ToRdf)) as unknown as string;
    const published = dec.decode(big.files.get('graph.nq'));
    expect(published.match(/prov#used>/g)?.length).toBe(62);
    expect(published).toBe([...new Set(nq.split('\n').filter(Boolean))].sort().map((l) => `${l}\n`).join(''));
  });

  it('canonize (RDFC-1.0) gives the published N-Quads', async () => {
    const canon = await jsonld.canonize(graph, { algorithm: 'RDFC-1.0', documentLoader, safe: true } as unknown as jsonld.Options.Normalize);
    expect(canon).toBe(dec.decode(release.files.get('graph.nq')));
  });

  it('links statements to places, actors, claimants, provenance and text selectors', () => {
    const nq = dec.decode(release.files.get('graph.nq'));
    const s = 'https://w3id.org/homs-timeline/id/statement/';
    expect(nq).toMatch(new RegExp(`<${s}s[0-9a-f]{16}> <https://schema.org/location> <https://w3id.org/homs-timeline/id/place/homs> \\.`));
    expect(nq).toContain('<http://www.w3.org/ns/prov#wasDerivedFrom> <https://w3id.org/homs-timeline/id/document/doc-b>');
    expect(nq).toContain('<https://w3id.org/homs-timeline/vocab#claimedBy> <https://w3id.org/homs-timeline/id/actor/sana>');
    expect(nq).toContain('<https://schema.org/sameAs> <http://www.wikidata.org/entity/Q131301>');
    expect(nq).toContain('<https://schema.org/sameAs> <https://sws.geonames.org/169577/>');
    expect(nq).toContain('<https://schema.org/containedInPlace> <https://w3id.org/homs-timeline/id/place/homs>');
    expect(nq).toContain('<http://www.w3.org/ns/oa#TextQuoteSelector>');
    expect(nq).toMatch(/<http:\/\/www\.w3\.org\/ns\/oa#start> "0"\^\^<http:\/\/www\.w3\.org\/2001\/XMLSchema#nonNegativeInteger>/);
    expect(nq).toMatch(/<http:\/\/www\.w3\.org\/ns\/prov#used> <ni:\/\/\/sha-256;[A-Za-z0-9_-]{43}>/);
    expect(nq).toContain('"حمص"@ar');
  });

  it('keeps entity IRIs across releases', () => {
    const next = buildRelease(input({ version: '1.1.0', previous: { version: '1.0.0', files: release.files } }));
    const ids = (f: Map<string, Uint8Array>) => new Set([...dec.decode(f.get('graph.nq')).matchAll(/^<(https:\/\/w3id\.org\/homs-timeline\/id\/[^>]+)>/gm)].map((m) => m[1]));
    expect(ids(next.files)).toEqual(ids(release.files));
  });
});

describe('a place the gazetteer does not hold', () => {
  const base = input();
  const s = base.statements[0]!;
  const text = base.documents.find((d) => d.entry.id === s.documentId)!.text;
  const at = text.indexOf('Homs');
  const withUnlisted = buildRelease({ ...base, statements: [{ ...s, places: [...s.places, { id: 'unlisted-homs-suburb', text: 'Homs', span: { start: at, end: at + 4 } }] }, ...base.statements.slice(1)] });
  const places = dec.decode(withUnlisted.files.get('places.csv'));
  it('is a row of places.csv with its name as written, type locality, no coordinates, and a note saying so', () => {
    const row = places.split('\r\n').find((l) => l.startsWith('unlisted-homs-suburb,'));
    expect(row).toMatch(/^unlisted-homs-suburb,Homs,,,locality,,,,unknown,/);
    expect(row).toMatch(/not in the gazetteer/);
  });
  it('breaks no foreign key and is a node of the graph', () => {
    expect(withUnlisted.messages.filter((m) => /foreign|unknown-entity/.test(m.ruleId ?? ''))).toEqual([]);
    expect(dec.decode(withUnlisted.files.get('graph.jsonld'))).toContain('unlisted-homs-suburb');
  });
});
