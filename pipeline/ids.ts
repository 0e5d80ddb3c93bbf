// Content-derived identifiers: the same sentence of the same document gets the same id in every
// release, whatever the row order or the pipeline's internals.
import { hash } from 'node:crypto';

/** The sentence text as identity sees it: NFC, whitespace runs collapsed, trimmed. */
export function normaliseSentence(text: string): string {
  // the common sentence (ASCII, single spaces between words) skips the ICU call and the rewrite
  const nfc = NON_ASCII.test(text) ? text.normalize('NFC') : text;
  return (OTHER_SPACE.test(nfc) ? nfc.replace(/\s+/gu, ' ') : nfc).trim();
}

const NON_ASCII = /[^\u0000-\u007F]/;
/** Whitespace that /\s+/gu, ' ' would change: any but a lone space. */
const OTHER_SPACE = /[^\S ]| {2}/u;

/** `s` + 16 hex of sha256(document id, normalised text), `-n` for the n-th repeat in the document. */
export function deriveStatementId(documentId: string, text: string, occurrence = 1): string {
  // one-shot hash: no Hash object per statement (a release makes hundreds of thousands)
  const h = hash('sha256', `${documentId}\u0000${normaliseSentence(text)}`, 'hex');
  return `s${h.slice(0, 16)}${occurrence > 1 ? `-${occurrence}` : ''}`;
}

/**
 * Places the text names that the gazetteer does not hold (`the village of Gamburu`): their ids
 * are `unlisted-` and the folded name, so the same name is one place across documents.
 */
export const UNLISTED_PLACE = 'unlisted-';

export function unlistedPlaceId(name: string): string {
  const slug = name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/['’`]/g, '').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return UNLISTED_PLACE + slug;
}
