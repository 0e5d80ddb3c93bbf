// A refiner rewrites the recognised mentions (in document order) once all rules have run:
// attaching part words and prepositions, joining ranges. Each has an id stamped on its output.
import type { Mention } from '../model.ts';

export interface Refiner {
  id: string;
  refine: (mentions: Mention[], text: string) => Mention[];
}

const SPACE = /\s/y;

/**
 * Whether the character before `at` is whitespace (regex `\s`): a cheap guard before a
 * look-behind regex that ends in `\s+$`, which cannot match otherwise.
 */
export function spaceBefore(text: string, at: number): boolean {
  if (at <= 0) return false;
  SPACE.lastIndex = at - 1;
  return SPACE.test(text);
}
