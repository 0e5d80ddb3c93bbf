// Content-derived identifiers: the same sentence of the same document gets the same id in every
// release, whatever the row order or the pipeline's internals.
import { hash } from 'node:crypto';

/** The sentence text as identity sees it: NFC, whitespace runs collapsed, trimmed. */
export function normaliseSentence(text: string): string {
  return text.normalize('NFC').replace(/\s+/gu, ' ').trim();
}

/** `s` + 16 hex of sha256(document id, normalised text), `-n` for the n-th repeat in the document. */
export function deriveStatementId(documentId: string, text: string, occurrence = 1): string {
  // one-shot hash: no Hash object per statement (a release makes hundreds of thousands)
  const h = hash('sha256', `${documentId}\u0000${normaliseSentence(text)}`, 'hex');
  return `s${h.slice(0, 16)}${occurrence > 1 ? `-${occurrence}` : ''}`;
}
