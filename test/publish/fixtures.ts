// Hand-built release inputs: two small documents with hostile content (quotes, commas, newlines,
// a formula-looking sentence, Arabic, emoji outside the BMP) and a gazetteer.
import { createHash } from 'node:crypto';
import type { ActorRecord, PlaceRecord, Statement } from '../../pipeline/types.ts';
import type { ReleaseInput } from '../../pipeline/publish/index.ts';

export const DOC_A = [
  'Homs report 🙂 حمص',
  '',
  'On 8 May 2014, the last rebels left the Old City, "according to SOHR", after 3 years.',
  '=cmd|\' /C calc\'!A0 was shelled on 9 May 2014, activists said.',
  'Fighting in al-Khalidiya, Homs, resumed on 10 May 2014;\nat least 12 people were killed.',
  'On 8 May 2014, the last rebels left the Old City, "according to SOHR", after 3 years.',
  '',
].join('\n');

export const DOC_B = 'SANA claimed on 7 February 2014 that civilians 👨‍👩‍👧 were evacuated from Homs.\n';

const sha = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

/** A statement over the first occurrence (after `from`) of `sentence` in `text`. */
export function stmt(documentId: string, text: string, sentence: string, from = 0, extra: Partial<Statement> = {}): Statement {
  const start = text.indexOf(sentence, from);
  if (start < 0) throw new Error(`fixture: ${sentence} not in ${documentId}`);
  const dateText = /\d+ \w+ \d{4}/u.exec(sentence)?.[0] ?? '';
  const ds = start + sentence.indexOf(dateText);
  return {
    statementId: 'upstream-id',
    documentId,
    sentence: 0,
    text: sentence,
    span: { start, end: start + sentence.length },
    date: {
      start: '2014-05-08',
      end: '2014-05-08',
      edtf: '2014-05-08',
      precision: 'day',
      qualifier: 'on',
      text: dateText,
      span: { start: ds, end: ds + dateText.length },
      rule: 'day-month-year',
      yearBasis: 'explicit',
      acledTimePrecision: 1,
      ucdpDatePrec: 1,
    },
    places: [],
    actors: [],
    sources: [],
    casualties: {},
    ...extra,
  };
}

const find = (text: string, s: string, from = 0) => {
  const i = text.indexOf(s, from);
  return { start: i, end: i + s.length };
};

export const PLACES: PlaceRecord[] = [
  { place_id: 'homs', name: 'Homs', alt_names: ['Hims', 'حمص'], name_ar: 'حمص', type: 'city', parent: 'syria', latitude: 34.7324, longitude: 36.7137, geo_precision: 'city', wikidata_qid: 'Q131301', geonames_id: '169577' },
  { place_id: 'khalidiya', name: 'Khalidiya', alt_names: ['al-Khalidiya', 'Khaldieh', 'Khaldiyeh'], type: 'neighbourhood', parent: 'homs', geo_precision: 'neighbourhood' },
  { place_id: 'old-city', name: 'Old City of Homs', alt_names: ['Old City'], type: 'neighbourhood', parent: 'homs', latitude: 34.7311, longitude: 36.7175, geo_precision: 'neighbourhood' },
  { place_id: 'syria', name: 'Syria', alt_names: [], type: 'country', latitude: 35, longitude: 38, geo_precision: 'country', wikidata_qid: 'Q858' },
];

export const ACTORS: ActorRecord[] = [
  { actor_id: 'rebels', name: 'Rebels', alt_names: ['opposition fighters'], type: 'armed-group', side: 'opposition' },
  { actor_id: 'sohr', name: 'Syrian Observatory for Human Rights', alt_names: ['SOHR'], type: 'organisation' },
  { actor_id: 'sana', name: 'Syrian Arab News Agency', alt_names: ['SANA'], type: 'media', side: 'government', wikidata_qid: 'Q1132645' },
  { actor_id: 'civilians', name: 'Civilians', alt_names: [], type: 'civilians' },
];

const S1 = 'On 8 May 2014, the last rebels left the Old City, "according to SOHR", after 3 years.';
const S2 = "=cmd|' /C calc'!A0 was shelled on 9 May 2014, activists said.";
const S3 = 'Fighting in al-Khalidiya, Homs, resumed on 10 May 2014;\nat least 12 people were killed.';
const S4 = 'SANA claimed on 7 February 2014 that civilians 👨‍👩‍👧 were evacuated from Homs.';

export function statements(): Statement[] {
  const second = DOC_A.indexOf(S1) + 1;
  return [
    stmt('doc-b', DOC_B, S4, 0, {
      date: { ...stmt('doc-b', DOC_B, S4).date, start: '2014-02-07', end: '2014-02-07', edtf: '2014-02-07' },
      places: [{ id: 'homs', text: 'Homs', span: find(DOC_B, 'Homs') }],
      actors: [{ id: 'civilians', text: 'civilians', span: find(DOC_B, 'civilians'), role: 'target' }],
      sources: [{ id: 'sana', text: 'SANA claimed', span: find(DOC_B, 'SANA claimed'), kind: 'claimed' }],
    }),
    stmt('doc-a', DOC_A, S3, 0, {
      section: 'May 2014',
      places: [
        { id: 'khalidiya', text: 'al-Khalidiya', span: find(DOC_A, 'al-Khalidiya') },
        { id: 'homs', text: 'Homs', span: find(DOC_A, 'Homs,') && { start: find(DOC_A, 'Homs, resumed').start, end: find(DOC_A, 'Homs, resumed').start + 4 } },
      ],
      casualties: { killedLow: 12, killedHigh: 12, killedText: 'at least 12 people were killed' },
    }),
    stmt('doc-a', DOC_A, S1, second, {
      actors: [{ id: 'rebels', text: 'rebels', span: find(DOC_A, 'rebels', second), role: 'actor' }],
    }),
    stmt('doc-a', DOC_A, S1, 0, {
      places: [{ id: 'old-city', text: 'Old City', span: find(DOC_A, 'Old City') }],
      actors: [{ id: 'rebels', text: 'rebels', span: find(DOC_A, 'rebels'), role: 'actor' }],
      sources: [{ id: 'sohr', text: 'according to SOHR', span: find(DOC_A, 'according to SOHR'), kind: 'reported' }],
    }),
    stmt('doc-a', DOC_A, S2, 0, { date: { ...stmt('doc-a', DOC_A, S2).date, start: '2014-05-09', end: '2014-05-09', edtf: '2014-05-09', resolvedFrom: 'previous:2014-05-08' } }),
  ];
}

export function input(over: Partial<ReleaseInput> = {}): ReleaseInput {
  return {
    version: '1.0.0',
    statements: statements(),
    documents: [
      { entry: { id: 'doc-a', path: 'doc-a.txt', kind: 'plain-text', title: 'Report, with "quotes"', publisher: 'Example News', published: '2014-05-10', retrieved: '2026-12-01', licence: 'CC-BY-SA-4.0', licence_url: 'https://creativecommons.org/licenses/by-sa/4.0/', attribution: 'Example News contributors', sha256: sha(DOC_A), language: 'en' }, kind: 'plain-text', text: DOC_A },
      { entry: { id: 'doc-b', path: 'doc-b.txt', kind: 'news-text', publisher: 'Agency', published: '2014-02-07T21:01+10:00', retrieved: '2026-11-30', licence: 'LicenseRef-All-Rights-Reserved', sha256: sha(DOC_B), language: 'en' }, kind: 'news-text', title: 'Evacuation', text: DOC_B },
    ],
    places: PLACES,
    actors: ACTORS,
    ...over,
  };
}
