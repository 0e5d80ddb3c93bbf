// The linked-data view of a release: a JSON-LD 1.1 context with explicit terms (no @vocab, so a
// misspelt term cannot be minted silently), the graph in compacted form, and its N-Quads.
// Every node has an IRI (no blank nodes), so sorted N-Quads are already the RDFC-1.0 canonical
// form; tests check the N-Quads against jsonld.toRDF of the graph.
import type { Row } from './model.ts';
import { sortedOrder } from './order.ts';

export const BASE = 'https://w3id.org/homs-timeline/';
/** The context is versioned by its own number: it changes only when terms change. */
export const CONTEXT_URL = `${BASE}context/v1.jsonld`;
export const VOCAB = `${BASE}vocab#`;

export const iri = {
  statement: (id: string) => `${BASE}id/statement/${encodeURIComponent(id)}`,
  place: (id: string) => `${BASE}id/place/${encodeURIComponent(id)}`,
  actor: (id: string) => `${BASE}id/actor/${encodeURIComponent(id)}`,
  document: (id: string) => `${BASE}id/document/${encodeURIComponent(id)}`,
  dataset: (version: string) => `${BASE}dataset/${version}`,
  /** RFC 6920 named-information IRI of a raw file's bytes. */
  snapshot: (sha256Hex: string) => `ni:///sha-256;${Buffer.from(sha256Hex, 'hex').toString('base64url')}`,
};

const PREFIXES = {
  schema: 'https://schema.org/',
  prov: 'http://www.w3.org/ns/prov#',
  oa: 'http://www.w3.org/ns/oa#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
  dcat: 'http://www.w3.org/ns/dcat#',
  ht: VOCAB,
} as const;

type TermDef = string | { '@id': string; '@type'?: string; '@container'?: '@set' };

const id = (p: string): TermDef => ({ '@id': p, '@type': '@id' });
const typed = (p: string, t: string): TermDef => ({ '@id': p, '@type': t });

/** Term -> definition. Classes first, then properties. */
const TERMS: Record<string, TermDef> = {
  Event: 'schema:Event',
  Place: 'schema:Place',
  GeoCoordinates: 'schema:GeoCoordinates',
  Organization: 'schema:Organization',
  Person: 'schema:Person',
  CreativeWork: 'schema:CreativeWork',
  Dataset: 'schema:Dataset',
  Entity: 'prov:Entity',
  Activity: 'prov:Activity',
  Annotation: 'oa:Annotation',
  SpecificResource: 'oa:SpecificResource',
  TextQuoteSelector: 'oa:TextQuoteSelector',
  TextPositionSelector: 'oa:TextPositionSelector',
  name: 'schema:name',
  description: 'schema:description',
  alternateName: { '@id': 'schema:alternateName', '@container': '@set' },
  identifier: 'schema:identifier',
  url: id('schema:url'),
  sameAs: { '@id': 'schema:sameAs', '@type': '@id', '@container': '@set' },
  license: id('schema:license'),
  licenceId: 'ht:licenceId',
  publisher: 'schema:publisher',
  creditText: 'schema:creditText',
  datePublished: 'schema:datePublished',
  inLanguage: 'schema:inLanguage',
  version: 'schema:version',
  startDate: typed('schema:startDate', 'xsd:date'),
  endDate: typed('schema:endDate', 'xsd:date'),
  location: { '@id': 'schema:location', '@type': '@id', '@container': '@set' },
  geo: id('schema:geo'),
  latitude: typed('schema:latitude', 'xsd:decimal'),
  longitude: typed('schema:longitude', 'xsd:decimal'),
  containedInPlace: id('schema:containedInPlace'),
  parentOrganization: id('schema:parentOrganization'),
  placeType: 'ht:placeType',
  geoPrecision: 'ht:geoPrecision',
  actorType: 'ht:actorType',
  side: 'ht:side',
  actor: { '@id': 'ht:actor', '@type': '@id', '@container': '@set' },
  target: { '@id': 'ht:target', '@type': '@id', '@container': '@set' },
  mentionedActor: { '@id': 'ht:mentionedActor', '@type': '@id', '@container': '@set' },
  reportedBy: { '@id': 'ht:reportedBy', '@type': '@id', '@container': '@set' },
  claimedBy: { '@id': 'ht:claimedBy', '@type': '@id', '@container': '@set' },
  deniedBy: { '@id': 'ht:deniedBy', '@type': '@id', '@container': '@set' },
  confirmedBy: { '@id': 'ht:confirmedBy', '@type': '@id', '@container': '@set' },
  section: 'ht:section',
  dateEdtf: 'ht:dateEdtf',
  datePrecision: 'ht:datePrecision',
  dateQualifier: 'ht:dateQualifier',
  dateText: 'ht:dateText',
  dateRule: 'ht:dateRule',
  yearBasis: 'ht:yearBasis',
  dateResolvedFrom: 'ht:dateResolvedFrom',
  killedLow: typed('ht:killedLow', 'xsd:integer'),
  killedHigh: typed('ht:killedHigh', 'xsd:integer'),
  woundedLow: typed('ht:woundedLow', 'xsd:integer'),
  woundedHigh: typed('ht:woundedHigh', 'xsd:integer'),
  casualtyText: 'ht:casualtyText',
  sha256: 'ht:sha256',
  wasDerivedFrom: id('prov:wasDerivedFrom'),
  wasGeneratedBy: id('prov:wasGeneratedBy'),
  used: { '@id': 'prov:used', '@type': '@id', '@container': '@set' },
  specializationOf: id('prov:specializationOf'),
  previousVersion: id('dcat:previousVersion'),
  hasBody: id('oa:hasBody'),
  hasTarget: id('oa:hasTarget'),
  hasSource: id('oa:hasSource'),
  hasSelector: { '@id': 'oa:hasSelector', '@type': '@id', '@container': '@set' },
  exact: 'oa:exact',
  prefix: 'oa:prefix',
  suffix: 'oa:suffix',
  start: typed('oa:start', 'xsd:nonNegativeInteger'),
  end: typed('oa:end', 'xsd:nonNegativeInteger'),
};

export function buildContext(): Record<string, unknown> {
  return { '@context': { '@version': 1.1, '@protected': true, ...PREFIXES, id: '@id', type: '@type', ...TERMS } };
}

type Node = Record<string, unknown>;

const QUOTE_CONTEXT = 32; // code points of prefix/suffix, enough to disambiguate a repeated sentence

const isHighSurrogate = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLowSurrogate = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** The last n code points of s (a lone surrogate counts as one, as in Array.from). */
function lastCodePoints(s: string, n: number): string {
  let i = s.length;
  for (let k = 0; k < n && i > 0; k++) {
    i--;
    if (i > 0 && isLowSurrogate(s.charCodeAt(i)) && isHighSurrogate(s.charCodeAt(i - 1))) i--;
  }
  return s.slice(i);
}
/** The first n code points of s. */
function firstCodePoints(s: string, n: number): string {
  let i = 0;
  for (let k = 0; k < n && i < s.length; k++) {
    if (i + 1 < s.length && isHighSurrogate(s.charCodeAt(i)) && isLowSurrogate(s.charCodeAt(i + 1))) i += 2;
    else i++;
  }
  return s.slice(0, i);
}

/** The node without its empty values, as a new object (deleting keys would slow every later read of it). */
const drop = <T extends Node>(o: T): T => {
  const out: Node = {};
  for (const k in o) {
    const v = o[k];
    if (!(v === null || v === undefined || (Array.isArray(v) && v.length === 0))) out[k] = v;
  }
  return out as T;
};

/** What the head of the graph is made from: the release, its documents (any order) and its entity rows. */
export interface GraphHeadInput {
  version: string;
  previousVersion?: string;
  created: string;
  documents: Iterable<{ entry: { id: string; sha256: string } }>;
  rows: { documents: Row[]; places: Row[]; actors: Row[] };
}

const CLAIM_TERM: Record<string, string> = { reported: 'reportedBy', claimed: 'claimedBy', denied: 'deniedBy', confirmed: 'confirmedBy' };
const ROLE_TERM: Record<string, string> = { actor: 'actor', target: 'target', mentioned: 'mentionedActor' };

/** The nodes before the statements: dataset, raw-file snapshots, documents, places, actors. */
export function graphHead(input: GraphHeadInput): Node[] {
  const nodes: Node[] = [];
  const ds = iri.dataset(input.version);
  const docs = [...input.documents].sort((a, b) => (a.entry.id < b.entry.id ? -1 : a.entry.id > b.entry.id ? 1 : 0));
  nodes.push(
    drop({
      id: ds,
      type: ['Dataset', 'Entity'],
      name: 'Siege of Homs (2011-2014): dated statements',
      version: input.version,
      datePublished: input.created.slice(0, 10),
      license: 'https://creativecommons.org/licenses/by-sa/4.0/',
      previousVersion: input.previousVersion ? iri.dataset(input.previousVersion) : null,
      wasGeneratedBy: { id: `${ds}#build`, type: 'Activity', used: docs.map((d) => iri.snapshot(d.entry.sha256)) },
    }),
  );
  for (const d of docs) {
    const e = d.entry;
    nodes.push(drop({ id: iri.snapshot(e.sha256), type: 'Entity', sha256: e.sha256, specializationOf: iri.document(e.id) }));
  }
  for (const r of input.rows.documents) {
    nodes.push(
      drop({
        id: iri.document(r.document_id as string),
        type: ['CreativeWork', 'Entity'],
        identifier: r.document_id,
        name: r.title,
        url: r.url,
        publisher: r.publisher,
        datePublished: r.published,
        inLanguage: r.language,
        licenceId: r.licence,
        license: r.licence_url,
        creditText: r.attribution,
      }),
    );
  }
  for (const r of input.rows.places) {
    const alt: unknown[] = [...((r.alt_names as string[] | null) ?? [])];
    if (r.name_ar) alt.push({ '@value': r.name_ar, '@language': 'ar' });
    const pid = iri.place(r.place_id as string);
    const sameAs = [r.wikidata_qid ? `http://www.wikidata.org/entity/${r.wikidata_qid}` : null, r.geonames_id !== null ? `https://sws.geonames.org/${r.geonames_id}/` : null].filter((x) => x !== null);
    nodes.push(
      drop({
        id: pid,
        type: 'Place',
        identifier: r.place_id,
        name: r.name,
        alternateName: alt,
        placeType: r.type,
        geoPrecision: r.geo_precision,
        containedInPlace: r.parent_id ? iri.place(r.parent_id as string) : null,
        geo: r.latitude !== null && r.longitude !== null ? { id: `${pid}#geo`, type: 'GeoCoordinates', latitude: String(r.latitude), longitude: String(r.longitude) } : null,
        sameAs,
      }),
    );
  }
  for (const r of input.rows.actors) {
    nodes.push(
      drop({
        id: iri.actor(r.actor_id as string),
        type: r.type === 'person' ? 'Person' : 'Organization',
        identifier: r.actor_id,
        name: r.name,
        alternateName: (r.alt_names as string[] | null) ?? [],
        actorType: r.type,
        side: r.side,
        parentOrganization: r.parent_id && r.type !== 'person' ? iri.actor(r.parent_id as string) : null,
        sameAs: r.wikidata_qid ? [`http://www.wikidata.org/entity/${r.wikidata_qid}`] : [],
      }),
    );
  }
  return nodes;
}

export type Roles = Map<string, Record<string, string[]>>;

/** Statement id -> the actor and claim terms it links, from link-table rows (in their order). */
export function statementRoles(statementActors: readonly Row[], statementSources: readonly Row[]): Roles {
  const rolesOf: Roles = new Map();
  const add = (sid: string, term: string, target: string) => {
    let m = rolesOf.get(sid);
    if (!m) rolesOf.set(sid, (m = {}));
    const list = (m[term] ??= []);
    if (!list.includes(target)) list.push(target);
  };
  for (const r of statementActors) add(r.statement_id as string, ROLE_TERM[r.role as string] as string, iri.actor(r.actor_id as string));
  for (const r of statementSources) add(r.statement_id as string, CLAIM_TERM[r.claim_kind as string] as string, iri.actor(r.source_id as string));
  return rolesOf;
}

/** A statement's Event and its Annotation (with the text selectors into `raw`, the document's raw text). */
export function statementGraphNodes(r: Row, roles: Roles, raw: string | undefined, u: { start: number; end: number } | undefined): [Node, Node] {
  const sid = r.statement_id as string;
  const s = iri.statement(sid);
  const doc = iri.document(r.document_id as string);
  const casualty = [r.killed_text, r.wounded_text].filter((x) => x !== null);
  const event = drop({
    id: s,
    type: 'Event',
    description: r.text,
    startDate: r.date_start,
    endDate: r.date_end,
    dateEdtf: r.date_edtf,
    datePrecision: r.date_precision,
    dateQualifier: r.date_qualifier,
    dateText: r.date_text,
    dateRule: r.date_rule,
    yearBasis: r.year_basis,
    dateResolvedFrom: r.date_resolved_from,
    section: r.section,
    location: ((r.place_ids as string[] | null) ?? []).map(iri.place),
    ...(roles.get(sid) ?? {}),
    killedLow: r.killed_low,
    killedHigh: r.killed_high,
    woundedLow: r.wounded_low,
    woundedHigh: r.wounded_high,
    casualtyText: casualty,
    wasDerivedFrom: doc,
  });
  const exact = raw !== undefined && u ? raw.slice(u.start, u.end) : (r.text as string);
  const annotation: Node = {
    id: `${s}#annotation`,
    type: 'Annotation',
    hasBody: s,
    hasTarget: {
      id: `${s}#target`,
      type: 'SpecificResource',
      hasSource: doc,
      hasSelector: [
        drop({
          id: `${s}#quote`,
          type: 'TextQuoteSelector',
          exact,
          prefix: raw !== undefined && u ? lastCodePoints(raw.slice(Math.max(0, u.start - 2 * QUOTE_CONTEXT), u.start), QUOTE_CONTEXT) || null : null,
          suffix: raw !== undefined && u ? firstCodePoints(raw.slice(u.end, u.end + 2 * QUOTE_CONTEXT), QUOTE_CONTEXT) || null : null,
        }),
        { id: `${s}#position`, type: 'TextPositionSelector', start: r.char_start, end: r.char_end },
      ],
    },
  };
  return [event, annotation];
}

/** The ids of a statement's nodes, nested ones included, in document order (see statementGraphNodes). */
export const STATEMENT_SUBJECT_SUFFIXES = ['', '#annotation', '#target', '#quote', '#position'] as const;
const statementSubjectIds = (statementId: string) => STATEMENT_SUBJECT_SUFFIXES.map((x) => `${iri.statement(statementId)}${x}`);
/**
 * A statement's subjects in N-Quads order (as positions in STATEMENT_SUBJECT_SUFFIXES): their
 * IRIs differ only after the statement's, and `#` sorts before `>`, so annotation, position,
 * quote, target, then the statement itself.
 */
const NQ_ORDER = STATEMENT_SUBJECT_SUFFIXES.map((x, k) => ({ x, k })).sort((p, q) => (`${p.x}>` < `${q.x}>` ? -1 : 1)).map((p) => p.k);
const NQ_SUFFIXES = NQ_ORDER.map((k) => STATEMENT_SUBJECT_SUFFIXES[k] as string);

// ---- N-Quads, from the same nodes and the same term definitions -------------------------------

const XSD_STRING = 'http://www.w3.org/2001/XMLSchema#string';
const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';
const RDF_LANGSTRING = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#langString';

function expandIri(v: string): string {
  const i = v.indexOf(':');
  if (i > 0) {
    const p = v.slice(0, i) as keyof typeof PREFIXES;
    if (p in PREFIXES && !v.startsWith(`${p}://`)) return PREFIXES[p] + v.slice(i + 1);
  }
  return v;
}

// The escapes of N-Quads canonical form (as rdf-canonize writes them).
const LITERAL_ESCAPE = /[\u0000-\u001F\u007F"\\]/g;
const ECHAR: Record<string, string> = { '\b': '\\b', '\t': '\\t', '\n': '\\n', '\f': '\\f', '\r': '\\r', '"': '\\"', '\\': '\\\\' };
const escapeLiteral = (s: string) => s.replace(LITERAL_ESCAPE, (c) => ECHAR[c] ?? `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);
const IRI_ESCAPE = /[\u0000-\u0020<>"{}|^`\\]/g;
const escapeIri = (s: string) => s.replace(IRI_ESCAPE, (c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);

function termDef(key: string): { iri: string; type?: string } {
  const d = TERMS[key];
  if (d === undefined) throw new Error(`internal: JSON-LD term ${key} is not in the context`);
  if (typeof d === 'string') return { iri: expandIri(d) };
  return { iri: expandIri(d['@id']), ...(d['@type'] ? { type: d['@type'] === '@id' ? '@id' : expandIri(d['@type']) } : {}) };
}

/** A term's predicate as written in N-Quads, and its datatype; computed once per term, not per quad. */
const PREDICATES = new Map(Object.keys(TERMS).map((k) => { const d = termDef(k); return [k, { p: `<${escapeIri(d.iri)}>`, type: d.type }] as const; }));
/**
 * Each term's place in the order of its lines: N-Quads sort a subject's lines by predicate as
 * written (`<iri>`, and `>` cannot occur inside one, so no predicate is a prefix of another), then
 * by object. `type` is rdf:type.
 */
const LINE_RANK = (() => {
  const text = (k: string) => (k === 'type' ? `<${RDF_TYPE}>` : (PREDICATES.get(k) as { p: string }).p);
  const keys = [...PREDICATES.keys(), 'type'].sort((a, b) => (text(a) < text(b) ? -1 : text(a) > text(b) ? 1 : 0));
  return new Map(keys.map((k, i) => [k, i]));
})();
/** The terms whose predicate another term has too: their lines may interleave (ownQuads says so). */
const SHARED_PREDICATE = new Set(
  [...PREDICATES.keys()].filter((k) => [...PREDICATES].some(([j, d]) => j !== k && d.p === (PREDICATES.get(k) as { p: string }).p) || (PREDICATES.get(k) as { p: string }).p === `<${RDF_TYPE}>`),
);
const CLASS_IRIS = new Map(Object.keys(TERMS).map((k) => [k, `<${escapeIri(termDef(k).iri)}>`] as const));

/**
 * A node's own triples (nested nodes with an id are their own subjects: see subjectNodes), each
 * without its subject (`<predicate> <object> .\n`): the lines of one subject all start with
 * `<subject> `, so they sort as these do, and the subject is written once per line only when the
 * sorted group is (groupText). Appended in sorted order; returns whether that is certain (no two
 * of its terms share a predicate).
 */
function ownQuads(node: Node, out: string[]): boolean {
  // the keys in the order their lines sort (a node has a dozen: an insertion sort of their ranks)
  const keys: string[] = [];
  const ranks: number[] = [];
  for (const key in node) {
    if (key === 'id') continue;
    const r = LINE_RANK.get(key) ?? -1;
    let j = keys.length;
    for (; j > 0 && (ranks[j - 1] as number) > r; j--) {
      keys[j] = keys[j - 1] as string;
      ranks[j] = ranks[j - 1] as number;
    }
    keys[j] = key;
    ranks[j] = r;
  }
  let sorted = true;
  for (const key of keys) {
    const value = node[key];
    const from = out.length;
    ownLines(key, value, out);
    if (out.length - from > 1) sortRun(out, from);
    if (SHARED_PREDICATE.has(key)) sorted = false;
  }
  return sorted;
}

/** Sorts `lines` from `from` on, in place (the values of one term: mostly a few, an insertion sort). */
function sortRun(lines: string[], from: number): void {
  if (lines.length - from > 32) {
    // many (the dataset's `used`, one per document): the library's sort, in the same code-unit order
    const run = lines.slice(from).sort();
    for (let i = 0; i < run.length; i++) lines[from + i] = run[i] as string;
    return;
  }
  for (let i = from + 1; i < lines.length; i++) {
    const x = lines[i] as string;
    let j = i;
    for (; j > from && (lines[j - 1] as string) > x; j--) lines[j] = lines[j - 1] as string;
    lines[j] = x;
  }
}

/** The lines of one term of a node. */
function ownLines(key: string, value: unknown, out: string[]): void {
  const values = Array.isArray(value) ? value : [value];
  if (key === 'type') {
    for (const t of values) {
      const c = CLASS_IRIS.get(t as string);
      if (c === undefined) throw new Error(`internal: JSON-LD term ${String(t)} is not in the context`);
      out.push(`<${RDF_TYPE}> ${c} .\n`);
    }
    return;
  }
  const def = PREDICATES.get(key);
  if (def === undefined) throw new Error(`internal: JSON-LD term ${key} is not in the context`);
  const p = def.p;
  for (const v of values) {
    if (typeof v === 'object' && v !== null && 'id' in v) {
      out.push(`${p} <${escapeIri((v as Node).id as string)}> .\n`);
    } else if (typeof v === 'object' && v !== null && '@value' in v) {
      const lv = v as { '@value': string; '@language'?: string };
      out.push(`${p} "${escapeLiteral(lv['@value'])}"@${lv['@language']!.toLowerCase()} .\n`);
    } else if (def.type === '@id') {
      out.push(`${p} <${escapeIri(v as string)}> .\n`);
    } else if (typeof v === 'number') {
      if (!Number.isInteger(v)) throw new Error(`internal: non-integer JSON number for ${key}`);
      out.push(`${p} "${v}"^^<${def.type ?? 'http://www.w3.org/2001/XMLSchema#integer'}> .\n`);
    } else {
      const dt = def.type ?? XSD_STRING;
      out.push(dt === XSD_STRING ? `${p} "${escapeLiteral(String(v))}" .\n` : `${p} "${escapeLiteral(String(v))}"^^<${dt}> .\n`);
    }
  }
}

/** Every node with an id, nested ones included, in a fixed order. */
function subjectNodes(top: Node[]): Node[] {
  const out: Node[] = [];
  const visit = (n: Node) => {
    out.push(n);
    for (const k in n) {
      const v = n[k];
      if (Array.isArray(v)) {
        for (const x of v) if (typeof x === 'object' && x !== null && 'id' in x) visit(x as Node);
      } else if (typeof v === 'object' && v !== null && 'id' in v) visit(v as Node);
    }
  };
  top.forEach(visit);
  return out;
}

const subjectKey = (n: Node) => `<${escapeIri(n.id as string)}>`;

/** One subject's lines (ownQuads' lines, without the subject), sorted and de-duplicated, each after `<subject> `. */
function groupText(subject: string, lines: string[], sorted = false): string {
  // ownQuads gives a node's lines sorted; merged nodes' lines, or two terms of one predicate, may not be
  for (let k = 1; !sorted && k < lines.length; k++) {
    if ((lines[k - 1] as string) > (lines[k] as string)) {
      lines.sort();
      break;
    }
  }
  const lead = `${subject} `;
  let group = '';
  for (let k = 0; k < lines.length; k++) if (k === 0 || lines[k] !== lines[k - 1]) group += lead + lines[k];
  return group;
}

/**
 * The N-Quads of a statement's nodes, one text per subject, in N-Quads order (NQ_ORDER): where no
 * other subject falls among them, the five texts one after the other are the statement's share of
 * graph.nq.
 */
export function statementQuadGroups(statementId: string, nodes: [Node, Node]): string[] {
  const subs = subjectNodes(nodes);
  const ids = statementSubjectIds(statementId);
  if (subs.length !== ids.length || subs.some((n, k) => n.id !== ids[k])) throw new Error(`internal: the subjects of statement ${statementId} are not ${ids.join(', ')}`);
  return NQ_ORDER.map((k) => {
    const n = subs[k] as Node;
    const lines: string[] = [];
    return groupText(subjectKey(n), lines, ownQuads(n, lines));
  });
}

const decoder = new TextDecoder();
const asText = (b: string | Uint8Array) => (typeof b === 'string' ? b : decoder.decode(b));

/**
 * Sorted, de-duplicated N-Quads of the graph: canonical because no node is blank. Every line
 * starts with `<subject> ` and `>` cannot occur inside an escaped IRI, so sorting the subjects and
 * then each subject's lines gives the order of sorting all lines, without holding them all. The
 * head's subjects are few and sorted here; the statements' come from `group(i, k)` (statement i,
 * its k-th subject in NQ_ORDER, as statementQuadGroups gives them), in the order of their keys:
 * statement ids sorted, and where one id is a prefix of the next (`s1` and `s1-2`) the subjects
 * of that run sorted together, since only there can they interleave. Nodes with the same subject
 * (two documents with the same bytes) are merged. `whole(i)`, when given, is statement i's five
 * groups at once (what the common case writes).
 */
export function writeNQuads<P = never>(head: Node[], statementIds: readonly string[], group: (i: number, k: number) => string | Uint8Array, out: (s: string | Uint8Array | P) => void, whole?: (i: number) => string | Uint8Array | P): void {
  const byKey = new Map<string, string[]>();
  for (const n of subjectNodes(head)) {
    const k = subjectKey(n);
    let lines = byKey.get(k);
    if (!lines) byKey.set(k, (lines = []));
    ownQuads(n, lines);
  }
  const headKeys = [...byKey.keys()].sort();
  let h = 0;
  const enc = statementIds.map((id) => {
    const e = encodeURIComponent(id);
    return e === id ? id : e;
  });
  const order = sortedOrder(enc);
  const prefix = `<${escapeIri(iri.statement(''))}`;
  /** The head subjects that sort before `key`. */
  const headBefore = (key: string) => {
    while (h < headKeys.length && (headKeys[h] as string) < key) {
      const k = headKeys[h++] as string;
      out(groupText(k, byKey.get(k) as string[]));
    }
  };
  const emit = (key: string, text: () => string | Uint8Array) => {
    headBefore(key);
    // (merged with an equal head subject)
    if (h < headKeys.length && headKeys[h] === key) {
      // the statement's lines all start with `${key} `
      const lines = [...(byKey.get(key) as string[]), ...asText(text()).split('\n').filter(Boolean).map((l) => `${l.slice(key.length + 1)}\n`)];
      h++;
      out(groupText(key, lines));
    } else out(text());
  };
  // A statement whose id is no other's prefix has its subjects in NQ_ORDER: no key is made for
  // it unless a head subject could fall among the statements' own.
  const headAmong = headKeys.some((k) => k.startsWith(prefix));
  for (let a = 0; a < order.length; ) {
    const first = enc[order[a] as number] as string;
    let b = a + 1;
    while (b < order.length && (enc[order[b] as number] as string).startsWith(first)) b++;
    if (b - a === 1 && !headAmong) {
      const i = order[a] as number;
      headBefore(prefix);
      if (whole) out(whole(i));
      else for (let k = 0; k < NQ_ORDER.length; k++) out(group(i, k));
      a = b;
      continue;
    }
    const run: Array<{ key: string; i: number; k: number }> = [];
    for (let j = a; j < b; j++) {
      const i = order[j] as number;
      NQ_SUFFIXES.forEach((x, k) => run.push({ key: `${prefix}${enc[i]}${escapeIri(x)}>`, i, k }));
    }
    run.sort((p, q) => (p.key < q.key ? -1 : p.key > q.key ? 1 : p.i - q.i || p.k - q.k));
    for (const r of run) emit(r.key, () => group(r.i, r.k));
    a = b;
  }
  while (h < headKeys.length) {
    const k = headKeys[h++] as string;
    out(groupText(k, byKey.get(k) as string[]));
  }
}

export { RDF_LANGSTRING };
