// The shapes every stage agrees on. Offsets are UTF-16 code-unit indices into the decoded
// raw text (JavaScript string indices), end exclusive; publish converts them to Unicode code
// points for the published tables.

/** Where a value came from in the raw text. */
export interface Span {
  start: number;
  end: number;
}

export type DocumentKind = 'wcep-markdown' | 'wikipedia-text' | 'news-text' | 'html' | 'plain-text';

export type BlockKind =
  | 'title' // document title line
  | 'heading' // section heading (level in Section)
  | 'paragraph'
  | 'list-item'
  | 'infobox-field'
  | 'headline' // news / WCEP headline
  | 'byline'
  | 'dateline'
  | 'caption'
  | 'source' // a cited source line (WCEP "Source:" list)
  | 'related'; // a WCEP related item

/** A heading and what follows it up to the next heading of the same or higher level. */
export interface Section {
  index: number;
  /** 0 for the document body before any heading, 1 for `= T =`, 2 for `== T ==` ... */
  level: number;
  heading: string;
  /** Span of the heading text (without the `==` marks); absent for the root section. */
  headingSpan?: Span;
  /** Index of the enclosing section, or null for the root. */
  parent: number | null;
}

export interface Block {
  index: number;
  kind: BlockKind;
  section: number;
  span: Span;
  /** Infobox field key (`Date`, `Place`...) for `infobox-field` blocks. */
  key?: string;
  /** Span of the value of an infobox field. */
  valueSpan?: Span;
  /**
   * A date the document's structure gives this block, not its prose: the WCEP day page heading
   * or a related item's link path (`/news/2017/03/18/...`). ISO `YYYY-MM-DD`.
   */
  structuralDate?: string;
  /** Where the structural date was read from. */
  structuralDateSpan?: Span;
  /** WCEP `_Context: a, b_` tags. */
  tags?: string[];
  /** Link target of a WCEP headline / related item / source. */
  href?: string;
}

export interface Sentence {
  index: number;
  block: number;
  span: Span;
  /** The raw characters of the span (text.slice(span.start, span.end)). */
  text: string;
}

export interface Document {
  id: string;
  path: string;
  kind: DocumentKind;
  /** The decoded raw text, byte-for-byte the file (BOM removed, line ends untouched). */
  text: string;
  title?: string;
  /** Publication date/time as ISO 8601 (`2014-05-07T21:01+10:00` or `2014-02-07`). */
  published?: string;
  /** Where `published` came from: the manifest, or a span of the document. */
  publishedFrom?: 'manifest' | Span;
  sections: Section[];
  blocks: Block[];
  sentences: Sentence[];
  /**
   * Set when `text` is a text view of markup (HTML): the raw-file offset (UTF-16, into the
   * decoded file) of each character of `text`, plus one entry for the end. Spans map to the
   * raw file through it; without it, `text` is the raw file itself.
   */
  rawOffsets?: Uint32Array;
}

export type Severity = 'error' | 'warning' | 'info';

export interface Point {
  line: number; // from 1
  column: number; // from 1
  offset: number; // from 0
}

/** One problem, collected rather than thrown (vfile-message style). */
export interface Message {
  reason: string;
  ruleId: string;
  stage: string;
  file: string;
  severity: Severity;
  place?: { start: Point; end: Point };
  actual?: string;
  expected?: string;
  /** JSON Pointer of the offending value, for problems inside a JSON record. */
  pointer?: string;
}

export type DatePrecision = 'day' | 'month' | 'year' | 'part-of-month' | 'season' | 'interval' | 'time';
export type DateQualifier = 'on' | 'by' | 'around' | 'after' | 'before' | 'since' | 'until' | 'during' | 'planned';
export type YearBasis = 'explicit' | 'inherited' | 'heading' | 'document-date';

/** The date that anchors what a sentence asserts. */
export interface SentenceDate {
  /** Inclusive ISO dates. */
  start: string;
  end: string;
  edtf: string;
  precision: DatePrecision;
  qualifier: DateQualifier;
  /** Verbatim expression and its span in the raw text. */
  text: string;
  span: Span;
  rule: string;
  yearBasis: YearBasis;
  /** What the value was resolved against (`heading:…`, `previous:…`, `published:…`). */
  resolvedFrom?: string;
  /** ACLED time_precision: 1 day, 2 week/part of month, 3 month or coarser. */
  acledTimePrecision: 1 | 2 | 3;
  /** UCDP GED date_prec: 1 day, 2 2-6 days, 3 week, 4 month, 5 longer. */
  ucdpDatePrec: 1 | 2 | 3 | 4 | 5;
}

export interface Casualties {
  killedLow?: number;
  killedHigh?: number;
  killedText?: string;
  woundedLow?: number;
  woundedHigh?: number;
  woundedText?: string;
}

export interface EntityMention {
  id: string;
  text: string;
  span: Span;
}

export interface ActorMention extends EntityMention {
  role: 'actor' | 'target' | 'mentioned';
}

export type ClaimKind = 'reported' | 'claimed' | 'denied' | 'confirmed';

export interface ClaimMention extends EntityMention {
  kind: ClaimKind;
}

/** One dated statement: the record that statements.csv publishes. */
export interface Statement {
  statementId: string;
  documentId: string;
  sentence: number;
  text: string;
  span: Span;
  section?: string;
  date: SentenceDate;
  places: EntityMention[];
  actors: ActorMention[];
  sources: ClaimMention[];
  casualties: Casualties;
}

/** One entry of raw/sources.json: a raw document and its provenance. */
export interface SourceEntry {
  id: string;
  path: string; // relative to the raw folder
  kind?: DocumentKind;
  title?: string;
  url?: string;
  publisher?: string;
  published?: string; // ISO 8601 date or date-time with offset
  retrieved?: string; // ISO date
  licence?: string; // SPDX id where one exists (CC-BY-SA-4.0)
  licence_url?: string;
  attribution?: string;
  sha256: string;
  language?: string; // BCP 47
  notes?: string;
}

/** A value taken from outside the project, with where it came from. */
export interface SourcedValue<T> {
  value: T;
  source: string; // URL or citation of the public source
}

export type GeoPrecision = 'point' | 'neighbourhood' | 'city' | 'region' | 'country' | 'area' | 'unknown';

/** One entry of gazetteer/places.json. */
export interface PlaceRecord {
  place_id: string;
  name: string;
  alt_names: string[];
  name_ar?: string;
  type: string;
  parent?: string;
  latitude?: number;
  longitude?: number;
  geo_precision: GeoPrecision;
  coordinates_source?: string;
  wikidata_qid?: string;
  wikidata_source?: string;
  geonames_id?: string;
  geonames_source?: string;
  /**
   * Names that denote this place only when the context points to its parent area (`Jobar`
   * is a district of Homs and of Damascus); several entries may share one.
   */
  context_names?: string[];
  note?: string;
  /** The country this city is the capital of (from the list in wikidata_source). */
  capital_of?: string;
}

/** One entry of gazetteer/actors.json. */
export interface ActorRecord {
  actor_id: string;
  name: string;
  alt_names: string[];
  type: string;
  side?: string;
  parent?: string;
  wikidata_qid?: string;
  wikidata_source?: string;
  /**
   * Common-noun phrases that mean this actor in a conflict narrative (`government forces`,
   * `rebels`); they yield to a more specific name or nationality in front of them.
   */
  generic_names?: string[];
  /** place_id of the country the actor belongs to; its generic names need that country in context. */
  country?: string;
  note?: string;
}
