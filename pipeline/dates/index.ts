// The dates stage: a temporal tagger (pass 1 recognise, pass 2 resolve) and the dating of
// each sentence's main event.
export { tagPlainText } from './plain.ts';
export type { TimexExpression } from './plain.ts';
export { recognise } from './recognise.ts';
export { RULES, REFINERS } from './rules/index.ts';
export { dateDocument } from './statements.ts';
export type { DatedDocument } from './statements.ts';
