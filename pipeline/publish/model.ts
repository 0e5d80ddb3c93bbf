// The published tables: one declaration per column, in the column order of the CSV. This list is
// the single source of the CSV header, the Table Schemas in datapackage.json, the column
// dictionary of the dataset card and the change classification of the diff.

export type FieldType = 'string' | 'integer' | 'number' | 'date' | 'list';

export interface FieldSpec {
  name: string;
  type: FieldType;
  description: string;
  /** An example value as it appears in the CSV (also shown in the dataset card). */
  example: string;
  required?: boolean;
  /** Controlled vocabulary: every non-null value is one of these. */
  categories?: readonly string[];
  pattern?: string;
  minimum?: number;
  /** For list fields: the item delimiter and item type. */
  delimiter?: string;
  itemType?: 'string';
}

export interface ForeignKeySpec {
  fields: string[];
  resource: string; // '' = the same table
  referenceFields: string[];
}

export interface TableSpec {
  name: string; // resource name and file stem
  title: string;
  description: string;
  fields: readonly FieldSpec[];
  primaryKey: string[];
  foreignKeys: ForeignKeySpec[];
}

export const DATE_PRECISIONS = ['day', 'month', 'year', 'part-of-month', 'season', 'interval', 'time'] as const;
export const DATE_QUALIFIERS = ['on', 'by', 'around', 'after', 'before', 'since', 'until', 'during', 'planned'] as const;
export const YEAR_BASES = ['explicit', 'inherited', 'heading', 'document-date'] as const;
export const ACTOR_ROLES = ['actor', 'target', 'mentioned'] as const;
export const CLAIM_KINDS = ['reported', 'claimed', 'denied', 'confirmed'] as const;
export const DOCUMENT_KINDS = ['wcep-markdown', 'wikipedia-text', 'news-text', 'html', 'plain-text'] as const;
export const GEO_PRECISIONS = ['point', 'neighbourhood', 'city', 'region', 'country', 'area', 'unknown'] as const;
export const ENTITY_TABLES = ['statements', 'documents', 'places', 'actors'] as const;

const ISO_DATE = '^[0-9]{4}-[0-9]{2}-[0-9]{2}$';
const ID = '^[A-Za-z0-9][A-Za-z0-9._:-]*$';

const span = (what: string): FieldSpec[] => [
  {
    name: 'char_start',
    type: 'integer',
    description: `Start of the ${what} in the raw document, in Unicode code points from 0 (Python str indexing).`,
    example: '1043',
    required: true,
    minimum: 0,
  },
  {
    name: 'char_end',
    type: 'integer',
    description: `End of the ${what} in the raw document, in code points, exclusive.`,
    example: '1071',
    required: true,
    minimum: 0,
  },
];

export const STATEMENTS: TableSpec = {
  name: 'statements',
  title: 'Dated statements',
  description:
    'One row per sentence that says something happened at a time, with the time normalised, the places and actors it names, who claims it and the casualties it reports.',
  primaryKey: ['statement_id'],
  foreignKeys: [{ fields: ['document_id'], resource: 'documents', referenceFields: ['document_id'] }],
  fields: [
    {
      name: 'statement_id',
      type: 'string',
      description:
        'Stable id: a hash of the document id and the whitespace-normalised NFC sentence text, with `-2`, `-3`... when the same sentence occurs again in the same document. Never derived from row order.',
      example: 's3f9a0c1d2b4e5f60',
      required: true,
      pattern: '^s[0-9a-f]{16}(-[0-9]+)?$',
    },
    { name: 'document_id', type: 'string', description: 'The raw document the sentence is in (documents.csv).', example: 'wikipedia-siege-of-homs', required: true, pattern: ID },
    { name: 'sentence_index', type: 'integer', description: 'Index of the sentence in its document, from 0 (for ordering; not an identifier).', example: '42', required: true, minimum: 0 },
    { name: 'text', type: 'string', description: 'The sentence, verbatim from the raw document.', example: 'On 8 May, the last rebels left the Old City.', required: true },
    ...span('sentence'),
    { name: 'section', type: 'string', description: 'Heading of the section the sentence is in; null in the body before any heading.', example: 'January-February 2013 army offensive' },
    { name: 'date_start', type: 'date', description: 'First day the statement can refer to (inclusive, ISO 8601). Empty only for a date outside years 0001-9999 (BC), whose exact value is in date_edtf.', example: '2014-05-08', pattern: ISO_DATE },
    { name: 'date_end', type: 'date', description: 'Last day the statement can refer to (inclusive, ISO 8601). Empty only for a date outside years 0001-9999 (BC), whose exact value is in date_edtf.', example: '2014-05-08', pattern: ISO_DATE },
    { name: 'date_edtf', type: 'string', description: 'The date as an Extended Date/Time Format (ISO 8601-2, 2019) value: `2014-05-08`, `2013-10~`, `2012-02-04/2012-03-01`.', example: '2014-05-08', required: true },
    { name: 'date_precision', type: 'string', description: 'Granularity of the date as written.', example: 'day', required: true, categories: DATE_PRECISIONS },
    { name: 'date_qualifier', type: 'string', description: 'How the statement relates to the date (`by 10 May` = by, `around 5 December` = around).', example: 'on', required: true, categories: DATE_QUALIFIERS },
    { name: 'date_text', type: 'string', description: 'The temporal expression verbatim.', example: 'On 8 May', required: true },
    { name: 'date_char_start', type: 'integer', description: 'Start of the temporal expression in the raw document (code points).', example: '1043', minimum: 0 },
    { name: 'date_char_end', type: 'integer', description: 'End of the temporal expression (code points, exclusive).', example: '1051', minimum: 0 },
    { name: 'date_rule', type: 'string', description: 'Id of the rule that recognised and resolved the date.', example: 'day-month-inherited-year', required: true },
    { name: 'year_basis', type: 'string', description: 'Where the year came from: written in the expression, inherited from the narrative, from a section heading, or from the document date.', example: 'inherited', required: true, categories: YEAR_BASES },
    { name: 'date_resolved_from', type: 'string', description: 'What an incomplete or relative date was resolved against (`heading:…`, `previous:…`, `published:…`).', example: 'previous:2014-05-07' },
    { name: 'acled_time_precision', type: 'integer', description: 'ACLED time_precision: 1 day, 2 week or part of a month, 3 month or coarser.', example: '1', required: true, categories: ['1', '2', '3'] },
    { name: 'ucdp_date_prec', type: 'integer', description: 'UCDP GED date_prec: 1 day, 2 two to six days, 3 week, 4 month, 5 longer.', example: '1', required: true, categories: ['1', '2', '3', '4', '5'] },
    { name: 'place_ids', type: 'list', delimiter: ';', itemType: 'string', description: 'Places named in the sentence (places.csv), `;`-separated, in order of first mention; one row each in statement_places.csv.', example: 'homs;homs-old-city' },
    { name: 'actor_ids', type: 'list', delimiter: ';', itemType: 'string', description: 'Actors named in the sentence (actors.csv), `;`-separated; roles in statement_actors.csv.', example: 'syrian-armed-forces;rebels' },
    { name: 'source_ids', type: 'list', delimiter: ';', itemType: 'string', description: 'Who the sentence attributes the claim to (actors.csv ids: "SOHR said" = sohr), `;`-separated; claim kinds in statement_sources.csv.', example: 'sohr' },
    { name: 'claim_kinds', type: 'list', delimiter: ';', itemType: 'string', description: 'Kind of each attribution in source_ids, in the same order (reported, claimed, denied, confirmed).', example: 'reported' },
    { name: 'killed_low', type: 'integer', description: 'Lowest number of people reported killed in the sentence; null when none is given.', example: '12', minimum: 0 },
    { name: 'killed_high', type: 'integer', description: 'Highest number of people reported killed (equal to killed_low for an exact figure).', example: '15', minimum: 0 },
    { name: 'killed_text', type: 'string', description: 'The casualty expression verbatim.', example: 'at least 12 people were killed' },
    { name: 'wounded_low', type: 'integer', description: 'Lowest number of people reported wounded.', example: '30', minimum: 0 },
    { name: 'wounded_high', type: 'integer', description: 'Highest number of people reported wounded.', example: '40', minimum: 0 },
    { name: 'wounded_text', type: 'string', description: 'The wounded expression verbatim.', example: 'dozens were wounded' },
  ],
};

export const DOCUMENTS: TableSpec = {
  name: 'documents',
  title: 'Raw documents',
  description: 'The pinned raw documents the statements come from, with their provenance and licence.',
  primaryKey: ['document_id'],
  foreignKeys: [],
  fields: [
    { name: 'document_id', type: 'string', description: 'Stable id of the raw document.', example: 'wikipedia-siege-of-homs', required: true, pattern: ID },
    { name: 'path', type: 'string', description: 'Path of the raw file in the project\'s `raw/` folder.', example: 'wikipedia-siege-of-homs.txt', required: true },
    { name: 'kind', type: 'string', description: 'Format of the raw document.', example: 'wikipedia-text', required: true, categories: DOCUMENT_KINDS },
    { name: 'title', type: 'string', description: 'Title of the document.', example: 'Siege of Homs' },
    { name: 'url', type: 'string', description: 'Where the document was retrieved from.', example: 'https://en.wikipedia.org/wiki/Siege_of_Homs' },
    { name: 'publisher', type: 'string', description: 'Who published the document.', example: 'Wikipedia' },
    { name: 'published', type: 'string', description: 'Publication date or date-time as ISO 8601, with the offset the document gives.', example: '2014-05-07T21:01+10:00', pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}([T ][0-9:.]+(Z|[+-][0-9]{2}:?[0-9]{2})?)?$' },
    { name: 'published_date', type: 'date', description: 'The calendar date of `published` as written (local to the publisher).', example: '2014-05-07', pattern: ISO_DATE },
    { name: 'retrieved', type: 'date', description: 'When the snapshot was taken.', example: '2026-12-01', pattern: ISO_DATE },
    { name: 'licence', type: 'string', description: 'SPDX licence id of the document.', example: 'CC-BY-SA-4.0' },
    { name: 'licence_url', type: 'string', description: 'URL of the licence text.', example: 'https://creativecommons.org/licenses/by-sa/4.0/' },
    { name: 'attribution', type: 'string', description: 'The attribution the licence requires.', example: 'Wikipedia contributors, "Siege of Homs", English Wikipedia' },
    { name: 'language', type: 'string', description: 'BCP 47 language tag.', example: 'en' },
    { name: 'sha256', type: 'string', description: 'SHA-256 of the raw file bytes (lower-case hex).', example: '43d7b06d551c942e21ab174b010a9f3a3d0662eee44792b93fe1b13a7128ef94', required: true, pattern: '^[0-9a-f]{64}$' },
    { name: 'characters', type: 'integer', description: 'Length of the decoded raw text in code points (the range of char offsets).', example: '85102', minimum: 0 },
    { name: 'statement_count', type: 'integer', description: 'Number of statements published from the document.', example: '181', required: true, minimum: 0 },
  ],
};

export const PLACES: TableSpec = {
  name: 'places',
  title: 'Places (gazetteer)',
  description: 'Places the statements name, with spelling variants, coordinates and external identifiers.',
  primaryKey: ['place_id'],
  foreignKeys: [{ fields: ['parent_id'], resource: '', referenceFields: ['place_id'] }],
  fields: [
    { name: 'place_id', type: 'string', description: 'Stable id of the place.', example: 'khalidiya', required: true, pattern: ID },
    { name: 'name', type: 'string', description: 'Preferred English name.', example: 'Khalidiya', required: true },
    { name: 'alt_names', type: 'list', delimiter: ';', itemType: 'string', description: 'Other spellings and transliterations, `;`-separated.', example: 'Khaldieh;Khaldiyeh;al-Khalidiyah' },
    { name: 'name_ar', type: 'string', description: 'Name in Arabic script.', example: 'الخالدية' },
    { name: 'type', type: 'string', description: 'Kind of place (city, neighbourhood, governorate, country...).', example: 'neighbourhood', required: true },
    { name: 'parent_id', type: 'string', description: 'The place this one is in (places.csv).', example: 'homs' },
    { name: 'latitude', type: 'number', description: 'WGS 84 latitude in decimal degrees.', example: '34.7461' },
    { name: 'longitude', type: 'number', description: 'WGS 84 longitude in decimal degrees.', example: '36.7209' },
    { name: 'geo_precision', type: 'string', description: 'What the coordinates stand for.', example: 'neighbourhood', required: true, categories: GEO_PRECISIONS },
    { name: 'wikidata_qid', type: 'string', description: 'Wikidata item id.', example: 'Q3400977', pattern: '^Q[1-9][0-9]*$' },
    { name: 'geonames_id', type: 'integer', description: 'GeoNames feature id.', example: '169577', minimum: 1 },
    { name: 'coordinates_source', type: 'string', description: 'Where the coordinates come from.', example: 'https://www.wikidata.org/wiki/Q3400977' },
    { name: 'wikidata_source', type: 'string', description: 'Where the Wikidata id was confirmed.', example: 'https://www.wikidata.org/wiki/Q3400977' },
    { name: 'geonames_source', type: 'string', description: 'Where the GeoNames id was confirmed.', example: 'https://www.geonames.org/169577' },
    { name: 'note', type: 'string', description: 'Curator\'s note.', example: 'Not the Khalidiya of Hama.' },
  ],
};

export const ACTORS: TableSpec = {
  name: 'actors',
  title: 'Actors (gazetteer)',
  description: 'Armed groups, institutions, people and claimants the statements name.',
  primaryKey: ['actor_id'],
  foreignKeys: [{ fields: ['parent_id'], resource: '', referenceFields: ['actor_id'] }],
  fields: [
    { name: 'actor_id', type: 'string', description: 'Stable id of the actor.', example: 'sohr', required: true, pattern: ID },
    { name: 'name', type: 'string', description: 'Preferred English name.', example: 'Syrian Observatory for Human Rights', required: true },
    { name: 'alt_names', type: 'list', delimiter: ';', itemType: 'string', description: 'Other names and abbreviations, `;`-separated.', example: 'SOHR;Observatory' },
    { name: 'type', type: 'string', description: 'Kind of actor (armed-forces, armed-group, civilians, organisation, person, media...).', example: 'organisation', required: true },
    { name: 'side', type: 'string', description: 'Side in the conflict, where one applies.', example: 'opposition' },
    { name: 'parent_id', type: 'string', description: 'The actor this one belongs to (actors.csv).', example: 'syrian-government' },
    { name: 'wikidata_qid', type: 'string', description: 'Wikidata item id.', example: 'Q1194603', pattern: '^Q[1-9][0-9]*$' },
    { name: 'wikidata_source', type: 'string', description: 'Where the Wikidata id was confirmed.', example: 'https://www.wikidata.org/wiki/Q1194603' },
    { name: 'note', type: 'string', description: 'Curator\'s note.', example: 'UK-based monitor with a network of sources in Syria.' },
  ],
};

const mention = (what: string): FieldSpec[] => [
  { name: 'mention_text', type: 'string', description: `The ${what} as written in the sentence.`, example: 'Khaldiyeh', required: true },
  { name: 'char_start', type: 'integer', description: 'Start of the mention in the raw document (code points).', example: '1060', required: true, minimum: 0 },
  { name: 'char_end', type: 'integer', description: 'End of the mention (code points, exclusive).', example: '1069', required: true, minimum: 0 },
];

export const STATEMENT_PLACES: TableSpec = {
  name: 'statement_places',
  title: 'Statement-place links',
  description: 'One row per place mention in a statement.',
  primaryKey: ['statement_id', 'place_id', 'char_start'],
  foreignKeys: [
    { fields: ['statement_id'], resource: 'statements', referenceFields: ['statement_id'] },
    { fields: ['place_id'], resource: 'places', referenceFields: ['place_id'] },
  ],
  fields: [
    { name: 'statement_id', type: 'string', description: 'The statement (statements.csv).', example: 's3f9a0c1d2b4e5f60', required: true },
    { name: 'place_id', type: 'string', description: 'The place (places.csv).', example: 'khalidiya', required: true },
    ...mention('place name'),
  ],
};

export const STATEMENT_ACTORS: TableSpec = {
  name: 'statement_actors',
  title: 'Statement-actor links',
  description: 'One row per actor mention in a statement, with the role the actor plays in it.',
  primaryKey: ['statement_id', 'actor_id', 'role', 'char_start'],
  foreignKeys: [
    { fields: ['statement_id'], resource: 'statements', referenceFields: ['statement_id'] },
    { fields: ['actor_id'], resource: 'actors', referenceFields: ['actor_id'] },
  ],
  fields: [
    { name: 'statement_id', type: 'string', description: 'The statement (statements.csv).', example: 's3f9a0c1d2b4e5f60', required: true },
    { name: 'actor_id', type: 'string', description: 'The actor (actors.csv).', example: 'syrian-armed-forces', required: true },
    { name: 'role', type: 'string', description: 'actor = does the thing, target = has it done to them, mentioned = named otherwise.', example: 'actor', required: true, categories: ACTOR_ROLES },
    ...mention('actor name'),
  ],
};

export const STATEMENT_SOURCES: TableSpec = {
  name: 'statement_sources',
  title: 'Statement attributions',
  description: 'One row per attribution ("SOHR said", "SANA claimed"): the claimant and the kind of claim. Claims are kept apart, never merged into one truth.',
  primaryKey: ['statement_id', 'source_id', 'claim_kind', 'char_start'],
  foreignKeys: [
    { fields: ['statement_id'], resource: 'statements', referenceFields: ['statement_id'] },
    { fields: ['source_id'], resource: 'actors', referenceFields: ['actor_id'] },
  ],
  fields: [
    { name: 'statement_id', type: 'string', description: 'The statement (statements.csv).', example: 's3f9a0c1d2b4e5f60', required: true },
    { name: 'source_id', type: 'string', description: 'The claimant (actors.csv).', example: 'sohr', required: true },
    { name: 'claim_kind', type: 'string', description: 'reported, claimed, denied or confirmed.', example: 'reported', required: true, categories: CLAIM_KINDS },
    ...mention('attribution'),
  ],
};

export const WITHDRAWN: TableSpec = {
  name: 'withdrawn_ids',
  title: 'Withdrawn ids',
  description: 'Every id a previous release published that this one no longer has, with the reason; carried forward from release to release so an id is never silently lost or reused.',
  primaryKey: ['table', 'id'],
  foreignKeys: [],
  fields: [
    { name: 'table', type: 'string', description: 'The table the id was in.', example: 'statements', required: true, categories: ENTITY_TABLES },
    { name: 'id', type: 'string', description: 'The withdrawn id.', example: 's3f9a0c1d2b4e5f60', required: true },
    { name: 'withdrawn_in', type: 'string', description: 'The first release without the id.', example: '2.0.0', required: true, pattern: '^[0-9]+\\.[0-9]+\\.[0-9]+$' },
    { name: 'reason', type: 'string', description: 'Why the id went away.', example: 'sentence text changed (re-segmented); see superseded_by', required: true },
    { name: 'superseded_by', type: 'string', description: 'The id that replaces it in the same table, where there is one.', example: 's0a1b2c3d4e5f6a7b' },
  ],
};

/** Every table of a release, in publication order (entities before the links that use them). */
export const TABLES: readonly TableSpec[] = [
  STATEMENTS,
  DOCUMENTS,
  PLACES,
  ACTORS,
  STATEMENT_PLACES,
  STATEMENT_ACTORS,
  STATEMENT_SOURCES,
  WITHDRAWN,
];

/** A table row: column name -> typed value, null for missing. */
export type Cell = string | number | string[] | null;
export type Row = Record<string, Cell>;
